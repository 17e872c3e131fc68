import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { sdkWorld } from './world.ts';

describe('Reactions', () => {
  const world = sdkWorld(['rae', 'sam', 'tom', 'uma', 'vic']);
  const open = (user: string) => world.open(user);


  test('reactions are events every member receives in order; the message carries the current counts; they are not unread', async () => {
    const rae = await open('rae');
    const sam = await open('sam');
    const { conversationId: g } = await rae.client.createGroup('Reacts', ['sam', 'tom']);
    const sent = await sam.client.send({ conversationId: g, text: 'pizza tonight?' });
    await waitUntil(() => rae.got.some((m) => m.seq === sent.seq), WAIT_MS, 'rae has the message');
    await rae.client.markRead(g);

    const like = await rae.client.react(g, sent.seq, '👍');
    await sam.client.react(g, sent.seq, '👍');
    await rae.client.react(g, sent.seq, '🍕');
    await waitUntil(() => sam.got.filter((m) => m.type === MessageType.REACTION).length === 3, WAIT_MS, 'sam sees three reaction events');
    const first = sam.got.find((m) => m.seq === like.seq)!;
    assert.deepEqual([first.refSeq, first.senderId, first.reaction], [sent.seq, 'rae', { op: 'add', emoji: '👍' }]);
    const [stored] = await sam.client.pull(g, sent.seq, sent.seq);
    assert.deepEqual(stored!.reactions, [{ emoji: '👍', users: ['rae', 'sam'] }, { emoji: '🍕', users: ['rae'] }]);
    assert.equal(rae.client.conversation(g)!.unread, 0, 'reaction events are not unread');

    await sam.client.unreact(g, sent.seq, '👍');
    const [after] = await rae.client.pull(g, sent.seq, sent.seq);
    assert.deepEqual(after!.reactions, [{ emoji: '👍', users: ['rae'] }, { emoji: '🍕', users: ['rae'] }]);

    // tom was away: sync brings the events, and his unread count leaves them out.
    const tom = await open('tom');
    await waitUntil(() => tom.got.filter((m) => m.type === MessageType.REACTION).length === 4, WAIT_MS, 'tom catches up on reactions');
    assert.equal(tom.client.conversation(g)!.unread, 2, 'the creation event and the message');
  });

  test('bad reactions are refused with their codes', async () => {
    const rae = await open('rae');
    const { conversationId: g } = await rae.client.createGroup('Strict reacts', ['uma']);
    const sent = await rae.client.send({ conversationId: g, text: 'hello' });
    await rae.client.react(g, sent.seq, '🎉');
    await assert.rejects(rae.client.react(g, sent.seq, '🎉'), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(rae.client.unreact(g, sent.seq, '👀'), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(rae.client.react(g, sent.seq, 'two words'), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(rae.client.react(g, sent.seq, ''), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(rae.client.react(g, 1, '👍'), { code: ErrorCode.MESSAGE_LOCKED }, 'events take no reactions');
    await assert.rejects(rae.client.react(g, 999, '👍'), { code: ErrorCode.MESSAGE_NOT_FOUND });
    const vic = await open('vic');
    await assert.rejects(vic.client.react(g, sent.seq, '👍'), { code: ErrorCode.NOT_MEMBER });
    await rae.client.recall(g, sent.seq);
    await assert.rejects(rae.client.react(g, sent.seq, '👍'), { code: ErrorCode.MESSAGE_LOCKED }, 'recalled messages take no reactions');
  });
});
