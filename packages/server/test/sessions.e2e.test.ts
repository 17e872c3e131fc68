/**
 * Sign-in sessions and revocation, end to end: every login is a session the
 * user can list and sign out (over HTTP and over the socket), an admin can sign
 * out one session or a user everywhere, and a signed-out or expired token closes
 * its live connections (KICKED, with a reason) and is refused from then on — on
 * every node of a cluster (two nodes on PostgreSQL and Redis: a revoke on one
 * closes the socket on the other).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { AccountsSessionOp, CloseCode, ErrorCode, NoticeCode } from '@parley/protocol';
import {
  ADMIN_KEY,
  APP_KEY,
  CLUSTER_JWT_SECRET,
  createTestDatabase,
  fetchWithin,
  openAuthed,
  openRaw,
  registerUser,
  startTestServer,
  waitUntil,
  type RawClient,
  type TestDatabase,
  type TestServer,
} from '@parley/testkit';

const PASSWORD = 'correct horse battery';

async function appToken(sub: string, claims: Record<string, unknown> = {}, expiresIn: string | number = '1h', key = APP_KEY): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(key));
}

type Json = Record<string, any>;

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetchWithin(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

async function login(base: string, userId: string, device: string): Promise<{ token: string; sessionId: string }> {
  const res = await call(base, 'POST', '/v1/login', undefined, { userId, password: PASSWORD, device });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return { token: res.body.token, sessionId: res.body.sessionId };
}

/** The connection was told KICKED (a notice, then an Error) and closed (WebSocket: with 4006; raw TCP has no close codes). */
async function assertKicked(c: RawClient, reason: RegExp): Promise<void> {
  const notice = await c.waitFor((f) => f.body === 'notice' && f.notice?.code === NoticeCode.KICKED, 10_000, 'a KICKED notice');
  assert.match(notice.notice!.message ?? '', reason);
  const { code } = await c.waitForClose(10_000);
  if (code !== undefined) assert.equal(code, CloseCode.KICKED);
  assert.ok(c.frames.some((f) => f.body === 'error' && f.error?.code === ErrorCode.KICKED), 'an Error KICKED before the close');
}

async function refusedOnSocket(url: string, token: string): Promise<void> {
  const c = await openRaw(url);
  const reply = await c.request({ auth: { token, deviceId: 'again' } });
  assert.equal(reply.error?.code, ErrorCode.AUTH_FAILED);
  const { code } = await c.waitForClose();
  if (!url.startsWith('tcp')) assert.equal(code, CloseCode.AUTH_FAILED);
}

