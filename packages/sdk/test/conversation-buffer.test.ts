import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from '../src/backoff.ts';
import { ConversationBuffer, HOLE } from '../src/conversation-buffer.ts';
import { MemorySessionStore } from '../src/session-store.ts';

test('ConversationBuffer › delivers in-order seqs at once', () => {
  const b = new ConversationBuffer<string>();
  assert.deepEqual(b.offer(1, 'a', 0), ['a']);
  assert.deepEqual(b.offer(2, 'b', 0), ['b']);
  assert.equal(b.cursor, 2);
  assert.equal(b.gapSince, undefined);
});

test('ConversationBuffer › drops duplicates at or below the cursor and within the buffer', () => {
  const b = new ConversationBuffer<string>();
  b.offer(1, 'a', 0);
  assert.deepEqual(b.offer(1, 'a again', 0), []);
  assert.deepEqual(b.offer(3, 'c', 0), []);
  assert.deepEqual(b.offer(3, 'c again', 0), []);
  assert.deepEqual(b.offer(2, 'b', 0), ['b', 'c']);
});

test('ConversationBuffer › holds seqs above a gap and releases them in order when it fills', () => {
  const b = new ConversationBuffer<string>(10);
  assert.deepEqual(b.offer(14, 'n', 5), []);
  assert.deepEqual(b.offer(12, 'l', 6), []);
  assert.equal(b.gapSince, 5, 'the gap dates from when it was first seen');
  assert.deepEqual(b.offer(11, 'k', 7), ['k', 'l']);
  assert.equal(b.gapSince, 5, 'still a gap at 13');
  assert.deepEqual(b.offer(13, 'm', 8), ['m', 'n']);
  assert.equal(b.gapSince, undefined);
  assert.equal(b.cursor, 14);
});

test('ConversationBuffer › asks to pull the exact missing range only after the reorder window', () => {
  const b = new ConversationBuffer<string>(0);
  b.offer(1, 'a', 0);
  b.offer(5, 'e', 100);
  b.offer(4, 'd', 120);
  assert.equal(b.gapToPull(300, 250), undefined, 'inside the window');
  assert.deepEqual(b.gapToPull(350, 250), { from: 2, to: 3 });
  b.pulling = true;
  assert.equal(b.gapToPull(400, 250), undefined, 'not while a pull is in flight');
});

test('ConversationBuffer › a later gap in the same conversation is asked for too, once the first is filled', () => {
  const b = new ConversationBuffer<number>();
  for (const s of [1, 2, 4]) b.offer(s, s, 0);
  assert.deepEqual(b.gapToPull(100, 50), { from: 3, to: 3 });
  b.pulling = true;
  assert.deepEqual(b.offer(3, 3, 110), [3, 4]);
  b.pulling = false;
  assert.equal(b.gapToPull(200, 50), undefined, 'no gap left');
  for (const s of [5, 6, 8]) b.offer(s, s, 300);
  assert.equal(b.gapToPull(320, 50), undefined, 'the new gap gets its own reorder window');
  assert.deepEqual(b.gapToPull(400, 50), { from: 7, to: 7 });
});

test('ConversationBuffer › a gap that opens above one still open is asked for once the lower one is filled', () => {
  const b = new ConversationBuffer<number>();
  for (const s of [1, 2, 4]) b.offer(s, s, 0);
  assert.deepEqual(b.gapToPull(100, 50), { from: 3, to: 3 });
  b.pulling = true;
  for (const s of [5, 6, 8]) b.offer(s, s, 120);
  assert.deepEqual(b.offer(3, 3, 130), [3, 4, 5, 6]);
  b.pulling = false;
  assert.deepEqual(b.gapToPull(400, 50), { from: 7, to: 7 });
  assert.deepEqual(b.offer(7, 7, 410), [7, 8]);
  assert.equal(b.gapToPull(500, 50), undefined);
});

test('ConversationBuffer › holes advance the cursor without delivering anything', () => {
  const b = new ConversationBuffer<string>();
  b.offer(3, 'c', 0);
  assert.deepEqual(b.offer(2, HOLE, 0), []);
  assert.deepEqual(b.offer(1, 'a', 0), ['a', 'c']);
  assert.equal(b.cursor, 3);
});

test('ConversationBuffer › passTo skips seqs before a join point and keeps later ones', () => {
  const b = new ConversationBuffer<string>();
  b.offer(3, 'before join', 0);
  b.offer(8, 'h', 0);
  assert.deepEqual(b.passTo(6, 0), []);
  assert.equal(b.cursor, 6);
  assert.deepEqual(b.offer(7, 'g', 0), ['g', 'h']);
  assert.deepEqual(b.passTo(2, 0), [], 'never moves backwards');
  assert.equal(b.cursor, 8);
});

test('ConversationBuffer › a random interleaving with duplicates comes out as 1..N once', () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 50; round++) {
    const n = 1 + Math.floor(random() * 200);
    const offers: number[] = [];
    for (let s = 1; s <= n; s++) offers.push(s, ...(random() < 0.3 ? [s] : []));
    for (let i = offers.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [offers[i], offers[j]] = [offers[j]!, offers[i]!];
    }
    const b = new ConversationBuffer<number>();
    const out: number[] = [];
    for (const s of offers) out.push(...b.offer(s, s, 0));
    assert.deepEqual(out, Array.from({ length: n }, (_, i) => i + 1));
    assert.equal(b.buffered, 0);
  }
});

test('backoffDelay › stays within [0, min(max, base·2^n)] and grows with attempts', () => {
  const opts = { baseMs: 100, maxMs: 5000 };
  assert.equal(backoffDelay(0, opts, () => 0.999999), 99);
  assert.equal(backoffDelay(3, opts, () => 0.999999), 799);
  assert.equal(backoffDelay(30, opts, () => 0.999999), 4999);
  assert.equal(backoffDelay(1000, opts, () => 0.5), 2500);
  assert.equal(backoffDelay(5, opts, () => 0), 0);
});

test('MemorySessionStore › keeps the outbox in insertion order and forgets acked entries', async () => {
  const store = new MemorySessionStore();
  for (const id of ['c', 'a', 'b']) await store.putOutbox({ clientMsgId: id, to: 'x', type: 1, body: new Uint8Array(), createdAt: 0 });
  await store.deleteOutbox('a');
  await store.saveCursor('conv', 7);
  await store.saveSyncToken('tok');
  const state = await store.load();
  assert.deepEqual(state.outbox.map((e) => e.clientMsgId), ['c', 'b']);
  assert.deepEqual(state.cursors, { conv: 7 });
  assert.equal(state.syncToken, 'tok');
});
