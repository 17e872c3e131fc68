/**
 * Rate limits, end to end (limits/rate-limits.ts): each limit on one node, the
 * refusal it gives (Error RATE_LIMITED with retryAfterMs on a socket, 429 with
 * Retry-After over HTTP), that a limited send stores nothing, an admin's
 * override, two nodes sharing Redis allowing a limit once (not twice), and
 * Redis going away mid-test (each node then counts alone, in memory).
 *
 * Limits are set small in each server's config and windows long (an hour), so
 * no assertion depends on how fast the machine is: a count either fits in the
 * limit or it does not. The one per-second limit (sends) is tested with a burst
 * of an hour and more requests at once than any second could refill.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { directConversationId, ErrorCode, FriendOp, GroupOp, MessageType, type parley } from '@parley/protocol';
import {
  ADMIN_KEY,
  CLUSTER_JWT_SECRET,
  createTestDatabase,
  fetchMetrics,
  fetchWithin,
  openAuthed,
  openRaw,
  loginUser,
  registerUser,
  startPrivateRedis,
  startTestServer,
  waitUntil,
  withDeadline,
  type PrivateRedis,
  type RawClient,
  type TestDatabase,
  type TestServer,
} from '@parley/testkit';

const text = (s: string) => new TextEncoder().encode(s);

/** Every IP limit off: these servers test per-user limits with users registered over HTTP from one address. */
const NO_IP_LIMITS = { limitConnectionsPerIpPerMinute: 0, limitRegistrationsPerIpPerHour: 0, limitHttpRequestsPerIpPerMinute: 0 };

function assertLimited(frame: parley.Frame, what: string): void {
  assert.equal(frame.body, 'error', `${what}: ${frame.body}`);
  assert.equal(frame.error!.code, ErrorCode.RATE_LIMITED, `${what}: ${frame.error!.code} ${frame.error!.message}`);
  assert.equal(frame.error!.retryable, true, `${what} is retryable`);
  assert.ok(Number(frame.error!.retryAfterMs) > 0, `${what} says how long to wait (${frame.error!.retryAfterMs})`);
}

function sendFrame(to: string, clientMsgId: string): { send: parley.ISend } {
  return { send: { to, clientMsgId, type: MessageType.TEXT, body: text(clientMsgId) } };
}

async function adminLimits(server: TestServer, method: string, userId: string, limits?: unknown): Promise<Response> {
  return fetchWithin(`${server.httpUrl}/v1/admin/users/${userId}/limits`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    ...(limits === undefined ? {} : { body: JSON.stringify({ limits }) }),
  });
}

