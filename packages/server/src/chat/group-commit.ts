/**
 * Group commit: sends that arrive in the same turn of the event loop (and any that
 * arrive while a commit is in flight) are stored by one `appendMessages` call, so
 * one transaction and one fsync serve the whole batch. Each caller still gets its
 * own result, and only after the batch is durable.
 *
 * One request's failure never fails another's: a batch whose transaction fails
 * for any reason but an unreachable store is split in halves, each committed on
 * its own, down to the request that fails alone and gets its error. (A refusal —
 * not a member, blocked — is a result, not a failure, and splits nothing.) The
 * halves commit in order, so the order of the sends is kept.
 */
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { AppendRequest, AppendResult, Store } from './types.ts';

interface Waiting {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (err: unknown) => void;
}

export class GroupCommitter {
  private queue: Waiting[] = [];
  private scheduled = false;
  private flushing = false;
  /** Batches committed so far, and the messages in them (for metrics and tests). */
  batches = 0;
  committed = 0;
  /** Requests that failed alone, after their batch was split (see above). */
  isolated = 0;

  constructor(
    private readonly store: Store,
    private readonly maxBatch: number,
  ) {}

  /** True when nothing is queued or being committed. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.flushing && !this.scheduled;
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.store.appendMessages(batch.map((w) => w.request));
      this.batches++;
      this.committed += batch.length;
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      if (err instanceof ParleyError && err.code === ErrorCode.UNAVAILABLE) {
        for (const w of batch) w.reject(err);
      } else if (batch.length === 1) {
        this.isolated++;
        batch[0]!.reject(
          err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'the store could not store this message', { cause: err, retryable: false }),
        );
      } else {
        const half = Math.ceil(batch.length / 2);
        await this.commit(batch.slice(0, half));
        await this.commit(batch.slice(half));
      }
    }
  }
}
