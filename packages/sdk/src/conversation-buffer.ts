/**
 * Ordering for one conversation, with no I/O: the heart of exactly-once, in-order
 * delivery on the client.
 *
 * `cursor` is the highest seq the app has been given (or that was passed as a
 * hole or as before the member's join point). Anything at or below it is a
 * duplicate and dropped. seq = cursor + 1 is delivered at once, and with it every
 * buffered seq that follows without a break. Larger seqs wait in the buffer: a gap
 * that is still open `reorderWindowMs` after it was first seen is reported by
 * `gapToPull` so the client pulls exactly the missing range.
 *
 * Invariant: every key in `waiting` is > cursor.
 */
export const HOLE = Symbol('hole');

export class ConversationBuffer<M> {
  private readonly waiting = new Map<number, M | typeof HOLE>();
  private lowestWaiting = Infinity;
  /** When the current gap was first seen (undefined: no gap). */
  gapSince: number | undefined;
  /** A pull for this conversation is in flight. */
  pulling = false;

  constructor(public cursor = 0) {}

  /** Seqs buffered above a gap. */
  get buffered(): number {
    return this.waiting.size;
  }

  /** Offer one message; returns the messages now deliverable, in seq order. */
  offer(seq: number, message: M | typeof HOLE, now: number): M[] {
    if (seq <= this.cursor || this.waiting.has(seq)) return [];
    this.waiting.set(seq, message);
    if (seq < this.lowestWaiting) this.lowestWaiting = seq;
    return this.drain(now);
  }

  /** Everything up to `seq` is known not to be for the app (join point, holes). */
  passTo(seq: number, now: number): M[] {
    if (seq <= this.cursor) return [];
    for (const s of this.waiting.keys()) if (s <= seq) this.waiting.delete(s);
    this.cursor = seq;
    this.recomputeLowest();
    return this.drain(now);
  }

  /** The missing range to pull, if a gap has outlived the reorder window. */
  gapToPull(now: number, reorderWindowMs: number): { from: number; to: number } | undefined {
    if (this.gapSince === undefined || this.pulling) return undefined;
    if (now - this.gapSince < reorderWindowMs) return undefined;
    return { from: this.cursor + 1, to: this.lowestWaiting - 1 };
  }

  private drain(now: number): M[] {
    const out: M[] = [];
    for (;;) {
      const next = this.waiting.get(this.cursor + 1);
      if (next === undefined) break;
      this.waiting.delete(this.cursor + 1);
      this.cursor++;
      if (next !== HOLE) out.push(next);
    }
    if (this.lowestWaiting <= this.cursor) this.recomputeLowest();
    if (this.waiting.size === 0) this.gapSince = undefined;
    else this.gapSince ??= now;
    return out;
  }

  private recomputeLowest(): void {
    this.lowestWaiting = Infinity;
    for (const s of this.waiting.keys()) if (s < this.lowestWaiting) this.lowestWaiting = s;
  }
}