describe('Rate limits › per user, one node', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const clients: RawClient[] = [];
  const open = async (user: string) => {
    const c = await openAuthed(server.tcpUrl, tokens[user]!, `${user}-dev`);
    clients.push(c);
    return c;
  };

  before(async () => {
    server = await startTestServer({
      ...NO_IP_LIMITS,
      limitSendsPerSecond: 1,
      limitSendBurst: 3,
      limitSendBurstSeconds: 3600,
      limitGroupCreatesPerHour: 2,
      limitFriendRequestsPerHour: 2,
      limitInvitesPerHour: 3,
    });
    for (const u of ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus', 'bot']) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  test('sends: a burst past the rate is refused with retryAfterMs, and what was refused is not stored', async () => {
    const ann = await open('ann');
    // 20 at once: 1 a second plus a burst of 3 an hour lets at most a handful through
    // however slowly they are handled.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ann.request(sendFrame('bob', `burst-${i}`))));
    const acked = answers.filter((a) => a.body === 'sendAck');
    const limited = answers.filter((a) => a.body === 'error');
    for (const a of limited) assertLimited(a, 'a send past the limit');
    assert.ok(acked.length >= 4, `the rate and the burst are allowed (${acked.length} acked)`);
    assert.ok(limited.length >= 10, `most of the 20 are refused (${limited.length})`);
    // Nothing refused was stored: the conversation holds exactly the acked sends.
    const conv = acked[0]!.sendAck!.conversationId!;
    const pulled = await ann.request({ pull: { conversationId: conv, fromSeq: 1, toSeq: 0, limit: 500 } });
    const stored = pulled.pullResult!.messages!.map((m) => m.clientMsgId).sort();
    assert.deepEqual(stored, acked.map((a) => a.sendAck!.clientMsgId).sort());
  });

  test('sends over HTTP count against the same limit: 429 with Retry-After, nothing stored', async () => {
    // 12 at once, like the socket test: more than any second's refill could let through.
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await fetchWithin(`${server.httpUrl}/v1/users/dan/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.fay}`, 'content-type': 'application/json' },
          body: JSON.stringify({ clientMsgId: `http-${i}`, text: `http ${i}` }),
        });
        if (res.status === 429) {
          assert.ok(Number(res.headers.get('retry-after')) >= 1, `Retry-After: ${res.headers.get('retry-after')}`);
          assert.equal(((await res.json()) as { error: { code: string } }).error.code, ErrorCode.RATE_LIMITED);
        } else await res.arrayBuffer();
        return res.status;
      }),
    );
    assert.ok(statuses.filter((st) => st === 429).length >= 5, `past 1 a second and a burst of 3 (${statuses.join(' ')})`);
    const accepted = statuses.filter((st) => st === 200 || st === 201).length;
    assert.equal(accepted + statuses.filter((st) => st === 429).length, 12, `every answer an ack or a 429 (${statuses.join(' ')})`);
    const fay = await open('fay');
    const pulled = await fay.request({ pull: { conversationId: directConversationId('dan', 'fay'), fromSeq: 1, toSeq: 0, limit: 500 } });
    assert.equal(pulled.pullResult!.messages!.length, accepted, 'only the accepted sends were stored');
  });

  test('group creations: the limit per hour, then RATE_LIMITED', async () => {
    const cat = await open('cat');
    const create = (i: number) => cat.request({ group: { op: GroupOp.CREATE, name: `g${i}`, users: ['dan'], clientMsgId: `create-${i}` } });
    assert.equal((await create(1)).body, 'groupResult');
    assert.equal((await create(2)).body, 'groupResult');
    assertLimited(await create(3), 'the third group creation');
  });

  test('invites: each invited user counts; past the limit RATE_LIMITED', async () => {
    const dan = await open('dan');
    const created = await dan.request({ group: { op: GroupOp.CREATE, name: 'dan-group', users: [], clientMsgId: 'dan-create' } });
    assert.equal(created.body, 'groupResult', created.error?.message ?? '');
    const g = created.groupResult!.conversationId!;
    const invite = (users: string[], id: string) => dan.request({ group: { op: GroupOp.INVITE, conversationId: g, users, clientMsgId: id } });
    assert.equal((await invite(['ann', 'bob'], 'inv-1')).body, 'groupResult');
    assertLimited(await invite(['eve', 'fay'], 'inv-2'), 'two more invitations past 3');
    const info = await dan.request({ groupInfo: { conversationId: g } });
    assert.deepEqual(info.groupInfoResult!.members!.map((m) => m.userId).sort(), ['ann', 'bob', 'dan'], 'the refused invitation added no one');
  });

  test('friend requests: the limit per hour, then RATE_LIMITED; other friend ops are not counted', async () => {
    const eve = await open('eve');
    const friend = (op: FriendOp, userId: string, id: string) => eve.request({ friend: { op, userId, clientMsgId: id } });
    assert.equal((await friend(FriendOp.REQUEST, 'ann', 'fr-1')).body, 'friendResult');
    assert.equal((await friend(FriendOp.REQUEST, 'bob', 'fr-2')).body, 'friendResult');
    assertLimited(await friend(FriendOp.REQUEST, 'cat', 'fr-3'), 'the third friend request');
    assert.equal((await friend(FriendOp.BLOCK, 'gus', 'fr-block')).body, 'friendResult', 'a block is not a request');
  });

  test('admin override: a user given more (or unlimited) is not refused; removing it restores the settings', async () => {
    const refused = await adminLimits(server, 'PUT', 'bot', { nope: 1 });
    assert.equal(refused.status, 400, 'an unknown limit name is refused');
    const unknownUser = await adminLimits(server, 'PUT', 'nobody', { sendsPerSecond: 0 });
    assert.equal(unknownUser.status, 404);
    const set = await adminLimits(server, 'PUT', 'bot', { sendsPerSecond: 0, groupCreatesPerHour: 5 });
    assert.equal(set.status, 200);
    assert.deepEqual(((await (await adminLimits(server, 'GET', 'bot')).json()) as { limits: unknown }).limits, { sendsPerSecond: 0, groupCreatesPerHour: 5 });

    const bot = await open('bot');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => bot.request(sendFrame('ann', `bot-${i}`))));
    assert.deepEqual(answers.filter((a) => a.body !== 'sendAck').map((a) => a.error?.code), [], 'unlimited sends');
    for (let i = 0; i < 5; i++) {
      const r = await bot.request({ group: { op: GroupOp.CREATE, name: `b${i}`, users: [], clientMsgId: `bot-create-${i}` } });
      assert.equal(r.body, 'groupResult', `creation ${i + 1} of 5`);
    }
    assertLimited(await bot.request({ group: { op: GroupOp.CREATE, name: 'b6', users: [], clientMsgId: 'bot-create-6' } }), 'the sixth of 5');

    assert.equal((await adminLimits(server, 'DELETE', 'bot')).status, 200);
    assert.deepEqual(((await (await adminLimits(server, 'GET', 'bot')).json()) as { limits: unknown }).limits, {});
    const again = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.request(sendFrame('ann', `bot-again-${i}`))));
    assert.ok(again.some((a) => a.error?.code === ErrorCode.RATE_LIMITED), 'the settings apply again');
  });

  test('the admin limits routes need the admin key', async () => {
    const res = await fetchWithin(`${server.httpUrl}/v1/admin/users/bot/limits`, { headers: { authorization: `Bearer ${tokens.bot}` } });
    assert.equal(res.status, 403);
  });
});

