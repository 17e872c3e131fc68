import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { tempDir } from '@parley/testkit';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { ChatService } from '../src/chat/chat-service.ts';
import type { AppendRequest, AppendResult } from '../src/chat/types.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { storeContract } from './store-contract.ts';

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


async function freshStore(): Promise<{ store: SqliteStore; file: string }> {
  const file = join(dir, `s${n++}.db`);
  const store = new SqliteStore({ file, synchronous: 'normal' });
  for (const id of ['ann', 'ben', 'cat']) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  return { store, file };
}

storeContract('SqliteStore', async () => {
  const file = join(dir, `c${n++}.db`);
  return {
    store: new SqliteStore({ file, synchronous: 'normal' }),
    reopen: async () => new SqliteStore({ file, synchronous: 'normal' }),
  };
});

// Again with every group of more than 3 members large, so the large-group change feed runs the same contract.
storeContract('SqliteStore, large groups from 4 members', async () => {
  const file = join(dir, `c${n++}.db`);
  return {
    store: new SqliteStore({ file, synchronous: 'normal', largeGroupThreshold: 3 }),
    reopen: async () => new SqliteStore({ file, synchronous: 'normal', largeGroupThreshold: 3 }),
  };
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
