/**
 * Group commit: sends that arrive in the same turn of the event loop (and any that
 * arrive while a commit is in flight) are stored by one `appendMessages` call, so
 * one transaction and one fsync serve the whole batch. Each caller still gets its
 * own result, and only after the batch is durable.
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
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.store.appendMessages(batch.map((w) => w.request));
          this.batches++;
          this.committed += batch.length;
          batch.forEach((w, i) => w.resolve(results[i]!));
        } catch (err) {
          const failure = new ParleyError(ErrorCode.UNAVAILABLE, 'the store could not commit the message; retry', { cause: err });
          for (const w of batch) w.reject(failure);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
