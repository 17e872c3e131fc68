/**
 * The SessionStore for browsers: the outbox, the cursors, the sync token and the
 * unfinished uploads kept in IndexedDB, so a page reload, a closed tab or a
 * browser restart loses no unacked send and re-delivers no message.
 *
 * One database per name (`parley-session:<name>`; use one name per signed-in user,
 * since the state belongs to one account on one device). Every write is its own
 * readwrite transaction with `durability: 'strict'` and resolves only when the
 * transaction completes, i.e. once the browser reports it written to disk: the
 * delivery contract needs an outbox entry stored before it is transmitted.
 * Writes are applied in the order they are made (IndexedDB runs overlapping
 * readwrite transactions on the same stores in creation order; the SDK also
 * issues them one at a time).
 *
 * Nothing here touches `indexedDB` until `open()` is called, so importing the SDK
 * in Node is safe.
 */
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { OutboxEntry, SessionState, SessionStore, UploadRecord } from './session-store.ts';

/** Schema version: bump and extend `upgrade` when the layout changes (never rewrite an old step). */
const SCHEMA_VERSION = 1;
const META = 'meta';
const CURSORS = 'cursors';
const OUTBOX = 'outbox';
const UPLOADS = 'uploads';
const SYNC_TOKEN_KEY = 'syncToken';
/** Opening waits on other tabs holding an older version; it must still settle. */
const OPEN_TIMEOUT_MS = 15_000;

export interface IndexedDbSessionStoreOptions {
  /** The IndexedDB factory (default: `globalThis.indexedDB`). */
  indexedDB?: IDBFactory;
  /** Bound on opening the database (default 15 s); past it, open() rejects with UNAVAILABLE. */
  openTimeoutMs?: number;
}

/** The database name used for a store name. */
export function indexedDbSessionName(name: string): string {
  return `parley-session:${name}`;
}

function factoryOf(options: IndexedDbSessionStoreOptions): IDBFactory {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new ParleyError(ErrorCode.UNAVAILABLE, 'IndexedDB is not available here (IndexedDbSessionStore is for browsers)', { retryable: false });
  return factory;
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(META);
    db.createObjectStore(CURSORS);
    // Auto-incremented keys keep the outbox in the order entries were first stored;
    // the unique index finds an entry by its clientMsgId.
    const outbox = db.createObjectStore(OUTBOX, { autoIncrement: true });
    outbox.createIndex('clientMsgId', 'clientMsgId', { unique: true });
    db.createObjectStore(UPLOADS, { keyPath: 'key' });
  }
}

function openDatabase(factory: IDBFactory, dbName: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new ParleyError(ErrorCode.UNAVAILABLE, `IndexedDB ${dbName} did not open within ${timeoutMs} ms (another tab may hold an older version open)`, { retryable: true }));
    }, timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(dbName, SCHEMA_VERSION);
    } catch (err) {
      clearTimeout(timer);
      reject(storeError(`IndexedDB ${dbName} could not be opened`, err));
      return;
    }
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      if (settled) db.close(); // timed out meanwhile: nobody will use it
      else resolve(db);
      settled = true;
    };
    request.onerror = () => {
      clearTimeout(timer);
      if (!settled) reject(storeError(`IndexedDB ${dbName} could not be opened`, request.error));
      settled = true;
    };
  });
}

