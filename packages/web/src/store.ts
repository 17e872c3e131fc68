/**
 * The SessionStore of a signed-in user: IndexedDB when the SDK ships one (the
 * outbox, cursors, sync token and uploads then survive a reload), else the
 * SDK's default in-memory store (undefined here).
 */
import type { SessionStore } from '@parley/sdk';

export async function openStore(_userId: string): Promise<SessionStore | undefined> {
  return undefined;
}
