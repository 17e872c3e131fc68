import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { registerUser, startTestServer, waitUntil, type TestServer } from '@parley/testkit';
import { ParleyClient } from '../src/index.ts';

describe('Conversation settings: pinned and muted', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const clients: ParleyClient[] = [];
  let device = 0;
  const open = async (user: string) => {
    const client = new ParleyClient({ url: server.wsUrl, token: tokens[user]!, deviceId: `${user}-${++device}`, reorderWindowMs: 50 });
    clients.push(client);
    await client.connect();
    return client;
  };

  before(async () => {
    server = await startTestServer();
    for (const u of ['pia', 'quin', 'rex']) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
  });

  test('a setting made on one device reaches the others live and through sync, and orders the list; it is yours alone', async () => {
    const pia = await open('pia');
    const pia2 = await open('pia');
    const quin = await open('quin');
    const d = directConversationId('pia', 'quin');
    await quin.send({ to: 'pia', text: 'first chat' });
    const { conversationId: g } = await quin.createGroup('Later', ['pia']);
    await quin.send({ conversationId: g, text: 'newer activity here' });
    await waitUntil(() => pia2.conversation(g)?.maxSeq === 2, 3000, 'pia2 knows both');
    assert.equal(pia2.conversationList()[0]!.conversationId, g, 'most recent first');

    await pia.setConversationSettings(d, { pinned: true });
    await pia.setConversationSettings(g, { muted: true });
    await waitUntil(() => pia2.conversation(d)!.pinned && pia2.conversation(g)!.muted, 3000, 'pia2 follows');
    assert.equal(pia2.conversationList()[0]!.conversationId, d, 'pinned first');
    assert.equal(pia2.conversation(g)!.pinned, false);
    assert.equal(pia.conversation(d)!.pinned, true, 'the device that made the change knows it too');

    const fresh = await open('pia');
    assert.deepEqual([fresh.conversation(d)!.pinned, fresh.conversation(d)!.muted], [true, false]);
    assert.deepEqual([fresh.conversation(g)!.pinned, fresh.conversation(g)!.muted], [false, true]);
    assert.equal(quin.conversation(d)!.pinned, false, 'quin’s settings are his own');

    await pia.setConversationSettings(d, { pinned: false });
    await waitUntil(() => !pia2.conversation(d)!.pinned, 3000, 'unpinned everywhere');
    assert.equal(pia2.conversation(g)!.muted, true, 'the other setting stays');

    const rex = await open('rex');
    await assert.rejects(rex.setConversationSettings(d, { pinned: true }), { code: ErrorCode.NOT_MEMBER });
  });
});
