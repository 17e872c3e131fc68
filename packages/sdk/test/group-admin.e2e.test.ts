import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode, GroupRole } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import type { Message } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Group management', () => {
  const world = sdkWorld(['olga', 'amy', 'bo', 'cy', 'dan']);
  const open = (user: string) => world.open(user);
  const seen = (d: { got: Message[] }, g: string, seq: number) =>
    waitUntil(() => d.got.some((m) => m.conversationId === g && m.seq === seq), WAIT_MS, `seq ${seq} of ${g} delivered`);


  test('info: owner and admins change name, avatar, announcement; every device learns it live or through sync', async () => {
    const olga = await open('olga');
    const amy = await open('amy');
    const { conversationId: g } = await olga.client.createGroup('Plans', ['amy', 'bo']);
    const change = await olga.client.updateGroupInfo(g, { name: 'Summer plans', announcement: 'Trip on Friday', avatarUrl: 'https://example.com/a.png' });
    assert.deepEqual(change.message.membership, {
      op: 'info', actor: 'olga', users: [], name: 'Summer plans', avatarUrl: 'https://example.com/a.png', announcement: 'Trip on Friday',
    });
    await seen(amy, g, change.seq);
    const live = amy.client.conversation(g)!;
    assert.equal(live.name, 'Summer plans');
    assert.equal(live.announcement, 'Trip on Friday');
    assert.equal(live.avatarUrl, 'https://example.com/a.png');
    assert.equal(live.role, GroupRole.MEMBER);

    // Only the fields named change.
    await olga.client.updateGroupInfo(g, { announcement: '' });
    // bo was offline for both: sync brings the current info.
    const bo = await open('bo');
    const synced = bo.client.conversation(g)!;
    assert.equal(synced.name, 'Summer plans');
    assert.equal(synced.announcement, '');
    assert.equal(synced.avatarUrl, 'https://example.com/a.png');

    await assert.rejects(amy.client.updateGroupInfo(g, { name: 'mine now' }), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(olga.client.updateGroupInfo(g, { avatarUrl: 'javascript:alert(1)' }), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(olga.client.updateGroupInfo(g, { name: '  ' }), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(olga.client.updateGroupInfo(g, { announcement: 'x'.repeat(4097) }), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(olga.client.updateGroupInfo(g, {}), { code: ErrorCode.INVALID_ARGUMENT });

    const info = await bo.client.groupInfo(g);
    assert.equal(info.name, 'Summer plans');
    assert.deepEqual(info.members.map((m) => [m.userId, m.role]), [['olga', GroupRole.OWNER], ['amy', GroupRole.MEMBER], ['bo', GroupRole.MEMBER]]);
    const cy = await open('cy');
    await assert.rejects(cy.client.groupInfo(g), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(cy.client.groupInfo('g:nope'), { code: ErrorCode.CONVERSATION_NOT_FOUND });
  });

  test('roles and ownership: admins manage members below them, only the owner sets roles, transfer hands the group over', async () => {
    const olga = await open('olga');
    const amy = await open('amy');
    const bo = await open('bo');
    const { conversationId: g } = await olga.client.createGroup('Roles', ['amy', 'bo', 'cy']);
    await assert.rejects(amy.client.setRole(g, ['bo'], GroupRole.ADMIN), { code: ErrorCode.FORBIDDEN });
    const promoted = await olga.client.setRole(g, ['amy'], GroupRole.ADMIN);
    await seen(amy, g, promoted.seq);
    assert.equal(amy.client.conversation(g)!.role, GroupRole.ADMIN);
    await assert.rejects(amy.client.setRole(g, ['bo'], GroupRole.ADMIN), { code: ErrorCode.FORBIDDEN }, 'admins do not set roles');
    await assert.rejects(olga.client.setRole(g, ['bo'], GroupRole.OWNER as typeof GroupRole.ADMIN), { code: ErrorCode.INVALID_ARGUMENT });

    // An admin invites and removes plain members, never the owner or another admin.
    await amy.client.invite(g, ['dan']);
    await amy.client.kick(g, ['dan']);
    await assert.rejects(amy.client.kick(g, ['olga']), { code: ErrorCode.FORBIDDEN });
    await olga.client.setRole(g, ['bo'], GroupRole.ADMIN);
    await assert.rejects(amy.client.kick(g, ['bo']), { code: ErrorCode.FORBIDDEN });
    await olga.client.setRole(g, ['bo'], GroupRole.MEMBER);

    // Transfer: amy becomes owner, olga an admin who may now leave; amy may not.
    await assert.rejects(amy.client.transferOwnership(g, 'bo'), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(olga.client.transferOwnership(g, 'dan'), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(olga.client.transferOwnership(g, 'olga'), { code: ErrorCode.INVALID_ARGUMENT });
    const transfer = await olga.client.transferOwnership(g, 'amy');
    assert.deepEqual(transfer.message.membership, { op: 'transfer', actor: 'olga', users: ['amy'] });
    await seen(amy, g, transfer.seq);
    await seen(bo, g, transfer.seq);
    assert.equal(amy.client.conversation(g)!.role, GroupRole.OWNER);
    assert.equal(olga.client.conversation(g)!.role, GroupRole.ADMIN);
    const info = await bo.client.groupInfo(g);
    assert.deepEqual(info.members.map((m) => [m.userId, m.role]), [['amy', GroupRole.OWNER], ['olga', GroupRole.ADMIN], ['bo', GroupRole.MEMBER], ['cy', GroupRole.MEMBER]]);
    await assert.rejects(amy.client.leaveGroup(g), { code: ErrorCode.FORBIDDEN });
    await olga.client.leaveGroup(g);
  });

  test('mute: a muted member cannot send until the time passes or the mute is lifted; mute-all leaves only admins speaking', async () => {
    const olga = await open('olga');
    const amy = await open('amy');
    const bo = await open('bo');
    const { conversationId: g } = await olga.client.createGroup('Quiet', ['amy', 'bo']);
    await olga.client.setRole(g, ['amy'], GroupRole.ADMIN);

    await assert.rejects(bo.client.mute(g, ['amy'], Date.now() + 60_000), { code: ErrorCode.FORBIDDEN }, 'members do not mute');
    await assert.rejects(amy.client.mute(g, ['olga'], Date.now() + 60_000), { code: ErrorCode.FORBIDDEN }, 'nobody mutes a higher role');
    await assert.rejects(amy.client.mute(g, ['bo'], -5), { code: ErrorCode.INVALID_ARGUMENT });
    const until = Date.now() + 60_000;
    const muted = await amy.client.mute(g, ['bo'], until);
    await seen(bo, g, muted.seq);
    assert.equal(bo.client.conversation(g)!.mutedUntil, until);
    await assert.rejects(bo.client.send({ conversationId: g, text: 'let me speak' }), { code: ErrorCode.MUTED });
    await amy.client.mute(g, ['bo'], 0);
    await bo.client.send({ conversationId: g, text: 'thanks' });

    // A mute that has run out no longer applies.
    await amy.client.mute(g, ['bo'], Date.now() + 150);
    await new Promise((r) => setTimeout(r, 250));
    await bo.client.send({ conversationId: g, text: 'back again' });

    const all = await amy.client.muteAll(g, true);
    await seen(bo, g, all.seq);
    assert.equal(bo.client.conversation(g)!.mutedAll, true);
    await assert.rejects(bo.client.send({ conversationId: g, text: 'hello?' }), { code: ErrorCode.MUTED });
    await amy.client.send({ conversationId: g, text: 'admins still speak' });
    await olga.client.send({ conversationId: g, text: 'so does the owner' });
    await assert.rejects(bo.client.muteAll(g, false), { code: ErrorCode.FORBIDDEN });
    await olga.client.muteAll(g, false);
    await bo.client.send({ conversationId: g, text: 'free again' });
  });

  test('join by id: only when the group allows it; the joiner sees the group from their join event on', async () => {
    const olga = await open('olga');
    const { conversationId: g } = await olga.client.createGroup('Open house', ['amy']);
    await olga.client.send({ conversationId: g, text: 'before you came' });
    const cy = await open('cy');
    await assert.rejects(cy.client.joinGroup(g), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(cy.client.joinGroup('g:does-not-exist'), { code: ErrorCode.CONVERSATION_NOT_FOUND });
    await olga.client.updateGroupInfo(g, { joinable: true });
    const preview = await cy.client.groupInfo(g);
    assert.equal(preview.name, 'Open house');
    assert.equal(preview.joinable, true);
    const joined = await cy.client.joinGroup(g);
    assert.deepEqual(joined.message.membership, { op: 'join', actor: 'cy', users: [] });
    await assert.rejects(cy.client.joinGroup(g), { code: ErrorCode.ALREADY_MEMBER });
    await olga.client.send({ conversationId: g, text: 'welcome cy' });
    await waitUntil(() => cy.got.filter((m) => m.conversationId === g).length === 2, WAIT_MS, 'cy has the join event and the welcome');
    assert.deepEqual(cy.got.filter((m) => m.conversationId === g).map((m) => m.seq), [joined.seq, joined.seq + 1]);
    const history = await cy.client.pull(g, 1);
    assert.deepEqual(history.map((m) => m.seq), [joined.seq, joined.seq + 1], 'nothing from before the join');
    assert.equal(cy.client.conversation(g)!.role, GroupRole.MEMBER);
  });

  test('dismiss: only the owner; everyone sees the event, nothing can follow it, offline members learn it through sync', async () => {
    const olga = await open('olga');
    const amy = await open('amy');
    const { conversationId: g } = await olga.client.createGroup('Short-lived', ['amy', 'bo']);
    await olga.client.setRole(g, ['amy'], GroupRole.ADMIN);
    await assert.rejects(amy.client.dismissGroup(g), { code: ErrorCode.FORBIDDEN });
    const end = await olga.client.dismissGroup(g);
    assert.equal(end.message.membership?.op, 'dismiss');
    await seen(amy, g, end.seq);
    const info = amy.client.conversation(g)!;
    assert.equal(info.dismissed, true);
    assert.equal(info.left, true);
    await assert.rejects(amy.client.send({ conversationId: g, text: 'anyone?' }), { code: ErrorCode.GROUP_DISMISSED });
    await assert.rejects(olga.client.invite(g, ['cy']), { code: ErrorCode.GROUP_DISMISSED });
    await assert.rejects(olga.client.updateGroupInfo(g, { name: 'revived' }), { code: ErrorCode.GROUP_DISMISSED });

    const bo = await open('bo');
    await seen(bo, g, end.seq);
    const synced = bo.client.conversation(g)!;
    assert.equal(synced.dismissed, true);
    assert.equal(synced.left, true);
    assert.equal(synced.role, 0);
    assert.deepEqual(bo.got.filter((m) => m.conversationId === g).map((m) => m.membership?.op), ['create', 'role', 'dismiss']);
  });
});
