/**
 * HorizonWatch: the one poller per PostgreSQL store that tells a sync answer cut
 * short when the transactions that held it back have ended. Here the horizon is
 * a number the test moves; the poll interval is short so the tests are quick.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitUntil } from '@parley/testkit';
import { HorizonWatch } from '../src/store/postgres/horizon-watch.ts';

const POLL_MS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeHorizon(start = 100) {
  const state = { horizon: start, reads: 0, failing: false };
  const watch = new HorizonWatch(async () => {
    state.reads++;
    if (state.failing) throw new Error('the database is unreachable');
    return state.horizon;
  }, POLL_MS);
  return { state, watch };
}

test('HorizonWatch › reads nothing while no one waits', async () => {
  const { state, watch } = fakeHorizon();
  await sleep(20 * POLL_MS);
  assert.equal(state.reads, 0);
  watch.close();
});

test('HorizonWatch › resolves each waiter once the horizon reaches its id, not before, and then stops reading', async () => {
  const { state, watch } = fakeHorizon(100);
  const resolved: number[] = [];
  for (const xid of [110, 120, 110]) void watch.passes(xid).then(() => resolved.push(xid));
  assert.equal(watch.waiters, 2, 'waiters for one id share one entry');
  await waitUntil(() => state.reads >= 3, undefined, 'a few polls');
  assert.deepEqual(resolved, [], 'not while transactions below the ids run');
  state.horizon = 115;
  await waitUntil(() => resolved.length === 2, undefined, 'both waiters for 110');
  assert.deepEqual(resolved, [110, 110]);
  state.horizon = 120; // every transaction below 120 has ended
  await waitUntil(() => resolved.length === 3, undefined, 'the waiter for 120');
  assert.equal(watch.waiters, 0);
  const reads = state.reads;
  await sleep(20 * POLL_MS);
  assert.equal(state.reads, reads, 'no polling once no one waits');
  watch.close();
});

test('HorizonWatch › a failed read is tried again at the next poll', async () => {
  const { state, watch } = fakeHorizon(100);
  state.failing = true;
  let done = false;
  void watch.passes(105).then(() => (done = true));
  await waitUntil(() => state.reads >= 3, undefined, 'reads that fail');
  state.failing = false;
  state.horizon = 105;
  await waitUntil(() => done, undefined, 'the waiter, once the database answers');
  watch.close();
});

test('HorizonWatch › closing resolves every waiter and stops polling', async () => {
  const { state, watch } = fakeHorizon(100);
  const waits = [watch.passes(200), watch.passes(300)];
  watch.close();
  await Promise.all(waits);
  const reads = state.reads;
  await watch.passes(400); // after close: at once
  await sleep(20 * POLL_MS);
  assert.equal(state.reads, reads);
});
