import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode, MessageOpKind, MessageType } from '@parley/protocol';
import { openAuthed, registerUser, startTestServer, type TestServer } from '@parley/testkit';

const text = (s: string) => new TextEncoder().encode(s);

for (const transport of ['ws', 'tcp'] as const) {
  describe(`Messaging over ${transport}`, () => {
    let server: TestServer;
    let url: string;
    let alice: string;
    let bob: string;
    const conv = directConversationId('alice', 'bob');

    before(async () => {
      server = await startTestServer();
      url = transport === 'ws' ? server.wsUrl : server.tcpUrl;
      alice = await registerUser(server.httpUrl, 'alice');
      bob = await registerUser(server.httpUrl, 'bob');
    });
    after(() => server.stop());

    test('send is acked with seq 1, 2 … and pushed to every other device of both users', async () => {
      const a1 = await openAuthed(url, alice, 'a1');
      const a2 = await openAuthed(url, alice, 'a2');
      const b1 = await openAuthed(url, bob, 'b1');
      try {
        const r1 = await a1.request({ send: { to: 'bob', clientMsgId: 'm-1', type: MessageType.TEXT, body: text('hi bob') } });
        assert.equal(r1.body, 'sendAck');
        assert.equal(r1.sendAck!.conversationId, conv);
        assert.equal(r1.sendAck!.seq, 1);
        assert.ok(r1.sendAck!.messageId);
        const r2 = await a1.request({ send: { conversationId: conv, clientMsgId: 'm-2', type: MessageType.TEXT, body: text('again') } });
        assert.equal(r2.sendAck!.seq, 2);
        for (const device of [a2, b1]) {
          const p2 = await device.waitFor((f) => f.push?.message?.seq === 2);
          assert.equal(new TextDecoder().decode(p2.push!.message!.body!), 'again');
          assert.equal(p2.push!.message!.senderDevice, 'a1');
        }
        // The sending connection learns its message from the ack, not from a push.
        assert.equal(a1.frames.filter((f) => f.body === 'push').length, 0);
      } finally {
        [a1, a2, b1].forEach((c) => c.close());
      }
    });

    test('a resend with the same clientMsgId returns the original ack and stores nothing new', async () => {
      const a = await openAuthed(url, alice, 'dedup');
      try {
        const first = await a.request({ send: { to: 'bob', clientMsgId: 'dup-1', type: MessageType.TEXT, body: text('once') } });
        const again = await a.request({ send: { to: 'bob', clientMsgId: 'dup-1', type: MessageType.TEXT, body: text('once') } });
        assert.equal(again.sendAck!.seq, first.sendAck!.seq);
        assert.equal(again.sendAck!.messageId, first.sendAck!.messageId);
        assert.equal(again.sendAck!.duplicate, true);
        const other = await a.request({ send: { to: 'bob', clientMsgId: 'dup-2', type: MessageType.TEXT, body: text('next') } });
        assert.equal(other.sendAck!.seq, first.sendAck!.seq! + 1, 'the resend did not take a seq');
        const reused = await a.request({ send: { to: 'bob', clientMsgId: 'dup-1', type: MessageType.TEXT, body: text('different') } });
        assert.equal(reused.error?.code, ErrorCode.CLIENT_MSG_ID_REUSED);
      } finally {
        a.close();
      }
    });

    test('unacked pushes are retransmitted until the device acks them', async () => {
      const fast = await startTestServer({ retransmitMs: 100 });
      const furl = transport === 'ws' ? fast.wsUrl : fast.tcpUrl;
      try {
        const ta = await registerUser(fast.httpUrl, 'alice');
        const tb = await registerUser(fast.httpUrl, 'bob');
        const a = await openAuthed(furl, ta, 'a');
        const b = await openAuthed(furl, tb, 'b');
        await a.request({ send: { to: 'bob', clientMsgId: 'r-1', type: MessageType.TEXT, body: text('x') } });
        await b.waitFor((f) => f.push?.message?.seq === 1);
        await b.waitFor((f) => f.push?.message?.seq === 1 && b.frames.filter((g) => g.push?.message?.seq === 1).length >= 2, 3000);
        b.send({ ack: { conversationId: conv, seq: 1 } });
        await new Promise((r) => setTimeout(r, 100));
        const count = b.frames.filter((g) => g.body === 'push').length;
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(b.frames.filter((g) => g.body === 'push').length, count, 'no resend after the ack');
        a.close();
        b.close();
      } finally {
        await fast.stop();
      }
    });

    test('pull returns a seq range and sync lists only changed conversations', async () => {
      const b = await openAuthed(url, bob, 'sync-dev');
      try {
        const s1 = await b.request({ sync: { token: '' } });
        assert.equal(s1.body, 'syncResult');
        const listed = s1.syncResult!.conversations!;
        assert.equal(listed.length, 1);
        assert.equal(listed[0]!.conversationId, conv);
        assert.deepEqual(listed[0]!.members, ['alice', 'bob']);
        const maxSeq = listed[0]!.maxSeq!;
        assert.ok(maxSeq >= 4);
        const pulled = await b.request({ pull: { conversationId: conv, fromSeq: 1, toSeq: 0, limit: 500 } });
        assert.deepEqual(pulled.pullResult!.messages!.map((m) => m.seq), Array.from({ length: maxSeq }, (_, i) => i + 1));
        assert.equal(pulled.pullResult!.holes?.length ?? 0, 0);
        const paged = await b.request({ pull: { conversationId: conv, fromSeq: 2, toSeq: 0, limit: 2 } });
        assert.equal(paged.pullResult!.fromSeq, 2);
        assert.equal(paged.pullResult!.toSeq, 3);
        // Nothing changed since the token: nothing listed.
        const s2 = await b.request({ sync: { token: s1.syncResult!.token! } });
        assert.equal(s2.syncResult!.conversations?.length ?? 0, 0);
        const a = await openAuthed(url, alice, 'sync-sender');
        await a.request({ send: { to: 'bob', clientMsgId: 'after-sync', type: MessageType.TEXT, body: text('new') } });
        a.close();
        const s3 = await b.request({ sync: { token: s1.syncResult!.token! } });
        assert.equal(s3.syncResult!.conversations!.length, 1);
        assert.equal(s3.syncResult!.conversations![0]!.maxSeq, maxSeq + 1);
      } finally {
        b.close();
      }
    });

    test('pull reports a message deleted for me as a hole, on every device of mine and only of mine', async () => {
      const b1 = await openAuthed(url, bob, `hole-1-${transport}`);
      const b2 = await openAuthed(url, bob, `hole-2-${transport}`);
      const a = await openAuthed(url, alice, `hole-a-${transport}`);
      try {
        const sent = await a.request({ send: { to: 'bob', clientMsgId: `to-hide-${transport}`, type: MessageType.TEXT, body: text('hide me') } });
        const seq = sent.sendAck!.seq!;
        const after = await a.request({ send: { to: 'bob', clientMsgId: `after-hide-${transport}`, type: MessageType.TEXT, body: text('keep me') } });
        const hidden = await b1.request({ messageOp: { op: MessageOpKind.HIDE, conversationId: conv, seq, clientMsgId: `hide-${transport}` } });
        assert.equal(hidden.body, 'sendAck', hidden.error?.message ?? '');
        for (const device of [b1, b2]) {
          const page = (await device.request({ pull: { conversationId: conv, fromSeq: seq, toSeq: after.sendAck!.seq!, limit: 10 } })).pullResult!;
          assert.deepEqual(page.holes!.map(Number), [seq], 'the hidden seq is a hole');
          assert.deepEqual(page.messages!.map((m) => Number(m.seq)), [after.sendAck!.seq!], 'the rest is there');
        }
        const theirs = (await a.request({ pull: { conversationId: conv, fromSeq: seq, toSeq: seq, limit: 10 } })).pullResult!;
        assert.deepEqual(theirs.messages!.map((m) => Number(m.seq)), [seq], 'the sender still has it');
        assert.equal(theirs.holes?.length ?? 0, 0);
      } finally {
        for (const c of [b1, b2, a]) c.close();
      }
    });

    test('requests that cannot succeed get coded errors', async () => {
      const carol = await registerUser(server.httpUrl, `carol-${transport}`);
      const c = await openAuthed(url, carol, 'c');
      try {
        const notMember = await c.request({ pull: { conversationId: conv, fromSeq: 1 } });
        assert.equal(notMember.error?.code, ErrorCode.NOT_MEMBER);
        const sendNotMember = await c.request({ send: { conversationId: conv, clientMsgId: 'x', type: 1, body: text('x') } });
        assert.equal(sendNotMember.error?.code, ErrorCode.NOT_MEMBER);
        const noUser = await c.request({ send: { to: 'nobody', clientMsgId: 'y', type: 1, body: text('x') } });
        assert.equal(noUser.error?.code, ErrorCode.USER_NOT_FOUND);
        const noConv = await c.request({ send: { conversationId: 'g:none', clientMsgId: 'z', type: 1 } });
        assert.equal(noConv.error?.code, ErrorCode.CONVERSATION_NOT_FOUND);
        const both = await c.request({ send: { to: 'bob', conversationId: conv, clientMsgId: 'w', type: 1 } });
        assert.equal(both.error?.code, ErrorCode.INVALID_ARGUMENT);
        const big = await c.request({ send: { to: 'bob', clientMsgId: 'big', type: 1, body: new Uint8Array(20000) } });
        assert.equal(big.error?.code, ErrorCode.MESSAGE_TOO_LARGE);
        const reversed = await c.request({ pull: { conversationId: conv, fromSeq: 5, toSeq: 2 } });
        assert.equal(reversed.error?.code, ErrorCode.INVALID_ARGUMENT);
        const badToken = await c.request({ sync: { token: 'garbage' } });
        assert.equal(badToken.error?.code, ErrorCode.INVALID_ARGUMENT);
        const twice = await c.request({ auth: { token: carol, deviceId: 'c' } });
        assert.equal(twice.error?.code, ErrorCode.ALREADY_AUTHENTICATED);
        const pushFromClient = await c.request({ push: { message: { seq: 1 } } });
        assert.equal(pushFromClient.error?.code, ErrorCode.UNEXPECTED_FRAME);
        const badAck = await c.request({ ack: { conversationId: '', seq: 3 } });
        assert.equal(badAck.error?.code, ErrorCode.INVALID_ARGUMENT);
        const pong = await c.request({ ping: { time: 7 } });
        assert.equal(pong.pong?.time, 7);
        assert.equal(c.isClosed(), false, 'the connection survives failed requests');
      } finally {
        c.close();
      }
    });
  });
}

