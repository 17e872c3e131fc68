/**
 * Consent and moderation rules (chat/rules/consent.ts and their callers) on both
 * stores, through ChatService: blocks respected by group adds and by edits and
 * reactions, presence hidden across a block, ban lists, the group-adds setting
 * and its invitations, the edit window, the caps, idempotent friend requests.
 * Each test names the hole it closes: before these rules, each one failed.
 * Needs PostgreSQL for the second half (it fails rather than skips without one).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ErrorCode, FriendOp, GroupAdds, GroupOp, MessageOpKind, MessageType, noticeConversationId, ParleyError, type FriendEvent, type MembershipEvent } from '@parley/protocol';
import { createTestDatabase, tempDir, type TestDatabase } from '@parley/testkit';
import { ChatService, type Caller, type ChatLimits } from '../src/chat/chat-service.ts';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import type { ConsentOptions } from '../src/chat/rules/consent.ts';
import type { StorePort } from '../src/chat/store-port.ts';
import type { BusEvent, StoredMessage } from '../src/chat/types.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const LIMITS: ChatLimits = {
  maxBodyBytes: 4000, maxBatch: 512, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20,
  typingPushMax: 50, recallWindowMs: 120_000, maxCustomBytes: 1000,
};
const USERS = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];
const text = (s: string) => new TextEncoder().encode(s);
const json = <T>(m: StoredMessage) => JSON.parse(new TextDecoder().decode(m.body)) as T;

type Kind = 'sqlite' | 'postgres';
const dir = tempDir();
const databases: TestDatabase[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const db of databases) await db.drop();
});
let files = 0;
let ids = 0;
const cid = (tag: string) => `${tag}-${ids++}`;

interface Rig {
  chat: ChatService;
  store: ChatStore;
  port: StorePort;
  events: BusEvent[];
  as(userId: string): Caller;
  /** Another ChatService over the same store, with other limits (the edit window). */
  withLimits(limits: Partial<ChatLimits>): ChatService;
  close(): Promise<void>;
}

async function rig(kind: Kind, consent: Partial<ConsentOptions> = {}): Promise<Rig> {
  let port: StorePort;
  if (kind === 'sqlite') {
    port = new SqliteStore({ file: join(dir, `c${files++}.db`), synchronous: 'normal' });
  } else {
    const db = await createTestDatabase();
    databases.push(db);
    port = await PostgresStore.open({ url: db.url, poolSize: 4 });
  }
  const store = new ChatStore(port, { consent });
  const bus = new LocalBus();
  const events: BusEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const chat = new ChatService(store, bus, LIMITS);
  const others: ChatService[] = [];
  for (const id of USERS) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  return {
    chat, store, port, events,
    as: (userId) => ({ userId, deviceId: `${userId}-dev`, sessionId: `${userId}-session` }),
    withLimits: (limits) => {
      const other = new ChatService(store, bus, { ...LIMITS, ...limits });
      others.push(other);
      return other;
    },
    close: async () => {
      chat.close();
      for (const o of others) o.close();
      await store.close();
    },
  };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ParleyError) return err.code;
    throw err;
  }
  return 'ok';
}

