import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { openAuthed, registerUser, startTestServer, waitUntil, type TestServer, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type ReadReceipt } from '../src/index.ts';

describe('Read state and unread counts', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const clients: ParleyClient[] = [];
  const open = async (user: string, device: string) => {
    const client = new ParleyClient({ url: server.wsUrl, token: tokens[user]!, deviceId: device });
    const reads: ReadReceipt[] = [];
    client.on('read', (r) => reads.push(r));
    clients.push(client);
    await client.connect();
    return { client, reads };
  };
  const conv = directConversationId('rita', 'sam');

  before(async () => {
    server = await startTestServer();
    for (const u of ['rita', 'sam', 'tom']) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
  });

  test('unread counts come from the server, exclude own messages, and one read position syncs to every device', async () => {
    const rita = await open('rita', 'rita-phone');
    for (let i = 0; i < 5; i++) await rita.client.send({ to: 'sam', text: `r${i}` });
    const samPhone = await open('sam', 'sam-phone');
    assert.deepEqual([samPhone.client.conversation(conv)?.unread, samPhone.client.conversation(conv)?.readSeq], [5, 0]);
    await samPhone.client.send({ to: 'rita', text: 'own messages are never unread' });
    assert.equal(samPhone.client.conversation(conv)!.unread, 5);

    // Live: a new message from rita raises the count on sam's device.
    await rita.client.send({ to: 'sam', text: 'one more' });
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 6, WAIT_MS, 'live unread');

    // Sam reads up to seq 3 on his phone: the server keeps one position; his laptop learns it.
    const samLaptop = await open('sam', 'sam-laptop');
    assert.equal(samLaptop.client.conversation(conv)!.unread, 6);
    assert.equal(await samPhone.client.markRead(conv, 3), 3);
    await waitUntil(() => samLaptop.reads.some((r) => r.userId === 'sam' && r.readSeq === 3), WAIT_MS, 'laptop learns the read position');
    await waitUntil(() => samLaptop.client.conversation(conv)!.unread === 3, WAIT_MS, 'laptop unread recomputed');
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 3, WAIT_MS, 'phone unread recomputed');
    // Read receipt to the other side of a direct chat.
    await waitUntil(() => rita.reads.some((r) => r.userId === 'sam' && r.readSeq === 3), WAIT_MS, 'rita gets the read receipt');

    // Reading everything clears the count; the position never moves back.
    assert.equal(await samLaptop.client.markRead(conv), 7);
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 0, WAIT_MS, 'phone cleared');
    assert.equal(await samPhone.client.markRead(conv, 2), 7, 'read positions only move forward');
    assert.equal(await samPhone.client.markRead(conv, 999), 7, 'clamped to the last seq');

    // A device that connects later starts from the same state.
    const samTablet = await open('sam', 'sam-tablet');
    assert.deepEqual([samTablet.client.conversation(conv)!.readSeq, samTablet.client.conversation(conv)!.unread], [7, 0]);
  });

  test('marking read where one is not a member is refused', async () => {
    const tom = await openAuthed(server.wsUrl, tokens.tom!, 'tom-raw');
    const reply = await tom.request({ markRead: { conversationId: conv, seq: 1 } });
    assert.equal(reply.error?.code, ErrorCode.NOT_MEMBER);
    const bad = await tom.request({ markRead: { conversationId: '', seq: 1 } });
    assert.equal(bad.error?.code, ErrorCode.INVALID_ARGUMENT);
    tom.close();
  });

  test('1:1 delivered state: the sender learns when a device of the recipient holds the message, live and through sync', async () => {
    const del = await startTestServer();
    const t: Record<string, string> = {};
    for (const u of ['dora', 'eli']) t[u] = await registerUser(del.httpUrl, u);
    const at = (u: string, device: string) => new ParleyClient({ url: del.wsUrl, token: t[u]!, deviceId: device });
    const dora = at('dora', 'dora-1');
    const delivered: { deliveredSeq: number; userId: string }[] = [];
    dora.on('delivered', (d) => delivered.push(d));
    const all = [dora];
    try {
      await dora.connect();
      const d = directConversationId('dora', 'eli');
      await dora.send({ to: 'eli', text: 'one' });
      const two = await dora.send({ to: 'eli', text: 'two' });
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(dora.conversation(d)!.peerDeliveredSeq, 0, 'nobody has it yet: eli is offline');
      const eli = at('eli', 'eli-1');
      all.push(eli);
      await eli.connect(); // sync + pull + ack
      await waitUntil(() => dora.conversation(d)!.peerDeliveredSeq === two.seq, WAIT_MS, 'dora learns it was delivered');
      assert.deepEqual(delivered.at(-1), { conversationId: d, userId: 'eli', deliveredSeq: two.seq });
      assert.equal(dora.conversation(d)!.peerReadSeq, 0, 'delivered is not read');
      await eli.markRead(d);
      await waitUntil(() => dora.conversation(d)!.peerReadSeq === two.seq, WAIT_MS, 'dora learns it was read');
      const dora2 = at('dora', 'dora-2');
      all.push(dora2);
      await dora2.connect();
      assert.deepEqual([dora2.conversation(d)!.peerDeliveredSeq, dora2.conversation(d)!.peerReadSeq], [two.seq, two.seq], 'sync carries both');
    } finally {
      await Promise.all(all.map((c) => c.close()));
      await del.stop();
    }
  });

  test('large groups: receipts are not pushed; members pull who has read up to a seq', async () => {
    const big = await startTestServer({ readReceiptPushMax: 2 });
    const t: Record<string, string> = {};
    for (const u of ['ua', 'ub', 'uc', 'ud']) t[u] = await registerUser(big.httpUrl, u);
    const at = async (u: string) => {
      const c = new ParleyClient({ url: big.wsUrl, token: t[u]!, deviceId: `${u}-1` });
      const reads: ReadReceipt[] = [];
      c.on('read', (r) => reads.push(r));
      await c.connect();
      return { c, reads };
    };
    const [a, b, c, d] = [await at('ua'), await at('ub'), await at('uc'), await at('ud')];
    try {
      const { conversationId: g } = await a.c.createGroup('Big', ['ub', 'uc', 'ud']);
      const m2 = await a.c.send({ conversationId: g, text: 'two' });
      const m3 = await a.c.send({ conversationId: g, text: 'three' });
      await b.c.markRead(g, m3.seq);
      await c.c.markRead(g, m2.seq);
      await new Promise((r) => setTimeout(r, 150));
      assert.deepEqual(a.reads.filter((r) => r.userId !== 'ua'), [], 'no receipts pushed in a group above readReceiptPushMax');
      assert.deepEqual(await d.c.readers(g, m2.seq), { users: ['ub', 'uc'], readCount: 2, unreadCount: 2 });
      assert.deepEqual(await d.c.readers(g, m3.seq), { users: ['ub'], readCount: 1, unreadCount: 3 });
      assert.deepEqual((await d.c.readers(g, m2.seq, 1)).users, ['ub'], 'the list is capped by limit, the counts are not');
      await assert.rejects(d.c.readers(g, 0), { code: ErrorCode.INVALID_ARGUMENT });
      await d.c.leaveGroup(g);
      await assert.rejects(d.c.readers(g, m2.seq), { code: ErrorCode.NOT_MEMBER });
    } finally {
      await Promise.all([a, b, c, d].map((x) => x.c.close()));
      await big.stop();
    }
  });
});

