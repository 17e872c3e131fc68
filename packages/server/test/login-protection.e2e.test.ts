/**
 * Login protection, end to end: growing waits after failed logins (per account
 * and per address, 429 + Retry-After, cleared by a success; the doubling with
 * counts in memory and in Redis), the same work for
 * an unknown user as for a known one (the timing distributions overlap), and
 * password rules (length, the common-password list) with WEAK_PASSWORD.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import { fetchWithin, registerUser, startTestServer, waitUntil, type TestServer } from '@parley/testkit';
import { LoginThrottle } from '../src/auth/login-throttle.ts';
import { commonPasswords } from '../src/auth/password-rules.ts';

const PASSWORD = 'correct horse battery';
const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

type Answer = { status: number; body: Record<string, any>; retryAfter: string | null };

async function post(server: TestServer, path: string, body: unknown): Promise<Answer> {
  const res = await fetchWithin(`${server.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any>, retryAfter: res.headers.get('retry-after') };
}

describe('Login throttling', () => {
  let server: TestServer;
  before(async () => {
    // Waits far longer than any test: a throttled key stays throttled while the test looks.
    server = await startTestServer({ loginFreeFailures: 3, loginFreeFailuresPerAddress: 12, loginDelayBaseMs: 60_000, loginDelayMaxMs: 600_000 });
  });
  after(() => server.stop());

  test('after the free failures an account must wait: 429 RATE_LIMITED with Retry-After, even for the right password', async () => {
    await registerUser(server.httpUrl, 'tara', PASSWORD);
    for (let i = 0; i < 3; i++) {
      const wrong = await post(server, '/v1/login', { userId: 'tara', password: `wrong-${i}-password` });
      assert.deepEqual([wrong.status, wrong.body.error.code], [401, ErrorCode.BAD_CREDENTIALS]);
    }
    const throttled = await post(server, '/v1/login', { userId: 'tara', password: 'another-wrong-one' });
    assert.deepEqual([throttled.status, throttled.body.error.code], [429, ErrorCode.RATE_LIMITED]);
    assert.ok(Number(throttled.retryAfter) >= 1 && Number(throttled.retryAfter) <= 60, `Retry-After ${throttled.retryAfter}`);
    // The right password does not get through the wait (it is not even checked), in any case of the id.
    const right = await post(server, '/v1/login', { userId: 'TARA', password: PASSWORD });
    assert.deepEqual([right.status, right.body.error.code], [429, ErrorCode.RATE_LIMITED]);
    // Another account is not affected.
    await registerUser(server.httpUrl, 'tom', PASSWORD);
    assert.equal((await post(server, '/v1/login', { userId: 'tom', password: PASSWORD })).status, 200);
  });

  test('a success clears the failures of the account', async () => {
    await registerUser(server.httpUrl, 'ulla', PASSWORD);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) assert.equal((await post(server, '/v1/login', { userId: 'ulla', password: 'not it at all' })).status, 401);
      assert.equal((await post(server, '/v1/login', { userId: 'ulla', password: PASSWORD })).status, 200, `round ${round}`);
    }
  });

  test('failures spread over many accounts from one address make that address wait', async () => {
    // 12 free failures per address; the other tests of this suite used up some of them (and tom's and ulla's successes cleared them).
    let status = 0;
    for (let i = 0; i < 13 && status !== 429; i++) {
      status = (await post(server, '/v1/login', { userId: `ghost-${i}`, password: 'guessing-game' })).status;
    }
    assert.equal(status, 429, 'the address is throttled after its free failures');
    const other = await post(server, '/v1/login', { userId: 'someone-else', password: 'guessing-game' });
    assert.deepEqual([other.status, other.body.error.code], [429, ErrorCode.RATE_LIMITED]);
  });

  for (const where of ['memory', 'Redis'] as const) {
    test(`the waits double with each further failure, up to the cap (the throttle on its own clock, counts in ${where})`, async () => {
      let now = 1_700_000_000_000;
      const settings = { freeFailures: 5, freeFailuresPerAddress: 100, baseMs: 1000, maxMs: 8000 };
      const redis = where === 'Redis' ? { redis: { url: REDIS_URL, prefix: `lt-${process.pid}-${Date.now()}` } } : {};
      const throttle = new LoginThrottle(settings, { now: () => now, ...redis });
      // Another node's throttle on the same Redis and prefix: it sees the same counts.
      const other = new LoginThrottle(settings, { now: () => now, ...redis });
      try {
        if (where === 'Redis') await waitUntil(() => throttle.shared && other.shared, 30_000, 'the throttles connected to Redis');
        const waits: number[] = [];
        for (let i = 0; i < 10; i++) {
          try {
            await throttle.check('acct', 'addr');
          } catch (err) {
            waits.push((err as { retryAfterMs: number }).retryAfterMs);
            now += (err as { retryAfterMs: number }).retryAfterMs; // wait it out
            await throttle.check('acct', 'addr');
          }
          await throttle.failed('acct', 'addr');
        }
        assert.deepEqual(waits, [1000, 2000, 4000, 8000, 8000]);
        await assert.rejects(throttle.check('acct', 'addr'), { code: ErrorCode.RATE_LIMITED });
        if (where === 'Redis') await assert.rejects(other.check('acct', 'addr'), { code: ErrorCode.RATE_LIMITED }, 'the other node sees the wait');
        else await other.check('acct', 'addr'); // in memory each throttle counts alone
        await throttle.succeeded('acct', 'addr');
        await throttle.check('acct', 'addr'); // cleared
        await other.check('acct', 'addr');
      } finally {
        await throttle.close();
        await other.close();
      }
    });
  }
});

describe('Constant-time login', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ loginFreeFailures: 1000, loginFreeFailuresPerAddress: 1000 });
  });
  after(() => server.stop());

  test('a login for an unknown user takes as long as a wrong password for a known one: the timing ranges overlap', async () => {
    await registerUser(server.httpUrl, 'known-user', PASSWORD);
    const time = async (userId: string) => {
      const start = performance.now();
      const answer = await post(server, '/v1/login', { userId, password: 'wrong password here' });
      assert.deepEqual([answer.status, answer.body.error.code], [401, ErrorCode.BAD_CREDENTIALS]);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 30; i++) {
      // Interleaved, so that load on the machine falls on both alike.
      known.push(await time('known-user'));
      unknown.push(await time(`unknown-user-${i}`));
    }
    const range = (xs: number[]) => [Math.min(...xs), Math.max(...xs)] as const;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [kMin, kMax] = range(known);
    const [uMin, uMax] = range(unknown);
    const figures = `known ${kMin.toFixed(1)}..${kMax.toFixed(1)} ms (median ${median(known).toFixed(1)}), unknown ${uMin.toFixed(1)}..${uMax.toFixed(1)} ms (median ${median(unknown).toFixed(1)})`;
    console.log(`login timing: ${figures}`);
    // Overlapping ranges, not a tight ratio: a loaded machine spreads both alike.
    assert.ok(Math.max(kMin, uMin) <= Math.min(kMax, uMax), `the ranges do not overlap: ${figures}`);
    // Without the dummy hash an unknown user answers in well under a millisecond and a
    // known one after a full scrypt (tens of ms): every unknown sample would sit below every known one.
    assert.ok(uMax > kMin, `every unknown-user login was faster than every known-user one: ${figures}`);
  });
});

describe('Password rules', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({});
  });
  after(() => server.stop());

  test('too short, or one of the common passwords (any case): WEAK_PASSWORD; a good one is taken', async () => {
    assert.ok(commonPasswords().size >= 1000, 'the shipped list has 1000 passwords');
    for (const password of ['short', '1234567', 'password', '12345678', 'PassWord', 'qwertyuiop', 'iloveyou', 'Trustno1']) {
      const answer = await post(server, '/v1/register', { userId: 'pw-test', password });
      assert.deepEqual([answer.status, answer.body.error.code], [400, ErrorCode.WEAK_PASSWORD], password);
    }
    const good = await post(server, '/v1/register', { userId: 'pw-test', password: 'plum orchard at noon' });
    assert.equal(good.status, 201, JSON.stringify(good.body));
  });
});