function consentRulesOn(kind: Kind): void {
  const name = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const group = (r: Rig, owner: string, users: string[]) =>
    r.chat.changeGroup(r.as(owner), { op: GroupOp.CREATE, users, name: 'G', clientMsgId: cid('g') });
  const op = (r: Rig, actor: string, o: GroupOp, conversationId: string, users: string[] = []) =>
    r.chat.changeGroup(r.as(actor), { op: o, conversationId, users, clientMsgId: cid('op') });
  const friendOp = (r: Rig, actor: string, o: FriendOp, userId: string, extra: { groupAdds?: number; allow?: boolean } = {}) =>
    r.chat.changeFriends(r.as(actor), { op: o, userId, clientMsgId: cid('f'), ...extra });
  const members = async (r: Rig, g: string) => [...(await r.store.listMembers(g))].sort();
  const say = async (r: Rig, from: string, where: { to?: string; conversationId?: string }, body: string) =>
    (await r.chat.send(r.as(from), { ...where, clientMsgId: cid(from), type: MessageType.TEXT, body: text(body) })).message;

  describe(`Consent and moderation on ${name}`, () => {
    test('blocks: a blocked user cannot put the blocker into a group, at creation or by invite, nor the blocker them; presence stays hidden', async () => {
      const r = await rig(kind);
      try {
        await friendOp(r, 'ann', FriendOp.BLOCK, 'ben'); // ann blocks ben
        assert.equal(await refusal(group(r, 'ben', ['ann', 'cat'])), ErrorCode.BLOCKED, 'ben creates a group with ann');
        assert.equal(await refusal(group(r, 'ann', ['ben'])), ErrorCode.BLOCKED, 'ann creates a group with ben');
        const g = (await group(r, 'ben', ['cat'])).message.conversationId;
        assert.equal(await refusal(op(r, 'ben', GroupOp.INVITE, g, ['ann'])), ErrorCode.BLOCKED, 'ben invites ann');
        assert.deepEqual(await members(r, g), ['ben', 'cat'], 'nothing of the refused changes stayed');
        // Nothing shared: ben sees nothing of ann's presence.
        assert.equal(await r.store.presenceVisible('ben', 'ann'), false);
        assert.deepEqual([...(await r.chat.presenceOf(r.as('ben'), ['ann'])).keys()], []);
        // After the unblock, the same add works.
        await friendOp(r, 'ann', FriendOp.UNBLOCK, 'ben');
        await op(r, 'ben', GroupOp.INVITE, g, ['ann']);
        assert.deepEqual(await members(r, g), ['ann', 'ben', 'cat']);
      } finally {
        await r.close();
      }
    });

    test('blocks: no edit in a 1:1 across a block, no reaction to the message of a user across a block; recall and unreact still work', async () => {
      const r = await rig(kind);
      try {
        const mine = await say(r, 'ben', { to: 'ann' }, 'hi');
        const theirs = await say(r, 'ann', { to: 'ben' }, 'hello');
        const g = (await group(r, 'cat', ['ann', 'ben'])).message.conversationId;
        const annInGroup = await say(r, 'ann', { conversationId: g }, 'in the group');
        await r.chat.modifyMessage(r.as('ben'), { op: MessageOpKind.REACT, conversationId: g, seq: annInGroup.seq, emoji: '👍', clientMsgId: cid('re') });
        await friendOp(r, 'ann', FriendOp.BLOCK, 'ben');
        const modify = (conversationId: string, seq: number, o: MessageOpKind, extra: { body?: Uint8Array; emoji?: string } = {}) =>
          refusal(r.chat.modifyMessage(r.as('ben'), { op: o, conversationId, seq, clientMsgId: cid('m'), ...extra }));
        assert.equal(await modify(mine.conversationId, mine.seq, MessageOpKind.EDIT, { body: text('changed') }), ErrorCode.BLOCKED, 'edit in the 1:1');
        assert.equal(await modify(theirs.conversationId, theirs.seq, MessageOpKind.REACT, { emoji: '😡' }), ErrorCode.BLOCKED, 'react to the blocker in the 1:1');
        assert.equal(await modify(g, annInGroup.seq, MessageOpKind.REACT, { emoji: '😡' }), ErrorCode.BLOCKED, 'react to the blocker in a group');
        // The blocker cannot reach across either.
        assert.equal(
          await refusal(r.chat.modifyMessage(r.as('ann'), { op: MessageOpKind.REACT, conversationId: mine.conversationId, seq: mine.seq, emoji: '👍', clientMsgId: cid('m') })),
          ErrorCode.BLOCKED,
        );
        assert.equal(await modify(g, annInGroup.seq, MessageOpKind.UNREACT, { emoji: '👍' }), 'ok', 'taking a reaction back adds nothing');
        assert.equal(await modify(mine.conversationId, mine.seq, MessageOpKind.RECALL), 'ok', 'recalling one\'s own words');
        const [still] = await r.store.readMessages(theirs.conversationId, theirs.seq, theirs.seq, 1);
        assert.deepEqual(still!.reactions, []);
      } finally {
        await r.close();
      }
    });

    test('bans: kick with ban; a banned user cannot join a joinable group, be invited back or accept an old invitation; unban lets them', async () => {
      const r = await rig(kind);
      try {
        const g = (await group(r, 'ann', ['ben', 'cat', 'dan'])).message.conversationId;
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.SET_ROLE, conversationId: g, users: ['cat'], role: 2, clientMsgId: cid('role') });
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INFO, conversationId: g, fields: 8, joinable: true, clientMsgId: cid('info') });
        // The old hole: kicked from a joinable group, ben simply joins again.
        await op(r, 'cat', GroupOp.KICK, g, ['ben']);
        await op(r, 'ben', GroupOp.JOIN, g);
        assert.deepEqual(await members(r, g), ['ann', 'ben', 'cat', 'dan'], 'a kick alone is no ban');
        // A ban removes and keeps out.
        const ban = await op(r, 'cat', GroupOp.BAN, g, ['ben']);
        assert.deepEqual(json<MembershipEvent>(ban.message), { op: 'ban', actor: 'cat', users: ['ben'], removed: ['ben'] });
        assert.deepEqual(await members(r, g), ['ann', 'cat', 'dan']);
        assert.equal(await refusal(op(r, 'ben', GroupOp.JOIN, g)), ErrorCode.BANNED, 'join');
        assert.equal(await refusal(op(r, 'ann', GroupOp.INVITE, g, ['ben'])), ErrorCode.BANNED, 'invite, even by the owner');
        // Members cannot ban, list or lift; an admin cannot ban the owner or another admin.
        assert.equal(await refusal(op(r, 'dan', GroupOp.BAN, g, ['eve'])), ErrorCode.FORBIDDEN);
        assert.equal(await refusal(op(r, 'dan', GroupOp.UNBAN, g, ['ben'])), ErrorCode.FORBIDDEN);
        assert.equal(await refusal(r.chat.bans(r.as('dan'), g)), ErrorCode.FORBIDDEN);
        assert.equal(await refusal(r.chat.bans(r.as('ben'), g)), ErrorCode.NOT_MEMBER);
        assert.equal(await refusal(op(r, 'cat', GroupOp.BAN, g, ['ann'])), ErrorCode.FORBIDDEN);
        // A ban of someone not a member keeps them out too.
        await op(r, 'cat', GroupOp.BAN, g, ['eve']);
        assert.equal(await refusal(op(r, 'eve', GroupOp.JOIN, g)), ErrorCode.BANNED);
        const list = await r.chat.bans(r.as('cat'), g);
        assert.deepEqual(list.bans.map((b) => [b.userId, b.bannedBy]), [['ben', 'cat'], ['eve', 'cat']]);
        await op(r, 'ann', GroupOp.UNBAN, g, ['ben']);
        assert.deepEqual((await r.chat.bans(r.as('ann'), g)).bans.map((b) => b.userId), ['eve']);
        await op(r, 'ben', GroupOp.JOIN, g);
        assert.deepEqual(await members(r, g), ['ann', 'ben', 'cat', 'dan']);
        // An invitation from before a ban is void: the ban took it away.
        await friendOp(r, 'fay', FriendOp.GROUP_ADDS, '', { groupAdds: GroupAdds.NOBODY });
        await op(r, 'ann', GroupOp.INVITE, g, ['fay']);
        await op(r, 'ann', GroupOp.BAN, g, ['fay']);
        assert.equal(await refusal(op(r, 'fay', GroupOp.ACCEPT_INVITATION, g)), ErrorCode.INVITATION_NOT_FOUND);
        assert.deepEqual(await r.chat.invitations(r.as('fay')), []);
      } finally {
        await r.close();
      }
    });

    test('group adds: FRIENDS and NOBODY turn adds into invitations (listed, pushed to the invitee, accepted or declined, expiring); ANYONE adds', async () => {
      const r = await rig(kind);
      try {
        await friendOp(r, 'ben', FriendOp.GROUP_ADDS, '', { groupAdds: GroupAdds.FRIENDS });
        await friendOp(r, 'cat', FriendOp.GROUP_ADDS, '', { groupAdds: GroupAdds.NOBODY });
        assert.equal((await r.chat.listFriends(r.as('cat'))).groupAdds, GroupAdds.NOBODY);
        // eve is ben's friend: her adds of ben go through; cat's setting stops even friends.
        await friendOp(r, 'eve', FriendOp.REQUEST, 'ben');
        await friendOp(r, 'ben', FriendOp.ACCEPT, 'eve');
        const created = await group(r, 'ann', ['ben', 'cat', 'dan']);
        const g = created.message.conversationId;
        assert.deepEqual(json<MembershipEvent>(created.message), { op: 'create', actor: 'ann', users: ['dan'], name: 'G', invited: ['ben', 'cat'] });
        assert.deepEqual(await members(r, g), ['ann', 'dan']);
        // A resend of the creation is the original: no second group, no second invitation.
        const again = await r.chat.changeGroup(r.as('ann'), { op: GroupOp.CREATE, users: ['ben', 'cat', 'dan'], name: 'G', clientMsgId: created.message.clientMsgId });
        assert.deepEqual([again.duplicate, again.message.conversationId], [true, g]);
        // Each invitee's devices get the invitation, in their notice conversation.
        const pushed = r.events.flatMap((e) => (e.kind === 'message' && e.message.conversationId === noticeConversationId('ben') ? [json<FriendEvent>(e.message)] : []));
        assert.deepEqual(pushed.filter((e) => e.op === 'invitation').map((e) => [e.from, e.to, e.conversationId]), [['ann', 'ben', g]]);
        const listed = await r.chat.invitations(r.as('ben'));
        assert.deepEqual(listed.map((i) => [i.conversationId, i.inviter, i.name]), [[g, 'ann', 'G']]);
        // A sync lists the notice conversation that holds it.
        const synced = await r.chat.sync(r.as('ben'), '');
        assert.ok(synced.conversations.some((c) => c.conversationId === noticeConversationId('ben')));
        // Accept: ben joins.
        const joined = await op(r, 'ben', GroupOp.ACCEPT_INVITATION, g);
        assert.deepEqual(json<MembershipEvent>(joined.message), { op: 'join', actor: 'ben', users: [], invitedBy: 'ann' });
        assert.deepEqual(await r.chat.invitations(r.as('ben')), []);
        assert.equal(await refusal(op(r, 'ben', GroupOp.ACCEPT_INVITATION, g)), ErrorCode.ALREADY_MEMBER);
        // Decline: cat does not join; the notice tells her other devices.
        const declined = await op(r, 'cat', GroupOp.DECLINE_INVITATION, g);
        assert.equal(declined.message.conversationId, noticeConversationId('cat'));
        assert.equal(json<FriendEvent>(declined.message).op, 'invitation_declined');
        assert.equal(await refusal(op(r, 'cat', GroupOp.ACCEPT_INVITATION, g)), ErrorCode.INVITATION_NOT_FOUND);
        // A friend adds ben directly; a stranger's invite of a NOBODY user stays an invitation.
        const g2 = (await group(r, 'eve', ['ben'])).message.conversationId;
        assert.deepEqual(await members(r, g2), ['ben', 'eve']);
        const inv = await op(r, 'ann', GroupOp.INVITE, g, ['cat']);
        assert.deepEqual(json<MembershipEvent>(inv.message), { op: 'invite', actor: 'ann', users: [], invited: ['cat'] });
        // ANYONE: added at once.
        await friendOp(r, 'cat', FriendOp.GROUP_ADDS, '', { groupAdds: GroupAdds.ANYONE });
        await op(r, 'ann', GroupOp.INVITE, g, ['cat']);
        assert.deepEqual(await members(r, g), ['ann', 'ben', 'cat', 'dan']);
        assert.deepEqual(await r.chat.invitations(r.as('cat')), [], 'being added spends the invitation');
        assert.equal(await refusal(friendOp(r, 'cat', FriendOp.GROUP_ADDS, '', { groupAdds: 7 })), ErrorCode.INVALID_ARGUMENT);
      } finally {
        await r.close();
      }
    });

    test('group adds: not set, a user who takes 1:1 chats from friends only is FRIENDS (a group is no way around it); invitations expire', async () => {
      const r = await rig(kind, { invitationTtlMs: 1 });
      try {
        await friendOp(r, 'ben', FriendOp.ALLOW_STRANGERS, '', { allow: false });
        const g = (await group(r, 'ann', ['ben', 'cat'])).message.conversationId;
        assert.deepEqual(await members(r, g), ['ann', 'cat'], 'ben was invited, not added');
        // The invitation lived a millisecond: once the clock moved past it, it is gone.
        const invitedAt = Date.now();
        while (Date.now() <= invitedAt + 1) await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(await r.chat.invitations(r.as('ben')), []);
        assert.equal(await refusal(op(r, 'ben', GroupOp.ACCEPT_INVITATION, g)), ErrorCode.INVITATION_NOT_FOUND);
      } finally {
        await r.close();
      }
    });

    test('the server default of group adds: FRIENDS makes a stranger\'s add an invitation', async () => {
      const r = await rig(kind, { groupAddsDefault: GroupAdds.FRIENDS });
      try {
        const g = (await group(r, 'ann', ['ben'])).message.conversationId;
        assert.deepEqual(await members(r, g), ['ann']);
        assert.equal((await r.chat.invitations(r.as('ben'))).length, 1);
      } finally {
        await r.close();
      }
    });

    test('edit window: an edit after it is MESSAGE_LOCKED', async () => {
      const r = await rig(kind);
      try {
        const m = await say(r, 'ann', { to: 'ben' }, 'hi');
        const edit = (chat: ChatService) => refusal(chat.modifyMessage(r.as('ann'), { op: MessageOpKind.EDIT, conversationId: m.conversationId, seq: m.seq, body: text('x'), clientMsgId: cid('e') }));
        // Once the clock has moved past the send, a zero window has passed.
        while (Date.now() <= m.serverTime) await new Promise((resolve) => setImmediate(resolve));
        assert.equal(await edit(r.withLimits({ editWindowMs: 0 })), ErrorCode.MESSAGE_LOCKED);
        assert.equal(await edit(r.withLimits({ editWindowMs: 3_600_000 })), 'ok');
      } finally {
        await r.close();
      }
    });

    test('caps: members per group, groups per user, friends per user, pending friend requests; a repeated friend request is idempotent', async () => {
      const r = await rig(kind, { maxGroupMembers: 3, maxGroupsPerUser: 2, maxFriends: 1, maxPendingRequests: 2 });
      try {
        assert.equal(await refusal(group(r, 'ann', ['ben', 'cat', 'dan'])), ErrorCode.LIMIT_REACHED, '4 members at creation');
        const g = (await group(r, 'ann', ['ben', 'cat'])).message.conversationId;
        assert.equal(await refusal(op(r, 'ann', GroupOp.INVITE, g, ['dan'])), ErrorCode.LIMIT_REACHED, 'a 4th by invite');
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INFO, conversationId: g, fields: 8, joinable: true, clientMsgId: cid('info') });
        assert.equal(await refusal(op(r, 'dan', GroupOp.JOIN, g)), ErrorCode.LIMIT_REACHED, 'a 4th by join');
        await group(r, 'ann', ['dan']);
        assert.equal(await refusal(group(r, 'ann', ['eve'])), ErrorCode.LIMIT_REACHED, 'ann in a 3rd group');
        assert.equal(await refusal(group(r, 'eve', ['ann'])), ErrorCode.LIMIT_REACHED, 'ann added to a 3rd group');
        // Friend requests: the same one again changes nothing and tells no one.
        const first = await friendOp(r, 'eve', FriendOp.REQUEST, 'fay');
        assert.equal(first.events.length, 1);
        const before = r.events.length;
        const again = await friendOp(r, 'eve', FriendOp.REQUEST, 'fay');
        assert.deepEqual({ duplicate: again.duplicate, events: again.events.length, published: r.events.length - before }, { duplicate: true, events: 0, published: 0 });
        assert.deepEqual((await r.chat.listFriends(r.as('fay'))).incoming.map((e) => e.userId), ['eve']);
        await friendOp(r, 'eve', FriendOp.REQUEST, 'dan');
        assert.equal(await refusal(friendOp(r, 'eve', FriendOp.REQUEST, 'cat')), ErrorCode.LIMIT_REACHED, 'a 3rd pending request');
        await friendOp(r, 'fay', FriendOp.ACCEPT, 'eve');
        assert.equal(await refusal(friendOp(r, 'dan', FriendOp.ACCEPT, 'eve')), ErrorCode.LIMIT_REACHED, 'eve at her friend cap');
      } finally {
        await r.close();
      }
    });
  });
}

consentRulesOn('sqlite');
consentRulesOn('postgres');