describe('Typing indicators', () => {
  test('reach the other members live, are never stored, and are rate-limited', async () => {
    const server = await startTestServer({ typingPerSecond: 3 });
    const clients: ParleyClient[] = [];
    try {
      const t = { ann: await registerUser(server.httpUrl, 'ann'), bob: await registerUser(server.httpUrl, 'bob') };
      const ann = new ParleyClient({ url: server.wsUrl, token: t.ann, deviceId: 'a' });
      const bob = new ParleyClient({ url: server.tcpUrl, token: t.bob, deviceId: 'b' });
      clients.push(ann, bob);
      await Promise.all([ann.connect(), bob.connect()]);
      const conv = (await ann.send({ to: 'bob', text: 'hi' })).conversationId;
      const seen: { userId: string; typing: boolean }[] = [];
      bob.on('typing', (e) => seen.push(e));
      const annSeen: unknown[] = [];
      ann.on('typing', (e) => annSeen.push(e));
      ann.setTyping(conv, true);
      await waitUntil(() => seen.length === 1, WAIT_MS, 'typing reaches bob');
      assert.deepEqual(seen[0], { conversationId: conv, userId: 'ann', typing: true });
      ann.setTyping(conv, false);
      await waitUntil(() => seen.length === 2 && seen[1]!.typing === false, WAIT_MS, 'stop typing');
      assert.equal(annSeen.length, 0, 'the typer is not told about themself');
      const history = await bob.pull(conv, 1);
      assert.equal(history.length, 1, 'typing is never stored');

      const raw = await openAuthed(server.wsUrl, t.ann, 'raw');
      const replies = await Promise.all([1, 2, 3, 4, 5].map(() => raw.request({ typing: { conversationId: conv, typing: true } }, 300).catch(() => undefined)));
      assert.ok(replies.some((r) => r?.error?.code === ErrorCode.RATE_LIMITED), 'a burst past the limit is refused');
      await new Promise((r) => setTimeout(r, 1100)); // a fresh one-second window
      const notMember = await raw.request({ typing: { conversationId: 'd:x:y', typing: true } });
      assert.equal(notMember.error?.code, ErrorCode.NOT_MEMBER);
      raw.close();
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
    }
  });
});

