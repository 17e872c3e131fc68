import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode, GroupAdds, GroupRole, MessageFlag, MessageType } from '@parley/protocol';
import { fetchWithin, openAuthed, registerUser, startTestServer, type TestServer } from '@parley/testkit';

interface Answer {
  status: number;
  /** Whatever the route answered, as parsed JSON; the assertions pin the shapes down. */
  body: any;
}

interface Msg {
  seq: number;
  clientMsgId: string;
  senderId: string;
  senderDevice: string;
  type: number;
  flags: number;
  text?: string;
  body: string;
  reactions: { emoji: string; users: string[] }[];
}

interface Page {
  conversationId: string;
  fromSeq: number;
  toSeq: number;
  messages: Msg[];
  holes: number[];
  maxSeq: number;
}

describe('HTTP API › chat routes', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const users = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];

  before(async () => {
    // Small sync pages, so the conversation list's paging is exercised.
    server = await startTestServer({ syncPageSize: 2 });
    for (const u of users) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(() => server.stop());

  /** A request as `user` (or with no token when user is ''); `body` a value to send as JSON, or raw text. */
  async function call(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user !== '') headers.authorization = `Bearer ${tokens[user] ?? user}`;
    const res = await fetchWithin(`${server.httpUrl}${path}`, {
      method,
      headers,
      ...(body === undefined || method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  }
  const ok = async (user: string, method: string, path: string, body?: unknown, status = 200) => {
    const answer = await call(user, method, path, body);
    assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const fails = async (user: string, method: string, path: string, body: unknown, status: number, code: string) => {
    const answer = await call(user, method, path, body);
    assert.deepEqual([answer.status, answer.body.error?.code], [status, code], `${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body.error.message as string;
  };
  const c = (id: string) => `/v1/conversations/${encodeURIComponent(id)}`;
  const history = async (user: string, id: string, query = 'from=1'): Promise<Page> => ok(user, 'GET', `${c(id)}/messages?${query}`);
  let n = 0;
  const say = (user: string, id: string, text: string) => ok(user, 'POST', `${c(id)}/messages`, { clientMsgId: `say-${++n}`, text }, 201);

  test('every chat route wants a valid bearer token: 401 without one', async () => {
    for (const [method, path] of [
      ['GET', '/v1/conversations'],
      ['GET', `${c('d:ann:ben')}/messages`],
      ['POST', '/v1/users/ben/messages'],
      ['GET', '/v1/friends'],
      ['GET', '/v1/presence?users=ben'],
      ['POST', '/v1/groups'],
    ] as const) {
      await fails('', method, path, { clientMsgId: 'x', text: 'x' }, 401, ErrorCode.AUTH_FAILED);
      await fails('not-a-token', method, path, { clientMsgId: 'x', text: 'x' }, 401, ErrorCode.AUTH_FAILED);
    }
  });

  test('a send over HTTP is acked after commit, deduplicated by clientMsgId, and pushed to online devices', async () => {
    const ben = await openAuthed(server.wsUrl, tokens.ben!, 'ben-phone');
    const ann = await openAuthed(server.wsUrl, tokens.ann!, 'ann-laptop');
    try {
      const d = directConversationId('ann', 'ben');
      const first = await ok('ann', 'POST', '/v1/users/ben/messages', { clientMsgId: 'http-1', text: 'hello over http' }, 201);
      assert.equal(first.conversationId, d, 'sending to a user opens the 1:1');
      assert.equal(first.seq, 1);
      assert.equal(first.clientMsgId, 'http-1');
      assert.equal(first.duplicate, false);
      assert.ok(first.messageId);

      const again = await ok('ann', 'POST', '/v1/users/ben/messages', { clientMsgId: 'http-1', text: 'hello over http' }, 200);
      assert.deepEqual(again, { ...first, duplicate: true }, 'a resend answers the original ack');
      await fails('ann', 'POST', '/v1/users/ben/messages', { clientMsgId: 'http-1', text: 'something else' }, 409, ErrorCode.CLIENT_MSG_ID_REUSED);
      const second = await ok('ann', 'POST', `${c(d)}/messages`, { clientMsgId: 'http-2', text: 'to the conversation' }, 201);
      assert.equal(second.seq, 2, 'the resend took no seq');

      const page = await history('ben', d);
      assert.deepEqual(page.messages.map((m) => [m.seq, m.clientMsgId, m.text]), [[1, 'http-1', 'hello over http'], [2, 'http-2', 'to the conversation']]);
      assert.equal(page.messages.filter((m) => m.clientMsgId === 'http-1').length, 1, 'one stored copy');
      assert.equal(page.messages[0]!.senderDevice, 'http');

      // The other user's device, and the sender's own device, get it as a push.
      for (const device of [ben, ann]) {
        const push = await device.waitFor((f) => f.push?.message?.seq === 2 && f.push.message.conversationId === d);
        assert.equal(new TextDecoder().decode(push.push!.message!.body!), 'to the conversation');
        assert.equal(push.push!.message!.senderId, 'ann');
      }

      // An app's own type carries any bytes (media kinds name a file: media-messages.e2e.test.ts).
      const binary = await ok('ann', 'POST', `${c(d)}/messages`, { clientMsgId: 'http-3', type: 1234, body: Buffer.from([0, 1, 255]).toString('base64') }, 201);
      const [appMessage] = (await history('ben', d, `from=${binary.seq}`)).messages;
      assert.deepEqual([appMessage!.type, appMessage!.body, appMessage!.text], [1234, 'AAH/', undefined]);
    } finally {
      ben.close();
      ann.close();
    }
  });

  test('the conversation list is sync: paged, with unread counts, settings and a token for changes since', async () => {
    for (const to of ['cat', 'dan', 'eve']) await ok('fay', 'POST', `/v1/users/${to}/messages`, { clientMsgId: `fay-${to}`, text: 'hi' }, 201);
    const first = await ok('fay', 'GET', '/v1/conversations');
    assert.equal(first.conversations.length, 2, 'syncPageSize is 2');
    assert.equal(first.more, true);
    const rest = await ok('fay', 'GET', `/v1/conversations?token=${encodeURIComponent(first.token)}`);
    const listed = [...first.conversations, ...rest.conversations].map((x: { conversationId: string }) => x.conversationId);
    for (const to of ['cat', 'dan', 'eve']) assert.ok(listed.includes(directConversationId('fay', to)), `lists the chat with ${to}`);
    assert.equal(rest.more, false, 'three conversations: two pages');
    const token = rest.token;
    const quiet = await ok('fay', 'GET', `/v1/conversations?token=${encodeURIComponent(token)}`);
    assert.deepEqual(quiet.conversations, [], 'nothing changed since the last token');

    await ok('cat', 'POST', '/v1/users/fay/messages', { clientMsgId: 'cat-fay', text: 'back at you' }, 201);
    const changed = await ok('fay', 'GET', `/v1/conversations?token=${encodeURIComponent(quiet.token)}`);
    assert.deepEqual(
      changed.conversations.map((x: { conversationId: string; maxSeq: number; unread: number }) => [x.conversationId, x.maxSeq, x.unread]),
      [[directConversationId('cat', 'fay'), 2, 1]],
    );
    await fails('fay', 'GET', '/v1/conversations?token=garbage', undefined, 400, ErrorCode.INVALID_ARGUMENT);

    // Settings (pin, mute) come back in the list.
    const d = directConversationId('dan', 'fay');
    const ack = await ok('fay', 'PATCH', `${c(d)}/settings`, { pinned: true });
    assert.equal(ack.conversationId, 'n:fay', 'recorded in fay’s notice conversation');
    const mine = (await ok('fay', 'GET', '/v1/conversations?token=' + encodeURIComponent(changed.token))).conversations;
    const state = mine.find((x: { conversationId: string }) => x.conversationId === d);
    assert.deepEqual([state.pinned, state.muted], [true, false]);
    await ok('fay', 'PATCH', `${c(d)}/settings`, { muted: true });
    const all = await ok('fay', 'GET', '/v1/conversations');
    const again = [...all.conversations, ...(await ok('fay', 'GET', `/v1/conversations?token=${encodeURIComponent(all.token)}`)).conversations];
    const after = again.find((x: { conversationId: string }) => x.conversationId === d);
    assert.deepEqual([after.pinned, after.muted], [true, true], 'a change of one setting keeps the other');
    await fails('fay', 'PATCH', `${c(d)}/settings`, {}, 400, ErrorCode.INVALID_ARGUMENT);
  });

  test('history pages backwards (oldest first within a page); deleted-for-me messages are holes; clear hides the past', async () => {
    const d = directConversationId('ann', 'cat');
    for (let i = 1; i <= 7; i++) await ok(i % 2 ? 'ann' : 'cat', 'POST', `/v1/users/${i % 2 ? 'cat' : 'ann'}/messages`, { clientMsgId: `ac-${i}`, text: `m${i}` }, 201);

    const hide = await ok('ann', 'POST', `${c(d)}/messages/6/hide`, {});
    assert.equal(hide.conversationId, 'n:ann');
    await fails('ann', 'POST', `${c(d)}/messages/99/hide`, {}, 404, ErrorCode.MESSAGE_NOT_FOUND);

    const newest = await history('ann', d, 'before=0&limit=3');
    assert.deepEqual([newest.messages.map((m) => m.seq), newest.holes, newest.fromSeq, newest.toSeq], [[4, 5, 7], [6], 4, 7]);
    const older = await history('ann', d, `before=${newest.fromSeq}&limit=3`);
    assert.deepEqual([older.messages.map((m) => m.seq), older.fromSeq, older.toSeq], [[1, 2, 3], 1, 3]);
    const start = await history('ann', d, 'before=1&limit=3');
    assert.deepEqual(start.messages, [], 'nothing before seq 1');
    const far = await history('ann', d, 'before=1000000&limit=2');
    assert.deepEqual(far.messages.map((m) => m.seq), [5, 7], 'a before past the newest starts at the newest');
    assert.deepEqual((await history('ann', d)).holes, [6], 'forward paging reports the hole too');
    assert.deepEqual((await history('cat', d, 'before=0&limit=3')).messages.map((m) => m.seq), [5, 6, 7], 'cat keeps it');

    const cleared = await ok('cat', 'POST', `${c(d)}/clear`, { seq: 5 });
    assert.equal(cleared.conversationId, 'n:cat');
    const afterClear = await history('cat', d, 'before=0&limit=10');
    assert.deepEqual([afterClear.messages.map((m) => m.seq), afterClear.fromSeq], [[6, 7], 6], 'the page stops at the cleared point');
    assert.deepEqual((await history('cat', d, 'before=6&limit=10')).messages, []);

    await fails('ann', 'GET', `${c(d)}/messages?before=3&from=1`, undefined, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'GET', `${c(d)}/messages?before=3&limit=0`, undefined, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'GET', `${c(d)}/messages?before=-1`, undefined, 400, ErrorCode.INVALID_ARGUMENT);
  });

  test('recall, edit and reactions show in history; domain refusals keep their codes', async () => {
    const d = directConversationId('ben', 'eve');
    const m = await ok('ben', 'POST', '/v1/users/eve/messages', { clientMsgId: 'be-1', text: 'first draft' }, 201);
    const m2 = await ok('ben', 'POST', '/v1/users/eve/messages', { clientMsgId: 'be-2', text: 'to recall' }, 201);

    const edit = await ok('ben', 'POST', `${c(d)}/messages/${m.seq}/edit`, { text: 'final text', clientMsgId: 'be-edit' });
    assert.equal(edit.conversationId, d);
    assert.deepEqual(await ok('ben', 'POST', `${c(d)}/messages/${m.seq}/edit`, { text: 'final text', clientMsgId: 'be-edit' }), { ...edit, duplicate: true });
    await fails('eve', 'POST', `${c(d)}/messages/${m.seq}/edit`, { text: 'not mine' }, 403, ErrorCode.FORBIDDEN);
    await fails('ben', 'POST', `${c(d)}/messages/${m.seq}/edit`, {}, 400, ErrorCode.INVALID_ARGUMENT);

    await ok('eve', 'POST', `${c(d)}/messages/${m.seq}/reactions`, { emoji: '👍' });
    await ok('ben', 'POST', `${c(d)}/messages/${m.seq}/reactions`, { emoji: '👍' });
    await ok('ben', 'POST', `${c(d)}/messages/${m.seq}/reactions`, { emoji: '🎉' });
    await ok('ben', 'DELETE', `${c(d)}/messages/${m.seq}/reactions/${encodeURIComponent('🎉')}`);
    await fails('eve', 'POST', `${c(d)}/messages/${m.seq}/reactions`, { emoji: 'two words' }, 400, ErrorCode.INVALID_ARGUMENT);

    await fails('eve', 'POST', `${c(d)}/messages/${m2.seq}/recall`, {}, 403, ErrorCode.FORBIDDEN);
    await ok('ben', 'POST', `${c(d)}/messages/${m2.seq}/recall`, {});
    await fails('ben', 'POST', `${c(d)}/messages/${m2.seq}/edit`, { text: 'too late' }, 409, ErrorCode.MESSAGE_LOCKED);
    await fails('ben', 'POST', `${c(d)}/messages/999/recall`, {}, 404, ErrorCode.MESSAGE_NOT_FOUND);

    const page = await history('eve', d);
    const edited = page.messages.find((x) => x.seq === m.seq)!;
    assert.equal(edited.text, 'final text');
    assert.equal(edited.flags & MessageFlag.EDITED, MessageFlag.EDITED);
    assert.deepEqual(edited.reactions.map((r) => [r.emoji, [...r.users].sort()]), [['👍', ['ben', 'eve']]], 'the 🎉 taken back, 👍 from both');
    const recalled = page.messages.find((x) => x.seq === m2.seq)!;
    assert.equal(recalled.flags & MessageFlag.RECALLED, MessageFlag.RECALLED);
    assert.deepEqual([recalled.body, recalled.text], ['', '']);
    assert.deepEqual(
      page.messages.filter((x) => x.seq > m2.seq).map((x) => x.type),
      [MessageType.EDIT, MessageType.REACTION, MessageType.REACTION, MessageType.REACTION, MessageType.REACTION, MessageType.RECALL],
      'each change is an event in the timeline',
    );
  });

  test('mark read and readers: receipts per member, and 403 NOT_MEMBER for outsiders', async () => {
    const d = directConversationId('cat', 'dan');
    for (let i = 1; i <= 3; i++) await ok('cat', 'POST', '/v1/users/dan/messages', { clientMsgId: `cd-${i}`, text: `r${i}` }, 201);
    assert.deepEqual(await ok('dan', 'POST', `${c(d)}/read`, { seq: 2 }), { conversationId: d, userId: 'dan', readSeq: 2 });
    assert.deepEqual(await ok('dan', 'POST', `${c(d)}/read`, { seq: 1 }), { conversationId: d, userId: 'dan', readSeq: 2 }, 'never moves back');
    const readers = await ok('cat', 'GET', `${c(d)}/readers?seq=2`);
    assert.deepEqual([readers.conversationId, readers.seq, readers.users.includes('dan')], [d, 2, true]);
    const none = await ok('cat', 'GET', `${c(d)}/readers?seq=3`);
    assert.equal(none.users.includes('dan'), false);
    await fails('cat', 'GET', `${c(d)}/readers`, undefined, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('eve', 'GET', `${c(d)}/readers?seq=1`, undefined, 403, ErrorCode.NOT_MEMBER);
    await fails('eve', 'GET', `${c(d)}/messages`, undefined, 403, ErrorCode.NOT_MEMBER);
    await fails('eve', 'POST', `${c(d)}/read`, { seq: 1 }, 403, ErrorCode.NOT_MEMBER);
    await fails('eve', 'POST', `${c(d)}/messages`, { clientMsgId: 'intruder', text: 'hi' }, 403, ErrorCode.NOT_MEMBER);
    await fails('dan', 'POST', `${c(d)}/read`, { seq: 'two' }, 400, ErrorCode.INVALID_ARGUMENT);
  });

  test('groups: create, info, invite (join point), roles, mutes, kick (history stops), transfer, leave, dismiss', async () => {
    const created = await ok('ann', 'POST', '/v1/groups', { name: 'crew', users: ['ben'], clientMsgId: 'crew-1' }, 201);
    const g = created.conversationId as string;
    assert.equal(created.message.type, MessageType.MEMBERSHIP);
    assert.deepEqual(await ok('ann', 'POST', '/v1/groups', { name: 'crew', users: ['ben'], clientMsgId: 'crew-1' }), { ...created, duplicate: true });
    const gp = `/v1/groups/${encodeURIComponent(g)}`;

    const info = await ok('ben', 'GET', gp);
    assert.equal(info.name, 'crew');
    assert.deepEqual(info.members.map((m: { userId: string; role: number }) => [m.userId, m.role]).sort(), [['ann', GroupRole.OWNER], ['ben', GroupRole.MEMBER]]);
    await fails('cat', 'GET', gp, undefined, 403, ErrorCode.NOT_MEMBER);
    await fails('cat', 'GET', '/v1/groups/no-such-group', undefined, 404, ErrorCode.CONVERSATION_NOT_FOUND);

    await say('ann', g, 'before cat 1');
    await say('ben', g, 'before cat 2');
    await fails('cat', 'GET', `${c(g)}/messages`, undefined, 403, ErrorCode.NOT_MEMBER);
    await fails('cat', 'GET', `${c(g)}/readers?seq=1`, undefined, 403, ErrorCode.NOT_MEMBER);
    const invite = await ok('ann', 'POST', `${gp}/invite`, { users: ['cat'] });
    await fails('ann', 'POST', `${gp}/invite`, { users: ['cat'] }, 409, ErrorCode.ALREADY_MEMBER);
    await say('ann', g, 'after cat');
    const catView = await history('cat', g);
    assert.ok(catView.fromSeq >= invite.seq, 'starts at the join point');
    assert.ok(catView.messages.every((m) => m.seq >= invite.seq));
    assert.deepEqual(catView.messages.filter((m) => m.type === MessageType.TEXT).map((m) => m.text), ['after cat'], 'a later member does not see earlier messages');
    assert.equal((await history('ben', g)).messages.filter((m) => m.type === MessageType.TEXT).length, 3, 'ben sees all three');
    assert.deepEqual((await history('cat', g, 'before=0&limit=50')).messages.map((m) => m.seq), catView.messages.map((m) => m.seq), 'nor when paging backwards');

    await ok('ann', 'PATCH', gp, { announcement: 'be kind', joinable: true });
    const updated = await ok('dan', 'GET', gp); // joinable: anyone may look
    assert.deepEqual([updated.name, updated.announcement, updated.joinable], ['crew', 'be kind', true]);
    await fails('ben', 'PATCH', gp, { name: 'mine now' }, 403, ErrorCode.FORBIDDEN);
    await fails('ann', 'PATCH', gp, {}, 400, ErrorCode.INVALID_ARGUMENT);
    await ok('dan', 'POST', `${gp}/join`, {});

    await ok('ann', 'POST', `${gp}/role`, { users: ['ben'], role: GroupRole.ADMIN });
    await ok('ben', 'POST', `${gp}/mute`, { users: ['dan'], mutedUntil: Date.now() + 60_000 });
    await fails('dan', 'POST', `${c(g)}/messages`, { clientMsgId: 'dan-muted', text: 'let me talk' }, 403, ErrorCode.MUTED);
    await ok('ben', 'POST', `${gp}/mute`, { users: ['dan'], mutedUntil: 0 });
    await ok('ann', 'POST', `${gp}/mute-all`, { on: true });
    await fails('cat', 'POST', `${c(g)}/messages`, { clientMsgId: 'cat-muted', text: 'hello?' }, 403, ErrorCode.MUTED);
    await ok('ann', 'POST', `${gp}/mute-all`, { on: false });
    await fails('ann', 'POST', `${gp}/mute-all`, {}, 400, ErrorCode.INVALID_ARGUMENT);

    const kick = await ok('ben', 'POST', `${gp}/kick`, { users: ['cat'] });
    await say('ann', g, 'after the kick');
    const kicked = await history('cat', g);
    assert.equal(kicked.maxSeq, kick.seq, 'the kicked member sees up to the kick');
    assert.equal(kicked.toSeq, kick.seq);
    assert.ok(!kicked.messages.some((m) => m.text === 'after the kick'));
    assert.equal((await history('cat', g, 'before=0&limit=5')).toSeq, kick.seq, 'backward paging too');
    await fails('cat', 'POST', `${c(g)}/messages`, { clientMsgId: 'cat-gone', text: 'still here?' }, 403, ErrorCode.NOT_MEMBER);

    await ok('ann', 'POST', `${gp}/transfer`, { userId: 'ben' });
    const roles = Object.fromEntries((await ok('ann', 'GET', gp)).members.map((m: { userId: string; role: number }) => [m.userId, m.role]));
    assert.deepEqual([roles.ben, roles.ann], [GroupRole.OWNER, GroupRole.ADMIN]);
    await ok('dan', 'POST', `${gp}/leave`, {});
    await fails('dan', 'GET', `${c(g)}/readers?seq=1`, undefined, 403, ErrorCode.NOT_MEMBER);
    await fails('ann', 'POST', `${gp}/dismiss`, {}, 403, ErrorCode.FORBIDDEN);
    await ok('ben', 'POST', `${gp}/dismiss`, {});
    await fails('ann', 'POST', `${gp}/invite`, { users: ['eve'] }, 410, ErrorCode.GROUP_DISMISSED);
    await fails('ann', 'POST', `${gp}/explode`, {}, 404, ErrorCode.NOT_FOUND);
  });

  test('friends and blocks: request, accept, reject, remove, block; BLOCKED is a 403 with its code', async () => {
    const sent = await ok('eve', 'POST', '/v1/friends/requests', { userId: 'dan', note: 'hi dan' });
    assert.deepEqual(sent.events.map((e: { conversationId: string; senderId: string }) => [e.conversationId, e.senderId]), [['n:eve', 'eve']]);
    const pending = await ok('dan', 'GET', '/v1/friends');
    assert.deepEqual(pending.incoming.map((e: { userId: string; note: string }) => [e.userId, e.note]), [['eve', 'hi dan']]);
    assert.deepEqual((await ok('eve', 'GET', '/v1/friends')).outgoing.map((e: { userId: string }) => e.userId), ['dan']);
    await ok('dan', 'POST', '/v1/friends/requests/eve/accept', {});
    assert.deepEqual((await ok('eve', 'GET', '/v1/friends')).friends.map((e: { userId: string }) => e.userId), ['dan']);
    await fails('eve', 'POST', '/v1/friends/requests', { userId: 'dan' }, 409, ErrorCode.ALREADY_FRIENDS);
    await ok('eve', 'DELETE', '/v1/friends/dan');
    await fails('eve', 'DELETE', '/v1/friends/dan', undefined, 403, ErrorCode.NOT_FRIENDS);
    assert.deepEqual((await ok('dan', 'GET', '/v1/friends')).friends, []);

    await ok('cat', 'POST', '/v1/friends/requests', { userId: 'eve' });
    await ok('eve', 'POST', '/v1/friends/requests/cat/reject', {});
    await fails('eve', 'POST', '/v1/friends/requests/cat/accept', {}, 404, ErrorCode.REQUEST_NOT_FOUND);
    assert.deepEqual((await ok('eve', 'GET', '/v1/friends')).incoming, []);

    await ok('eve', 'PUT', '/v1/blocks/ann', {});
    assert.deepEqual((await ok('eve', 'GET', '/v1/friends')).blocked.map((e: { userId: string }) => e.userId), ['ann']);
    const message = await fails('ann', 'POST', '/v1/users/eve/messages', { clientMsgId: 'ann-eve-1', text: 'hello?' }, 403, ErrorCode.BLOCKED);
    assert.ok(message.length > 0);
    await fails('ann', 'POST', '/v1/friends/requests', { userId: 'eve' }, 403, ErrorCode.BLOCKED);
    await ok('eve', 'DELETE', '/v1/blocks/ann');
    await ok('ann', 'POST', '/v1/users/eve/messages', { clientMsgId: 'ann-eve-2', text: 'hello again' }, 201);

    assert.equal((await ok('cat', 'PATCH', '/v1/friends', { allowStrangers: false })).duplicate, false);
    assert.equal((await ok('cat', 'GET', '/v1/friends')).allowStrangers, false);
    // ben and cat share a group but no 1:1: a new one from a non-friend is refused.
    await fails('ben', 'POST', '/v1/users/cat/messages', { clientMsgId: 'ben-cat-1', text: 'hi stranger' }, 403, ErrorCode.NOT_FRIENDS);
    await ok('cat', 'PATCH', '/v1/friends', { allowStrangers: true });
    await fails('cat', 'PATCH', '/v1/friends', { allowStrangers: 'yes' }, 400, ErrorCode.INVALID_ARGUMENT);
  });

  test('consent over HTTP: the group-adds setting, invitations listed, accepted and declined; bans kept, listed and lifted', async () => {
    await ok('fay', 'PATCH', '/v1/friends', { groupAdds: GroupAdds.NOBODY });
    assert.equal((await ok('fay', 'GET', '/v1/friends')).groupAdds, GroupAdds.NOBODY);
    await fails('fay', 'PATCH', '/v1/friends', { groupAdds: 9 }, 400, ErrorCode.INVALID_ARGUMENT);
    const created = await ok('dan', 'POST', '/v1/groups', { name: 'Consent', users: ['fay', 'eve'] }, 201);
    const g = created.conversationId as string;
    assert.deepEqual([created.message.senderId, (await ok('dan', 'GET', `/v1/groups/${g}`)).members.length], ['dan', 2], 'eve added, fay invited');
    const { invitations } = await ok('fay', 'GET', '/v1/invitations');
    assert.deepEqual(invitations.map((i: { conversationId: string; inviter: string; name: string }) => [i.conversationId, i.inviter, i.name]), [[g, 'dan', 'Consent']]);
    await ok('fay', 'POST', `/v1/invitations/${g}/accept`, {});
    assert.equal((await ok('fay', 'GET', `/v1/groups/${g}`)).members.length, 3);
    await fails('fay', 'POST', `/v1/invitations/${g}/decline`, {}, 404, ErrorCode.INVITATION_NOT_FOUND);

    // Kick with ban: fay is out and stays out, even for a joinable group, until unbanned.
    await ok('dan', 'PATCH', `/v1/groups/${g}`, { joinable: true });
    await ok('dan', 'POST', `/v1/groups/${g}/ban`, { users: ['fay'] });
    await fails('fay', 'POST', `/v1/groups/${g}/join`, {}, 403, ErrorCode.BANNED);
    await fails('dan', 'POST', `/v1/groups/${g}/invite`, { users: ['fay'] }, 403, ErrorCode.BANNED);
    assert.deepEqual((await ok('dan', 'GET', `/v1/groups/${g}/bans`)).bans.map((b: { userId: string; bannedBy: string }) => [b.userId, b.bannedBy]), [['fay', 'dan']]);
    await fails('eve', 'GET', `/v1/groups/${g}/bans`, undefined, 403, ErrorCode.FORBIDDEN);
    await ok('dan', 'POST', `/v1/groups/${g}/unban`, { users: ['fay'] });
    await ok('fay', 'POST', `/v1/groups/${g}/join`, {});
    await ok('fay', 'PATCH', '/v1/friends', { groupAdds: GroupAdds.ANYONE });
  });

  test('presence: who is online and last seen, for users one shares a conversation with', async () => {
    const ann = await openAuthed(server.wsUrl, tokens.ann!, 'ann-presence');
    try {
      const answer = await ok('ben', 'GET', '/v1/presence?users=ann,eve,nobody');
      const byUser = Object.fromEntries(answer.users.map((p: { userId: string; online: boolean; lastSeen: number }) => [p.userId, p]));
      assert.equal(byUser.ann?.online, true, 'ann has a device connected');
      assert.ok(byUser.ann.lastSeen > Date.now() - 60_000);
      assert.equal(byUser.eve?.online, false, 'eve (a 1:1 with ben) has none');
      assert.equal(byUser.nobody, undefined, 'no shared conversation: left out');
      const alone = await ok('fay', 'GET', '/v1/presence?users=ben');
      assert.deepEqual(alone.users, [], 'fay shares nothing with ben');
      await fails('ben', 'GET', '/v1/presence', undefined, 400, ErrorCode.INVALID_ARGUMENT);
      await fails('ben', 'GET', '/v1/presence?users=not%20valid', undefined, 400, ErrorCode.INVALID_ARGUMENT);
    } finally {
      ann.close();
    }
  });

  test('bad input: malformed JSON, wrong types, missing fields and unknown routes get 400/404/405, never 500', async () => {
    const d = directConversationId('ann', 'ben');
    const send = `${c(d)}/messages`;
    assert.match(await fails('ann', 'POST', send, '{"clientMsgId": "x", ', 400, ErrorCode.INVALID_ARGUMENT), /JSON/);
    assert.match(await fails('ann', 'POST', send, '[1, 2]', 400, ErrorCode.INVALID_ARGUMENT), /object/);
    assert.match(await fails('ann', 'POST', send, { text: 'no id' }, 400, ErrorCode.INVALID_ARGUMENT), /clientMsgId is required/);
    assert.match(await fails('ann', 'POST', send, { clientMsgId: 7, text: 'x' }, 400, ErrorCode.INVALID_ARGUMENT), /clientMsgId must be a string/);
    assert.match(await fails('ann', 'POST', send, { clientMsgId: 'x' }, 400, ErrorCode.INVALID_ARGUMENT), /text/);
    assert.match(await fails('ann', 'POST', send, { clientMsgId: 'x', text: 'a', body: 'YQ==' }, 400, ErrorCode.INVALID_ARGUMENT), /not both/);
    assert.match(await fails('ann', 'POST', send, { clientMsgId: 'x', body: 'not base64!' }, 400, ErrorCode.INVALID_ARGUMENT), /base64/);
    assert.match(await fails('ann', 'POST', send, { clientMsgId: 'x', text: 'x', mentions: 'ben' }, 400, ErrorCode.INVALID_ARGUMENT), /mentions/);
    await fails('ann', 'POST', send, { clientMsgId: 'x', text: 'x', type: MessageType.MEMBERSHIP }, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'POST', '/v1/users/ann/messages', { clientMsgId: 'x', text: 'me' }, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'POST', '/v1/groups', { users: ['ben'] }, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'POST', `${c(d)}/messages/0/recall`, {}, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'POST', send, { clientMsgId: 'big', text: 'x'.repeat(70 * 1024) }, 413, ErrorCode.MESSAGE_TOO_LARGE);
    await fails('ann', 'GET', '/v1/conversations/%E0%A4%A/messages', undefined, 400, ErrorCode.INVALID_ARGUMENT);
    await fails('ann', 'GET', '/v1/nothing-here', undefined, 404, ErrorCode.NOT_FOUND);
    const wrongMethod = await fetchWithin(`${server.httpUrl}/v1/friends`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.ann}` } });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'GET, PATCH');
  });
});
