/**
 * What the SDK remembers between runs of an app, behind an interface the app can
 * implement on its own storage (IndexedDB, a file, SQLite). The default keeps it
 * in memory, which survives reconnects but not an app restart.
 *
 * Write order matters for the contract: an outbox entry is saved before its first
 * transmission (so a crash cannot lose an unacked send), and removed only after
 * its ack. Cursors and the sync token may lag: lagging only costs a re-delivery
 * that the cursor then drops.
 */
export interface OutboxEntry {
  clientMsgId: string;
  /** Exactly one of `conversationId` and `to` is set. */
  conversationId?: string;
  to?: string;
  type: number;
  body: Uint8Array;
  /** ms since epoch when the app called send(). */
  createdAt: number;
  mentions?: string[];
  mentionAll?: boolean;
  replyTo?: number;
}

/** An upload in progress: the server's upload URLs for one content, so it can resume after a restart. */
export interface UploadRecord {
  /** `<sha256>:<size>`: only the same content resumes into it. */
  key: string;
  sha256: string;
  size: number;
  name: string;
  mime: string;
  /** The server's uploads: one, or the parts sent side by side and then joined. */
  parts: { url: string; start: number; end: number }[];
  createdAt: number;
}

export interface SessionState {
  syncToken: string;
  /** Highest seq delivered to the app, per conversation. */
  cursors: Record<string, number>;
  /** Unacked sends, oldest first. */
  outbox: OutboxEntry[];
  /** Unfinished uploads (a store without putUpload leaves this out: uploads then resume within a run only). */
  uploads?: UploadRecord[];
}

export interface SessionStore {
  load(): Promise<SessionState>;
  saveSyncToken(token: string): Promise<void>;
  saveCursor(conversationId: string, seq: number): Promise<void>;
  putOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(clientMsgId: string): Promise<void>;
  /** Remember an unfinished upload (optional: without it, uploads resume within a run only). */
  putUpload?(record: UploadRecord): Promise<void>;
  deleteUpload?(key: string): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  syncToken = '';
  readonly cursors = new Map<string, number>();
  readonly outbox = new Map<string, OutboxEntry>();
  readonly uploads = new Map<string, UploadRecord>();

  async load(): Promise<SessionState> {
    return { syncToken: this.syncToken, cursors: Object.fromEntries(this.cursors), outbox: [...this.outbox.values()], uploads: [...this.uploads.values()] };
  }

  async putUpload(record: UploadRecord): Promise<void> {
    this.uploads.set(record.key, record);
  }

  async deleteUpload(key: string): Promise<void> {
    this.uploads.delete(key);
  }

  async saveSyncToken(token: string): Promise<void> {
    this.syncToken = token;
  }

  async saveCursor(conversationId: string, seq: number): Promise<void> {
    this.cursors.set(conversationId, seq);
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    this.outbox.set(entry.clientMsgId, entry);
  }

  async deleteOutbox(clientMsgId: string): Promise<void> {
    this.outbox.delete(clientMsgId);
  }
}
