/**
 * Load-generator processes. The coordinator forks them and calls named phases of
 * a scenario in each (setup, run, …) over IPC; a worker keeps its own state
 * (connections) between phases. Separate processes keep the load generator off
 * the server's core and spread file descriptors past one process's limit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export class WorkerPool {
  private nextId = 1;
  private stopping = false;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (reply: Reply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if (reply.error) p.reject(new Error(`worker: ${reply.error}`));
        else p.resolve(reply.result);
      });
      // A worker gone before the pool stops (crashed, killed) fails every call still waiting.
      child.on('exit', (code, signal) => {
        if (this.stopping) return;
        for (const p of this.pending.values()) p.reject(new Error(`a worker exited (${signal ?? `code ${code}`}) during the run`));
        this.pending.clear();
      });
    }
  }

  static start(count: number): WorkerPool {
    const children = Array.from({ length: count }, () =>
      fork(WORKER, [], { execArgv: [...(process.env.PARLEY_BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    return new WorkerPool(children);
  }

  get size(): number {
    return this.children.length;
  }

  call<T>(worker: number, scenario: string, phase: string, arg: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.children[worker]!.send({ id, scenario, phase, arg });
    });
  }

  /** Call the same phase in every worker, each with its own argument. */
  all<T>(scenario: string, phase: string, args: unknown[]): Promise<T[]> {
    return Promise.all(args.map((arg, i) => this.call<T>(i, scenario, phase, arg)));
  }

  /** Workers exit when their IPC channel closes (so flags like --cpu-prof can write); stragglers are killed. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.disconnect();
          }),
      ),
    );
  }
}

/** Split 0..n-1 into `parts` contiguous ranges. */
export function split(n: number, parts: number): { from: number; to: number }[] {
  const out = [];
  for (let i = 0; i < parts; i++) out.push({ from: Math.floor((n * i) / parts), to: Math.floor((n * (i + 1)) / parts) });
  return out;
}

/** Run `fn` over `items` with at most `limit` in progress at once. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
