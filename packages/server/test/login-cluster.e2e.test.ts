/**
 * Login throttling in a cluster (auth/login-throttle.ts): two nodes on one
 * PostgreSQL store and a private Redis share the failed-login counts, so the
 * free failures are allowed once across the nodes, not once per node; a success
 * on one node clears the count for all; and with Redis gone each node throttles
 * on its own (memory), neither letting every guess through nor refusing every
 * login.
 *
 * The waits are a minute and more, far longer than any test: a throttled account
 * stays throttled while the test looks, so nothing depends on timing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import {
  CLUSTER_JWT_SECRET,
  createTestDatabase,
  fetchWithin,
  registerUser,
  startPrivateRedis,
  startTestServer,
  waitUntil,
  type PrivateRedis,
  type TestDatabase,
  type TestServer,
} from '@parley/testkit';

const PASSWORD = 'correct horse battery';
const WRONG = 'not the password at all';

async function login(server: TestServer, userId: string, password: string): Promise<{ status: number; code: number | undefined; retryAfter: string | null }> {
  const res = await fetchWithin(`${server.httpUrl}/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password }),
  });
  const body = (await res.json()) as { error?: { code: number } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') };
}

function assertThrottled(answer: Awaited<ReturnType<typeof login>>, what: string): void {
  assert.deepEqual([answer.status, answer.code], [429, ErrorCode.RATE_LIMITED], what);
  assert.ok(Number(answer.retryAfter) >= 1, `${what}: Retry-After ${answer.retryAfter}`);
}

describe('Login throttling › two nodes sharing Redis', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const nodes: TestServer[] = [];

  before(async () => {
    db = await createTestDatabase();
    redis = await startPrivateRedis();
    const prefix = `lc-${process.pid}-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      nodes.push(
        await startTestServer({
          store: db.url,
          bus: redis.url,
          busPrefix: prefix,
          jwtSecret: CLUSTER_JWT_SECRET,
          nodeId: `lc${i}`,
          // All logins come from one address: its own count must not get in the way.
          loginFreeFailures: 3,
          loginFreeFailuresPerAddress: 1000,
          loginDelayBaseMs: 60_000,
          loginDelayMaxMs: 600_000,
          limitConnectionsPerIpPerMinute: 0,
          limitRegistrationsPerIpPerHour: 0,
          limitHttpRequestsPerIpPerMinute: 0,
        }),
      );
    }
    for (const u of ['kim', 'lee', 'max', 'ned', 'ora']) await registerUser(nodes[0]!.httpUrl, u, PASSWORD);
    await waitUntil(() => nodes.every((n) => n.accounts.loginThrottleShared), 30_000, 'the login throttles connected to Redis');
  });
  after(async () => {
    for (const n of nodes) await n.stop();
    await redis.stop();
    await db.drop();
  });

  test('failures spread over both nodes make the account wait after the free failures in total, not per node', async () => {
    const [n0, n1] = nodes as [TestServer, TestServer];
    for (const [i, node] of [n0, n1, n0].entries()) {
      const wrong = await login(node, 'kim', WRONG);
      assert.deepEqual([wrong.status, wrong.code], [401, ErrorCode.BAD_CREDENTIALS], `failure ${i + 1}`);
    }
    // Node 1 saw one failure of its own; the account's three are the cluster's.
    assertThrottled(await login(n1, 'kim', PASSWORD), 'the right password on node 1 after 3 failures in total');
    assertThrottled(await login(n0, 'kim', PASSWORD), 'the right password on node 0');
  });

  test('a success on one node clears the account on every node', async () => {
    const [n0, n1] = nodes as [TestServer, TestServer];
    assert.equal((await login(n0, 'lee', WRONG)).status, 401);
    assert.equal((await login(n1, 'lee', WRONG)).status, 401);
    assert.equal((await login(n1, 'lee', PASSWORD)).status, 200);
    // Two more failures: had the success not cleared the shared count, the second would be the fourth.
    assert.equal((await login(n0, 'lee', WRONG)).status, 401);
    assert.equal((await login(n1, 'lee', WRONG)).status, 401);
    assert.equal((await login(n0, 'lee', PASSWORD)).status, 200);
  });

  test('Redis going away: each node throttles on its own (memory), neither open nor closed; Redis back counts together again', async () => {
    const [n0, n1] = nodes as [TestServer, TestServer];
    await redis.kill();
    for (let i = 0; i < 3; i++) assert.equal((await login(n0, 'max', WRONG)).status, 401, `failure ${i + 1} on node 0`);
    assertThrottled(await login(n0, 'max', PASSWORD), 'node 0 throttles the account alone while Redis is away');
    // Node 1 counts for itself: its own three free failures, then the wait.
    for (let i = 0; i < 3; i++) assert.equal((await login(n1, 'max', WRONG)).status, 401, `failure ${i + 1} on node 1`);
    assertThrottled(await login(n1, 'max', PASSWORD), 'node 1 throttles the account alone while Redis is away');
    // Not closed: another account logs in.
    assert.equal((await login(n0, 'ned', PASSWORD)).status, 200, 'logins still work while Redis is away');

    await redis.start();
    await waitUntil(() => nodes.every((n) => n.accounts.loginThrottleShared), 30_000, 'the login throttles reconnected to Redis');
    // Redis came back empty; what node 0 counted during the outage still holds there.
    assertThrottled(await login(n0, 'max', PASSWORD), 'the outage wait still holds on node 0 once Redis is back');
    // And the nodes count together again.
    assert.equal((await login(n0, 'ora', WRONG)).status, 401);
    assert.equal((await login(n1, 'ora', WRONG)).status, 401);
    assert.equal((await login(n0, 'ora', WRONG)).status, 401);
    assertThrottled(await login(n1, 'ora', PASSWORD), 'the fourth attempt across both nodes once Redis is back');
  });
});
