import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { CloseCode, ErrorCode, MessageType } from '@parley/protocol';
import { ADMIN_KEY, APP_KEY, fetchMetrics, fetchWithin, openAuthed, openRaw, registerUser, startTestServer, type TestServer } from '@parley/testkit';

async function appToken(sub: string, key = APP_KEY, expiresIn = '1h'): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(expiresIn).sign(new TextEncoder().encode(key));
}

describe('Auth and accounts', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ heartbeatMs: 200 });
  });
  after(() => server.stop());

  const post = async (path: string, body: unknown, key?: string) => {
    const res = await fetchWithin(`${server.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  test('register then login issue tokens the socket accepts', async () => {
    await registerUser(server.httpUrl, 'dora', 'a good password');
    const login = await post('/v1/login', { userId: 'dora', password: 'a good password' });
    assert.equal(login.status, 200);
    const c = await openAuthed(server.wsUrl, login.body.token, 'web-1');
    assert.equal(c.userId, 'dora');
    c.close();
  });

  test('tokens signed by the app backend are accepted and create the user', async () => {
    const c = await openAuthed(server.tcpUrl, await appToken('app-user-1'), 'bot');
    assert.equal(c.userId, 'app-user-1');
    c.close();
    // The user now exists: others can message them.
    const other = await openAuthed(server.wsUrl, await appToken('app-user-2'), 'bot');
    const ack = await other.request({ send: { to: 'app-user-1', clientMsgId: 'hello', type: MessageType.TEXT } });
    assert.equal(ack.body, 'sendAck');
    other.close();
  });

  test('expired tokens, tokens without an expiry, tokens with a foreign key and bad subjects are refused', async () => {
    const bad = [
      await appToken('late', APP_KEY, '-1m'),
      await appToken('mallory', 'some-other-key-that-is-long-enough-xx'),
      await appToken('has space'),
      // A token that never expires would be a password forever: app tokens must carry exp.
      await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('forever').sign(new TextEncoder().encode(APP_KEY)),
    ];
    for (const token of bad) {
      const c = await openRaw(server.wsUrl);
      const reply = await c.request({ auth: { token, deviceId: 'd' } });
      assert.equal(reply.error?.code, ErrorCode.AUTH_FAILED);
      assert.equal((await c.waitForClose()).code, CloseCode.AUTH_FAILED);
    }
  });

  test('the admin key creates users and issues tokens', async () => {
    const created = await post('/v1/admin/users', { userId: 'svc-made' }, ADMIN_KEY);
    assert.equal(created.status, 201);
    const token = await post('/v1/admin/tokens', { userId: 'svc-made', ttlSeconds: 600 }, ADMIN_KEY);
    assert.equal(token.status, 200);
    const c = await openAuthed(server.wsUrl, token.body.token, 'srv');
    assert.equal(c.userId, 'svc-made');
    c.close();
    const missing = await post('/v1/admin/tokens', { userId: 'nobody-here' }, ADMIN_KEY);
    assert.deepEqual([missing.status, missing.body.error.code], [404, ErrorCode.USER_NOT_FOUND]);
    const badTtl = await post('/v1/admin/tokens', { userId: 'svc-made', ttlSeconds: 5 }, ADMIN_KEY);
    assert.deepEqual([badTtl.status, badTtl.body.error.code], [400, ErrorCode.INVALID_ARGUMENT]);
  });

  test('a second connection of the same device replaces the first', async () => {
    const token = await registerUser(server.httpUrl, 'erin');
    const first = await openAuthed(server.wsUrl, token, 'phone');
    const second = await openAuthed(server.wsUrl, token, 'phone');
    assert.equal((await first.waitForClose()).code, CloseCode.REPLACED);
    assert.equal(second.isClosed(), false);
    second.close();
  });

  test('heartbeats: the server pings an idle client and closes a silent one', async () => {
    const token = await registerUser(server.httpUrl, 'fred');
    const silent = await openAuthed(server.wsUrl, token, 'mute');
    await silent.waitFor((f) => f.body === 'ping', 2000);
    assert.equal((await silent.waitForClose()).code, CloseCode.HEARTBEAT_TIMEOUT);
    assert.ok(silent.frames.some((f) => f.error?.code === ErrorCode.HEARTBEAT_TIMEOUT));

    // A client that answers keeps its connection.
    const lively = await openAuthed(server.tcpUrl, token, 'talker');
    const timer = setInterval(() => lively.send({ ping: { time: Date.now() } }), 100);
    await new Promise((r) => setTimeout(r, 900));
    clearInterval(timer);
    assert.equal(lively.isClosed(), false);
    lively.close();
  });

  test('health, readiness and metrics endpoints answer', async () => {
    assert.equal((await fetchWithin(`${server.httpUrl}/healthz`)).status, 200);
    assert.equal((await fetchWithin(`${server.httpUrl}/readyz`)).status, 200);
    assert.equal((await fetchWithin(`${server.httpUrl}/metrics`)).status, 403, 'metrics are for the admin key only');
    const metrics = await fetchMetrics(server.httpUrl);
    assert.match(metrics, /^parley_messages_committed_total \d+$/m);
  });

  test('GET /v1/nodes lists this node, where clients reach it', async () => {
    const res = await fetchWithin(`${server.httpUrl}/v1/nodes`);
    assert.equal(res.status, 200);
    const { nodes } = (await res.json()) as { nodes: { id: string; wsUrl: string; tcpUrl: string; httpUrl: string; draining: boolean }[] };
    assert.equal(nodes.length, 1);
    assert.deepEqual([nodes[0]!.httpUrl, nodes[0]!.wsUrl, nodes[0]!.tcpUrl, nodes[0]!.draining], [server.httpUrl, server.wsUrl, server.tcpUrl, false]);
    assert.ok(nodes[0]!.id.length > 0);
  });
});