describe('Sessions and revocation (one node)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({});
  });
  after(() => server.stop());

  test('each login is a session the user lists (device, address, last seen), over HTTP and the socket', async () => {
    await registerUser(server.httpUrl, 'sam', PASSWORD);
    const phone = await login(server.httpUrl, 'sam', 'Phone (iOS)');
    const laptop = await login(server.httpUrl, 'sam', 'Laptop');
    const listed = await call(server.httpUrl, 'GET', '/v1/sessions', laptop.token);
    assert.equal(listed.status, 200);
    const sessions = listed.body.sessions as Json[];
    assert.equal(sessions.length, 3, 'register, phone and laptop');
    const mine = sessions.find((s) => s.sessionId === laptop.sessionId)!;
    assert.equal(mine.current, true);
    assert.equal(mine.device, 'Laptop');
    assert.match(mine.address, /127\.0\.0\.1|::1/);
    assert.ok(mine.lastSeen > 0 && mine.expiresAt > mine.createdAt);
    assert.equal(sessions.find((s) => s.sessionId === phone.sessionId)!.current, false);

    const c = await openAuthed(server.wsUrl, phone.token, 'sam-phone');
    const reply = await c.request({ sessions: { op: AccountsSessionOp.LIST } });
    assert.equal(reply.body, 'sessionsResult');
    const overSocket = reply.sessionsResult!.sessions!;
    assert.deepEqual(overSocket.map((s) => s.sessionId).sort(), sessions.map((s) => s.sessionId).sort());
    assert.equal(overSocket.find((s) => s.current)?.sessionId, phone.sessionId);
    c.close();
  });

  test('signing out one session closes its sockets (KICKED) and refuses its token; the other sessions go on', async () => {
    await registerUser(server.httpUrl, 'tia', PASSWORD);
    const a = await login(server.httpUrl, 'tia', 'A');
    const b = await login(server.httpUrl, 'tia', 'B');
    const onA = await openAuthed(server.wsUrl, a.token, 'tia-a');
    const onB = await openAuthed(server.tcpUrl, b.token, 'tia-b');
    const onB2 = await openAuthed(server.wsUrl, b.token, 'tia-b2');
    const out = await call(server.httpUrl, 'DELETE', `/v1/sessions/${b.sessionId}`, a.token);
    assert.equal(out.status, 200, JSON.stringify(out.body));
    assert.deepEqual(out.body.revoked, [b.sessionId]);
    await assertKicked(onB, /signed out/);
    await assertKicked(onB2, /signed out/);
    assert.equal(onA.isClosed(), false);
    const refused = await call(server.httpUrl, 'GET', '/v1/sessions', b.token);
    assert.deepEqual([refused.status, refused.body.error.code], [401, ErrorCode.AUTH_FAILED]);
    await refusedOnSocket(server.wsUrl, b.token);
    // Gone from the list; signing it out again finds nothing.
    const listed = await call(server.httpUrl, 'GET', '/v1/sessions', a.token);
    assert.ok(!(listed.body.sessions as Json[]).some((s) => s.sessionId === b.sessionId));
    const again = await call(server.httpUrl, 'DELETE', `/v1/sessions/${b.sessionId}`, a.token);
    assert.deepEqual([again.status, again.body.error.code], [404, ErrorCode.SESSION_NOT_FOUND]);
    onA.close();
  });

  test('a user cannot sign out another user\'s session (SESSION_NOT_FOUND, and it stays signed in)', async () => {
    await registerUser(server.httpUrl, 'uma', PASSWORD);
    await registerUser(server.httpUrl, 'vic', PASSWORD);
    const uma = await login(server.httpUrl, 'uma', 'U');
    const vic = await login(server.httpUrl, 'vic', 'V');
    const c = await openAuthed(server.wsUrl, uma.token, 'uma-1');
    const reply = await c.request({ sessions: { op: AccountsSessionOp.REVOKE, sessionId: vic.sessionId } });
    assert.equal(reply.error?.code, ErrorCode.SESSION_NOT_FOUND);
    const http = await call(server.httpUrl, 'DELETE', `/v1/sessions/${vic.sessionId}`, uma.token);
    assert.deepEqual([http.status, http.body.error.code], [404, ErrorCode.SESSION_NOT_FOUND]);
    assert.equal((await call(server.httpUrl, 'GET', '/v1/sessions', vic.token)).status, 200);
    c.close();
  });

  test('sign out all others over the socket: every other session closes, this one stays', async () => {
    await registerUser(server.httpUrl, 'wes', PASSWORD);
    const keep = await login(server.httpUrl, 'wes', 'keep');
    const other1 = await login(server.httpUrl, 'wes', 'o1');
    const other2 = await login(server.httpUrl, 'wes', 'o2');
    const kept = await openAuthed(server.wsUrl, keep.token, 'wes-keep');
    const o1 = await openAuthed(server.wsUrl, other1.token, 'wes-o1');
    const o2 = await openAuthed(server.tcpUrl, other2.token, 'wes-o2');
    const reply = await kept.request({ sessions: { op: AccountsSessionOp.REVOKE_OTHERS } });
    assert.equal(reply.body, 'sessionsResult', JSON.stringify(reply.error));
    assert.ok(reply.sessionsResult!.revoked!.includes(other1.sessionId) && reply.sessionsResult!.revoked!.includes(other2.sessionId));
    assert.ok(!reply.sessionsResult!.revoked!.includes(keep.sessionId));
    await assertKicked(o1, /signed out/);
    await assertKicked(o2, /signed out/);
    assert.equal(kept.isClosed(), false);
    const listed = await kept.request({ sessions: {} });
    assert.deepEqual(listed.sessionsResult!.sessions!.map((s) => s.sessionId), [keep.sessionId]);
    // The same over HTTP: nothing left to sign out.
    const http = await call(server.httpUrl, 'POST', '/v1/sessions/sign-out-others', keep.token);
    assert.deepEqual([http.status, http.body.revoked], [200, []]);
    kept.close();
  });

  test('signing out the current session over the socket closes this very connection', async () => {
    await registerUser(server.httpUrl, 'xia', PASSWORD);
    const s = await login(server.httpUrl, 'xia', 'x');
    const c = await openAuthed(server.wsUrl, s.token, 'xia-1');
    c.send({ id: 77, sessions: { op: AccountsSessionOp.REVOKE, sessionId: s.sessionId } });
    await assertKicked(c, /signed out/);
    await refusedOnSocket(server.tcpUrl, s.token);
  });

  test('admin: sign out one session of anyone, or a user everywhere (app-backend tokens too)', async () => {
    await registerUser(server.httpUrl, 'yan', PASSWORD);
    const one = await login(server.httpUrl, 'yan', 'one');
    const two = await login(server.httpUrl, 'yan', 'two');
    const c1 = await openAuthed(server.wsUrl, one.token, 'yan-1');
    const c2 = await openAuthed(server.wsUrl, two.token, 'yan-2');
    const noKey = await call(server.httpUrl, 'DELETE', `/v1/admin/sessions/${one.sessionId}`, two.token);
    assert.deepEqual([noKey.status, noKey.body.error.code], [403, ErrorCode.FORBIDDEN]);
    const listed = await call(server.httpUrl, 'GET', '/v1/admin/users/YAN/sessions', ADMIN_KEY);
    assert.equal(listed.status, 200);
    assert.equal((listed.body.sessions as Json[]).length, 3);
    const byAdmin = await call(server.httpUrl, 'DELETE', `/v1/admin/sessions/${one.sessionId}`, ADMIN_KEY);
    assert.deepEqual([byAdmin.status, byAdmin.body.revoked], [200, [one.sessionId]]);
    await assertKicked(c1, /administrator/);
    assert.equal(c2.isClosed(), false);

    // An app-backend user, connected with two tokens; the admin signs them out everywhere.
    const appOld = await appToken('zed-app');
    const z = await openAuthed(server.tcpUrl, appOld, 'zed-1');
    const everywhere = await call(server.httpUrl, 'POST', '/v1/admin/users/yan/sign-out', ADMIN_KEY);
    assert.equal(everywhere.status, 200);
    assert.equal(everywhere.body.userId, 'yan');
    await assertKicked(c2, /administrator/);
    await refusedOnSocket(server.wsUrl, two.token);
    const appOut = await call(server.httpUrl, 'POST', '/v1/admin/users/zed-app/sign-out', ADMIN_KEY);
    assert.equal(appOut.status, 200);
    await assertKicked(z, /administrator/);
    // The app token issued before the revoke is refused from now on.
    await refusedOnSocket(server.wsUrl, appOld);
    const unknown = await call(server.httpUrl, 'POST', '/v1/admin/users/nobody-at-all/sign-out', ADMIN_KEY);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, ErrorCode.USER_NOT_FOUND]);
    // A new login works: signing out is not a ban.
    const back = await login(server.httpUrl, 'yan', 'back');
    const c3 = await openAuthed(server.wsUrl, back.token, 'yan-3');
    assert.equal(c3.userId, 'yan');
    c3.close();
  });

  test('an expired token closes its live connection (Error AUTH_FAILED "token expired", close 4001: reconnect with a new token)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3;
    const token = await appToken('short-lived', {}, exp);
    const c = await openAuthed(server.wsUrl, token, 'short-1');
    const error = await c.waitFor((f) => f.body === 'error' && f.id === 0, 15_000, 'the Error before the close');
    assert.equal(error.error!.code, ErrorCode.AUTH_FAILED);
    assert.match(error.error!.message ?? '', /expired/);
    assert.equal((await c.waitForClose(10_000)).code, CloseCode.AUTH_FAILED);
    await refusedOnSocket(server.wsUrl, token);
    // A fresh token of the same user connects again.
    const again = await openAuthed(server.wsUrl, await appToken('short-lived'), 'short-1');
    assert.equal(again.userId, 'short-lived');
    again.close();
  });

  test('a Parley token without a session (issued before sessions existed) is refused', async () => {
    // The configured secret (PostgreSQL runs), or the one the server generated into its data directory.
    const secret = server.config.jwtSecret || readFileSync(join(server.dataDir, 'jwt-secret'), 'utf8').trim();
    const legacy = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('sam').setIssuer('parley').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));
    await refusedOnSocket(server.wsUrl, legacy);
  });
});