function storeError(what: string, cause: unknown): ParleyError {
  const detail = cause instanceof Error || (typeof DOMException !== 'undefined' && cause instanceof DOMException) ? `${(cause as Error).name}: ${(cause as Error).message}` : String(cause);
  return new ParleyError(ErrorCode.UNAVAILABLE, `${what}: ${detail}`, { retryable: true, cause });
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export class IndexedDbSessionStore implements SessionStore {
  private db: IDBDatabase | null;
  /** A reopen under way, shared by the calls that wait for it. */
  private reopening: Promise<IDBDatabase> | null = null;
  private closed = false;

  private constructor(
    readonly name: string,
    db: IDBDatabase,
    private readonly factory: IDBFactory,
    private readonly openTimeoutMs: number,
  ) {
    this.db = null;
    this.attach(db);
  }

  /** Open (creating or upgrading) the store called `name`. */
  static async open(name: string, options: IndexedDbSessionStoreOptions = {}): Promise<IndexedDbSessionStore> {
    const factory = factoryOf(options);
    const timeoutMs = options.openTimeoutMs ?? OPEN_TIMEOUT_MS;
    const db = await openDatabase(factory, indexedDbSessionName(name), timeoutMs);
    return new IndexedDbSessionStore(name, db, factory, timeoutMs);
  }

  /** Delete the store called `name` with everything in it (e.g. on sign-out). Close open stores of that name first. */
  static async destroy(name: string, options: IndexedDbSessionStoreOptions = {}): Promise<void> {
    const factory = factoryOf(options);
    const request = factory.deleteDatabase(indexedDbSessionName(name));
    await new Promise<void>((resolve, reject) => {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(storeError(`IndexedDB ${indexedDbSessionName(name)} could not be deleted`, request.error));
      request.onblocked = () => reject(new ParleyError(ErrorCode.UNAVAILABLE, `IndexedDB ${indexedDbSessionName(name)} is still open elsewhere; close it first`, { retryable: true }));
    });
  }

  /** Close the database; later calls reject. */
  close(): void {
    this.closed = true;
    this.db?.close();
    this.db = null;
  }

  async load(): Promise<SessionState> {
    const db = await this.database();
    const tx = db.transaction([META, CURSORS, OUTBOX, UPLOADS], 'readonly');
    const [token, cursorKeys, cursorValues, outbox, uploads] = await Promise.all([
      requestResult(tx.objectStore(META).get(SYNC_TOKEN_KEY)),
      requestResult(tx.objectStore(CURSORS).getAllKeys()),
      requestResult(tx.objectStore(CURSORS).getAll()),
      requestResult(tx.objectStore(OUTBOX).getAll()),
      requestResult(tx.objectStore(UPLOADS).getAll()),
    ]).catch((err: unknown) => {
      throw storeError('the session could not be read from IndexedDB', err);
    });
    const cursors: Record<string, number> = {};
    cursorKeys.forEach((key, i) => (cursors[String(key)] = cursorValues[i] as number));
    return {
      syncToken: typeof token === 'string' ? token : '',
      cursors,
      outbox: outbox as OutboxEntry[],
      uploads: uploads as UploadRecord[],
    };
  }

  saveSyncToken(token: string): Promise<void> {
    return this.write([META], 'the sync token', (tx) => tx.objectStore(META).put(token, SYNC_TOKEN_KEY));
  }

  saveCursor(conversationId: string, seq: number): Promise<void> {
    return this.write([CURSORS], `the cursor of ${conversationId}`, (tx) => tx.objectStore(CURSORS).put(seq, conversationId));
  }

  putOutbox(entry: OutboxEntry): Promise<void> {
    return this.write([OUTBOX], `outbox entry ${entry.clientMsgId}`, (tx) => {
      const store = tx.objectStore(OUTBOX);
      // Replacing an entry keeps its place in the order.
      const existing = store.index('clientMsgId').getKey(entry.clientMsgId);
      existing.onsuccess = () => {
        if (existing.result === undefined) store.add(entry);
        else store.put(entry, existing.result);
      };
    });
  }

  deleteOutbox(clientMsgId: string): Promise<void> {
    return this.write([OUTBOX], `outbox entry ${clientMsgId}`, (tx) => {
      const store = tx.objectStore(OUTBOX);
      const existing = store.index('clientMsgId').getKey(clientMsgId);
      existing.onsuccess = () => {
        if (existing.result !== undefined) store.delete(existing.result);
      };
    });
  }

  putUpload(record: UploadRecord): Promise<void> {
    return this.write([UPLOADS], `upload ${record.key}`, (tx) => tx.objectStore(UPLOADS).put(record));
  }

  deleteUpload(key: string): Promise<void> {
    return this.write([UPLOADS], `upload ${key}`, (tx) => tx.objectStore(UPLOADS).delete(key));
  }

  /** One readwrite transaction; resolves when it has completed (durably), rejects when it aborts. */
  private async write(stores: string[], what: string, body: (tx: IDBTransaction) => void): Promise<void> {
    const db = await this.database();
    await new Promise<void>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
        body(tx);
      } catch (err) {
        reject(storeError(`${what} could not be written to IndexedDB`, err));
        return;
      }
      tx.oncomplete = () => resolve();
      // An error in a request aborts the transaction; abort covers both (and quota errors).
      tx.onabort = () => reject(storeError(`${what} could not be written to IndexedDB`, tx.error ?? 'aborted'));
    });
  }

  /** The open database, reopened if the browser closed it or another tab upgraded it. */
  private async database(): Promise<IDBDatabase> {
    if (this.closed) throw new ParleyError(ErrorCode.UNAVAILABLE, `the IndexedDbSessionStore ${this.name} is closed`, { retryable: false });
    if (this.db) return this.db;
    this.reopening ??= openDatabase(this.factory, indexedDbSessionName(this.name), this.openTimeoutMs)
      .then((db) => {
        if (this.closed) {
          db.close();
          throw new ParleyError(ErrorCode.UNAVAILABLE, `the IndexedDbSessionStore ${this.name} is closed`, { retryable: false });
        }
        this.attach(db);
        return db;
      })
      .finally(() => (this.reopening = null));
    return this.reopening;
  }

  private attach(db: IDBDatabase): void {
    this.db = db;
    // Another tab wants a newer schema (or to delete the database): let it, and reopen on the next call.
    db.onversionchange = () => {
      db.close();
      if (this.db === db) this.db = null;
    };
    // The browser closed it (storage cleared, disk error): reopen on the next call.
    db.onclose = () => {
      if (this.db === db) this.db = null;
    };
  }
}
