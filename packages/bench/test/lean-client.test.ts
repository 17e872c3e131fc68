import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '@parley/protocol';
import { readPush } from '../src/lean-client.ts';

const message = {
  id: 'm-1',
  conversationId: 'g:grüße-1',
  seq: 2 ** 40 + 5,
  senderId: 'alice',
  senderDevice: 'phone',
  clientMsgId: 'c-1',
  type: 7,
  body: new Uint8Array([1, 2, 3, 0x7c]),
  serverTime: Date.now(),
  flags: 2,
  refSeq: 9,
};

test('readPush reads what the generic decoder reads from a push', () => {
  for (const bytes of [encodeFrame({ push: { message } }), Buffer.from(encodeFrame({ push: { message } }))]) {
    const m = readPush(bytes);
    assert.ok(m);
    assert.equal(m.conversationId, message.conversationId);
    assert.equal(m.seq, message.seq);
    assert.equal(m.type, message.type);
    assert.deepEqual([...m.body], [...message.body]);
  }
  const empty = readPush(encodeFrame({ push: { message: { conversationId: 'c', seq: 1 } } }));
  assert.deepEqual({ ...empty, body: [...empty!.body] }, { conversationId: 'c', seq: 1, type: 0, body: [] });
});

test('readPush leaves every other frame to the generic decoder', () => {
  assert.equal(readPush(encodeFrame({ ping: { time: 1 } })), undefined);
  assert.equal(readPush(encodeFrame({ id: 3, sendAck: { conversationId: 'c', seq: 1 } })), undefined);
  assert.equal(readPush(encodeFrame({ id: 3, push: { message } })), undefined); // id before the push
});

test('readPush reads a push where it lies inside a larger buffer', () => {
  const push = encodeFrame({ push: { message } });
  const bytes = Buffer.concat([Buffer.from([9, 9, 9]), push, Buffer.from([7])]);
  const m = readPush(bytes, 3, 3 + push.length);
  assert.equal(m?.seq, message.seq);
  assert.equal(m?.conversationId, message.conversationId);
  assert.equal(readPush(bytes, 3, 3 + push.length + 1), undefined);
  const other = readPush(encodeFrame({ push: { message: { ...message, conversationId: 'other' } } }));
  assert.equal(other?.conversationId, 'other');
});
