/**
 * The SessionStore of a signed-in user: the SDK's IndexedDbSessionStore, so the
 * outbox, cursors, sync token and unfinished uploads survive a reload. Where
 * IndexedDB cannot be opened (some private modes), the SDK's in-memory store.
 */
import { IndexedDbSessionStore, type SessionStore } from '@parley/sdk';

export async function openStore(userId: string): Promise<SessionStore | undefined> {
  try {
    return await IndexedDbSessionStore.open(userId);
  } catch {
    return undefined;
  }
}

/** Sign-out: this browser keeps nothing of the account. */
export async function destroyStore(userId: string): Promise<void> {
  await IndexedDbSessionStore.destroy(userId).catch(() => undefined);
}