describe('App-backend tokens: iss and aud when configured', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ appJwtIssuer: 'https://app.example', appJwtAudience: 'parley' });
  });
  after(() => server.stop());

  test('a token of the right issuer and audience is accepted; a missing or other one is refused', async () => {
    const good = await appToken('iss-ok', { iss: 'https://app.example', aud: 'parley' });
    const c = await openAuthed(server.wsUrl, good, 'iss-1');
    assert.equal(c.userId, 'iss-ok');
    c.close();
    for (const claims of [{}, { iss: 'https://evil.example', aud: 'parley' }, { iss: 'https://app.example', aud: 'other' }, { iss: 'https://app.example' }]) {
      await refusedOnSocket(server.wsUrl, await appToken('iss-bad', claims));
    }
  });
});

describe('Sessions and revocation across a cluster (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  const nodes: TestServer[] = [];
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;

  before(async () => {
    db = await createTestDatabase();
    const node = () =>
      startTestServer({ store: db.url, bus: process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', busPrefix: prefix, jwtSecret: CLUSTER_JWT_SECRET });
    nodes.push(await node(), await node());
  });
  after(async () => {
    for (const n of nodes) await n.stop();
    await db.drop();
  });

  test('a session signed out on node A closes its socket on node B, and node B refuses its token', async () => {
    const [a, b] = [nodes[0]!, nodes[1]!];
    await registerUser(a.httpUrl, 'kai', PASSWORD);
    const here = await login(a.httpUrl, 'kai', 'here');
    const there = await login(b.httpUrl, 'kai', 'there');
    const onB = await openAuthed(b.wsUrl, there.token, 'kai-b');
    const onA = await openAuthed(a.wsUrl, here.token, 'kai-a');
    const out = await call(a.httpUrl, 'DELETE', `/v1/sessions/${there.sessionId}`, here.token);
    assert.equal(out.status, 200, JSON.stringify(out.body));
    await assertKicked(onB, /signed out/);
    const refused = await call(b.httpUrl, 'GET', '/v1/sessions', there.token);
    assert.equal(refused.status, 401);
    await refusedOnSocket(b.tcpUrl, there.token);
    assert.equal(onA.isClosed(), false);
    onA.close();
  });

  test("an admin's sign-out of a user on node B closes the user's sockets on both nodes", async () => {
    const [a, b] = [nodes[0]!, nodes[1]!];
    await registerUser(b.httpUrl, 'lea', PASSWORD);
    const s1 = await login(a.httpUrl, 'lea', 's1');
    const onA = await openAuthed(a.wsUrl, s1.token, 'lea-a');
    const appOnA = await openAuthed(a.tcpUrl, await appToken('lea'), 'lea-app');
    const onB = await openAuthed(b.wsUrl, s1.token, 'lea-b');
    await waitUntil(async () => (await call(b.httpUrl, 'GET', '/v1/admin/users/lea/sessions', ADMIN_KEY)).body.sessions?.length === 2, 10_000, 'both sessions listed');
    const out = await call(b.httpUrl, 'POST', '/v1/admin/users/Lea/sign-out', ADMIN_KEY);
    assert.equal(out.status, 200, JSON.stringify(out.body));
    await assertKicked(onA, /administrator/);
    await assertKicked(appOnA, /administrator/);
    await assertKicked(onB, /administrator/);
  });
});
