import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConversationKind, ErrorCode, MessageType } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { noticeConversationId, type Message } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Friends, blocks and the stranger setting', () => {
  const world = sdkWorld(['ann', 'bea', 'cal', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon']);
  const open = (user: string) => world.open(user);
  /** The FRIEND events a device has been shown, as [op, from, to]. */
  const friendEvents = (d: { got: Message[]; user: string }) =>
    d.got.filter((m) => m.conversationId === noticeConversationId(d.user)).map((m) => [m.friend!.op, m.friend!.from, m.friend!.to]);


  test('a request reaches an offline user through sync, the answer reaches every device of the asker', async () => {
    const ann = await open('ann');
    const [sent] = await ann.client.requestFriend('bea', 'we met at the conference');
    assert.equal(sent!.type, MessageType.FRIEND);
    assert.deepEqual(sent!.friend, { op: 'request', from: 'ann', to: 'bea', note: 'we met at the conference' });
    assert.equal(sent!.conversationId, 'n:ann');

    const bea = await open('bea'); // was offline when asked
    await waitUntil(() => friendEvents(bea).length === 1, WAIT_MS, 'bea sees the request');
    assert.deepEqual(friendEvents(bea), [['request', 'ann', 'bea']]);
    assert.equal(bea.client.conversation('n:bea')!.kind, ConversationKind.NOTICES);
    const beaList = await bea.client.friends();
    assert.deepEqual(beaList.incoming.map((e) => [e.userId, e.note]), [['ann', 'we met at the conference']]);
    assert.deepEqual((await ann.client.friends()).outgoing.map((e) => e.userId), ['bea']);

    await bea.client.acceptFriend('ann');
    await waitUntil(() => friendEvents(ann).length === 2, WAIT_MS, 'ann sees the acceptance');
    assert.deepEqual(friendEvents(ann), [['request', 'ann', 'bea'], ['accept', 'bea', 'ann']]);
    assert.deepEqual((await ann.client.friends()).friends.map((f) => f.userId), ['bea']);
    const after = await bea.client.friends();
    assert.deepEqual(after.friends.map((f) => f.userId), ['ann']);
    assert.deepEqual(after.incoming, []);

    // A second device of ann, new now, learns the whole story in order.
    const ann2 = await open('ann');
    await waitUntil(() => friendEvents(ann2).length === 2, WAIT_MS, 'ann’s other device catches up');
    assert.deepEqual(friendEvents(ann2), friendEvents(ann));
  });

  test('reject, remove, asking back accepts, and the error codes of each', async () => {
    const cal = await open('cal');
    const dee = await open('dee');
    await assert.rejects(dee.client.acceptFriend('cal'), { code: ErrorCode.REQUEST_NOT_FOUND });
    await cal.client.requestFriend('dee');
    await dee.client.rejectFriend('cal');
    await waitUntil(() => friendEvents(cal).some((e) => e[0] === 'reject'), WAIT_MS, 'cal learns the rejection');
    assert.deepEqual((await cal.client.friends()).outgoing, []);
    await assert.rejects(dee.client.rejectFriend('cal'), { code: ErrorCode.REQUEST_NOT_FOUND });

    // Both ask: the second request is an acceptance.
    await cal.client.requestFriend('dee', 'again?');
    const [back] = await dee.client.requestFriend('cal');
    assert.equal(back!.friend!.op, 'accept');
    assert.deepEqual((await cal.client.friends()).friends.map((f) => f.userId), ['dee']);
    await assert.rejects(cal.client.requestFriend('dee'), { code: ErrorCode.ALREADY_FRIENDS });

    await cal.client.removeFriend('dee');
    await waitUntil(() => friendEvents(dee).some((e) => e[0] === 'remove'), WAIT_MS, 'dee learns the removal');
    assert.deepEqual((await dee.client.friends()).friends, []);
    await assert.rejects(cal.client.removeFriend('dee'), { code: ErrorCode.NOT_FRIENDS });
    await assert.rejects(cal.client.requestFriend('nobody-here'), { code: ErrorCode.USER_NOT_FOUND });
    await assert.rejects(cal.client.requestFriend('cal'), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(cal.client.requestFriend('dee', 'x'.repeat(257)), { code: ErrorCode.INVALID_ARGUMENT });
  });

  test('a block stops messages both ways and friend requests; it ends a friendship; unblock lets them talk again', async () => {
    const eve = await open('eve');
    const fay = await open('fay');
    await eve.client.send({ to: 'fay', text: 'hi fay' });
    await eve.client.requestFriend('fay');
    await fay.client.acceptFriend('eve');

    await eve.client.block('fay');
    await waitUntil(() => friendEvents(fay).some((e) => e[0] === 'remove'), WAIT_MS, 'fay learns the friendship ended');
    assert.ok(!friendEvents(fay).some((e) => e[0] === 'block'), 'a block itself is private');
    assert.deepEqual((await eve.client.friends()).blocked.map((b) => b.userId), ['fay']);
    assert.deepEqual((await fay.client.friends()).friends, []);
    await assert.rejects(fay.client.send({ to: 'eve', text: 'why?' }), { code: ErrorCode.BLOCKED });
    await assert.rejects(eve.client.send({ to: 'fay', text: 'one more thing' }), { code: ErrorCode.BLOCKED });
    await assert.rejects(fay.client.requestFriend('eve'), { code: ErrorCode.BLOCKED });

    await eve.client.unblock('fay');
    await fay.client.send({ to: 'eve', text: 'friends again?' });
    await waitUntil(() => eve.got.some((m) => m.conversationId.startsWith('d:') && m.body.length > 0 && m.senderId === 'fay'), WAIT_MS, 'eve gets fay’s message');
  });

  test('strangers: a user who takes chats from friends only cannot be messaged first by a non-friend', async () => {
    const gus = await open('gus');
    const hal = await open('hal');
    const [setting] = await gus.client.allowStrangers(false);
    assert.deepEqual(setting!.friend, { op: 'allow_strangers', from: 'gus', to: '', allow: false });
    assert.equal((await gus.client.friends()).allowStrangers, false);
    await assert.rejects(hal.client.send({ to: 'gus', text: 'hello stranger' }), { code: ErrorCode.NOT_FRIENDS });
    // gus may still start a chat with hal, and then both talk.
    await gus.client.send({ to: 'hal', text: 'hi hal' });
    await hal.client.send({ to: 'gus', text: 'hi gus' });
    // Nobody writes into a notice conversation but the server.
    await assert.rejects(gus.client.send({ conversationId: 'n:gus', text: 'note to self' }), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(hal.client.send({ conversationId: 'n:gus', text: 'sneaky' }), { code: ErrorCode.FORBIDDEN });
    await gus.client.allowStrangers(true);
  });

  test('presence: friends see each other’s without sharing a conversation; a block hides it both ways', async () => {
    const ivy = await open('ivy');
    const jon = await open('jon');
    assert.deepEqual(await ivy.client.presence(['jon']), [], 'strangers see nothing');
    await ivy.client.requestFriend('jon');
    await jon.client.acceptFriend('ivy');
    const updates: string[] = [];
    ivy.client.on('presence', (p) => updates.push(`${p.userId}:${p.online}`));
    const [seen] = await ivy.client.presence(['jon'], true);
    assert.deepEqual([seen!.userId, seen!.online], ['jon', true], 'friends do');
    await jon.client.block('ivy');
    assert.deepEqual(await ivy.client.presence(['jon']), [], 'not after a block');
    assert.deepEqual(await jon.client.presence(['ivy']), [], 'in either direction');
    await jon.client.close(); // jon goes offline: ivy's old subscription must not tell her
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(updates, [], 'the subscription ended with the block');
  });
});
