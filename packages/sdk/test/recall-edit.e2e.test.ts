import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { directConversationId, ErrorCode, MessageFlag, MessageType } from '@parley/protocol';
import { openAuthed, registerUser, startTestServer, waitUntil, type TestServer, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';

describe('Recall and edit', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const clients: ParleyClient[] = [];
  const open = async (user: string, device: string) => {
    const client = new ParleyClient({ url: server.wsUrl, token: tokens[user]!, deviceId: device });
    const got: Message[] = [];
    client.on('message', (m) => got.push(m));
    clients.push(client);
    await client.connect();
    return { client, got };
  };
  const conv = directConversationId('una', 'vic');

  before(async () => {
    server = await startTestServer({ recallWindowMs: 1500 });
    for (const u of ['una', 'vic', 'wes', 'xan']) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
  });

  test('a recall removes the content for everyone and takes its place in the timeline as an event', async () => {
    const una = await open('una', 'una-1');
    const vic = await open('vic', 'vic-1');
    const sent = await una.client.send({ to: 'vic', text: 'oops, wrong chat' });
    const recall = await una.client.recall(conv, sent.seq);
    assert.equal(recall.seq, sent.seq + 1);
    await waitUntil(() => vic.got.some((m) => m.type === MessageType.RECALL), WAIT_MS, 'vic gets the recall event');
    const event = vic.got.find((m) => m.type === MessageType.RECALL)!;
    assert.deepEqual([event.refSeq, event.senderId, event.body.length], [sent.seq, 'una', 0]);
    assert.ok(una.got.some((m) => m.type === MessageType.RECALL && m.refSeq === sent.seq), 'the recalling device sees its own event');
    const history = await vic.client.pull(conv, sent.seq, sent.seq);
    assert.equal(history[0]!.flags & MessageFlag.RECALLED, MessageFlag.RECALLED);
    assert.equal(history[0]!.body.length, 0, 'the content is gone from history');
    await assert.rejects(una.client.edit(conv, sent.seq, 'x'), { code: ErrorCode.MESSAGE_LOCKED });
    await assert.rejects(una.client.recall(conv, sent.seq), { code: ErrorCode.MESSAGE_LOCKED });
  });

  test('an edit replaces the content in history with an edited mark; only the sender may edit', async () => {
    const una = await open('una', 'una-2');
    const vic = await open('vic', 'vic-2');
    const sent = await una.client.send({ to: 'vic', text: 'helo' });
    await assert.rejects(vic.client.edit(conv, sent.seq, 'hacked'), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(vic.client.recall(conv, sent.seq), { code: ErrorCode.FORBIDDEN });
    const edit = await una.client.edit(conv, sent.seq, 'hello');
    await waitUntil(() => vic.got.some((m) => m.seq === edit.seq), WAIT_MS, 'vic gets the edit event');
    const event = vic.got.find((m) => m.seq === edit.seq)!;
    assert.deepEqual([event.type, event.refSeq, event.text], [MessageType.EDIT, sent.seq, 'hello']);
    const [latest] = await vic.client.pull(conv, sent.seq, sent.seq);
    assert.equal(latest!.text, 'hello');
    assert.equal(latest!.flags & MessageFlag.EDITED, MessageFlag.EDITED);
  });

  test('a device that was away when a message was recalled and another edited learns both through sync', async () => {
    const una = await open('una', 'una-4');
    const gone = await una.client.send({ to: 'vic', text: 'gone soon' });
    const fixed = await una.client.send({ to: 'vic', text: 'typo' });
    await una.client.recall(conv, gone.seq);
    await una.client.edit(conv, fixed.seq, 'no typo');
    const vic = await open('vic', 'vic-away'); // first connects now
    await waitUntil(() => vic.got.some((m) => m.type === MessageType.EDIT && m.refSeq === fixed.seq), WAIT_MS, 'vic catches up');
    assert.ok(vic.got.some((m) => m.type === MessageType.RECALL && m.refSeq === gone.seq), 'the recall event too');
    const original = vic.got.find((m) => m.seq === gone.seq)!;
    assert.deepEqual([original.flags & MessageFlag.RECALLED, original.body.length], [MessageFlag.RECALLED, 0], 'delivered already recalled');
    assert.equal(vic.got.find((m) => m.seq === fixed.seq)!.text, 'no typo', 'delivered as edited');
  });

  test('the recall window closes for senders but not for group admins', async () => {
    const una = await open('una', 'una-3');
    const wes = await open('wes', 'wes-1');
    const old = await una.client.send({ to: 'vic', text: 'old news' });
    const group = await wes.client.createGroup('Moderated', ['una']);
    const inGroup = await una.client.send({ conversationId: group.conversationId, text: 'spam' });
    await new Promise((r) => setTimeout(r, 1700));
    await assert.rejects(una.client.recall(conv, old.seq), { code: ErrorCode.MESSAGE_LOCKED });
    const byAdmin = await wes.client.recall(group.conversationId, inGroup.seq);
    assert.ok(byAdmin.seq > inGroup.seq, 'the group owner recalls any message at any time');
    await assert.rejects(una.client.recall(group.conversationId, group.seq), { code: ErrorCode.MESSAGE_LOCKED }, 'events cannot be recalled');
  });

  test('bad message ops get coded errors and resends are idempotent', async () => {
    const c = await openAuthed(server.tcpUrl, tokens.una!, 'raw');
    const sent = await c.request({ send: { to: 'vic', clientMsgId: 'target', type: MessageType.TEXT, body: new TextEncoder().encode('t') } });
    const seq = sent.sendAck!.seq!;
    const op = { op: 2, conversationId: conv, seq, body: new TextEncoder().encode('t2'), clientMsgId: 'edit-1' };
    const first = await c.request({ messageOp: op });
    const again = await c.request({ messageOp: op });
    assert.deepEqual([again.sendAck!.seq, again.sendAck!.duplicate], [first.sendAck!.seq, true]);
    const cases: [object, string][] = [
      [{ op: 9, conversationId: conv, seq, clientMsgId: 'a' }, ErrorCode.INVALID_ARGUMENT],
      [{ op: 2, conversationId: conv, seq, clientMsgId: 'b' }, ErrorCode.INVALID_ARGUMENT],
      [{ op: 1, conversationId: conv, seq: 0, clientMsgId: 'c' }, ErrorCode.INVALID_ARGUMENT],
      [{ op: 1, conversationId: conv, seq: 99_999, clientMsgId: 'd' }, ErrorCode.MESSAGE_NOT_FOUND],
      [{ op: 1, conversationId: 'd:vic:xan', seq: 1, clientMsgId: 'e' }, ErrorCode.NOT_MEMBER],
      [{ op: 2, conversationId: conv, seq, body: new Uint8Array(20_000), clientMsgId: 'f' }, ErrorCode.MESSAGE_TOO_LARGE],
      [{ op: 1, conversationId: conv, seq, clientMsgId: 'edit-1' }, ErrorCode.CLIENT_MSG_ID_REUSED],
    ];
    for (const [messageOp, code] of cases) assert.equal((await c.request({ messageOp })).error?.code, code, JSON.stringify(messageOp));
    const forged = await c.request({ send: { to: 'vic', clientMsgId: 'forged', type: MessageType.RECALL, body: new Uint8Array() } });
    assert.equal(forged.error?.code, ErrorCode.INVALID_ARGUMENT, 'clients cannot forge event messages');
    c.close();
  });
});
