/**
 * Chat requests name users in any case (ids are case-insensitive): a send `to`,
 * mentions, friend requests and blocks, group users, presence and the HTTP routes
 * with a user id in the path all reach the stored user, on both stores; a name
 * no user has is still USER_NOT_FOUND. (The same on ids from before
 * case-insensitive ids: accounts-canonical.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode, FriendOp, GroupOp, GroupRole, MessageType } from '@parley/protocol';
import { fetchWithin, openAuthed, registerUser, type TestServer } from '@parley/testkit';
import { mediaServer, STORES } from './media-helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function http(server: TestServer, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetchWithin(`${server.httpUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

for (const kind of STORES) {
  describe(`User ids in chat requests, any case (${kind})`, () => {
    let server: TestServer;
    const token: Record<string, string> = {};
    const dm = directConversationId('alice', 'bob');

    before(async () => {
      server = await mediaServer(kind);
      for (const name of ['Alice', 'bob', 'carol']) token[name.toLowerCase()] = await registerUser(server.httpUrl, name);
    });
    after(() => server.stop());

    test('a send to `Alice` lands in the direct conversation with alice, as does one to `alice`, and over HTTP', async () => {
      const a = await openAuthed(server.tcpUrl, token.alice!, 'a1');
      const b = await openAuthed(server.wsUrl, token.bob!, 'b1');
      try {
        const acks = [];
        for (const [i, to] of ['Alice', 'alice', 'ALICE', 'ａｌｉｃｅ'].entries()) {
          const r = await b.request({ send: { to, clientMsgId: `to-${i}`, type: MessageType.TEXT, body: text(`hi ${to}`) } });
          assert.equal(r.body, 'sendAck', `${to}: ${JSON.stringify(r.error)}`);
          acks.push(r.sendAck!);
        }
        assert.deepEqual(acks.map((k) => k.conversationId), [dm, dm, dm, dm]);
        assert.deepEqual(acks.map((k) => k.seq), [1, 2, 3, 4], 'one conversation, one timeline');
        await a.waitFor((f) => f.push?.message?.seq === 4 && f.push.message.conversationId === dm);

        const viaHttp = await http(server, token.bob!, 'POST', '/v1/users/Alice/messages', { clientMsgId: 'http-1', text: 'over http' });
        assert.deepEqual([viaHttp.status, viaHttp.body.conversationId, viaHttp.body.seq], [201, dm, 5], JSON.stringify(viaHttp.body));
        // A resend naming the user in another case is the same send.
        const resend = await b.request({ send: { to: 'aLiCe', clientMsgId: 'to-0', type: MessageType.TEXT, body: text('hi Alice') } });
        assert.deepEqual([resend.sendAck?.seq, resend.sendAck?.duplicate], [1, true]);

        const self = await a.request({ send: { to: 'ALICE', clientMsgId: 'self', type: MessageType.TEXT, body: text('me') } });
        assert.equal(self.error?.code, ErrorCode.INVALID_ARGUMENT, 'yourself, in any case');
      } finally {
        a.close();
        b.close();
      }
    });

    test('an id no user has is still USER_NOT_FOUND (socket and HTTP), and a bad one INVALID_ARGUMENT', async () => {
      const b = await openAuthed(server.wsUrl, token.bob!, 'b2');
      try {
        const send = await b.request({ send: { to: 'Nobody', clientMsgId: 'nobody-1', type: MessageType.TEXT, body: text('?') } });
        assert.equal(send.error?.code, ErrorCode.USER_NOT_FOUND);
        const friend = await b.request({ friend: { op: FriendOp.REQUEST, userId: 'NOBODY', clientMsgId: 'nobody-2' } });
        assert.equal(friend.error?.code, ErrorCode.USER_NOT_FOUND);
        const group = await b.request({ group: { op: GroupOp.CREATE, name: 'g', users: ['Alice', 'Nobody'], clientMsgId: 'nobody-3' } });
        assert.equal(group.error?.code, ErrorCode.USER_NOT_FOUND);
        const bad = await b.request({ send: { to: 'ali ce', clientMsgId: 'bad-1', type: MessageType.TEXT, body: text('?') } });
        assert.equal(bad.error?.code, ErrorCode.INVALID_ARGUMENT);
        const viaHttp = await http(server, token.bob!, 'POST', '/v1/users/Nobody/messages', { clientMsgId: 'nobody-4', text: '?' });
        assert.deepEqual([viaHttp.status, viaHttp.body.error?.code], [404, ErrorCode.USER_NOT_FOUND]);
      } finally {
        b.close();
      }
    });

    test('friend requests, answers and blocks name users in any case', async () => {
      const a = await openAuthed(server.wsUrl, token.alice!, 'a3');
      const c = await openAuthed(server.tcpUrl, token.carol!, 'c3');
      try {
        const request = await c.request({ friend: { op: FriendOp.REQUEST, userId: 'ALICE', note: 'hello', clientMsgId: 'fr-1' } });
        assert.equal(request.body, 'friendResult', JSON.stringify(request.error));
        let list = (await a.request({ friendList: {} })).friendListResult!;
        assert.deepEqual(list.incoming!.map((e) => e.userId), ['carol']);
        const accept = await a.request({ friend: { op: FriendOp.ACCEPT, userId: 'Carol', clientMsgId: 'fr-2' } });
        assert.equal(accept.body, 'friendResult', JSON.stringify(accept.error));
        list = (await a.request({ friendList: {} })).friendListResult!;
        assert.deepEqual(list.friends!.map((e) => e.userId), ['carol']);

        // A block over HTTP with the id in the path: carol can no longer send to alice.
        const block = await http(server, token.alice!, 'PUT', '/v1/blocks/CAROL');
        assert.equal(block.status, 200, JSON.stringify(block.body));
        const blocked = await c.request({ send: { to: 'alice', clientMsgId: 'fr-3', type: MessageType.TEXT, body: text('?') } });
        assert.equal(blocked.error?.code, ErrorCode.BLOCKED);
        list = (await a.request({ friendList: {} })).friendListResult!;
        assert.deepEqual(list.blocked!.map((e) => e.userId), ['carol']);
        const unblock = await http(server, token.alice!, 'DELETE', '/v1/blocks/Carol');
        assert.equal(unblock.status, 200, JSON.stringify(unblock.body));
        const again = await c.request({ send: { to: 'Alice', clientMsgId: 'fr-4', type: MessageType.TEXT, body: text('back') } });
        assert.equal(again.sendAck?.conversationId, directConversationId('alice', 'carol'), JSON.stringify(again.error));
      } finally {
        a.close();
        c.close();
      }
    });

    test('group create, kick, invite, roles and mentions name users in any case', async () => {
      const c = await openAuthed(server.wsUrl, token.carol!, 'c4');
      try {
        const created = await c.request({ group: { op: GroupOp.CREATE, name: 'Case', users: ['ALICE', 'Bob', 'alice'], clientMsgId: 'g-1' } });
        assert.equal(created.body, 'groupResult', JSON.stringify(created.error));
        const group = created.groupResult!.conversationId!;
        const members = async () => (await c.request({ groupInfo: { conversationId: group } })).groupInfoResult!.members!;
        assert.deepEqual((await members()).map((m) => m.userId).sort(), ['alice', 'bob', 'carol']);

        const kick = await c.request({ group: { op: GroupOp.KICK, conversationId: group, users: ['BOB'], clientMsgId: 'g-2' } });
        assert.equal(kick.body, 'groupResult', JSON.stringify(kick.error));
        assert.deepEqual((await members()).map((m) => m.userId).sort(), ['alice', 'carol']);
        const invite = await c.request({ group: { op: GroupOp.INVITE, conversationId: group, users: ['bOb'], clientMsgId: 'g-3' } });
        assert.equal(invite.body, 'groupResult', JSON.stringify(invite.error));
        assert.deepEqual((await members()).map((m) => m.userId).sort(), ['alice', 'bob', 'carol']);

        const role = await c.request({ group: { op: GroupOp.SET_ROLE, conversationId: group, users: ['Alice'], role: GroupRole.ADMIN, clientMsgId: 'g-4' } });
        assert.equal(role.body, 'groupResult', JSON.stringify(role.error));
        assert.equal((await members()).find((m) => m.userId === 'alice')?.role, GroupRole.ADMIN);

        const mention = await c.request({ send: { conversationId: group, mentions: ['ALICE', 'alice'], clientMsgId: 'g-5', type: MessageType.TEXT, body: text('@Alice') } });
        assert.equal(mention.body, 'sendAck', JSON.stringify(mention.error));
        const [stored] = (await c.request({ pull: { conversationId: group, fromSeq: mention.sendAck!.seq!, toSeq: mention.sendAck!.seq!, limit: 1 } })).pullResult!.messages!;
        assert.deepEqual(stored!.mentions, ['alice'], 'stored by the stored id, once');
      } finally {
        c.close();
      }
    });

    test('presence of `Alice`: answered and subscribed under the stored id, over sockets and HTTP', async () => {
      const a = await openAuthed(server.tcpUrl, token.alice!, 'a5');
      const b = await openAuthed(server.wsUrl, token.bob!, 'b5');
      try {
        const answer = await b.request({ presence: { users: ['Alice', 'ALICE'], subscribe: true } });
        assert.deepEqual(answer.presenceResult!.users!.map((u) => [u.userId, u.online]), [['alice', true]]);
        const viaHttp = await http(server, token.bob!, 'GET', '/v1/presence?users=ALICE,Nobody');
        assert.deepEqual(viaHttp.body.users.map((u: { userId: string }) => u.userId), ['alice'], JSON.stringify(viaHttp.body));
        a.close();
        await b.waitFor((f) => f.presenceUpdate?.userId === 'alice' && f.presenceUpdate.online === false, undefined, "alice's offline update");
      } finally {
        a.close();
        b.close();
      }
    });
  });
}
