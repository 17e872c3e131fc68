import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { tempDir } from '@parley/testkit';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
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
