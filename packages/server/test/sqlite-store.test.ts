import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { tempDir } from '@parley/testkit';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { ChatService } from '../src/chat/chat-service.ts';
import type { AppendRequest, AppendResult } from '../src/chat/types.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const conv = directConversationId('ann', 'ben');

function req(clientMsgId: string, body = clientMsgId, senderId = 'ann'): AppendRequest {
  return {
    senderId,
    senderDevice: 'dev',
    clientMsgId,
    conversationId: conv,
    directMembers: ['ann', 'ben'],
    type: 1,
    body: new TextEncoder().encode(body),
  };
}

/** The successful result, or a failed assertion. */
function ok(r: AppendResult | undefined): Extract<AppendResult, { ok: true }> {
  assert.ok(r?.ok, `expected success, got ${JSON.stringify(r)}`);
  return r;
}

/** The failure code, or a failed assertion. */
function failure(r: AppendResult | undefined): string {
  assert.ok(r && !r.ok, `expected failure, got ${JSON.stringify(r)}`);
  return r.code;
}

async function freshStore(): Promise<{ store: SqliteStore; file: string }> {
  const file = join(dir, `s${n++}.db`);
  const store = new SqliteStore({ file, synchronous: 'normal' });
  for (const id of ['ann', 'ben', 'cat']) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  return { store, file };
}

describe('SqliteStore', () => {
  let store: SqliteStore;
  let file: string;
  beforeEach(async () => ({ store, file } = await freshStore()));

  test('assigns gap-free seqs within and across batches', async () => {
    const first = await store.appendMessages([req('a'), req('b'), req('c')]);
    const second = await store.appendMessages([req('d'), req('e', 'e', 'ben')]);
    const seqs = [...first, ...second].map((r) => ok(r).message.seq);
    assert.deepEqual(seqs, [1, 2, 3, 4, 5]);
    const read = await store.readMessages(conv, 1, 100, 100);
    assert.deepEqual(read.map((m) => m.clientMsgId), ['a', 'b', 'c', 'd', 'e']);
  });

  test('dedups by (sender, clientMsgId) within a batch and across batches', async () => {
    const [first, second] = await store.appendMessages([req('x'), req('x')]);
    const a = ok(first);
    const again = ok(second);
    assert.equal(again.duplicate, true);
    assert.equal(again.message.seq, a.message.seq);
    assert.equal(again.message.id, a.message.id);
    const later = ok((await store.appendMessages([req('x')]))[0]);
    assert.ok(later.duplicate && later.message.id === a.message.id);
    // Another sender may use the same clientMsgId.
    const other = ok((await store.appendMessages([req('x', 'x', 'ben')]))[0]);
    assert.ok(!other.duplicate && other.message.seq === 2);
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
    const all = await store.changesSince('ann', { version: 0, conversationId: '' }, 10);
    assert.deepEqual(all.conversations.map((c) => c.conversationId), convs);
    assert.equal(all.more, false);
    const page1 = await store.changesSince('ann', { version: 0, conversationId: '' }, 1);
    assert.equal(page1.more, true);
    const page2 = await store.changesSince('ann', page1.next, 1);
    assert.deepEqual([...page1.conversations, ...page2.conversations].map((c) => c.conversationId), convs);
    assert.equal((await store.changesSince('ann', all.next, 10)).conversations.length, 0);
    await store.appendMessages([req('3')]);
    const changed = await store.changesSince('ann', all.next, 10);
    assert.deepEqual(changed.conversations.map((c) => [c.conversationId, c.maxSeq]), [[convs[0], 2]]);
    assert.equal((await store.changesSince('cat', all.next, 10)).conversations.length, 0);
  });

  test('keeps everything across a reopen, with the same store id', async () => {
    await store.appendMessages([req('p'), req('q')]);
    const id = store.storeId;
    await store.close();
    const reopened = new SqliteStore({ file, synchronous: 'normal' });
    assert.equal(reopened.storeId, id);
    assert.equal(ok((await reopened.appendMessages([req('r')]))[0]).message.seq, 3);
    const dup = ok((await reopened.appendMessages([req('p')]))[0]);
    assert.ok(dup.duplicate && dup.message.seq === 1);
    await reopened.close();
  });
});

describe('ChatService', () => {
  test('commits sends that arrive together in one transaction, with gap-free seqs', async () => {
    const { store } = await freshStore();
    const chat = new ChatService(store, new LocalBus(), { maxBodyBytes: 1000, maxBatch: 512, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20, typingPushMax: 50, recallWindowMs: 120000, maxCustomBytes: 4096 });
    const caller = { userId: 'ann', deviceId: 'd', sessionId: 's' };
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => chat.send(caller, { to: 'ben', clientMsgId: `c${i}`, type: 1, body: new Uint8Array([i % 128]) })),
    );
    assert.deepEqual(results.map((r) => r.message.seq), Array.from({ length: 300 }, (_, i) => i + 1));
    assert.equal(chat.commitStats.committed, 300);
    assert.ok(chat.commitStats.batches <= 2, `${chat.commitStats.batches} transactions for 300 concurrent sends`);
    await store.close();
  });

  test('pull reports a range with holes and respects limit', async () => {
    const { store } = await freshStore();
    const chat = new ChatService(store, new LocalBus(), { maxBodyBytes: 1000, maxBatch: 512, pullMaxLimit: 3, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20, typingPushMax: 50, recallWindowMs: 120000, maxCustomBytes: 4096 });
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
    await store.close();
  });
});
