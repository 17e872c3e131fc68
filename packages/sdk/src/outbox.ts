/**
 * The outbox: sends not yet acknowledged by the server, resent with the same
 * clientMsgId (so the server stores each once) until acked or refused.
 *
 * Invariants:
 * - An entry is in the SessionStore before its first transmission, and leaves it
 *   after its ack or a refusal; close() and terminal outcomes leave it there, for
 *   the next session with the same store to send.
 * - One device's sends to one conversation are stored in the order the app
 *   called send(): per conversation, one send is on the wire at a time (the
 *   oldest unacked), the next only after its ack or refusal. A retry after an
 *   error, a lost ack or a reconnect therefore can never land behind a later
 *   send. Sends to different conversations go out side by side.
 * - A retryable refusal (RATE_LIMITED, UNAVAILABLE) keeps the entry; it is sent
 *   again after the backoff, and never before the refusal's `retryAfterMs`.
 * - Every send() promise settles: with the ack; with the server's refusal (not
 *   retryable; the entry is dropped); after `sendTimeoutMs` with the retryable
 *   UNAVAILABLE (the entry stays and is still sent: the 'ack' event reports it);
 *   or, on close() or a terminal outcome, with that error (not retryable here).
 * - A clientMsgId is pending at most once: a second send() with it while the
 *   first is pending is refused at once.
 */
import { directConversationId, ErrorCode, ParleyError } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { monotonicNow } from './clock.ts';
import type { OutboxEntry } from './session-store.ts';
import type { StoreQueue } from './store-queue.ts';
import type { SendAck } from './types.ts';

interface Pending {
  entry: OutboxEntry;
  /** Request id of the transmission on the current connection, if one is out. */
  requestId?: number;
  /** When it was last transmitted (monotonic ms). */
  sentAt: number;
  /** Not to be transmitted before this (monotonic ms), after a retryable error. */
  notBefore: number;
  attempts: number;
  /** The app's promise, while it waits. */
  promise?: { resolve: (ack: SendAck) => void; reject: (err: ParleyError) => void; timer?: ReturnType<typeof setTimeout> };
}

/** What the outbox needs of the connection. */
export interface OutboxLink {
  /** Connected and authenticated. */
  readonly ready: boolean;
  newRequestId(): number;
  write(frame: { id: number; send: object }): boolean;
  /** The authenticated user ('' before the first AuthOk). */
  readonly userId: string;
}

export interface OutboxHooks {
  /** A send was acknowledged: its message, as stored, is the app's to see. */
  acked(ack: SendAck, entry: OutboxEntry): void;
  /** The server refused a send for good. */
  refused(clientMsgId: string, error: ParleyError): void;
}

export class Outbox {
  /** Pending sends, in the order send() was called (Map order). */
  private readonly items = new Map<string, Pending>();
  /** clientMsgIds between send() and their entry being stored. */
  private readonly reserved = new Set<string>();
  private closedWith: ParleyError | undefined;

  constructor(
    private readonly link: OutboxLink,
    private readonly store: StoreQueue,
    private readonly options: { ackTimeoutMs: number; sendTimeoutMs: number; backoff: BackoffOptions },
    private readonly hooks: OutboxHooks,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** Entries a previous session left in the SessionStore, oldest first. */
  restore(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) {
      if (!this.items.has(entry.clientMsgId)) this.items.set(entry.clientMsgId, { entry, sentAt: 0, notBefore: 0, attempts: 0 });
    }
  }

