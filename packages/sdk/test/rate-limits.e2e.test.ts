/**
 * The SDK under the server's rate limits: a send refused with RATE_LIMITED stays
 * in the outbox and is sent again, with the same clientMsgId, no sooner than the
 * refusal's retryAfterMs — each stored once; other requests reject with a
 * retryable ParleyError that carries retryAfterMs, for the app to decide.
 *
 * No assertion on time: the limits are counts (a rate of one send a second after
 * a burst of two, an hour long), and what is checked is what was stored and how
 * often the server had to refuse.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withDeadline, WAIT_MS } from '@parley/testkit';
import { directConversationId, ErrorCode, ParleyError } from '@parley/protocol';
import { sdkWorld } from './world.ts';

const world = sdkWorld(['ann', 'ben'], {
  limitSendsPerSecond: 1,
  limitSendBurst: 2,
  limitSendBurstSeconds: 3600,
  limitGroupCreatesPerHour: 1,
});

describe('SDK › rate limits', () => {
  test('sends refused with RATE_LIMITED are retried after retryAfterMs with their clientMsgId, and stored once each', async () => {
    const ann = await world.open('ann', { sendTimeoutMs: 10 * WAIT_MS, backoff: { baseMs: 5, maxMs: 20 } });
    const N = 6;
    const ids = Array.from({ length: N }, (_, i) => `limited-${i + 1}`);
    const acks = await withDeadline(Promise.all(ids.map((clientMsgId, i) => ann.client.send({ to: 'ben', text: String(i + 1), clientMsgId }))), 'every send to be acked', 6 * WAIT_MS);
    assert.deepEqual(acks.map((a) => a.clientMsgId), ids, 'each ack carries the clientMsgId the app chose');
    assert.equal(acks.filter((a) => a.duplicate).length, 0, 'no send was stored before its ack (a refused one stores nothing)');
    const refusals = world.server.rates.refused.send;
    assert.ok(refusals >= N - 3, `the server refused sends past the rate and the burst (${refusals})`);
    // A retry before retryAfterMs would be refused again: with a 5 ms backoff alone,
    // the outbox would come back dozens of times a second.
    assert.ok(refusals <= 2 * N, `each refused send came back after the wait it was told (${refusals} refusals for ${N} sends)`);
    const ben = await world.open('ben');
    const stored = await ben.client.pull(directConversationId('ann', 'ben'), 1, 0, 500);
    assert.deepEqual(stored.map((m) => m.clientMsgId), ids, 'stored once each, in order');
  });

  test('another request past its limit rejects with a retryable RATE_LIMITED carrying retryAfterMs', async () => {
    const ann = await world.open('ann');
    await ann.client.createGroup('first', ['ben']);
    const err = await ann.client.createGroup('second', ['ben']).then(
      () => assert.fail('the second group creation of the hour was allowed'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ParleyError, String(err));
    assert.equal(err.code, ErrorCode.RATE_LIMITED);
    assert.equal(err.retryable, true);
    assert.ok(err.retryAfterMs > 0, `retryAfterMs ${err.retryAfterMs}`);
  });
});
