/**
 * The SessionStore contract (session-store-contract.ts) against the memory store,
 * and a check that the contract catches a store that breaks it. The same cases
 * run against the IndexedDB store in Chromium (indexeddb-session-store.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode, IndexedDbSessionStore, MemorySessionStore, ParleyError, type OutboxEntry, type SessionState } from '../src/index.ts';
import { sessionStoreContract, type OpenStore } from './session-store-contract.ts';

/** Memory stores by name: "reopening" in one process hands back the same store. */
function memoryStores(): OpenStore {
  const stores = new Map<string, MemorySessionStore>();
  return async (name) => {
    let store = stores.get(name);
    if (!store) stores.set(name, (store = new MemorySessionStore()));
    return store;
  };
}

for (const c of sessionStoreContract) {
  test(`SessionStore contract › memory › ${c.name}`, async () => {
    const open = memoryStores();
    await c.write(open);
    await c.check(open);
  });
}

/** Loses the order of the outbox: lists it by id. */
class SortingStore extends MemorySessionStore {
  override async load(): Promise<SessionState> {
    const state = await super.load();
    return { ...state, outbox: [...state.outbox].sort((a: OutboxEntry, b: OutboxEntry) => a.clientMsgId.localeCompare(b.clientMsgId)) };
  }
}

test('SessionStore contract › catches a store that reorders its outbox', async () => {
  const stores = new Map<string, SortingStore>();
  const open: OpenStore = async (name) => stores.get(name) ?? (stores.set(name, new SortingStore()), stores.get(name)!);
  const ordered = sessionStoreContract.find((c) => c.name.startsWith('outbox entries survive'))!;
  await ordered.write(open);
  await assert.rejects(ordered.check(open), /the outbox order/);
});

test('IndexedDbSessionStore › in Node (no indexedDB) open() rejects with UNAVAILABLE, and importing the SDK touched nothing', async () => {
  assert.equal((globalThis as { indexedDB?: unknown }).indexedDB, undefined);
  await assert.rejects(IndexedDbSessionStore.open('node'), (err: unknown) => err instanceof ParleyError && err.code === ErrorCode.UNAVAILABLE && /IndexedDB is not available/.test(err.message));
});