describe('Group requests over raw frames', () => {
  test('a resent GroupRequest returns the original result and changes nothing', async () => {
    const server = await startTestServer();
    try {
      const owner = await registerUser(server.httpUrl, 'gowner');
      await registerUser(server.httpUrl, 'gm');
      const c = await openAuthed(server.tcpUrl, owner, 'o');
      const first = await c.request({ group: { op: 1, name: 'G', users: ['gm'], clientMsgId: 'create-1' } });
      assert.equal(first.body, 'groupResult');
      const again = await c.request({ group: { op: 1, name: 'G', users: ['gm'], clientMsgId: 'create-1' } });
      assert.equal(again.groupResult!.conversationId, first.groupResult!.conversationId);
      assert.equal(again.groupResult!.seq, 1);
      assert.equal(again.groupResult!.duplicate, true);
      const g = first.groupResult!.conversationId!;
      const inv1 = await c.request({ group: { op: 3, conversationId: g, users: ['gm'], clientMsgId: 'kick-1' } });
      const inv2 = await c.request({ group: { op: 3, conversationId: g, users: ['gm'], clientMsgId: 'kick-1' } });
      assert.equal(inv2.groupResult!.seq, inv1.groupResult!.seq);
      const badOp = await c.request({ group: { op: 99, conversationId: g, clientMsgId: 'x' } });
      assert.equal(badOp.error?.code, ErrorCode.INVALID_ARGUMENT);
      const reused = await c.request({ group: { op: 2, conversationId: g, users: ['gm'], clientMsgId: 'create-1' } });
      assert.equal(reused.error?.code, ErrorCode.CLIENT_MSG_ID_REUSED);
      const notGroup = await c.request({ group: { op: 2, conversationId: 'd:gm:gowner', users: ['gm'], clientMsgId: 'y' } });
      assert.equal(notGroup.error?.code, ErrorCode.CONVERSATION_NOT_FOUND);
      const sync = await c.request({ sync: {} });
      const listed = sync.syncResult!.conversations!.find((x) => x.conversationId === g)!;
      assert.deepEqual([listed.name, listed.kind, listed.maxSeq], ['G', 2, 2]);
      c.close();
    } finally {
      await server.stop();
    }
  });
});