describe('Rate limits › per IP and per connection, one node', () => {
  test('registrations per IP: past the limit 429 with Retry-After', async () => {
    const server = await startTestServer({ ...NO_IP_LIMITS, limitRegistrationsPerIpPerHour: 2 });
    try {
      await registerUser(server.httpUrl, 'r1');
      await registerUser(server.httpUrl, 'r2');
      const res = await fetchWithin(`${server.httpUrl}/v1/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'r3', password: 'correct horse battery' }),
      });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1, `Retry-After: ${res.headers.get('retry-after')}`);
      const body = (await res.json()) as { error: { code: string; retryAfterMs: number } };
      assert.equal(body.error.code, ErrorCode.RATE_LIMITED);
      assert.ok(body.error.retryAfterMs > 0);
    } finally {
      await server.stop();
    }
  });

  test('HTTP requests per IP: past the limit 429 with Retry-After; health checks are not counted', async () => {
    const server = await startTestServer({ ...NO_IP_LIMITS, limitHttpRequestsPerIpPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetchWithin(`${server.httpUrl}/v1/nodes`);
        statuses.push(res.status);
        if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) >= 1);
        await res.arrayBuffer();
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.equal((await fetchWithin(`${server.httpUrl}/healthz`)).status, 200, '/healthz is never limited');
    } finally {
      await server.stop();
    }
  });

  test('connections per IP, WebSocket and TCP together: past the limit a WebSocket gets 429, a TCP connection Error RATE_LIMITED', async () => {
    const server = await startTestServer({ ...NO_IP_LIMITS, limitConnectionsPerIpPerMinute: 2 });
    const token = await registerUser(server.httpUrl, 'conn-user');
    const open: RawClient[] = [];
    try {
      open.push(await openAuthed(server.wsUrl, token, 'ws-1'));
      open.push(await openAuthed(server.tcpUrl, token, 'tcp-1'));
      // The third, over WebSocket: refused before the handshake.
      const ws = new WebSocket(server.wsUrl);
      const refusal = await withDeadline(
        new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
          ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
          ws.on('open', () => reject(new Error('the WebSocket over the limit was opened')));
          ws.on('error', () => {});
        }),
        'the refused WebSocket handshake',
      );
      ws.terminate();
      assert.equal(refusal.status, 429);
      assert.ok(Number(refusal.retryAfter) >= 1, `Retry-After: ${refusal.retryAfter}`);
      // The fourth, over TCP: an Error frame, then the close.
      const tcp = await openRaw(server.tcpUrl);
      const error = await tcp.waitFor((f) => f.body === 'error', undefined, 'the refusal of the TCP connection');
      assertLimited(error, 'a TCP connection past the limit');
      await tcp.waitForClose();
      // The connections admitted are not disturbed.
      assert.equal((await open[0]!.request({ ping: { time: 1 } })).body, 'pong');
    } finally {
      for (const c of open) c.close();
      await server.stop();
    }
  });

  test('frames: past the bucket a connection is read at its rate — every request answered, in order, none refused, the connection open', async () => {
    const rate = 20;
    const burst = 5;
    const server = await startTestServer({ ...NO_IP_LIMITS, limitFramesPerSecond: rate, limitFrameBurst: burst });
    const token = await registerUser(server.httpUrl, 'framer');
    const c = await openAuthed(server.tcpUrl, token, 'framer-dev');
    try {
      const n = 30;
      const started = performance.now();
      // All at once, in one write: the server reads them all, and handles them no faster than the bucket allows.
      const answers = await Promise.all(Array.from({ length: n }, (_, i) => c.request({ ping: { time: i } })));
      const elapsed = performance.now() - started;
      assert.deepEqual(answers.map((a) => a.body), Array(n).fill('pong'), 'every ping answered, none refused');
      const order = c.frames.filter((f) => f.body === 'pong').map((f) => Number(f.pong!.time));
      assert.deepEqual(order.slice(-n), Array.from({ length: n }, (_, i) => i), 'answered in the order sent');
      // The user's bucket held at most `burst` (the Auth came out of the connection's own), so the
      // last could not be handled before (n - burst) / rate seconds: a lower bound, which load only lengthens.
      assert.ok(elapsed >= ((n - burst) / rate) * 1000 - 20, `${n} frames took ${elapsed.toFixed(0)} ms, at least ${((n - burst) / rate) * 1000} expected`);
      assert.equal(c.isClosed(), false);
      const metrics = await fetchMetrics(server.httpUrl);
      assert.match(metrics, /parley_frames_delayed_total [1-9]/);
    } finally {
      c.close();
      await server.stop();
    }
  });

  test('frames: a user\'s connections share one bucket, and a reconnect does not refill it', async () => {
    const rate = 2;
    const burst = 5;
    const server = await startTestServer({ ...NO_IP_LIMITS, limitFramesPerSecond: rate, limitFrameBurst: burst });
    const token = await registerUser(server.httpUrl, 'recon');
    try {
      const started = performance.now();
      const first = await openAuthed(server.tcpUrl, token, 'recon-1');
      await Promise.all(Array.from({ length: burst }, (_, i) => first.request({ ping: { time: i } })));
      first.close();
      await first.waitForClose();
      // A fresh connection (another device even) finds the bucket as the first left it.
      const second = await openAuthed(server.wsUrl, token, 'recon-2');
      const more = 4;
      const answers = await Promise.all(Array.from({ length: more }, (_, i) => second.request({ ping: { time: i } })));
      const elapsed = performance.now() - started;
      assert.deepEqual(answers.map((a) => a.body), Array(more).fill('pong'));
      // burst + more frames on one bucket: not before more / rate seconds. A bucket per connection would
      // have answered all of them at once.
      assert.ok(elapsed >= (more / rate) * 1000 - 20, `took ${elapsed.toFixed(0)} ms, at least ${(more / rate) * 1000} expected`);
      second.close();
    } finally {
      await server.stop();
    }
  });
});

describe('Rate limits › two nodes sharing Redis', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const nodes: TestServer[] = [];
  const clients: RawClient[] = [];

  before(async () => {
    db = await createTestDatabase();
    redis = await startPrivateRedis();
    const prefix = `rl-${process.pid}-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      nodes.push(
        await startTestServer({
          ...NO_IP_LIMITS,
          store: db.url,
          bus: redis.url,
          busPrefix: prefix,
          jwtSecret: CLUSTER_JWT_SECRET,
          nodeId: `rl${i}`,
          limitGroupCreatesPerHour: 3,
          limitFriendRequestsPerHour: 2,
        }),
      );
    }
    for (const u of ['cluster-ann', 'cluster-bob', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']) await registerUser(nodes[0]!.httpUrl, u);
  });
  after(async () => {
    for (const c of clients) c.close();
    for (const n of nodes) await n.stop();
    await redis.stop();
    await db.drop();
  });

  const openOn = async (i: number, user: string) => {
    const c = await openAuthed(nodes[i]!.tcpUrl, await loginUser(nodes[i]!.httpUrl, user), `${user}-on-${i}`);
    clients.push(c);
    return c;
  };
  const create = (c: RawClient, id: string) => c.request({ group: { op: GroupOp.CREATE, name: id, users: [], clientMsgId: id } });

  test('a limit is allowed once across the nodes, not once per node', async () => {
    const on0 = await openOn(0, 'cluster-ann');
    const on1 = await openOn(1, 'cluster-ann');
    assert.equal((await create(on0, 'c1')).body, 'groupResult');
    assert.equal((await create(on1, 'c2')).body, 'groupResult');
    assert.equal((await create(on0, 'c3')).body, 'groupResult');
    assertLimited(await create(on1, 'c4'), 'the fourth creation, on the other node');
    assertLimited(await create(on0, 'c5'), 'the fifth creation');
  });

  test('Redis going away: each node counts alone in memory (neither open nor closed), and Redis back counts together again', async () => {
    const on0 = await openOn(0, 'cluster-bob');
    const on1 = await openOn(1, 'cluster-bob');
    const friend = (c: RawClient, userId: string, id: string) => c.request({ friend: { op: FriendOp.REQUEST, userId, clientMsgId: id } });
    await redis.kill();
    // Node 0 alone: 2 requests, the third refused — not everything refused, not everything allowed.
    assert.equal((await friend(on0, 'u1', 'f1')).body, 'friendResult', 'allowed while Redis is away');
    assert.equal((await friend(on0, 'u2', 'f2')).body, 'friendResult');
    assertLimited(await friend(on0, 'u3', 'f3'), 'past the per-node limit while Redis is away');
    // Node 1 counts for itself.
    assert.equal((await friend(on1, 'u4', 'f4')).body, 'friendResult', 'the other node counts alone');
    await redis.start();
    // Back on Redis (empty after the restart): the nodes count together again.
    await waitUntil(() => nodes.every((n) => n.rates.shared), 30_000, 'the limiters reconnected to Redis');
    assert.equal((await friend(on0, 'u5', 'f5')).body, 'friendResult');
    assert.equal((await friend(on1, 'u6', 'f6')).body, 'friendResult');
    assertLimited(await friend(on0, 'u7', 'f7'), 'the third request across both nodes once Redis is back');
  });
});
