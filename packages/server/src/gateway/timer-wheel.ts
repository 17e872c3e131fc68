/**
 * A hashed timer wheel: many deadlines, one interval timer. The gateway keeps one
 * entry per connection (its next heartbeat or retransmit check), never one per
 * message, so a million pending pushes cost no timers at all.
 *
 * Resolution is `tickMs`: an entry fires on the first tick at or after its deadline
 * (never early). Cancelling is O(1) (the entry is marked and skipped).
 *
 * Time is read from `now`, which must be monotonic (the default, performance.now()):
 * on the wall clock, a step back of the machine's clock would hold every entry
 * back by the size of the step, and a step forward would fire them all at once.
 */
import { systemClock } from '../clock.ts';

export interface WheelEntry {
  readonly deadline: number;
  cancelled: boolean;
}

interface Slot<T> {
  entries: { entry: WheelEntry; rounds: number; item: T }[];
}

export class TimerWheel<T> {
  private readonly slots: Slot<T>[];
  private cursor = 0;
  private lastTick: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private size = 0;

  constructor(
    private readonly tickMs: number,
    slotCount: number,
    private readonly onExpire: (item: T) => void,
    /** A monotonic clock in ms (see clock.ts); tests drive their own. */
    private readonly now: () => number = systemClock.monotonic,
  ) {
    if (!(tickMs > 0) || !(slotCount > 0)) throw new RangeError('tickMs and slotCount must be positive');
    this.slots = Array.from({ length: slotCount }, () => ({ entries: [] }));
    this.lastTick = this.now();
  }

  /** Number of live (not yet fired, not cancelled-and-swept) entries. */
  get pending(): number {
    return this.size;
  }

  /** Start ticking on a real interval (tests may call `advance` instead). */
  start(): void {
    if (this.timer) return;
    this.lastTick = this.now();
    this.timer = setInterval(() => this.advance(), this.tickMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  schedule(item: T, delayMs: number): WheelEntry {
    const now = this.now();
    const delay = Math.max(0, delayMs);
    // Ticks are counted from the last processed tick, so an entry never fires early.
    const ticks = Math.max(1, Math.ceil((now - this.lastTick + delay) / this.tickMs));
    const entry: WheelEntry = { deadline: now + delay, cancelled: false };
    const slot = (this.cursor + ticks) % this.slots.length;
    const rounds = Math.floor((ticks - 1) / this.slots.length);
    this.slots[slot]!.entries.push({ entry, rounds, item });
    this.size++;
    return entry;
  }

  cancel(entry: WheelEntry | undefined): void {
    if (entry) entry.cancelled = true;
  }

  /** Process every tick that has elapsed since the last call. */
  advance(): void {
    const now = this.now();
    let due = Math.floor((now - this.lastTick) / this.tickMs);
    while (due-- > 0) {
      this.lastTick += this.tickMs;
      this.cursor = (this.cursor + 1) % this.slots.length;
      this.fire(this.slots[this.cursor]!);
    }
  }

  private fire(slot: Slot<T>): void {
    const current = slot.entries;
    slot.entries = [];
    for (const e of current) {
      if (e.entry.cancelled) {
        this.size--;
        continue;
      }
      if (e.rounds > 0) {
        e.rounds--;
        slot.entries.push(e);
        continue;
      }
      this.size--;
      e.entry.cancelled = true; // fired entries cannot be cancelled twice or refire
      this.onExpire(e.item);
    }
  }
}
