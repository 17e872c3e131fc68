/**
 * Tells when the database's transaction horizon has passed a transaction id: when
 * every transaction of the database with a smaller id has ended. A sync that had to leave out
 * changes because transactions open when it began were still open after its wait
 * (see PostgresStore.changesSince) hands its caller `passes(xid)`; once that
 * resolves, the same sync would carry those changes, and the gateway tells the
 * client to sync again.
 *
 * One watch per store, so one per node, however many sessions wait: while anyone
 * waits it reads the horizon (one small query, SQL.snapshotBounds) every
 * `pollMs`, and resolves every waiter the horizon has passed; with no one waiting
 * it does nothing at all. Waiters for the same id share one promise.
 */
export class HorizonWatch {
  private readonly waiting = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    /** The database's horizon now: the oldest transaction id still running in it (SQL.snapshotBounds). */
    private readonly readHorizon: () => Promise<number>,
    private readonly pollMs: number,
  ) {}

  /** Ids waited for now (TEST/DIAGNOSTIC). */
  get waiters(): number {
    return this.waiting.size;
  }

  /** Resolves once every transaction with an id below `xid` has ended (or the store closes). */
  passes(xid: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    let waiter = this.waiting.get(xid);
    if (!waiter) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      waiter = { promise, resolve };
      this.waiting.set(xid, waiter);
    }
    this.schedule();
    return waiter.promise;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiting.values()) waiter.resolve();
    this.waiting.clear();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.waiting.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.pollMs);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    try {
      const horizon = await this.readHorizon();
      for (const [xid, waiter] of this.waiting) {
        if (xid > horizon) continue;
        this.waiting.delete(xid);
        waiter.resolve();
      }
    } catch {
      // The database unreachable: the next poll asks again (the pool reports the outage).
    } finally {
      this.timer = undefined;
      this.schedule();
    }
  }
}
