import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { openAuthed, registerUser, startTestServer, waitUntil, type TestServer } from '@parley/testkit';
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
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 6, 3000, 'live unread');

    // Sam reads up to seq 3 on his phone: the server keeps one position; his laptop learns it.
    const samLaptop = await open('sam', 'sam-laptop');
    assert.equal(samLaptop.client.conversation(conv)!.unread, 6);
    assert.equal(await samPhone.client.markRead(conv, 3), 3);
    await waitUntil(() => samLaptop.reads.some((r) => r.userId === 'sam' && r.readSeq === 3), 3000, 'laptop learns the read position');
    await waitUntil(() => samLaptop.client.conversation(conv)!.unread === 3, 3000, 'laptop unread recomputed');
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 3, 3000, 'phone unread recomputed');
    // Read receipt to the other side of a direct chat.
    await waitUntil(() => rita.reads.some((r) => r.userId === 'sam' && r.readSeq === 3), 3000, 'rita gets the read receipt');

    // Reading everything clears the count; the position never moves back.
    assert.equal(await samLaptop.client.markRead(conv), 7);
    await waitUntil(() => samPhone.client.conversation(conv)!.unread === 0, 3000, 'phone cleared');
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
});
