import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import type { Message } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Message kinds: mentions, @all, reply-to, custom JSON', () => {
  const world = sdkWorld(['kim', 'lee', 'max', 'ned', 'out']);
  const open = (user: string) => world.open(user);


  test('mentions and replies reach members with the message; unread mentions are counted live and through sync', async () => {
    const kim = await open('kim');
    const lee = await open('lee');
    const { conversationId: g } = await kim.client.createGroup('Mentions', ['lee', 'max']);
    const question = await kim.client.send({ conversationId: g, text: 'who is in on Friday?' });
    const answer = await lee.client.send({ conversationId: g, text: '@kim me!', mentions: ['kim'], replyTo: question.seq });
    await waitUntil(() => kim.got.some((m) => m.seq === answer.seq), WAIT_MS, 'kim gets the answer');
    const got = kim.got.find((m) => m.seq === answer.seq)!;
    assert.deepEqual([got.mentions, got.mentionAll, got.replyTo], [['kim'], false, question.seq]);
    assert.equal(kim.client.conversation(g)!.unreadMentions, 1);
    const history = await kim.client.pull(g, answer.seq, answer.seq);
    assert.deepEqual([history[0]!.mentions, history[0]!.replyTo], [['kim'], question.seq], 'history keeps them');

    // @all: the owner and admins only.
    await assert.rejects(lee.client.send({ conversationId: g, text: 'everyone!', mentionAll: true }), { code: ErrorCode.FORBIDDEN });
    await kim.client.send({ conversationId: g, text: 'meeting at 5', mentionAll: true });

    // max was offline for all of it: sync counts what mentions him.
    const max = await open('max');
    const state = max.client.conversation(g)!;
    assert.equal(state.unreadMentions, 1, 'the @all message');
    assert.equal(state.unread, 4, 'the creation event and three messages');
    await max.client.markRead(g);
    assert.equal(max.client.conversation(g)!.unreadMentions, 0);
  });

  test('bad references are refused with their codes, and nothing is stored', async () => {
    const kim = await open('kim');
    const ned = await open('ned');
    const { conversationId: g } = await kim.client.createGroup('Strict', ['ned']);
    await assert.rejects(kim.client.send({ conversationId: g, text: 'hi', mentions: ['out'] }), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(kim.client.send({ conversationId: g, text: 'hi', replyTo: 99 }), { code: ErrorCode.MESSAGE_NOT_FOUND });
    await assert.rejects(kim.client.send({ conversationId: g, text: 'hi', mentions: Array.from({ length: 51 }, (_, i) => `u${i}`) }), {
      code: ErrorCode.INVALID_ARGUMENT,
    });
    await assert.rejects(kim.client.send({ to: 'ned', text: 'hi all', mentionAll: true }), { code: ErrorCode.INVALID_ARGUMENT });
    // A late joiner cannot reply to what they cannot see.
    await kim.client.send({ conversationId: g, text: 'before out joined' });
    const inv = await kim.client.invite(g, ['out']);
    const out = await open('out');
    await assert.rejects(out.client.send({ conversationId: g, text: 're', replyTo: inv.seq - 1 }), { code: ErrorCode.MESSAGE_NOT_FOUND });
    await out.client.send({ conversationId: g, text: 're: welcome', replyTo: inv.seq });
    const stored = await ned.client.pull(g, 1);
    assert.deepEqual(stored.map((m) => m.type), [MessageType.MEMBERSHIP, MessageType.TEXT, MessageType.MEMBERSHIP, MessageType.TEXT]);
  });

  test('CUSTOM carries app JSON within its size limit; TEXT must be UTF-8; media kinds must name a file; app kinds pass through', async () => {
    const kim = await open('kim');
    const lee = await open('lee');
    const json = new TextEncoder().encode(JSON.stringify({ kind: 'poll', question: 'Pizza?', options: ['yes', 'no'] }));
    const ack = await kim.client.send({ to: 'lee', type: MessageType.CUSTOM, body: json });
    await waitUntil(() => lee.got.some((m) => m.id === ack.messageId), WAIT_MS, 'lee gets the custom message');
    assert.deepEqual(JSON.parse(new TextDecoder().decode(lee.got.find((m) => m.id === ack.messageId)!.body)), { kind: 'poll', question: 'Pizza?', options: ['yes', 'no'] });
    await assert.rejects(kim.client.send({ to: 'lee', type: MessageType.CUSTOM, body: new TextEncoder().encode('{not json') }), { code: ErrorCode.INVALID_ARGUMENT });
    const big = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(5000) }));
    await assert.rejects(kim.client.send({ to: 'lee', type: MessageType.CUSTOM, body: big }), { code: ErrorCode.MESSAGE_TOO_LARGE });
    await assert.rejects(kim.client.send({ to: 'lee', type: MessageType.TEXT, body: new Uint8Array([0xff, 0xfe, 0x41]) }), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(kim.client.send({ to: 'lee', type: MessageType.IMAGE, body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(kim.client.send({ to: 'lee', type: MessageType.IMAGE, body: new TextEncoder().encode('{"fileId":"AAAAAAAAAAAAAAAAAAAAAA"}') }), { code: ErrorCode.FILE_NOT_FOUND });
    await kim.client.send({ to: 'lee', type: 1234, body: new Uint8Array([0, 1, 2]) });
  });
});
