/**
 * Delivery to the app, per conversation: exactly once, in seq order.
 *
 * Everything that carries a message — a push, a pulled page, this device's own
 * acked send — is offered to the conversation's ConversationBuffer, which drops
 * what it already has, holds what comes early, and releases the next seqs in
 * order (a gap that outlives the reorder window is pulled; holes and join or
 * cleared points are passed). Released messages go to the app one at a time, in
 * order: to `handleMessage` if the app gave one, awaited, then to the 'message'
 * event.
 *
 * Two cursors per conversation:
 * - `accepted` (the buffer's): the highest seq released toward the app; anything
 *   at or below it is a duplicate.
 * - `delivered`: the highest seq the app has finished with (its handler resolved,
 *   or passed as a hole). Only this one is saved in the SessionStore and acked
 *   to the server, so after a crash the app is given again exactly what it had
 *   not finished.
 * Without a handler the two are the same, and delivery is synchronous.
 */
import { ErrorCode, ParleyError, type parley } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { monotonicNow } from './clock.ts';
import { ConversationBuffer, HOLE } from './conversation-buffer.ts';
import type { StoreQueue } from './store-queue.ts';
import type { Message } from './types.ts';
import { toMessage } from './wire.ts';

export interface DeliveryHooks {
  /** Messages released in order, before the app handles them (the conversation's info follows them). */
  released(conversationId: string, messages: Message[]): void;
  /** The 'message' event, after the app's handler. */
  message(message: Message): void;
  /** Tell the server the device holds the conversation up to `seq` (cumulative). */
  ack(conversationId: string, seq: number): void;
  /** Pull a missing range. */
  pull(conversationId: string, fromSeq: number, toSeq: number): Promise<parley.IPullResponse>;
  error(error: Error): void;
}

export interface DeliveryOptions {
  reorderWindowMs: number;
  handleMessage?: (message: Message) => void | Promise<void>;
  backoff: BackoffOptions;
  /** TEST ONLY: never pull a gap. */
  disableGapPull?: boolean;
}

/** One conversation's delivery state. */
interface Lane {
  buffer: ConversationBuffer<Message>;
  delivered: number;
  /** Released toward the app, not yet handled: messages, and seqs passed without one. */
  queue: { seq: number; message?: Message }[];
  running: boolean;
  idle: (() => void)[];
  /** A cursor came from the SessionStore or something was accepted: the device knows this conversation. */
  known: boolean;
}

export class Delivery {
  private readonly lanes = new Map<string, Lane>();
  private readonly ackDue = new Set<string>();
  private ackFlushQueued = false;
  private stopped = false;
  /** Deliveries dropped because the app already had them (retransmits, resyncs). */
  duplicates = 0;

  constructor(
    private readonly store: StoreQueue,
    private readonly options: DeliveryOptions,
    private readonly hooks: DeliveryHooks,
  ) {}

  private lane(conversationId: string): Lane {
    let lane = this.lanes.get(conversationId);
    if (!lane) {
      lane = { buffer: new ConversationBuffer<Message>(0), delivered: 0, queue: [], running: false, idle: [], known: false };
      this.lanes.set(conversationId, lane);
    }
    return lane;
  }

  /** A cursor saved by a previous session. */
  restore(conversationId: string, seq: number): void {
    const lane = this.lane(conversationId);
    lane.buffer.cursor = Math.max(lane.buffer.cursor, seq);
    lane.delivered = Math.max(lane.delivered, seq);
    lane.known = true;
  }

  /** Whether this device has had anything of the conversation (a saved cursor, a message). */
  known(conversationId: string): boolean {
    return this.lanes.get(conversationId)?.known ?? false;
  }

  /** The highest seq released toward the app. */
  accepted(conversationId: string): number {
    return this.lanes.get(conversationId)?.buffer.cursor ?? 0;
  }

  /** The highest seq the app has finished with. */
  delivered(conversationId: string): number {
    return this.lanes.get(conversationId)?.delivered ?? 0;
  }

  offer(messages: readonly Message[]): void {
    const now = monotonicNow();
    for (const m of messages) {
      if (!m.conversationId || !(m.seq > 0)) continue;
      const lane = this.lane(m.conversationId);
      if (m.seq <= lane.buffer.cursor) this.duplicates++;
      this.release(m.conversationId, lane.buffer.offer(m.seq, m, now));
    }
  }

  /** Everything up to `seq` is not for the app (a join or cleared point, an older history on a new device). */
  passTo(conversationId: string, seq: number): void {
    const lane = this.lane(conversationId);
    if (lane.buffer.cursor < seq) this.release(conversationId, lane.buffer.passTo(seq, monotonicNow()));
  }

