import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PendingPushes, PushRun } from '../src/gateway/session.ts';
import type { StoredMessage } from '../src/chat/types.ts';

const frame = (seq: number) => new Uint8Array([seq]);

function resendAll(q: PendingPushes): number[] {
  const out: number[] = [];
  q.resend(Infinity, 0, (f) => out.push(f[0]!));
  return out;
}

test('pending pushes stay in seq order, track a seq once, and drop a prefix on ack', () => {
  const q = new PendingPushes();
  for (const seq of [1, 2, 5, 3, 4]) assert.equal(q.add(seq, frame(seq), 100), true);
  assert.equal(q.add(3, frame(3), 100), false); // a republished duplicate
  assert.equal(q.size, 5);
  assert.deepEqual(resendAll(q), [1, 2, 3, 4, 5]);
  assert.equal(q.ackUpTo(0), 0);
  assert.equal(q.ackUpTo(2), 2);
  assert.equal(q.size, 3);
  assert.equal(q.add(2, frame(2), 100), true); // below the pending range: tracked again, in order
  assert.deepEqual(resendAll(q), [2, 3, 4, 5]);
  assert.equal(q.ackUpTo(9), 4);
  assert.equal(q.size, 0);
  assert.equal(q.add(10, frame(10), 100), true);
  assert.deepEqual(resendAll(q), [10]);
});

test('resend takes what waited long enough, oldest first, and restarts its clock', () => {
  const q = new PendingPushes();
  q.add(1, frame(1), 100);
  q.add(2, frame(2), 200);
  q.add(3, frame(3), 300);
  const sent: number[] = [];
  assert.equal(q.resend(200, 1000, (f) => sent.push(f[0]!)), 2);
  assert.deepEqual(sent, [1, 2]);
  sent.length = 0;
  assert.equal(q.resend(300, 1100, (f) => sent.push(f[0]!)), 0); // 1 and 2 were just resent, 3 is behind them
  assert.equal(q.resend(1000, 1200, (f) => sent.push(f[0]!)), 3);
  assert.deepEqual(sent, [1, 2, 3]);
});

test('a long queue acknowledged in steps keeps its order', () => {
  const q = new PendingPushes();
  for (let seq = 1; seq <= 1000; seq++) q.add(seq, frame(seq % 256), seq);
  let acked = 0;
  for (let upTo = 7; upTo <= 1000; upTo += 7) acked += q.ackUpTo(upTo);
  assert.equal(acked, 994);
  assert.equal(q.size, 6);
  const out: number[] = [];
  q.resend(Infinity, 0, (f) => out.push(f[0]!));
  assert.deepEqual(out, [995, 996, 997, 998, 999, 1000].map((s) => s % 256));
});

test('a run is tracked whole when it follows what is pending, and refused otherwise', () => {
  const msg = (seq: number) => ({ seq }) as StoredMessage;
  const run = (...seqs: number[]) => new PushRun(seqs.map(msg), seqs.map(frame));
  const q = new PendingPushes();
  assert.equal(q.addRun(run(1, 2, 3), 0), true);
  assert.equal(q.addRun(run(3, 4), 0), false, 'overlaps what is pending');
  assert.equal(q.addRun(run(5, 4), 0), false, 'not ascending');
  assert.equal(q.size, 3);
  assert.equal(q.addRun(run(4, 6), 0), true);
  assert.deepEqual(resendAll(q), [1, 2, 3, 4, 6]);
  assert.equal(q.ackUpTo(6), 5);
  assert.equal(q.addRun(run(2), 0), true, 'nothing pending: any run is in order');
});
