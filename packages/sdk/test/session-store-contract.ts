/**
 * What every SessionStore must do, as cases that run against any store: the
 * memory store in Node (session-store.test.ts) and the IndexedDB store inside
 * Chromium (indexeddb-session-store.test.ts), across a real page reload there.
 *
 * Each case writes in one phase and checks in another; between the two the
 * harness reopens its stores (the browser harness reloads the page, so the check
 * sees only what reached IndexedDB). This file is bundled for the page, so it
 * uses no Node modules: its own small assertions throw plain Errors.
 */
import type { OutboxEntry, SessionState, SessionStore, UploadRecord } from '../src/session-store.ts';

/** Opens the store called `name`; the same name gives the same data, across reopens. */
export type OpenStore = (name: string) => Promise<SessionStore>;

export interface ContractCase {
  name: string;
  write(open: OpenStore): Promise<void>;
  /** Runs after the stores were reopened (for IndexedDB: after a page reload). */
  check(open: OpenStore): Promise<void>;
}

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(canonical(actual));
  const e = JSON.stringify(canonical(expected));
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function assertBytes(actual: unknown, what: string): void {
  if (!(actual instanceof Uint8Array)) throw new Error(`${what}: expected a Uint8Array, got ${Object.prototype.toString.call(actual)}`);
}

function entry(clientMsgId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { clientMsgId, to: 'bob', type: 1, body: new TextEncoder().encode(`text of ${clientMsgId}`), createdAt: 1_700_000_000_000, ...extra };
}

function upload(key: string, parts = 1): UploadRecord {
  const size = 1000 * parts;
  return {
    key,
    sha256: key.split(':')[0]!,
    size,
    name: `${key}.bin`,
    mime: 'application/octet-stream',
    parts: Array.from({ length: parts }, (_, i) => ({ url: `/v1/uploads/${key}-${i}`, start: i * 1000, end: (i + 1) * 1000 })),
    createdAt: 1_700_000_000_000,
  };
}

async function loaded(open: OpenStore, name: string): Promise<SessionState & { uploads: UploadRecord[] }> {
  const state = await (await open(name)).load();
  return { ...state, uploads: state.uploads ?? [] };
}

