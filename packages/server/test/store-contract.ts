/**
 * The Store contract: one suite that every store runs unchanged (SQLite now;
 * PostgreSQL with cluster mode). It talks to the store only through the `Store`
 * interface. `open` returns a fresh, empty store and, if the store can, a way to
 * reopen the same data after `close()`.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { directConversationId, ErrorCode, FriendOp, GroupInfoField, GroupOp, GroupRole, MessageFlag, MessageOpKind, MessageType } from '@parley/protocol';
import { ChatService } from '../src/chat/chat-service.ts';
import type { AppendRequest, AppendResult, FriendChangeRequest, GroupChangeRequest, MessageOpRequest, Store } from '../src/chat/types.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { withDeadline } from '@parley/testkit';

export interface OpenedStore {
  store: Store;
  /** The same data, opened again after `store.close()`. */
  reopen?: () => Promise<Store>;
}

const conv = directConversationId('ann', 'ben');
const NONE = { version: 0, conversationId: '' };

function req(clientMsgId: string, body = clientMsgId, senderId = 'ann'): AppendRequest {
  return { senderId, senderDevice: 'dev', clientMsgId, conversationId: conv, directMembers: ['ann', 'ben'], type: MessageType.TEXT, body: new TextEncoder().encode(body) };
}

function ok(r: AppendResult | undefined): Extract<AppendResult, { ok: true }> {
  assert.ok(r?.ok, `expected success, got ${JSON.stringify(r)}`);
  return r;
}

function failure(r: { ok: boolean; code?: string } | undefined): string {
  assert.ok(r && !r.ok, `expected failure, got ${JSON.stringify(r)}`);
  return r.code!;
}

function group(actorId: string, op: number, fields: Partial<GroupChangeRequest> = {}): GroupChangeRequest {
  return {
    actorId, actorDevice: 'dev', clientMsgId: `${actorId}-${op}-${Math.random()}`, op: op as GroupChangeRequest['op'], conversationId: '', users: [], name: '',
    fields: 0, avatarUrl: '', announcement: '', joinable: false, role: 0, mutedUntil: 0, on: false, ...fields,
  };
}

function messageOp(actorId: string, op: number, conversationId: string, seq: number, extra: Partial<MessageOpRequest> = {}): MessageOpRequest {
  return {
    actorId, actorDevice: 'dev', clientMsgId: `${actorId}-op-${Math.random()}`, op: op as MessageOpRequest['op'], conversationId, seq,
    body: new Uint8Array(0), emoji: '', recallWindowMs: 120_000, ...extra,
  };
}

const CHAT_LIMITS = {
  maxBodyBytes: 1000, maxBatch: 512, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20, typingPushMax: 50,
  recallWindowMs: 120000, maxCustomBytes: 4096,
};

function friend(actorId: string, op: number, userId: string, extra: Partial<FriendChangeRequest> = {}): FriendChangeRequest {
  return { actorId, actorDevice: 'dev', clientMsgId: `${actorId}-f-${Math.random()}`, op: op as FriendChangeRequest['op'], userId, note: '', allow: false, ...extra };
}

/**
 * The store, with a change feed that waits out what a transaction elsewhere
 * held back: on PostgreSQL, one open for over a second anywhere on the database
 * server (another test run, say) makes a page leave out changes committed before
 * it (`withheld`). The contract is about what a page holds once nothing holds it
 * back, so a withheld page is read again, from the same cursor, once it may be
 * (as a client does on RESYNC). A store that never withholds is read once.
 */
