/**
 * The client's writes to its SessionStore, applied one at a time in the order
 * they were made. The order is part of the delivery contract: a sync token says
 * "everything listed up to here is held", so it must never reach the store ahead
 * of the cursors it covers (a crash between would leave messages the token
 * claims and no cursor records, never to be delivered), and an outbox entry must
 * be stored before its first transmission.
 *
 * Invariants:
 * - writes start in call order, each after the previous settled;
 * - cursor writes of one conversation queued back to back (no token write
 *   between them) collapse into the latest;
 * - a failed write is reported (`onError`), never thrown at the app; after any
 *   failed cursor or token write no sync token is saved again by this queue, so
 *   a restart re-lists what the failure may have lost (a stale token only costs
 *   a longer sync);
 * - putOutbox resolves only once stored, and rejects when the store refused it
 *   (the send must then not be transmitted).
 */
import type { OutboxEntry, SessionState, SessionStore, UploadRecord } from './session-store.ts';

type Op =
  | { kind: 'cursor'; conversationId: string; seq: number }
  | { kind: 'token'; token: string; done: () => void }
  | { kind: 'put'; entry: OutboxEntry; done: (err?: unknown) => void }
  | { kind: 'delete'; clientMsgId: string }
  | { kind: 'putUpload'; record: UploadRecord; done: () => void }
  | { kind: 'deleteUpload'; key: string };

export class StoreQueue {
  private readonly ops: Op[] = [];
  /** Cursor writes queued since the last token write, by conversation (so later ones replace them). */
  private readonly cursorsSinceToken = new Map<string, Extract<Op, { kind: 'cursor' }>>();
  private running = false;
  private idle: (() => void)[] = [];
  /** A cursor or token write failed: no token is saved any more. */
  private tokenUnsafe = false;

  constructor(
    private readonly store: SessionStore,
    private readonly onError: (err: Error) => void,
  ) {}

  load(): Promise<SessionState> {
    return this.store.load();
  }

  /** Store an outbox entry; resolves once stored, rejects if the store refused it. */
  putOutbox(entry: OutboxEntry): Promise<void> {
    return new Promise((resolve, reject) => this.push({ kind: 'put', entry, done: (err) => (err === undefined ? resolve() : reject(err)) }));
  }

  deleteOutbox(clientMsgId: string): void {
    this.push({ kind: 'delete', clientMsgId });
  }

  /** Remember an unfinished upload; resolves once stored (or failed: reported, the upload goes on). */
  putUpload(record: UploadRecord): Promise<void> {
    return new Promise((done) => this.push({ kind: 'putUpload', record, done }));
  }

  deleteUpload(key: string): void {
    this.push({ kind: 'deleteUpload', key });
  }

  saveCursor(conversationId: string, seq: number): void {
    const queued = this.cursorsSinceToken.get(conversationId);
    if (queued) {
      queued.seq = Math.max(queued.seq, seq);
      return;
    }
    const op: Extract<Op, { kind: 'cursor' }> = { kind: 'cursor', conversationId, seq };
    this.cursorsSinceToken.set(conversationId, op);
    this.push(op);
  }

  /** Resolves once the token is stored (or skipped, after a failed write), after every write queued before it. */
  saveSyncToken(token: string): Promise<void> {
    this.cursorsSinceToken.clear();
    return new Promise((done) => this.push({ kind: 'token', token, done }));
  }

  /** Resolves when every write queued so far has settled. */
  settled(): Promise<void> {
    if (!this.running && this.ops.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private push(op: Op): void {
    this.ops.push(op);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.ops.length > 0) {
      const op = this.ops.shift()!;
      if (op.kind === 'cursor' && this.cursorsSinceToken.get(op.conversationId) === op) this.cursorsSinceToken.delete(op.conversationId);
      try {
        await this.apply(op);
        if (op.kind === 'put' || op.kind === 'token' || op.kind === 'putUpload') op.done();
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        if (op.kind === 'cursor' || op.kind === 'token') this.tokenUnsafe = true;
        if (op.kind === 'put') op.done(error);
        else if (op.kind === 'token' || op.kind === 'putUpload') op.done();
        this.onError(error);
      }
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private apply(op: Op): Promise<void> {
    switch (op.kind) {
      case 'cursor':
        return this.store.saveCursor(op.conversationId, op.seq);
      case 'token':
        return this.tokenUnsafe ? Promise.resolve() : this.store.saveSyncToken(op.token);
      case 'put':
        return this.store.putOutbox(op.entry);
      case 'delete':
        return this.store.deleteOutbox(op.clientMsgId);
      case 'putUpload':
        return this.store.putUpload?.(op.record) ?? Promise.resolve();
      case 'deleteUpload':
        return this.store.deleteUpload?.(op.key) ?? Promise.resolve();
    }
  }
}
