import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeFrame,
  directConversationId,
  encodeFrame,
  ErrorCode,
  isRetryable,
  parseDirectConversationId,
  type FrameData,
} from '../src/index.ts';

/** JSON with bytes as plain arrays, whether they are Buffers or Uint8Arrays. */
function plainJson(value: unknown): any {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (v instanceof Uint8Array) return Array.from(v);
      if (v && v.type === 'Buffer' && Array.isArray(v.data)) return v.data;
      return v;
    }),
  );
}

test('Codec › every frame kind round-trips and names its body', () => {
  const big = 2 ** 40 + 3;
  const frames: FrameData[] = [
    { id: 1, auth: { token: 't', deviceId: 'd', platform: 'web', protocolVersion: 1 } },
    { id: 1, authOk: { userId: 'u', deviceId: 'd', heartbeatMs: 15000, maxFrameBytes: 65536, serverTime: big, sessionId: 's' } },
    { id: 2, send: { to: 'bob', clientMsgId: 'c', type: 1, body: new Uint8Array([1, 2, 3]) } },
    { id: 2, sendAck: { conversationId: 'd:a:b', seq: big, messageId: 'm', serverTime: big, clientMsgId: 'c', duplicate: true } },
    { push: { message: { id: 'm', conversationId: 'd:a:b', seq: big, senderId: 'a', senderDevice: 'x', clientMsgId: 'c', type: 1, body: new Uint8Array([9]), serverTime: big, mentions: ['b'], mentionAll: true, replyTo: big, reactions: [{ emoji: '👍', users: ['a', 'b'] }] } } },
    { ack: { conversationId: 'd:a:b', seq: big } },
    { id: 3, sync: { token: 'p1.x' } },
    { id: 3, syncResult: { conversations: [{ conversationId: 'd:a:b', kind: 1, maxSeq: big, joinSeq: 5, members: ['a', 'b'] }], token: 'n', more: true } },
    { id: 4, pull: { conversationId: 'd:a:b', fromSeq: 1, toSeq: big, limit: 10 } },
    { id: 4, pullResult: { conversationId: 'd:a:b', fromSeq: 1, toSeq: 3, messages: [], holes: [2, big], maxSeq: big } },
    { id: 5, ping: { time: big } },
    { id: 5, pong: { time: big } },
    { id: 6, error: { code: 'NOT_MEMBER', message: 'no', retryable: false } },
    { notice: { code: 'RECONNECT', message: 'bye', retryAfterMs: 10, endpoints: ['ws://x/ws'] } },
  ];
  for (const frame of frames) {
    const kind = Object.keys(frame).find((k) => k !== 'id')!;
    const decoded = decodeFrame(encodeFrame(frame));
    assert.equal(decoded.body, kind);
    assert.equal(decoded.id ?? 0, frame.id ?? 0);
    const plain = plainJson((decoded as unknown as Record<string, unknown>)[kind]);
    const expected = plainJson((frame as Record<string, unknown>)[kind]);
    for (const [field, value] of Object.entries(expected)) {
      if (value === false || value === 0 || (Array.isArray(value) && value.length === 0)) continue; // proto3 defaults are not sent
      assert.deepEqual(plain[field], value, `${kind}.${field}`);
    }
  }
});

test('Codec › 64-bit fields decode as plain numbers, not Long objects', () => {
  const decoded = decodeFrame(encodeFrame({ ack: { conversationId: 'c', seq: 2 ** 52 + 1 } }));
  assert.equal(typeof decoded.ack!.seq, 'number');
  assert.equal(decoded.ack!.seq, 2 ** 52 + 1);
  const defaults = decodeFrame(encodeFrame({ pull: { conversationId: 'c' } }));
  assert.equal(defaults.pull!.toSeq, 0, 'an absent uint64 reads as the number 0');
});

test('Codec › garbage bytes throw ParleyError BAD_FRAME', () => {
  const garbage = [
    [0x0a, 0x05, 0x01], // field 1 as length-delimited, length overruns
    [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // varint longer than 10 bytes
    [0x52, 0x7f], // auth body whose length runs past the end
    [0x0f], // wire type 7 does not exist
  ];
  for (const bytes of garbage) {
    assert.throws(() => decodeFrame(new Uint8Array(bytes)), { code: ErrorCode.BAD_FRAME, name: 'ParleyError' }, JSON.stringify(bytes));
  }
});

test('Codec › a frame with an unknown field decodes with no body', () => {
  const decoded = decodeFrame(new Uint8Array([0x08, 0x05, 0x98, 0x06, 0x01]));
  assert.equal(decoded.id, 5);
  assert.equal(decoded.body, undefined);
});

test('directConversationId › is order-independent and parses back', () => {
  assert.equal(directConversationId('bob', 'alice'), 'd:alice:bob');
  assert.equal(directConversationId('alice', 'bob'), 'd:alice:bob');
  assert.deepEqual(parseDirectConversationId('d:alice:bob'), ['alice', 'bob']);
  for (const bad of ['d:bob:alice', 'd:alice', 'g:alice:bob', 'd:alice:alice', 'd::bob', 'd:a b:c', 'd:a:b:c']) {
    assert.equal(parseDirectConversationId(bad), undefined, bad);
  }
});

test('isRetryable › only transient codes are retryable', () => {
  for (const code of [ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL]) assert.equal(isRetryable(code), true);
  for (const code of [ErrorCode.NOT_MEMBER, ErrorCode.AUTH_FAILED, ErrorCode.INVALID_ARGUMENT, 'SOMETHING_NEW']) assert.equal(isRetryable(code), false);
  // The codes of a close (PROTOCOL.md §8): reconnecting elsewhere after a drain can succeed; the others say stop or wait.
  assert.equal(isRetryable(ErrorCode.DRAINING), true);
  for (const code of [ErrorCode.REPLACED, ErrorCode.KICKED, ErrorCode.AUTH_TIMEOUT]) assert.equal(isRetryable(code), false);
});