export const sessionStoreContract: ContractCase[] = [
  {
    name: 'a new store loads empty',
    async write(open) {
      assertEqual(await loaded(open, 'empty'), { syncToken: '', cursors: {}, outbox: [], uploads: [] }, 'a new store');
    },
    async check(open) {
      assertEqual(await loaded(open, 'empty'), { syncToken: '', cursors: {}, outbox: [], uploads: [] }, 'a new store, reopened');
    },
  },
  {
    name: 'outbox entries survive, oldest first, with every field and binary bodies',
    async write(open) {
      const store = await open('outbox');
      await store.putOutbox(entry('m-3', { conversationId: 'g:team', to: undefined, mentions: ['alice', 'carol'], mentionAll: true, replyTo: 7 }));
      await store.putOutbox(entry('m-1', { body: new Uint8Array([0, 255, 1, 128]) }));
      await store.putOutbox(entry('m-2', { type: 4, body: new Uint8Array(256 * 1024).fill(7) }));
    },
    async check(open) {
      const { outbox } = await loaded(open, 'outbox');
      assertEqual(outbox.map((e) => e.clientMsgId), ['m-3', 'm-1', 'm-2'], 'the outbox order (the order entries were stored, not their ids)');
      assertEqual(outbox[0], entry('m-3', { conversationId: 'g:team', to: undefined, mentions: ['alice', 'carol'], mentionAll: true, replyTo: 7 }), 'a group send');
      assertEqual(outbox[1], entry('m-1', { body: new Uint8Array([0, 255, 1, 128]) }), 'a direct send');
      for (const e of outbox) assertBytes(e.body, `the body of ${e.clientMsgId}`);
      assertEqual(outbox[2]!.body.length, 256 * 1024, 'a large body');
      assertEqual(outbox[2]!.body.every((b) => b === 7), true, 'the bytes of a large body');
    },
  },
  {
    name: 'storing an entry again replaces it in its place',
    async write(open) {
      const store = await open('replace');
      await store.putOutbox(entry('a'));
      await store.putOutbox(entry('b'));
      await store.putOutbox(entry('a', { createdAt: 42 }));
    },
    async check(open) {
      const { outbox } = await loaded(open, 'replace');
      assertEqual(outbox.map((e) => `${e.clientMsgId}@${e.createdAt}`), ['a@42', 'b@1700000000000'], 'the outbox');
    },
  },
  {
    name: 'a deleted outbox entry stays deleted; deleting a missing one is harmless',
    async write(open) {
      const store = await open('delete');
      for (const id of ['a', 'b', 'c']) await store.putOutbox(entry(id));
      await store.deleteOutbox('b');
      await store.deleteOutbox('never-stored');
      await store.putOutbox(entry('d'));
    },
    async check(open) {
      const store = await open('delete');
      assertEqual((await store.load()).outbox.map((e) => e.clientMsgId), ['a', 'c', 'd'], 'the outbox after deletes');
      await store.deleteOutbox('a');
      await store.deleteOutbox('c');
      await store.deleteOutbox('d');
      assertEqual((await store.load()).outbox, [], 'the outbox emptied');
    },
  },
  {
    name: 'cursors are kept per conversation, the latest write winning',
    async write(open) {
      const store = await open('cursors');
      await store.saveCursor('d:alice:bob', 3);
      await store.saveCursor('g:team', 10);
      await store.saveCursor('d:alice:bob', 9);
      await store.saveCursor('g:team', 12);
      await store.saveCursor('g:other', 1);
    },
    async check(open) {
      assertEqual((await loaded(open, 'cursors')).cursors, { 'd:alice:bob': 9, 'g:team': 12, 'g:other': 1 }, 'the cursors');
    },
  },
  {
    name: 'the sync token is kept, the latest write winning',
    async write(open) {
      const store = await open('token');
      await store.saveSyncToken('token-1');
      await store.saveSyncToken('token-2 with spaces and ünïcode');
    },
    async check(open) {
      assertEqual((await loaded(open, 'token')).syncToken, 'token-2 with spaces and ünïcode', 'the sync token');
    },
  },
  {
    name: 'writes made without waiting are applied in the order they were made',
    async write(open) {
      const store = await open('order');
      // Issued back to back, as a busy client may: each later write must win over the earlier one.
      await Promise.all([
        store.saveCursor('c', 1),
        store.putOutbox(entry('x')),
        store.saveCursor('c', 2),
        store.saveSyncToken('t1'),
        store.deleteOutbox('x'),
        store.putOutbox(entry('y')),
        store.saveCursor('c', 3),
        store.putOutbox(entry('x', { createdAt: 5 })),
        store.saveSyncToken('t2'),
        store.deleteOutbox('y'),
      ]);
    },
    async check(open) {
      const state = await loaded(open, 'order');
      assertEqual({ cursors: state.cursors, token: state.syncToken, outbox: state.outbox.map((e) => `${e.clientMsgId}@${e.createdAt}`) }, { cursors: { c: 3 }, token: 't2', outbox: ['x@5'] }, 'the state after back-to-back writes');
    },
  },
  {
    name: 'upload records are kept, replaced by key and deleted',
    async write(open) {
      const store = await open('uploads');
      if (!store.putUpload || !store.deleteUpload) throw new Error('this store keeps no upload records');
      await store.putUpload(upload('aa:1000'));
      await store.putUpload(upload('bb:3000', 3));
      await store.putUpload(upload('cc:1000'));
      await store.putUpload({ ...upload('aa:1000'), name: 'renamed.bin' });
      await store.deleteUpload('cc:1000');
      await store.deleteUpload('never-stored');
    },
    async check(open) {
      const uploads = (await loaded(open, 'uploads')).uploads.sort((a, b) => a.key.localeCompare(b.key));
      assertEqual(uploads, [{ ...upload('aa:1000'), name: 'renamed.bin' }, upload('bb:3000', 3)], 'the upload records');
    },
  },
  {
    name: 'stores of different names do not share anything',
    async write(open) {
      const a = await open('user-a');
      const b = await open('user-b');
      await a.putOutbox(entry('from-a'));
      await a.saveCursor('c', 5);
      await a.saveSyncToken('token-a');
      await b.putOutbox(entry('from-b'));
    },
    async check(open) {
      const a = await loaded(open, 'user-a');
      const b = await loaded(open, 'user-b');
      assertEqual(a.outbox.map((e) => e.clientMsgId), ['from-a'], "user-a's outbox");
      assertEqual({ cursors: b.cursors, token: b.syncToken, outbox: b.outbox.map((e) => e.clientMsgId) }, { cursors: {}, token: '', outbox: ['from-b'] }, "user-b's state");
    },
  },
];
