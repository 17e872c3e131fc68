/**
 * PostgresStore: the store contract (twice, as for SQLite), then what only a
 * store shared by several nodes must do: concurrent appends through two
 * instances, a change feed that never skips a slow transaction, and surviving
 * lost connections. Needs PostgreSQL (PARLEY_TEST_POSTGRES_URL, default the local
 * server); without it these tests fail rather than skip.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { directConversationId, ErrorCode, GroupOp, MessageType } from '@parley/protocol';
import { createTestDatabase, postgresAdmin, startFaultProxy, type TestDatabase } from '@parley/testkit';
import type { AppendRequest, AppendResult, ChangeCursor, Store } from '../src/chat/types.ts';
import { PostgresStore, type PostgresStoreOptions } from '../src/store/postgres/postgres-store.ts';
import { storeContract } from './store-contract.ts';

const databases: TestDatabase[] = [];
const stores: Store[] = [];
after(async () => {
  for (const db of databases) await db.drop();
});

async function freshDatabase(): Promise<string> {
  const db = await createTestDatabase();
  databases.push(db);
  return db.url;
}

storeContract('PostgresStore', async () => {
  const url = await freshDatabase();
  return { store: await PostgresStore.open({ url, poolSize: 4 }), reopen: () => PostgresStore.open({ url, poolSize: 4 }) };
});

storeContract('PostgresStore, large groups from 4 members', async () => {
  const url = await freshDatabase();
  const options = { url, poolSize: 4, largeGroupThreshold: 3 };
  return { store: await PostgresStore.open(options), reopen: () => PostgresStore.open(options) };
});