describe('Presence', () => {
  test('online across devices, last seen after the last device leaves, pushed to subscribers, only between users who share a conversation', async () => {
    const server = await startTestServer();
    const clients: ParleyClient[] = [];
    const client = (token: string, deviceId: string) => {
      const c = new ParleyClient({ url: server.wsUrl, token, deviceId });
      clients.push(c);
      return c;
    };
    try {
      const t = { ann: await registerUser(server.httpUrl, 'ann'), bob: await registerUser(server.httpUrl, 'bob'), eve: await registerUser(server.httpUrl, 'eve') };
      const ann = client(t.ann, 'a');
      await ann.connect();
      const bobPhone = client(t.bob, 'phone');
      await bobPhone.connect();
      await ann.send({ to: 'bob', text: 'hi' }); // now they share a conversation

      const events: { userId: string; online: boolean; lastSeen: number }[] = [];
      ann.on('presence', (p) => events.push(p));
      const [bobNow] = await ann.presence(['bob'], true);
      assert.equal(bobNow!.online, true);

      const bobLaptop = client(t.bob, 'laptop');
      await bobLaptop.connect();
      await bobPhone.close();
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(events.length, 0, 'still online: another device is connected');
      const before = Date.now();
      await bobLaptop.close();
      await waitUntil(() => events.length === 1, WAIT_MS, 'offline pushed');
      assert.equal(events[0]!.online, false);
      assert.ok(events[0]!.lastSeen >= before - 50);
      const [bobLater] = await ann.presence(['bob']);
      assert.deepEqual([bobLater!.online, bobLater!.lastSeen], [false, events[0]!.lastSeen], 'last seen is stored');

      const bobAgain = client(t.bob, 'phone');
      await bobAgain.connect();
      await waitUntil(() => events.length === 2 && events[1]!.online, WAIT_MS, 'online pushed');

      // eve shares no conversation with ann: her presence is not disclosed, and unknown ids are left out.
      assert.deepEqual(await ann.presence(['eve', 'nobody']), []);
      const eve = client(t.eve, 'e');
      await eve.connect();
      assert.deepEqual(await eve.presence(['ann', 'bob']), []);
      const [self] = await eve.presence(['eve']);
      assert.equal(self!.online, true, 'one may always see oneself');
      await assert.rejects(eve.presence(['not valid!']), { code: ErrorCode.INVALID_ARGUMENT });
      await assert.rejects(eve.presence(Array.from({ length: 501 }, (_, i) => `u${i}`)), { code: ErrorCode.INVALID_ARGUMENT });
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
    }
  });
});
