/**
 * SHA-256 off the event loop: one worker thread keeps the hash state of each
 * running hash, and the event loop only copies the bytes to it. An upload's
 * body is hashed as it arrives, beside the writes of the same bytes to the blob
 * (media-service.ts); on the event loop the hash took about as long as taking
 * the body in, and every other request of the node waited behind it.
 *
 * The bytes are copied into batches of BATCH_BYTES, each transferred to the
 * worker (no second copy), which hashes them in the order sent. The bytes sent
 * and not yet hashed are bounded (MAX_QUEUED_BYTES across all hashes): past it,
 * `update` makes the caller wait, so a slow worker slows the uploads rather
 * than filling memory. A hash dropped without a digest (a cut PATCH, an upload
 * forgotten) has its state freed in the worker once it is garbage here.
 * If the worker fails, every digest not yet given rejects; the caller hashes
 * the stored bytes instead.
 */
import { Worker } from 'node:worker_threads';

/** Bytes gathered before they go to the worker. */
const BATCH_BYTES = 1024 * 1024;
/** Bytes sent to the worker and not yet hashed, at most, before `update` waits. */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/** The worker: a hash state per id; it answers every batch (so the sender can count) and every digest. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const states = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let hash = states.get(m.id);
    if (!hash) states.set(m.id, (hash = createHash('sha256')));
    hash.update(new Uint8Array(m.bytes, 0, m.length));
    parentPort.postMessage({ op: 'hashed', length: m.length });
  } else if (m.op === 'digest') {
    const hash = states.get(m.id) ?? createHash('sha256');
    states.delete(m.id);
    parentPort.postMessage({ op: 'digest', id: m.id, hex: hash.digest('hex') });
  } else if (m.op === 'copy') {
    states.set(m.to, (states.get(m.id) ?? createHash('sha256')).copy());
  } else if (m.op === 'drop') {
    states.delete(m.id);
  }
});
`;

/** A SHA-256 being computed by the worker. */
export interface RunningHash {
  /** Hash `bytes` next; the promise waits only while the worker is too far behind. */
  update(bytes: Uint8Array): Promise<void> | undefined;
  /** The hex digest of every byte given; the hash is then spent. */
  digest(): Promise<string>;
  /** A new hash that has been given the same bytes as this one so far; each goes on on its own. */
  fork(): RunningHash;
}

/** A worker and what is outstanding with it: a failed worker fails only its own hashes. */
interface Running {
  worker: Worker;
  /** Bytes sent and not yet hashed. */
  queued: number;
  digests: Map<number, { resolve(hex: string): void; reject(err: unknown): void }>;
  waiters: (() => void)[];
}

export class Hasher {
  private current: Running | undefined;
  private lastId = 0;
  private readonly forgotten = new FinalizationRegistry<number>((id) => this.current?.worker.postMessage({ op: 'drop', id }));

  /** A new, empty hash. */
  start(): RunningHash {
    return this.make(this.started());
  }

  /**
   * A hash whose state lives in `running`'s worker (a copy of another's, made
   * there, or a new one): if that worker fails, the hash is lost (and says so),
   * never continued in another.
   */
  private make(running: Running, copyOf?: number): RunningHash {
    const id = ++this.lastId;
    if (copyOf !== undefined && this.current === running) running.worker.postMessage({ op: 'copy', id: copyOf, to: id });
    const lost = () => this.current !== running;
    let batch: Buffer | undefined;
    let filled = 0;
    let spent = false;
    const send = () => {
      if (!batch || filled === 0 || lost()) return;
      const bytes = batch.buffer as ArrayBuffer;
      running.queued += filled;
      running.worker.postMessage({ op: 'update', id, bytes, length: filled }, [bytes]);
      batch = undefined;
      filled = 0;
    };
    const hash: RunningHash = {
      update: (bytes) => {
        if (spent) throw new Error('the hash was already digested');
        if (lost()) return undefined;
        for (let at = 0; at < bytes.length; ) {
          batch ??= Buffer.allocUnsafeSlow(BATCH_BYTES); // its own ArrayBuffer, so it can be transferred
          const n = Math.min(bytes.length - at, BATCH_BYTES - filled);
          batch.set(bytes.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === BATCH_BYTES) send();
        }
        return running.queued > MAX_QUEUED_BYTES ? new Promise<void>((resolve) => running.waiters.push(resolve)) : undefined;
      },
      digest: () => {
        if (spent) return Promise.reject(new Error('the hash was already digested'));
        spent = true;
        send();
        this.forgotten.unregister(hash);
        if (lost()) return Promise.reject(new Error('the hash worker failed; the hash is lost'));
        return new Promise<string>((resolve, reject) => {
          running.digests.set(id, { resolve, reject });
          running.worker.postMessage({ op: 'digest', id });
        });
      },
      fork: () => {
        if (spent) throw new Error('the hash was already digested');
        send(); // the worker copies the state after every byte given so far
        return this.make(running, id);
      },
    };
    this.forgotten.register(hash, id, hash);
    return hash;
  }

  /** The SHA-256 (hex) of a stream's bytes, hashed by the worker while the stream is read. */
  async digestOf(stream: AsyncIterable<Uint8Array>): Promise<string> {
    const hash = this.start();
    for await (const chunk of stream) await hash.update(chunk);
    return hash.digest();
  }

  async close(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    if (running) await running.worker.terminate();
  }

  private started(): Running {
    if (this.current) return this.current;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref(); // a hash in progress does not keep the process alive; its request does
    const running: Running = { worker, queued: 0, digests: new Map(), waiters: [] };
    worker.on('message', (m: { op: 'hashed'; length: number } | { op: 'digest'; id: number; hex: string }) => {
      if (m.op === 'hashed') {
        running.queued -= m.length;
        while (running.queued <= MAX_QUEUED_BYTES && running.waiters.length > 0) running.waiters.shift()!();
      } else {
        running.digests.get(m.id)?.resolve(m.hex);
        running.digests.delete(m.id);
      }
    });
    const fail = (err: unknown) => {
      if (this.current === running) this.current = undefined;
      for (const waiting of running.digests.values()) waiting.reject(err);
      running.digests.clear();
      for (const wake of running.waiters.splice(0)) wake();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hash worker exited (${code})`)));
    this.current = running;
    return running;
  }
}
