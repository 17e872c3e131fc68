import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directConversationId, ErrorCode, MessageType } from '@parley/protocol';
import { fetchWithin, waitUntil, WAIT_MS } from '@parley/testkit';
import type { Message } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Delete for me and clear history', () => {
  const world = sdkWorld(['wes', 'xia', 'yan']);
  const open = (user: string) => world.open(user);
  const httpHistory = async (user: string, conversationId: string) => {
    const res = await fetchWithin(`${world.server.httpUrl}/v1/conversations/${encodeURIComponent(conversationId)}/messages?from=1`, {
      headers: { authorization: `Bearer ${world.tokens[user]}` },
    });
    assert.equal(res.status, 200);
    return (await res.json()) as { messages: { seq: number }[]; holes: number[] };
  };


  test('a message deleted for me is a hole in my history on every device, and stays in the other side’s', async () => {
    const wes = await open('wes');
    const wes2 = await open('wes');
    const xia = await open('xia');
    const d = directConversationId('wes', 'xia');
    for (let i = 1; i <= 5; i++) await xia.client.send({ to: 'wes', text: `m${i}` });
    await waitUntil(() => wes.client.cursor(d) === 5, WAIT_MS, 'wes has all five');

    const ack = await wes.client.deleteForMe(d, 2);
    assert.equal(ack.conversationId, 'n:wes', 'recorded in wes’s notice conversation');
    await waitUntil(() => wes2.got.some((m) => m.type === MessageType.HISTORY), WAIT_MS, 'wes’s other device learns it');
    assert.deepEqual(wes2.got.find((m) => m.type === MessageType.HISTORY)!.history, { op: 'hide', conversationId: d, seq: 2 });
    assert.deepEqual((await wes.client.pull(d, 1)).map((m) => m.seq), [1, 3, 4, 5]);
    assert.deepEqual((await xia.client.pull(d, 1)).map((m) => m.seq), [1, 2, 3, 4, 5], 'xia keeps it');
    const page = await httpHistory('wes', d);
    assert.deepEqual([page.messages.map((m) => m.seq), page.holes], [[1, 3, 4, 5], [2]], 'the HTTP history reports it as a hole');

    await assert.rejects(wes.client.deleteForMe(d, 2), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(wes.client.deleteForMe(d, 99), { code: ErrorCode.MESSAGE_NOT_FOUND });
    const yan = await open('yan');
    await assert.rejects(yan.client.deleteForMe(d, 1), { code: ErrorCode.NOT_MEMBER });
  });

  test('clearing a history hides everything up to a seq for me; a new device of mine starts after it; unread counts after it', async () => {
    const wes = await open('wes');
    const yan = await open('yan');
    const d = directConversationId('wes', 'yan');
    for (let i = 1; i <= 4; i++) await yan.client.send({ to: 'wes', text: `old ${i}` });
    await waitUntil(() => wes.client.cursor(d) === 4, WAIT_MS, 'wes has them');
    await wes.client.clearHistory(d); // up to what was delivered: 4
    await yan.client.send({ to: 'wes', text: 'new 5' });
    await waitUntil(() => wes.client.cursor(d) === 5, WAIT_MS, 'wes gets the new one');
    assert.deepEqual((await wes.client.pull(d, 1)).map((m) => m.seq), [5]);
    assert.deepEqual((await yan.client.pull(d, 1)).map((m) => m.seq), [1, 2, 3, 4, 5], 'yan keeps everything');
    await assert.rejects(wes.client.deleteForMe(d, 3), { code: ErrorCode.MESSAGE_NOT_FOUND }, 'already cleared');
    await assert.rejects(wes.client.clearHistory(d, 2), { code: ErrorCode.MESSAGE_NOT_FOUND }, 'already cleared');

    const fresh = await open('wes');
    const state = fresh.client.conversation(d)!;
    assert.equal(state.clearedSeq, 4);
    assert.equal(state.unread, 1, 'only the message after the cleared point');
    await waitUntil(() => fresh.got.some((m) => m.conversationId === d && m.seq === 5), WAIT_MS, 'the new device gets seq 5');
    assert.deepEqual(fresh.got.filter((m) => m.conversationId === d).map((m) => m.seq), [5], 'and nothing it cleared');
  });

  test('paging backwards through history skips what I deleted and stops at the start', async () => {
    const yan = await open('yan');
    const xia = await open('xia');
    const d = directConversationId('xia', 'yan');
    for (let i = 1; i <= 10; i++) await xia.client.send({ to: 'yan', text: `p${i}` });
    await waitUntil(() => yan.client.cursor(d) === 10, WAIT_MS, 'yan has ten');
    await yan.client.deleteForMe(d, 8);
    const texts = (ms: Message[]) => ms.map((m) => m.text);
    const newest = await yan.client.history(d, { limit: 4 });
    assert.deepEqual(texts(newest), ['p6', 'p7', 'p9', 'p10'], 'four messages, the deleted one skipped');
    const older = await yan.client.history(d, { before: newest[0]!.seq, limit: 4 });
    assert.deepEqual(texts(older), ['p2', 'p3', 'p4', 'p5']);
    assert.deepEqual(texts(await yan.client.history(d, { before: older[0]!.seq, limit: 4 })), ['p1']);
    assert.deepEqual(await yan.client.history(d, { before: 1 }), [], 'the start');
  });
});