  /** One PullResponse: its messages, its holes, and the seqs below its start (not visible to this member). */
  applyPage(page: parley.IPullResponse): void {
    const conversationId = page.conversationId ?? '';
    const lane = this.lane(conversationId);
    const now = monotonicNow();
    const ready = lane.buffer.passTo(Number(page.fromSeq ?? 0) - 1, now);
    for (const m of page.messages ?? []) ready.push(...lane.buffer.offer(Number(m.seq), toMessage(m), now));
    for (const h of page.holes ?? []) ready.push(...lane.buffer.offer(Number(h), HOLE, now));
    this.release(conversationId, ready);
  }

  private release(conversationId: string, ready: Message[]): void {
    const lane = this.lane(conversationId);
    const queuedTo = lane.queue.length > 0 ? lane.queue[lane.queue.length - 1]!.seq : lane.delivered;
    if (lane.buffer.cursor <= queuedTo) return;
    lane.known = true;
    if (ready.length > 0) this.hooks.released(conversationId, ready);
    for (const m of ready) lane.queue.push({ seq: m.seq, message: m });
    // Seqs passed without a message (holes, a join point) up to the buffer's cursor.
    if (lane.queue.length === 0 || lane.queue[lane.queue.length - 1]!.seq < lane.buffer.cursor) lane.queue.push({ seq: lane.buffer.cursor });
    this.drain(conversationId, lane);
  }

  private drain(conversationId: string, lane: Lane): void {
    if (lane.running || this.stopped) return;
    const handler = this.options.handleMessage;
    if (!handler) {
      for (const entry of lane.queue.splice(0)) {
        if (entry.message) this.hooks.message(entry.message);
        lane.delivered = entry.seq;
      }
      this.deliveredTo(conversationId, lane);
      return;
    }
    lane.running = true;
    void (async () => {
      while (lane.queue.length > 0 && !this.stopped) {
        const entry = lane.queue[0]!;
        if (entry.message && !(await this.handle(handler, entry.message))) continue;
        lane.queue.shift();
        if (entry.message) this.hooks.message(entry.message);
        lane.delivered = entry.seq;
        this.deliveredTo(conversationId, lane);
      }
      lane.running = false;
      if (lane.queue.length === 0) for (const resolve of lane.idle.splice(0)) resolve();
    })();
  }

  /** Run the app's handler once; false (after a pause) if it failed and the message must be offered again. */
  private async handle(handler: (m: Message) => void | Promise<void>, message: Message, attempt = 0): Promise<boolean> {
    try {
      await handler(message);
      return true;
    } catch (err) {
      this.hooks.error(new ParleyError(ErrorCode.INTERNAL, `the app's handleMessage failed for ${message.conversationId} #${message.seq}; offered again`, { cause: err }));
      await new Promise((r) => setTimeout(r, backoffDelay(attempt + 3, this.options.backoff)));
      return false;
    }
  }

  /** The app has the conversation up to `lane.delivered`: save the cursor and ack (acks of one turn go together). */
  private deliveredTo(conversationId: string, lane: Lane): void {
    this.store.saveCursor(conversationId, lane.delivered);
    this.ackDue.add(conversationId);
    if (lane.queue.length === 0) for (const resolve of lane.idle.splice(0)) resolve();
    if (!this.ackFlushQueued) {
      this.ackFlushQueued = true;
      queueMicrotask(() => {
        this.ackFlushQueued = false;
        for (const id of this.ackDue) this.hooks.ack(id, this.delivered(id));
        this.ackDue.clear();
      });
    }
  }

  /** Resolves when the app has finished with everything released in the conversation so far. */
  settled(conversationId: string): Promise<void> {
    const lane = this.lanes.get(conversationId);
    if (!lane || (lane.queue.length === 0 && !lane.running)) return Promise.resolve();
    return new Promise((resolve) => lane.idle.push(resolve));
  }

  /** Pull the gaps that outlived the reorder window (monotonic `now`). */
  tick(now: number): void {
    if (this.options.disableGapPull) return;
    for (const [conversationId, lane] of this.lanes) {
      const gap = lane.buffer.gapToPull(now, this.options.reorderWindowMs);
      if (!gap) continue;
      lane.buffer.pulling = true;
      this.hooks
        .pull(conversationId, gap.from, gap.to)
        .then((page) => this.applyPage(page))
        .catch((err: unknown) => {
          if (!(err instanceof ParleyError && err.code === ErrorCode.UNAVAILABLE)) this.hooks.error(err as Error);
        })
        .finally(() => {
          lane.buffer.pulling = false;
          // Still a gap after the pull (e.g. a partial page): look again on the next tick.
          if (lane.buffer.gapSince !== undefined) lane.buffer.gapSince = monotonicNow() - this.options.reorderWindowMs;
        });
    }
  }

  /** The connection is gone: no pull is in flight any more. */
  lost(): void {
    for (const lane of this.lanes.values()) lane.buffer.pulling = false;
  }

  /** The session ended: hand nothing more to the app (what is not handled is given again next time). */
  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) for (const resolve of lane.idle.splice(0)) resolve();
  }
}
