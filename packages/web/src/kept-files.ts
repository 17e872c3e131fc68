/**
 * The files a person attached whose message is not sent yet, kept in IndexedDB
 * (a Blob is structured-cloneable), so an upload a reload cut short resumes by
 * itself: the SDK's `upload()` picks up from the server's offset (its own record
 * in the SessionStore), and the app only needs the bytes back. One small
 * database per user, apart from the SDK's; a record is deleted once its message
 * is sent or the upload cancelled. Where IndexedDB is unavailable every call
 * does nothing (the upload then resumes only if the file is attached again).
 */
export interface KeptFile {
  id: string;
  conversationId: string;
  name: string;
  blob: Blob;
  createdAt: number;
}

const STORE = 'files';

function dbName(userId: string): string {
  return `parley-web-files:${userId}`;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export class KeptFiles {
  private db: Promise<IDBDatabase | undefined>;

  constructor(userId: string) {
    this.db = new Promise<IDBDatabase | undefined>((resolve) => {
      try {
        const open = indexedDB.open(dbName(userId), 1);
        open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => resolve(undefined);
        open.onblocked = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    });
  }

  private async run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
    const db = await this.db;
    if (!db) return undefined;
    try {
      const tx = db.transaction(STORE, mode);
      const result = await request(op(tx.objectStore(STORE)));
      // A write counts once its transaction is committed (a reload right after must find it).
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      return result;
    } catch {
      return undefined; // quota, or the database went away: the send goes on without the safety copy
    }
  }

  async put(file: KeptFile): Promise<void> {
    await this.run('readwrite', (s) => s.put(file));
  }

  async delete(id: string): Promise<void> {
    await this.run('readwrite', (s) => s.delete(id));
  }

  async all(): Promise<KeptFile[]> {
    return ((await this.run('readonly', (s) => s.getAll())) as KeptFile[] | undefined) ?? [];
  }

  async close(): Promise<void> {
    (await this.db)?.close();
  }

  /** Sign-out: the files go with the rest of the account's local data. */
  static async destroy(userId: string): Promise<void> {
    await new Promise<void>((resolve) => {
      try {
        const r = indexedDB.deleteDatabase(dbName(userId));
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      } catch {
        resolve();
      }
    });
  }
}