  /** Store the entry, then send it; settles as the invariants above say. */
  async send(entry: OutboxEntry): Promise<SendAck> {
    const id = entry.clientMsgId;
    if (this.closedWith) throw this.closedWith;
    if (this.items.has(id) || this.reserved.has(id)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `clientMsgId ${id} is already pending`, { retryable: false });
    }
    this.reserved.add(id);
    try {
      await this.store.putOutbox(entry); // stored before its first transmission
    } catch (err) {
      throw new ParleyError(ErrorCode.UNAVAILABLE, `the send could not be stored: ${(err as Error).message}`, { retryable: true, cause: err });
    } finally {
      this.reserved.delete(id);
    }
    // Closed while it was being stored: it stays stored, for the next session to send.
    if (this.closedWith) throw this.closedWith;
    return new Promise<SendAck>((resolve, reject) => {
      const item: Pending = { entry, sentAt: 0, notBefore: 0, attempts: 0, promise: { resolve, reject } };
      if (this.options.sendTimeoutMs > 0) {
        item.promise!.timer = setTimeout(() => {
          this.settle(item, undefined, new ParleyError(ErrorCode.UNAVAILABLE, `no ack within ${this.options.sendTimeoutMs} ms; the message stays queued and is still sent (see the 'ack' event)`, { retryable: true }));
        }, this.options.sendTimeoutMs);
        (item.promise!.timer as { unref?: () => void }).unref?.();
      }
      this.items.set(id, item);
      this.pump();
    });
  }

  /** Transmit the oldest unacked send of every conversation that has none on the wire. */
  pump(now = monotonicNow()): void {
    if (!this.link.ready) return;
    const busy = new Set<string>();
    for (const item of this.items.values()) {
      const lane = this.laneOf(item.entry);
      if (busy.has(lane)) continue;
      busy.add(lane);
      if (item.requestId !== undefined || item.notBefore > now) continue;
      this.transmit(item, now);
    }
  }

  /** The conversation a send goes to, as far as it is known (`to` sends need the user id). */
  private laneOf(entry: OutboxEntry): string {
    if (entry.conversationId !== undefined) return entry.conversationId;
    const me = this.link.userId;
    return me !== '' && me !== entry.to ? directConversationId(me, entry.to!) : `to:${entry.to}`;
  }

  private transmit(item: Pending, now: number): void {
    const id = this.link.newRequestId();
    const { entry } = item;
    const written = this.link.write({
      id,
      send: {
        to: entry.to, conversationId: entry.conversationId, clientMsgId: entry.clientMsgId, type: entry.type, body: entry.body,
        mentions: entry.mentions, mentionAll: entry.mentionAll, replyTo: entry.replyTo,
      },
    });
    if (!written) return;
    item.requestId = id;
    item.sentAt = now;
    item.attempts++;
  }

  /** A SendAck: the first for a clientMsgId is the ack (a resend gets the original); later copies are ignored. */
  acked(ack: SendAck): void {
    const item = this.items.get(ack.clientMsgId);
    if (!item) return;
    this.items.delete(ack.clientMsgId);
    this.store.deleteOutbox(ack.clientMsgId);
    this.hooks.acked(ack, item.entry);
    this.settle(item, ack);
    this.pump();
  }

  /** An Error answering request `requestId`; false if it answers no send. */
  failed(requestId: number, error: ParleyError): boolean {
    for (const item of this.items.values()) {
      if (item.requestId !== requestId) continue;
      item.requestId = undefined;
      if (error.retryable) {
        // It stays the oldest of its conversation: nothing after it goes out before it is stored.
        // A RATE_LIMITED refusal says how long to wait: never sooner than that.
        item.notBefore = monotonicNow() + Math.max(error.retryAfterMs, backoffDelay(item.attempts, this.options.backoff));
      } else {
        this.items.delete(item.entry.clientMsgId);
        this.store.deleteOutbox(item.entry.clientMsgId);
        this.settle(item, undefined, error);
        this.hooks.refused(item.entry.clientMsgId, error);
        this.pump();
      }
      return true;
    }
    return false;
  }

  /** Sends whose ack is overdue are sent again (same clientMsgId); the heads of free conversations go out. */
  tick(now: number): void {
    for (const item of this.items.values()) {
      if (item.requestId !== undefined && now - item.sentAt >= this.options.ackTimeoutMs) item.requestId = undefined;
    }
    this.pump(now);
  }

  /** The connection is gone: nothing is on the wire any more. */
  lost(): void {
    for (const item of this.items.values()) item.requestId = undefined;
  }

  /** The session ended: every waiting promise rejects with `error`; the entries stay in the SessionStore. */
  close(error: ParleyError): void {
    this.closedWith = error;
    for (const item of this.items.values()) this.settle(item, undefined, error);
    this.items.clear();
  }

  private settle(item: Pending, ack?: SendAck, error?: ParleyError): void {
    const promise = item.promise;
    if (!promise) return;
    item.promise = undefined;
    if (promise.timer) clearTimeout(promise.timer);
    if (ack) promise.resolve(ack);
    else promise.reject(error!);
  }
}
