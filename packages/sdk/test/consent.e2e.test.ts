/**
 * Consent and moderation through the SDK against a real server: who may add
 * you to a group (invitations listed, pushed, accepted, declined, on every
 * device), blocks that stop group adds, edits and reactions, ban lists.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode, GroupAdds } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { noticeConversationId, type Message } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Consent and moderation', () => {
  const world = sdkWorld(['ann', 'bea', 'cal', 'dee', 'eve', 'fay']);
  const open = (user: string) => world.open(user);
  const invitationsShown = (d: { got: Message[]; user: string }) =>
    d.got.filter((m) => m.conversationId === noticeConversationId(d.user) && m.friend?.op.startsWith('invitation')).map((m) => [m.friend!.op, m.friend!.conversationId]);

  test('an add the setting does not allow is an invitation: on every device of the invitee, listed, accepted or declined', async () => {
    const ann = await open('ann');
    const bea = await open('bea');
    const bea2 = await open('bea');
    await bea.client.setGroupAdds(GroupAdds.NOBODY);
    assert.equal((await bea2.client.friends()).groupAdds, GroupAdds.NOBODY);
    const g = await ann.client.createGroup('Book club', ['bea', 'cal']);
    assert.deepEqual(g.message.membership, { op: 'create', actor: 'ann', users: ['cal'], name: 'Book club', invited: ['bea'] });
    for (const [i, d] of [bea, bea2].entries()) await waitUntil(() => invitationsShown(d).length === 1, WAIT_MS, `bea's device ${i + 1} is shown the invitation`);
    assert.deepEqual(invitationsShown(bea), [['invitation', g.conversationId]]);
    const [listed] = await bea.client.invitations();
    assert.deepEqual([listed!.conversationId, listed!.name, listed!.inviter], [g.conversationId, 'Book club', 'ann']);
    assert.ok(listed!.expiresAt > listed!.time);
    const joined = await bea.client.acceptInvitation(g.conversationId);
    assert.deepEqual(joined.message.membership, { op: 'join', actor: 'bea', users: [], invitedBy: 'ann' });
    await waitUntil(() => bea2.client.conversation(g.conversationId)?.left === false, WAIT_MS, 'bea’s other device has the group');
    assert.deepEqual(await bea2.client.invitations(), []);

    // A new device of a user who declines learns the decline from the notice conversation.
    const other = await ann.client.createGroup('Other', ['bea']);
    await bea.client.declineInvitation(other.conversationId);
    const bea3 = await open('bea');
    await waitUntil(() => invitationsShown(bea3).length === 3, WAIT_MS, 'a new device is shown both invitations and the decline');
    assert.deepEqual(invitationsShown(bea3).at(-1), ['invitation_declined', other.conversationId]);
    await assert.rejects(bea.client.acceptInvitation(other.conversationId), { code: ErrorCode.INVITATION_NOT_FOUND });
  });

  test('a block stops group adds, edits in the 1:1 and reactions; presence stays hidden', async () => {
    const cal = await open('cal');
    const dee = await open('dee');
    const mine = await dee.client.sendText('cal', 'hi');
    const theirs = await cal.client.sendText('dee', 'hello');
    await cal.client.block('dee');
    await assert.rejects(dee.client.createGroup('Sneaky', ['cal']), { code: ErrorCode.BLOCKED });
    await assert.rejects(dee.client.edit(mine.conversationId, mine.seq, 'changed'), { code: ErrorCode.BLOCKED });
    await assert.rejects(dee.client.react(theirs.conversationId, theirs.seq, '😡'), { code: ErrorCode.BLOCKED });
    assert.deepEqual(await dee.client.presence(['cal']), []);
  });

  test('ban lists: a kicked-and-banned member cannot join again until unbanned', async () => {
    const eve = await open('eve');
    const fay = await open('fay');
    const g = await eve.client.createGroup('Open', ['fay']);
    await eve.client.updateGroupInfo(g.conversationId, { joinable: true });
    await eve.client.ban(g.conversationId, ['fay']);
    await waitUntil(() => fay.client.conversation(g.conversationId)?.left === true, WAIT_MS, 'fay is removed');
    await assert.rejects(fay.client.joinGroup(g.conversationId), { code: ErrorCode.BANNED });
    await assert.rejects(fay.client.bans(g.conversationId), { code: ErrorCode.NOT_MEMBER });
    assert.deepEqual((await eve.client.bans(g.conversationId)).map((b) => [b.userId, b.bannedBy]), [['fay', 'eve']]);
    await eve.client.unban(g.conversationId, ['fay']);
    await fay.client.joinGroup(g.conversationId);
    assert.deepEqual(await eve.client.bans(g.conversationId), []);
  });
});
