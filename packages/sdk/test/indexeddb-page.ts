/**
 * Bundled into the page by indexeddb-session-store.test.ts: runs the SessionStore
 * contract's phases against IndexedDbSessionStore.
 */
import { IndexedDbSessionStore } from '../src/indexeddb-session-store.ts';
import type { SessionStore } from '../src/session-store.ts';
import { sessionStoreContract, type OpenStore } from './session-store-contract.ts';

/** Each case gets its own stores (`<run>:<case>:<name>`); one open store per name per page load. */
function opener(run: string, caseIndex: number): OpenStore {
  const open = new Map<string, Promise<SessionStore>>();
  return (name) => {
    const full = `${run}:${caseIndex}:${name}`;
    let store = open.get(full);
    if (!store) open.set(full, (store = IndexedDbSessionStore.open(full)));
    return store;
  };
}

/** Run one phase of every case; returns the failures as `name: message`. */
export async function runPhase(run: string, phase: 'write' | 'check'): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, c] of sessionStoreContract.entries()) {
    try {
      await c[phase](opener(run, i));
    } catch (err) {
      failures.push(`${c.name}: ${(err as Error).message}`);
    }
  }
  return failures;
}

export const caseNames = sessionStoreContract.map((c) => c.name);
