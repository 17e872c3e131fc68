/**
 * Sync: the client catches up with what changed while it was away, from its
 * sync token (a position in the user's change feed on the server).
 *
 * One sync lists the conversations changed since the token, page by page, and
 * for each pulls what the device lacks up to the listed max seq — a few
 * conversations at a time. Only when every listed conversation has been pulled
 * AND the app has finished with it (delivery's `settled`) is the new token
 * saved, in the SessionStore's write order after the cursors it covers: a crash
 * at any point repeats the sync, never skips a message.
 *
 * A brand-new device (no token, no cursor for the conversation) gets each
 * conversation's state and only its newest `firstSyncMessages` messages; the
 * rest is there for history(), paged backwards on demand. A device that knows a
 * conversation gets everything after its cursor.
 *
 * Syncs do not overlap: a sync asked for while one runs makes it run once more.
 */
import { ErrorCode, ParleyError, type FrameData, type parley } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import type { Delivery } from './delivery.ts';
import type { StoreQueue } from './store-queue.ts';

/** A pull refused with these means the user is no longer in the conversation: nothing more to hold there. */
const GONE: ReadonlySet<string> = new Set([ErrorCode.NOT_MEMBER, ErrorCode.CONVERSATION_NOT_FOUND]);
/** Conversations caught up side by side. */
const PARALLEL_PULLS = 4;

export interface SyncHooks {
  request(frame: FrameData): Promise<parley.Frame>;
  /** A conversation as the sync lists it. */
  listed(state: parley.IConversationState): void;
  synced(): void;
  error(error: Error): void;
  /** Whether a connection is up (a background retry waits for the next one otherwise). */
  readonly ready: boolean;
}

export class Sync {
  /** The token of the last completed sync. */
  token = '';
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly delivery: Delivery,
    private readonly store: StoreQueue,
    private readonly options: { pullPageSize: number; firstSyncMessages: number; backoff: BackoffOptions },
    private readonly hooks: SyncHooks,
  ) {}

  /** Sync now (or once more after the one running). Rejects if a pull or the listing fails. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * A sync while online (after RESYNC, a partial read, a clear elsewhere). A
   * retryable failure is tried again after a pause while connected; a lost
   * connection needs nothing, as the reconnect syncs.
   */
  background(attempt = 0): void {
    this.run().catch((err: unknown) => {
      if (err instanceof ParleyError && err.retryable) {
        if (!this.hooks.ready) return;
        const timer = setTimeout(() => this.hooks.ready && this.background(attempt + 1), backoffDelay(attempt, this.options.backoff));
        (timer as { unref?: () => void }).unref?.();
        return;
      }
      this.hooks.error(err as Error);
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      let token = this.token;
      const firstSync = token === '';
      const listed = new Set<string>();
      for (;;) {
        const result = (
          await this.hooks.request({ sync: { token } }).catch((err: unknown) => {
            // A token the server cannot read (a corrupted store, say): start over from nothing.
            if (!(err instanceof ParleyError) || err.code !== ErrorCode.INVALID_ARGUMENT || token === '') throw err;
            token = '';
            return this.hooks.request({ sync: { token } });
          })
        ).syncResult!;
        const states = result.conversations ?? [];
        for (const c of states) {
          this.hooks.listed(c);
          listed.add(c.conversationId ?? '');
        }
        await inParallel(states, PARALLEL_PULLS, (c) => this.catchUp(c, firstSync));
        token = result.token ?? '';
        if (!result.more) break;
      }
      // The app has every listed conversation up to where it was listed: only now may the token say so.
      for (const id of listed) await this.delivery.settled(id);
      this.token = token;
      await this.store.saveSyncToken(token);
    } while (this.again);
    this.hooks.synced();
  }

  /** Pull what the device lacks of one listed conversation. */
  private async catchUp(c: parley.IConversationState, firstSync: boolean): Promise<void> {
    const conversationId = c.conversationId ?? '';
    const maxSeq = Number(c.maxSeq ?? 0);
    // Nothing at or below the join point, or below what the user cleared, is visible.
    let start = Math.max(Number(c.joinSeq ?? 0), Number(c.clearedSeq ?? 0));
    // A new device starts at the newest page; older messages are for history().
    if (firstSync && !this.delivery.known(conversationId)) start = Math.max(start, maxSeq - this.options.firstSyncMessages);
    this.delivery.passTo(conversationId, start);
    try {
      while (this.delivery.accepted(conversationId) < maxSeq) {
        const from = this.delivery.accepted(conversationId) + 1;
        const page = (
          await this.hooks.request({ pull: { conversationId, fromSeq: from, toSeq: maxSeq, limit: this.options.pullPageSize } })
        ).pullResult!;
        this.delivery.applyPage(page);
        if (Number(page.toSeq ?? 0) < Number(page.fromSeq ?? 0)) return; // nothing there (yet)
        if (this.delivery.accepted(conversationId) < from) return; // no progress: do not spin
      }
    } catch (err) {
      // Removed from the conversation meanwhile: there is nothing more to hold, go on.
      // Anything else (the server busy, the connection lost) leaves the token unsaved.
      if (!(err instanceof ParleyError) || !GONE.has(err.code)) throw err;
      this.hooks.error(err);
    }
  }
}

/** Run `fn` over `items`, at most `limit` at a time; rejects with the first failure (after the others settle). */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