function settledFeed(store: Store): Store {
  const changesSince: Store['changesSince'] = async (userId, after, limit) => {
    for (;;) {
      const page = await store.changesSince(userId, after, limit);
      if (!page.withheld) return page;
      await withDeadline(page.withheld, 'a transaction elsewhere on the database server to end', 60_000);
    }
  };
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'changesSince') return changesSince;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let opened: OpenedStore;
    let closed = false;
    beforeEach(async () => {
      opened = await open();
      store = settledFeed(opened.store);
      closed = false;
      for (const id of ['ann', 'ben', 'cat', 'dan']) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
    });
    afterEach(async () => {
      if (!closed) await store.close();
    });

    test('users: created once, read back; a second create is USER_EXISTS', async () => {
      assert.equal((await store.getUser('ann'))?.id, 'ann');
      assert.equal(await store.getUser('nobody'), undefined);
      await assert.rejects(store.createUser({ id: 'ann', displayName: 'x', passwordHash: null, createdAt: 0 }), { code: ErrorCode.USER_EXISTS });
    });

    test('assigns gap-free seqs within and across batches', async () => {
      const first = await store.appendMessages([req('a'), req('b'), req('c')]);
      const second = await store.appendMessages([req('d'), req('e', 'e', 'ben')]);
      assert.deepEqual([...first, ...second].map((r) => ok(r).message.seq), [1, 2, 3, 4, 5]);
      const read = await store.readMessages(conv, 1, 100, 100);
      assert.deepEqual(read.map((m) => m.clientMsgId), ['a', 'b', 'c', 'd', 'e']);
      assert.deepEqual((await store.readMessages(conv, 2, 4, 2)).map((m) => m.seq), [2, 3], 'range and limit');
    });

    test('dedups by (sender, clientMsgId) within a batch and across batches', async () => {
      const [first, second] = await store.appendMessages([req('x'), req('x')]);
      const a = ok(first);
      const again = ok(second);
      assert.equal(again.duplicate, true);
      assert.deepEqual([again.message.seq, again.message.id], [a.message.seq, a.message.id]);
      const later = ok((await store.appendMessages([req('x')]))[0]);
      assert.ok(later.duplicate && later.message.id === a.message.id);
      const other = ok((await store.appendMessages([req('x', 'x', 'ben')]))[0]);
      assert.ok(!other.duplicate && other.message.seq === 2, 'another sender may use the same clientMsgId');
      assert.equal(failure((await store.appendMessages([req('x', 'changed')]))[0]), ErrorCode.CLIENT_MSG_ID_REUSED);
    });

    test('refuses unknown recipients, unknown conversations and non-members without storing', async () => {
      const [noUser] = await store.appendMessages([{ ...req('u'), conversationId: directConversationId('ann', 'zed'), directMembers: ['ann', 'zed'] }]);
      assert.equal(failure(noUser), ErrorCode.USER_NOT_FOUND);
      const [noConv] = await store.appendMessages([{ ...req('v'), conversationId: 'g:nothing', directMembers: undefined }]);
      assert.equal(failure(noConv), ErrorCode.CONVERSATION_NOT_FOUND);
      await store.appendMessages([req('w')]);
      const [stranger] = await store.appendMessages([{ ...req('s', 's', 'cat'), directMembers: undefined }]);
      assert.equal(failure(stranger), ErrorCode.NOT_MEMBER);
      assert.equal((await store.readMessages(conv, 1, 100, 100)).length, 1);
    });

    test('lists only conversations changed after a cursor, in pages', async () => {
      const convs = ['ben', 'cat'].map((u) => directConversationId('ann', u));
      await store.appendMessages([req('1')]);
      await store.appendMessages([{ ...req('2'), conversationId: convs[1]!, directMembers: ['ann', 'cat'] }]);
      const all = await store.changesSince('ann', NONE, 10);
      assert.deepEqual(all.conversations.map((c) => c.conversationId), convs);
      assert.equal(all.more, false);
      const page1 = await store.changesSince('ann', NONE, 1);
      assert.equal(page1.more, true);
      const page2 = await store.changesSince('ann', page1.next, 1);
      assert.deepEqual([...page1.conversations, ...page2.conversations].map((c) => c.conversationId), convs);
      assert.equal((await store.changesSince('ann', all.next, 10)).conversations.length, 0);
      await store.appendMessages([req('3')]);
      const changed = await store.changesSince('ann', all.next, 10);
      assert.deepEqual(changed.conversations.map((c) => [c.conversationId, c.maxSeq]), [[convs[0], 2]]);
      assert.equal((await store.changesSince('cat', all.next, 10)).conversations.length, 0);
    });

    test('read positions move forward only, clamp to what exists, and count unread', async () => {
      await store.appendMessages([req('1', '1', 'ben'), req('2', '2', 'ben'), req('3', '3', 'ann'), req('4', '4', 'ben')]);
      const [state] = (await store.changesSince('ann', NONE, 10)).conversations;
      assert.equal(state!.unread, 3, 'what others sent');
      assert.deepEqual(await store.markRead(conv, 'ann', 2).then((r) => [r?.readSeq, r?.changed]), [2, true]);
      assert.deepEqual(await store.markRead(conv, 'ann', 1).then((r) => [r?.readSeq, r?.changed]), [2, false], 'never back');
      assert.equal((await store.markRead(conv, 'ann', 99))?.readSeq, 4, 'clamped');
      assert.equal(await store.markRead(conv, 'cat', 1), undefined, 'not a member');
      const [after] = (await store.changesSince('ann', NONE, 10)).conversations;
      assert.deepEqual([after!.readSeq, after!.unread], [4, 0]);
      const [peer] = (await store.changesSince('ben', NONE, 10)).conversations;
      assert.equal(peer!.peerReadSeq, 4, 'the other side sees the read position');
    });

    test('groups: membership events in the timeline, join points, removal points, roles and info', async () => {
      const created = ok(await store.changeGroup(group('ann', GroupOp.CREATE, { users: ['ben'], name: 'G' })));
      const g = created.message.conversationId;
      assert.equal(created.message.type, MessageType.MEMBERSHIP);
      assert.deepEqual([...created.members].sort(), ['ann', 'ben']);
      ok((await store.appendMessages([{ ...req('hello'), conversationId: g, directMembers: undefined }]))[0]);
      const invite = ok(await store.changeGroup(group('ann', GroupOp.INVITE, { conversationId: g, users: ['cat'] })));
      assert.equal((await store.getMembership(g, 'cat'))?.joinSeq, invite.message.seq - 1);
      assert.equal(failure(await store.changeGroup(group('cat', GroupOp.INVITE, { conversationId: g, users: ['dan'] }))), ErrorCode.FORBIDDEN);
      ok(await store.changeGroup(group('ann', GroupOp.SET_ROLE, { conversationId: g, users: ['ben'], role: GroupRole.ADMIN })));
      ok(await store.changeGroup(group('ann', GroupOp.INFO, { conversationId: g, fields: GroupInfoField.ANNOUNCEMENT, announcement: 'hi' })));
      const kick = ok(await store.changeGroup(group('ben', GroupOp.KICK, { conversationId: g, users: ['cat'] })));
      assert.equal((await store.getMembership(g, 'cat'))?.leftSeq, kick.message.seq);
      assert.equal(failure((await store.appendMessages([{ ...req('late', 'late', 'cat'), conversationId: g, directMembers: undefined }]))[0]), ErrorCode.NOT_MEMBER);
      const info = await store.getGroup(g);
      assert.deepEqual(
        [info?.name, info?.announcement, info?.members.map((m) => [m.userId, m.role])],
        ['G', 'hi', [['ann', GroupRole.OWNER], ['ben', GroupRole.ADMIN]]],
      );
      const catView = (await store.changesSince('cat', NONE, 10)).conversations.find((c) => c.conversationId === g)!;
      assert.deepEqual([catView.left, catView.maxSeq], [true, kick.message.seq]);
      assert.deepEqual(await store.listMembers(g), ['ann', 'ben']);
      const dup = ok(await store.changeGroup({ ...group('ann', GroupOp.INVITE, { conversationId: g, users: ['cat'] }), clientMsgId: invite.message.clientMsgId }));
      assert.ok(dup.duplicate && dup.message.seq === invite.message.seq, 'a resent change is the original');
    });

    test('mutes and dismissal refuse sends with their codes', async () => {
      const g = ok(await store.changeGroup(group('ann', GroupOp.CREATE, { users: ['ben', 'cat'], name: 'M' }))).message.conversationId;
      const send = (from: string) => store.appendMessages([{ ...req(`${from}-${Math.random()}`, 'x', from), conversationId: g, directMembers: undefined }]).then((r) => r[0]);
      ok(await store.changeGroup(group('ann', GroupOp.MUTE, { conversationId: g, users: ['ben'], mutedUntil: Date.now() + 60_000 })));
      assert.equal(failure(await send('ben')), ErrorCode.MUTED);
      ok(await store.changeGroup(group('ann', GroupOp.MUTE_ALL, { conversationId: g, on: true })));
      assert.equal(failure(await send('cat')), ErrorCode.MUTED);
      ok(await send('ann'));
      ok(await store.changeGroup(group('ann', GroupOp.DISMISS, { conversationId: g })));
      assert.equal(failure(await send('ann')), ErrorCode.GROUP_DISMISSED);
    });

    test('recall, edit and reactions change the message and record an event', async () => {
      const m = ok((await store.appendMessages([req('orig', 'original')]))[0]).message;
      const edit = ok(await store.modifyMessage(messageOp('ann', MessageOpKind.EDIT, conv, m.seq, { body: new TextEncoder().encode('edited') })));
      assert.deepEqual([edit.message.type, edit.message.refSeq], [MessageType.EDIT, m.seq]);
      const react = messageOp('ben', MessageOpKind.REACT, conv, m.seq, { emoji: '👍' });
      ok(await store.modifyMessage(react));
      assert.ok(ok(await store.modifyMessage(react)).duplicate, 'a resent reaction is the original');
      assert.equal(failure(await store.modifyMessage({ ...react, emoji: '🎉' })), ErrorCode.CLIENT_MSG_ID_REUSED, 'not another emoji');
      const [now] = await store.readMessages(conv, m.seq, m.seq, 1);
      assert.equal(new TextDecoder().decode(now!.body), 'edited');
      assert.deepEqual(now!.reactions, [{ emoji: '👍', users: ['ben'] }]);
      assert.equal(failure(await store.modifyMessage(messageOp('ben', MessageOpKind.EDIT, conv, m.seq, { body: new Uint8Array([1]) }))), ErrorCode.FORBIDDEN);
      ok(await store.modifyMessage(messageOp('ann', MessageOpKind.RECALL, conv, m.seq)));
      const [gone] = await store.readMessages(conv, m.seq, m.seq, 1);
      assert.equal(gone!.body.length, 0);
      assert.equal(failure(await store.modifyMessage(messageOp('ann', MessageOpKind.RECALL, conv, m.seq))), ErrorCode.MESSAGE_LOCKED);
    });

    test('per-user history: hidden seqs and a cleared point, for that user only', async () => {
      await store.appendMessages([req('1'), req('2'), req('3')]);
      const hide = ok(await store.modifyMessage(messageOp('ben', MessageOpKind.HIDE, conv, 2)));
      assert.deepEqual([hide.message.conversationId, hide.message.type], ['n:ben', MessageType.HISTORY]);
      assert.deepEqual(await store.hiddenSeqs('ben', conv, 1, 3), [2]);
      assert.deepEqual(await store.hiddenSeqs('ann', conv, 1, 3), []);
      ok(await store.modifyMessage(messageOp('ben', MessageOpKind.CLEAR, conv, 3)));
      assert.equal((await store.getMembership(conv, 'ben'))?.clearedSeq, 3);
      assert.equal((await store.getMembership(conv, 'ann'))?.clearedSeq, 0);
    });

    test('friends, requests and blocks, with their events and the 1:1 checks', async () => {
      const asked = await store.changeFriends(friend('ann', FriendOp.REQUEST, 'cat', { note: 'hi' }));
      assert.ok(asked.ok);
      assert.deepEqual(asked.events.map((e) => e.message.conversationId).sort(), ['n:ann', 'n:cat']);
      assert.deepEqual((await store.listFriends('cat')).incoming.map((e) => [e.userId, e.note]), [['ann', 'hi']]);
      assert.ok((await store.changeFriends(friend('cat', FriendOp.ACCEPT, 'ann'))).ok);
      assert.deepEqual((await store.listFriends('ann')).friends.map((f) => f.userId), ['cat']);
      assert.equal(await store.presenceVisible('ann', 'cat'), true);
      assert.equal(failure(await store.changeFriends(friend('ann', FriendOp.REQUEST, 'cat'))), ErrorCode.ALREADY_FRIENDS);
      // Asking someone who already asked is accepting; a resend of that request is the same acceptance.
      assert.ok((await store.changeFriends(friend('dan', FriendOp.REQUEST, 'ben'))).ok);
      const back = friend('ben', FriendOp.REQUEST, 'dan');
      const accepted = await store.changeFriends(back);
      assert.ok(accepted.ok && accepted.events.every((e) => JSON.parse(new TextDecoder().decode(e.message.body)).op === 'accept'));
      const again = await store.changeFriends(back);
      assert.ok(again.ok && again.duplicate, JSON.stringify(again));
      assert.ok((await store.changeFriends(friend('dan', FriendOp.BLOCK, 'ann'))).ok);
      const [blocked] = await store.appendMessages([{ ...req('b'), conversationId: directConversationId('ann', 'dan'), directMembers: ['ann', 'dan'] }]);
      assert.equal(failure(blocked), ErrorCode.BLOCKED);
      assert.ok((await store.changeFriends(friend('cat', FriendOp.ALLOW_STRANGERS, '', { allow: false }))).ok);
      const [stranger] = await store.appendMessages([{ ...req('s', 's', 'ben'), conversationId: directConversationId('ben', 'cat'), directMembers: ['ben', 'cat'] }]);
      assert.equal(failure(stranger), ErrorCode.NOT_FRIENDS);
    });

    test('settings, delivered positions and readers', async () => {
      await store.appendMessages([req('1'), req('2')]);
      ok(await store.changeSettings({ userId: 'ben', deviceId: 'dev', clientMsgId: 'set-1', conversationId: conv, fields: 1, pinned: true, muted: false }));
      const moved = await store.markDelivered([{ conversationId: conv, userId: 'ben', seq: 99 }]);
      assert.deepEqual(moved.map((m) => [m.userId, m.seq]), [['ben', 2]], 'clamped to what exists');
      assert.deepEqual(await store.markDelivered([{ conversationId: conv, userId: 'ben', seq: 1 }]), [], 'never back');
      const [benView] = (await store.changesSince('ben', NONE, 10)).conversations.filter((c) => c.conversationId === conv);
      assert.equal(benView!.pinned, true);
      const [annView] = (await store.changesSince('ann', NONE, 10)).conversations;
      assert.equal(annView!.peerDeliveredSeq, 2);
      await store.markRead(conv, 'ben', 1);
      assert.deepEqual(await store.readers(conv, 1, 10), { users: ['ben'], readCount: 1, unreadCount: 1 });
    });

    test('the change feed of a large group: new messages list it for current members, not for those who left, across pages', async () => {
      // Large enough for any store's large-group path (the test stores set a low threshold).
      const members = ['ben', 'cat', 'dan'];
      const g = ok(await store.changeGroup(group('ann', GroupOp.CREATE, { users: members, name: 'Big' }))).message.conversationId;
      await store.appendMessages([req('small-1')]); // a small conversation too
      const start = await store.changesSince('dan', NONE, 10);
      ok(await store.changeGroup(group('ann', GroupOp.KICK, { conversationId: g, users: ['dan'] })));
      const afterKick = await store.changesSince('dan', start.next, 10);
      assert.deepEqual(afterKick.conversations.map((c) => [c.conversationId, c.left]), [[g, true]], 'the removal is a change');
      const cursors = new Map((['ann', 'ben'] as const).map((u) => [u, NONE]));
      for (const u of cursors.keys()) cursors.set(u, (await store.changesSince(u, NONE, 10)).next);
      const m = ok((await store.appendMessages([{ ...req('big-1', 'x', 'ben'), conversationId: g, directMembers: undefined }]))[0]).message;
      for (const u of cursors.keys()) {
        const page = await store.changesSince(u, cursors.get(u)!, 10);
        assert.deepEqual(page.conversations.map((c) => [c.conversationId, c.maxSeq]), [[g, m.seq]], `${u} sees the group changed`);
        assert.equal((await store.changesSince(u, page.next, 10)).conversations.length, 0, `${u}: then nothing`);
      }
      assert.equal((await store.changesSince('dan', afterKick.next, 10)).conversations.length, 0, 'a removed member is not told of later messages');
      // Paging through a mix of small and large conversations lists each once.
      await store.appendMessages([req('small-2')]);
      ok((await store.appendMessages([{ ...req('big-2', 'y', 'cat'), conversationId: g, directMembers: undefined }]))[0]);
      const seen: string[] = [];
      let cursor = NONE;
      for (let i = 0; i < 10; i++) {
        const page = await store.changesSince('ann', cursor, 1);
        seen.push(...page.conversations.map((c) => c.conversationId));
        cursor = page.next;
        if (!page.more) break;
      }
      assert.deepEqual([...seen].sort(), [conv, g].sort(), 'each conversation once');
      const marked = await store.markRead(g, 'ann', 2);
      assert.ok(marked?.changed);
      assert.deepEqual((await store.changesSince('ann', cursor, 10)).conversations.map((c) => [c.conversationId, c.readSeq]), [[g, 2]], 'a read position is a change too');
    });

    test("the change feed carries each member's last message: join and leave points, edits, recalls, hidden and cleared history", async () => {
      // Four members: a large group in the runs with a low threshold, a small one otherwise.
      const g = ok(await store.changeGroup(group('ann', GroupOp.CREATE, { users: ['ben', 'cat', 'dan'], name: 'L' }))).message.conversationId;
      const say = async (from: string, text: string) =>
        ok((await store.appendMessages([{ ...req(`${from}-${text}`, text, from), conversationId: g, directMembers: undefined }]))[0]).message;
      const view = async (u: string, after = NONE) => (await store.changesSince(u, after, 50)).conversations.find((c) => c.conversationId === g);
      const last = async (u: string) => (await view(u))?.lastMessage;
      const text = (m: { body: Uint8Array } | undefined) => (m ? new TextDecoder().decode(m.body) : undefined);
      assert.deepEqual([(await last('dan'))?.seq, (await last('dan'))?.type], [1, MessageType.MEMBERSHIP], 'the creation event, before anyone spoke');
      await say('ann', 'one');
      const two = await say('ben', 'two');
      ok(await store.modifyMessage(messageOp('ben', MessageOpKind.EDIT, g, two.seq, { body: new TextEncoder().encode('two, edited') })));
      ok(await store.modifyMessage(messageOp('cat', MessageOpKind.REACT, g, two.seq, { emoji: '👍' })));
      const edited = await last('cat');
      assert.deepEqual(
        [edited?.seq, text(edited), edited?.flags, edited?.reactions],
        [two.seq, 'two, edited', MessageFlag.EDITED, [{ emoji: '👍', users: ['cat'] }]],
        'an edit or a reaction is not the last message: the message it changed is, as it is now',
      );
      const kick = ok(await store.changeGroup(group('ann', GroupOp.KICK, { conversationId: g, users: ['dan'] }))).message;
      const three = await say('ann', 'three');
      const four = await say('ann', 'four');
      ok(await store.modifyMessage(messageOp('ann', MessageOpKind.RECALL, g, four.seq)));
      const recalled = await last('ben');
      assert.deepEqual([recalled?.seq, recalled?.flags, recalled?.body.length], [four.seq, MessageFlag.RECALLED, 0], 'a recalled message shows as recalled, without its content');
      const dan = await view('dan');
      assert.deepEqual([dan?.left, dan?.lastMessage?.seq, dan?.lastMessage?.type], [true, kick.seq, MessageType.MEMBERSHIP], 'a removed member: their removal, nothing after');
      const beforeHide = (await store.changesSince('cat', NONE, 50)).next;
      ok(await store.modifyMessage(messageOp('cat', MessageOpKind.HIDE, g, four.seq)));
      const afterHide = await view('cat', beforeHide);
      assert.deepEqual([afterHide?.lastMessage?.seq, text(afterHide?.lastMessage)], [three.seq, 'three'], 'deleting one\'s last message is a change, and the one before shows');
      ok(await store.modifyMessage(messageOp('cat', MessageOpKind.HIDE, g, three.seq)));
      assert.equal((await last('cat'))?.seq, kick.seq, 'membership events count as last messages');
      assert.equal((await last('ann'))?.seq, four.seq, 'what cat deleted stays for the others');
      ok(await store.modifyMessage(messageOp('ben', MessageOpKind.CLEAR, g, four.seq + 1)));
      assert.equal(await last('ben'), undefined, 'nothing visible after clearing everything');
      const invite = ok(await store.changeGroup(group('ann', GroupOp.INVITE, { conversationId: g, users: ['dan'] }))).message;
      assert.equal((await last('dan'))?.seq, invite.seq, 'invited again: from the join point on');
      assert.equal((await last('ben'))?.seq, invite.seq, 'after a clear, what came later');
    });

    test('member presence pages: current members by id with last seen, blocks either way left out', async () => {
      const g = ok(await store.changeGroup(group('ann', GroupOp.CREATE, { users: ['ben', 'cat', 'dan'], name: 'P' }))).message.conversationId;
      await store.setLastSeen('ben', 1234);
      assert.deepEqual(await store.memberPresence(g, 'ann', '', 2), [{ userId: 'ann', lastSeen: 0 }, { userId: 'ben', lastSeen: 1234 }]);
      assert.deepEqual((await store.memberPresence(g, 'ann', 'ben', 10)).map((p) => p.userId), ['cat', 'dan']);
      ok(await store.changeGroup(group('ann', GroupOp.KICK, { conversationId: g, users: ['dan'] })));
      assert.ok((await store.changeFriends(friend('cat', FriendOp.BLOCK, 'ann'))).ok);
      assert.deepEqual((await store.memberPresence(g, 'ann', '', 10)).map((p) => p.userId), ['ann', 'ben'], 'no removed member, nobody ann is blocked by');
      assert.deepEqual((await store.memberPresence(g, 'ben', '', 10)).map((p) => p.userId), ['ann', 'ben', 'cat']);
      const chat = new ChatService(store, new LocalBus(), CHAT_LIMITS);
      const as = (userId: string) => ({ userId, deviceId: 'd', sessionId: 's' });
      const ask = (userId: string, after = '', limit = 0) => chat.groupPresence(as(userId), { conversationId: g, after, limit, users: [], subscribe: false });
      const first = await ask('ben', '', 2);
      assert.deepEqual([first.members.map((m) => m.userId), first.next], [['ann', 'ben'], 'ben']);
      const rest = await ask('ben', first.next, 2);
      assert.deepEqual([rest.members.map((m) => m.userId), rest.next], [['cat'], '']);
      await assert.rejects(ask('dan'), { code: ErrorCode.NOT_MEMBER }, 'a removed member');
      await assert.rejects(chat.groupPresence(as('ben'), { conversationId: conv, after: '', limit: 0, users: [], subscribe: false }), { code: ErrorCode.NOT_MEMBER });
      await assert.rejects(chat.groupPresence(as('ben'), { conversationId: g, after: '', limit: 0, users: ['ann'], subscribe: false }), { code: ErrorCode.INVALID_ARGUMENT });
    });

    test('ChatService on this store: sends that arrive together commit in one transaction, with gap-free seqs', async () => {
      const chat = new ChatService(store, new LocalBus(), CHAT_LIMITS);
      const caller = { userId: 'ann', deviceId: 'd', sessionId: 's' };
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) => chat.send(caller, { to: 'ben', clientMsgId: `c${i}`, type: 1, body: new Uint8Array([i % 128]) })),
      );
      assert.deepEqual(results.map((r) => r.message.seq), Array.from({ length: 300 }, (_, i) => i + 1));
      assert.equal(chat.commitStats.committed, 300);
      assert.ok(chat.commitStats.batches <= 2, `${chat.commitStats.batches} transactions for 300 concurrent sends`);
    });

    test('ChatService on this store: pull reports a range with holes and respects limit', async () => {
      const chat = new ChatService(store, new LocalBus(), { ...CHAT_LIMITS, pullMaxLimit: 3 });
      const caller = { userId: 'ben', deviceId: 'd', sessionId: 's' };
      await store.appendMessages([req('1'), req('2'), req('3'), req('4')]);
      const page = await chat.pull(caller, conv, 1, 0, 100);
      assert.deepEqual([page.fromSeq, page.toSeq, page.messages.length, page.maxSeq], [1, 3, 3, 4]);
      const tail = await chat.pull(caller, conv, 4, 0, 0);
      assert.deepEqual([tail.fromSeq, tail.toSeq, tail.messages.map((m) => m.seq)], [4, 4, [4]]);
      const beyond = await chat.pull(caller, conv, 9, 0, 0);
      assert.ok(beyond.toSeq < beyond.fromSeq, 'an empty range when nothing is there yet');
      await assert.rejects(chat.pull({ ...caller, userId: 'cat' }, conv, 1, 0, 0), { code: ErrorCode.NOT_MEMBER });
      await assert.rejects(chat.pull(caller, conv, 3, 2, 0), { code: ErrorCode.INVALID_ARGUMENT });
    });

    test('keeps everything across a reopen, with the same store id', async (t) => {
      if (!opened.reopen) return t.skip('this store cannot reopen its data');
      await store.appendMessages([req('p'), req('q')]);
      const id = store.storeId;
      await store.close();
      closed = true;
      const reopened = await opened.reopen();
      try {
        assert.equal(reopened.storeId, id);
        assert.equal(ok((await reopened.appendMessages([req('r')]))[0]).message.seq, 3);
        const dup = ok((await reopened.appendMessages([req('p')]))[0]);
        assert.ok(dup.duplicate && dup.message.seq === 1);
      } finally {
        await reopened.close();
      }
    });
  });
}
