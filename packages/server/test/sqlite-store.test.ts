import { rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { tempDir } from '@parley/testkit';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { mediaStoreContract } from './media-store-contract.ts';
import { storeContract } from './store-contract.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('SqliteStore', async () => {
  const file = join(dir, `c${n++}.db`);
  return {
    store: new ChatStore(new SqliteStore({ file, synchronous: 'normal' })),
    reopen: async () => new ChatStore(new SqliteStore({ file, synchronous: 'normal' })),
  };
});

// Again with every group of more than 3 members large, so the large-group change feed runs the same contract.
storeContract('SqliteStore, large groups from 4 members', async () => {
  const file = join(dir, `c${n++}.db`);
  return {
    store: new ChatStore(new SqliteStore({ file, synchronous: 'normal' }), { largeGroupThreshold: 3 }),
    reopen: async () => new ChatStore(new SqliteStore({ file, synchronous: 'normal' }), { largeGroupThreshold: 3 }),
  };
});

mediaStoreContract('SqliteStore', async () => new SqliteStore({ file: join(dir, `c${n++}.db`), synchronous: 'normal' }));

test('SqliteStore › a sync page is never withheld: one writer, nothing to wait for', async () => {
  const store = new ChatStore(new SqliteStore({ file: join(dir, `c${n++}.db`), synchronous: 'normal' }));
  try {
    await store.createUser({ id: 'ann', displayName: 'ann', passwordHash: null, createdAt: 0 });
    const page = await store.changesSince('ann', { version: 0, conversationId: '' }, 10);
    assert.equal(page.withheld, undefined);
  } finally {
    await store.close();
  }
});
