import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { registerUser, startTestServer, type TestServer, waitUntil } from '@parley/testkit';
import { MemorySessionStore, ParleyClient, type Message } from '../src/index.ts';

function collect(client: ParleyClient): Message[] {
  const got: Message[] = [];
  client.on('message', (m) => got.push(m));
  return got;
}


for (const transport of ['ws', 'tcp'] as const) {
  describe(`ParleyClient over ${transport}`, () => {
    let server: TestServer;
    let url: string;
    const tokens: Record<string, string> = {};
    const clients: ParleyClient[] = [];
    const client = (user: string, deviceId: string, extra: Partial<ConstructorParameters<typeof ParleyClient>[0]> = {}) => {
      const c = new ParleyClient({ url, token: tokens[user]!, deviceId, ...extra });
      clients.push(c);
      return c;
    };

    before(async () => {
      server = await startTestServer();
      url = transport === 'ws' ? server.wsUrl : server.tcpUrl;
      for (const u of ['ann', 'ben', 'cid']) tokens[u] = await registerUser(server.httpUrl, u);
    });
    after(async () => {
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
    });

    test('send resolves with the durable ack; both users and all devices see the message once', async () => {
      const ann1 = client('ann', 'ann-1');
      const ann2 = client('ann', 'ann-2');
      const ben = client('ben', 'ben-1');
      const got = [ann1, ann2, ben].map(collect);
      await Promise.all([ann1, ann2, ben].map((c) => c.connect()));
      const ack = await ann1.send({ to: 'ben', text: 'hello ben' });
      assert.equal(ack.conversationId, directConversationId('ann', 'ben'));
      assert.equal(ack.seq, 1);
      assert.equal(ack.duplicate, false);
      await waitUntil(() => got.every((g) => g.length === 1), 5000, 'delivery');
      for (const g of got) {
        assert.equal(g[0]!.text, 'hello ben');
        assert.equal(g[0]!.seq, 1);
        assert.equal(g[0]!.senderId, 'ann');
        assert.equal(g[0]!.id, ack.messageId);
      }
    });

    test('given only the node list URL, the client finds a node of its transport and chats', async () => {
      const discovered = new ParleyClient({ nodesUrl: `${server.httpUrl}/v1/nodes`, transport, token: tokens.ann!, deviceId: 'ann-nodes' });
      clients.push(discovered);
      const ben = client('ben', 'ben-nodes');
      const got = collect(ben);
      await Promise.all([discovered.connect(), ben.connect()]);
      const ack = await discovered.send({ to: 'ben', text: 'found you' });
      await waitUntil(() => got.some((m) => m.id === ack.messageId), 5000, 'delivery');
      assert.throws(() => new ParleyClient({ token: 't', deviceId: 'd' }), /at least one url \(or a nodesUrl\)/);
    });

    test('a device that was away catches up through sync, in order, once', async () => {
      const ann = client('ann', 'ann-3');
      await ann.connect();
      const cid = client('cid', 'cid-1');
      const got = collect(cid);
      await cid.connect();
      await cid.close();
      for (let i = 0; i < 30; i++) await ann.send({ to: 'cid', text: `m${i}` });
      const cidAgain = client('cid', 'cid-1');
      const later = collect(cidAgain);
      await cidAgain.connect();
      await waitUntil(() => later.length === 30, 5000, 'catch-up');
      assert.deepEqual(later.map((m) => m.text), Array.from({ length: 30 }, (_, i) => `m${i}`));
      assert.deepEqual(later.map((m) => m.seq), Array.from({ length: 30 }, (_, i) => i + 1));
      assert.equal(got.length, 0);
    });

    test('send to an unknown user rejects with a coded error and leaves the outbox', async () => {
      const ann = client('ann', 'ann-4');
      await ann.connect();
      await assert.rejects(ann.send({ to: 'nobody', text: 'x' }), { code: ErrorCode.USER_NOT_FOUND });
      assert.equal(ann.pendingSends, 0);
    });

    test('a bad token makes connect() reject and the client close', async () => {
      const bad = new ParleyClient({ url, token: 'nonsense', deviceId: 'x' });
      await assert.rejects(bad.connect(), { code: ErrorCode.AUTH_FAILED });
      await waitUntil(() => bad.state === 'closed', 2000, 'closed state');
    });

    test('a persisted outbox is resent after an app restart and acked once', async () => {
      const store = new MemorySessionStore();
      const entry = { clientMsgId: 'restart-1', to: 'ben', type: 1, body: new TextEncoder().encode('from before'), createdAt: Date.now() };
      await store.putOutbox(entry);
      const ann = client('ann', 'ann-5', { store });
      const acks: string[] = [];
      ann.on('ack', (a) => acks.push(a.clientMsgId));
      await ann.connect();
      await waitUntil(() => acks.length === 1, 5000, 'ack of restored entry');
      assert.equal(store.outbox.size, 0);
      assert.ok((store.cursors.get(directConversationId('ann', 'ben')) ?? 0) >= 1);
      assert.notEqual(store.syncToken, '');
    });
  });
}
