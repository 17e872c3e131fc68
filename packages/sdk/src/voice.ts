/**
 * Voice that streams while it is recorded (docs/PROTOCOL.md §10b), both ends.
 *
 * VoiceRecorder (sending): the app pushes audio chunks as its recorder makes
 * them; each is sent as VoiceChunk with its index, a few in flight at once,
 * and kept until acked. A failure that may pass (a lost connection, a timeout,
 * a CHUNK_GAP after a reconnect) sends every unacked chunk again, in order,
 * after a backoff: the server takes a chunk once by its index, so resending is
 * always safe. stop() waits for every ack, then sends VoiceEnd (again, until
 * answered: the server sends one message per stream) and resolves with the
 * message. Invariant: chunks are sent in index order and never dropped before
 * their ack.
 *
 * IncomingVoice (receiving): a stream another device records, known from its
 * first VoicePush. It hands the app its chunks strictly in index order
 * (async iteration, or the 'chunk' listener); a gap (a push that skips an
 * index, a first push after index 0, an end with more chunks than held) is
 * filled with VoiceFetch. It completes once it has handed out every chunk and
 * the stream's VOICE message has arrived; a cancel, an unknown stream or
 * silence past `idleTimeoutMs` fail it.
 *
 * Every promise settles: each request within the connection's requestTimeoutMs,
 * each retry loop within `deadlineMs`, and all at close().
 */
import { ErrorCode, ParleyError, type FrameData, type parley } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { toMessage } from './wire.ts';
import type { Message } from './types.ts';

/** What the voice parts need of the client. */
export interface VoiceHost {
  request(frame: FrameData): Promise<parley.Frame>;
  backoff: BackoffOptions;
  /** How long a retry loop may go on before its promise rejects (the client's sendTimeoutMs). */
  deadlineMs: number;
  /** A recorder's progress, for the client's 'voice-progress' event. */
  progress(p: VoiceProgress): void;
  /** The sender's own message, once sent: delivered on this device like any message. */
  sent(message: Message): void;
}

/** How a recording is going. */
export interface VoiceProgress {
  /** '' until the server has opened the stream. */
  streamId: string;
  conversationId: string;
  /** 'recording' while chunks flow; then 'ending', 'sent', 'cancelled' or 'failed'. */
  phase: 'recording' | 'ending' | 'sent' | 'cancelled' | 'failed';
  /** Chunks pushed by the app so far, and those the server has durably stored. */
  chunks: number;
  chunksAcked: number;
  bytes: number;
  bytesAcked: number;
}

export interface RecordVoiceOptions {
  /** The audio's type (default "audio/ogg; codecs=opus"). */
  mime?: string;
  /** Every change of progress (also the client's 'voice-progress' event). */
  onProgress?: (p: VoiceProgress) => void;
}

/** Chunks a recorder has in flight at once. */
const WINDOW = 8;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function asError(err: unknown): ParleyError {
  return err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, String(err), { cause: err });
}

/** A failure worth sending the unacked chunks again for. */
function passing(err: ParleyError): boolean {
  return err.retryable || err.code === ErrorCode.CHUNK_GAP;
}

/**
 * A voice message being recorded and streamed. push() each chunk as it is
 * recorded, then stop() (resolves with the sent message) or cancel().
 */
export class VoiceRecorder {
  private id = '';
  private readonly chunks: Uint8Array[] = [];
  private readonly acked = new Set<number>();
  private bytes = 0;
  private bytesAcked = 0;
  /** Index of the next chunk to send (chunks below it are sent or acked). */
  private cursor = 0;
  private inFlight = 0;
  private attempt = 0;
  private retrying = false;
  private failure: ParleyError | undefined;
  private phase: VoiceProgress['phase'] = 'recording';
  private readonly opened: Promise<string>;
  private allAcked: (() => void) | undefined;
  private settled = false;

  constructor(
    readonly conversationId: string,
    private readonly host: VoiceHost,
    private readonly options: RecordVoiceOptions = {},
  ) {
    this.opened = this.open();
    this.opened.catch(() => undefined); // failures reach the app through push/stop/cancel
  }

  /** The stream's id, once the server has opened it ('' before). */
  get streamId(): string {
    return this.id;
  }

  /** The stream's id, once opened; rejects with why it could not be (NOT_MEMBER, BLOCKED, TOO_MANY_STREAMS, …). */
  ready(): Promise<string> {
    return this.opened;
  }

  /** A chunk of audio, as recorded: sent at once (or when the stream is open), kept until the server has it. */
  push(chunk: Uint8Array): void {
    if (this.failure) throw this.failure;
    if (this.phase !== 'recording') throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `the recording is ${this.phase}: no more chunks`);
    if (chunk.length === 0) return;
    this.chunks.push(chunk.slice());
    this.bytes += chunk.length;
    this.report();
    this.pump();
  }

  /** Stop recording: once every chunk is stored, the server sends the VOICE message; resolves with it. */
  async stop(options: { durationMs: number }): Promise<Message> {
    if (this.failure) throw this.failure;
    if (this.phase !== 'recording') throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `the recording is ${this.phase}`);
    if (this.chunks.length === 0) throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'nothing was recorded: push at least one chunk');
    this.phase = 'ending';
    this.report();
    const deadline = Date.now() + this.host.deadlineMs;
    try {
      const streamId = await this.opened;
      await this.whenAllAcked(deadline);
      const sha256 = await sha256Of(concat(this.chunks));
      const reply = await this.retry(deadline, () =>
        this.host.request({ voiceEnd: { streamId, chunkCount: this.chunks.length, durationMs: durationOf(options.durationMs), sha256 } }),
      );
      const message = toMessage(reply.voiceEnded?.message ?? {});
      this.finish('sent');
      this.host.sent(message);
      return message;
    } catch (err) {
      this.fail(asError(err));
      throw this.failure!;
    }
  }

  /** Drop the recording: the server deletes what it has, nobody gets a message. */
  async cancel(): Promise<void> {
    if (this.phase === 'sent' || this.phase === 'cancelled') return;
    this.phase = 'cancelled';
    this.allAcked?.();
    let streamId: string;
    try {
      streamId = await this.opened;
    } catch {
      this.finish('cancelled');
      return; // never opened: nothing to delete
    }
    const deadline = Date.now() + this.host.deadlineMs;
    try {
      await this.retry(deadline, () => this.host.request({ voiceCancel: { streamId } }));
    } catch (err) {
      const e = asError(err);
      if (e.code !== ErrorCode.STREAM_NOT_FOUND) throw e; // already gone: cancelled
    } finally {
      this.finish('cancelled');
    }
  }

  /** The client is closing: every pending promise settles. */
  abort(error: ParleyError): void {
    this.fail(error);
  }

  private async open(): Promise<string> {
    const deadline = Date.now() + this.host.deadlineMs;
    try {
      const reply = await this.retry(deadline, () => this.host.request({ voiceStart: { conversationId: this.conversationId, mime: this.options.mime ?? 'audio/ogg; codecs=opus' } }));
      this.id = reply.voiceState?.streamId ?? '';
      this.report();
      this.pump();
      return this.id;
    } catch (err) {
      this.fail(asError(err));
      throw this.failure!;
    }
  }

  /** Send what may be sent: unacked chunks from the cursor, at most WINDOW at once. */
  private pump(): void {
    if (!this.id || this.failure || this.retrying || this.phase === 'cancelled') return;
    while (this.inFlight < WINDOW && this.cursor < this.chunks.length) {
      const index = this.cursor++;
      if (this.acked.has(index)) continue;
      this.inFlight++;
      this.host.request({ voiceChunk: { streamId: this.id, index, data: this.chunks[index]! } }).then(
        () => {
          this.inFlight--;
          if (!this.acked.has(index)) {
            this.acked.add(index);
            this.bytesAcked += this.chunks[index]!.length;
          }
          this.attempt = 0;
          this.report();
          if (this.acked.size === this.chunks.length) this.allAcked?.();
          this.pump();
        },
        (err: unknown) => {
          this.inFlight--;
          const e = asError(err);
          if (!passing(e)) {
            this.fail(e);
            return;
          }
          this.resendLater();
        },
      );
    }
  }

  /** After a backoff, send every unacked chunk again from the first. */
  private resendLater(): void {
    if (this.retrying) return;
    this.retrying = true;
    void sleep(backoffDelay(this.attempt++, this.host.backoff)).then(() => {
      this.retrying = false;
      this.cursor = 0;
      this.pump();
    });
  }

  private whenAllAcked(deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        let outcome: (() => void) | undefined;
        if (this.failure) outcome = () => reject(this.failure);
        else if (this.phase === 'cancelled') outcome = () => reject(new ParleyError(ErrorCode.CANCELLED, 'the recording was cancelled'));
        else if (this.acked.size === this.chunks.length) outcome = resolve;
        else if (Date.now() > deadline) {
          outcome = () => reject(new ParleyError(ErrorCode.UNAVAILABLE, `chunks not stored within ${this.host.deadlineMs} ms`, { retryable: true }));
        }
        if (!outcome) return;
        clearInterval(timer);
        this.allAcked = undefined;
        outcome();
      };
      // The acks call `check`; the timer is for the deadline.
      const timer = setInterval(check, 200);
      this.allAcked = check;
      check();
    });
  }

  /** `call` until it answers, a failure that will not pass, or the deadline. */
  private async retry(deadline: number, call: () => Promise<parley.Frame>): Promise<parley.Frame> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const e = asError(err);
        if (!e.retryable || Date.now() > deadline) throw e;
        await sleep(Math.min(backoffDelay(attempt, this.host.backoff), Math.max(0, deadline - Date.now())));
      }
    }
  }

  private fail(error: ParleyError): void {
    if (this.settled) return;
    this.failure ??= error;
    if (this.phase === 'cancelled') return; // cancel() settles it as cancelled
    this.allAcked?.();
    this.finish('failed');
  }

  private finish(phase: 'sent' | 'cancelled' | 'failed'): void {
    if (this.settled) return;
    this.settled = true;
    this.phase = phase;
    this.report();
  }

  private report(): void {
    const p: VoiceProgress = {
      streamId: this.id, conversationId: this.conversationId, phase: this.phase, chunks: this.chunks.length, chunksAcked: this.acked.size,
      bytes: this.bytes, bytesAcked: this.bytesAcked,
    };
    this.options.onProgress?.(p);
    this.host.progress(p);
  }
}

/** One chunk of an incoming stream. */
export interface VoiceChunk {
  index: number;
  data: Uint8Array;
}

/**
 * A voice message another device is recording, as it arrives. Iterate it
 * (`for await (const chunk of stream)`) or listen with onChunk: chunks come in
 * index order, each once. `done` resolves with the VOICE message once every
 * chunk has come and the message has arrived; it rejects with CANCELLED if the
 * sender cancelled, STREAM_NOT_FOUND if the stream is gone, UNAVAILABLE if it
 * went quiet for `idleTimeoutMs`.
 */
export class IncomingVoice implements AsyncIterable<VoiceChunk> {
  readonly done: Promise<Message>;
  /** Chunks handed out so far (the next index to hand out). */
  next = 0;
  /** How many chunks the stream has, once it has ended (undefined before). */
  chunkCount: number | undefined;
  /** VoiceFetch requests made to fill gaps. */
  refetched = 0;
  private readonly held = new Map<number, Uint8Array>();
  private readonly fetching = new Set<number>();
  private readonly queue: VoiceChunk[] = [];
  private readonly listeners = new Set<(c: VoiceChunk) => void>();
  private wake: (() => void) | undefined;
  private message: Message | undefined;
  private failure: ParleyError | undefined;
  private finished = false;
  private resolveDone!: (m: Message) => void;
  private rejectDone!: (e: ParleyError) => void;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly streamId: string,
    readonly conversationId: string,
    readonly senderId: string,
    readonly mime: string,
    private readonly host: Pick<VoiceHost, 'request' | 'backoff' | 'deadlineMs'>,
    private readonly idleTimeoutMs: number,
    private readonly ended: (stream: IncomingVoice) => void,
  ) {
    this.done = new Promise<Message>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.done.catch(() => undefined); // an app that never looks at `done` gets no unhandled rejection
    this.touch();
  }

  /** Chunks in order as they become playable; returns the unsubscribe. */
  onChunk(listener: (c: VoiceChunk) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether the stream has completed or failed. */
  get settled(): boolean {
    return this.finished;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<VoiceChunk> {
    let at = 0;
    for (;;) {
      if (at < this.queue.length) {
        yield this.queue[at++]!;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.finished) return;
      await new Promise<void>((resolve) => {
        const prev = this.wake;
        this.wake = () => {
          prev?.();
          resolve();
        };
      });
    }
  }

  /** A push of this stream (or a fetch's answer). */
  offer(push: parley.IVoicePush): void {
    if (this.finished) return;
    this.touch();
    if (push.cancelled) {
      this.fail(new ParleyError(ErrorCode.CANCELLED, 'the sender cancelled the recording'));
      return;
    }
    if (push.ended || (push.chunkCount ?? 0) > 0) this.chunkCount = push.chunkCount ?? this.chunkCount;
    if (!push.ended || (push.data && push.data.length > 0)) {
      const index = push.index ?? 0;
      if (index >= this.next && !this.held.has(index)) this.held.set(index, push.data ?? new Uint8Array(0));
    }
    this.release();
    this.fillGaps();
    this.maybeComplete();
  }

  /** The stream's VOICE message arrived. */
  arrived(message: Message): void {
    if (this.finished) return;
    this.message = message;
    this.touch();
    if (this.chunkCount === undefined) {
      // The end push may have been missed: a fetch's answer says how many chunks there are.
      void this.fetch(Math.max(0, this.next - 1), true);
    }
    this.fillGaps();
    this.maybeComplete();
  }

  /** The client is closing. */
  abort(error: ParleyError): void {
    this.fail(error);
  }

  /** Hand out held chunks that are next in order. */
  private release(): void {
    while (this.held.has(this.next)) {
      const chunk = { index: this.next, data: this.held.get(this.next)! };
      this.held.delete(this.next);
      this.next++;
      this.queue.push(chunk);
      for (const l of [...this.listeners]) {
        try {
          l(chunk);
        } catch (err) {
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    }
    this.kick();
  }

  /** Fetch every missing index below the highest known one (or the count, once known). */
  private fillGaps(): void {
    let top = this.chunkCount ?? 0;
    for (const i of this.held.keys()) top = Math.max(top, i);
    for (let i = this.next; i < top; i++) if (!this.held.has(i) && !this.fetching.has(i)) void this.fetch(i, false);
  }

  private async fetch(index: number, forCount: boolean): Promise<void> {
    if (!forCount) this.fetching.add(index);
    const deadline = Date.now() + this.host.deadlineMs;
    try {
      for (let attempt = 0; !this.finished; attempt++) {
        try {
          this.refetched++;
          const reply = await this.host.request({ voiceFetch: { streamId: this.streamId, index } });
          this.offer(reply.voicePush ?? {});
          return;
        } catch (err) {
          const e = asError(err);
          if (!e.retryable || Date.now() > deadline) {
            this.fail(e);
            return;
          }
          await sleep(Math.min(backoffDelay(attempt, this.host.backoff), Math.max(0, deadline - Date.now())));
        }
      }
    } finally {
      this.fetching.delete(index);
    }
  }

  private maybeComplete(): void {
    if (this.finished || !this.message || this.chunkCount === undefined || this.next < this.chunkCount) return;
    this.finished = true;
    this.clearIdle();
    this.resolveDone(this.message);
    this.kick();
    this.ended(this);
  }

  private fail(error: ParleyError): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = error;
    this.clearIdle();
    this.rejectDone(error);
    this.kick();
    this.ended(this);
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Something arrived: the stream is alive; silence past idleTimeoutMs fails it. */
  private touch(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.fail(new ParleyError(ErrorCode.UNAVAILABLE, `nothing of voice stream ${this.streamId} for ${this.idleTimeoutMs} ms`, { retryable: true }));
    }, this.idleTimeoutMs);
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  private clearIdle(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** The incoming streams of a client: created from their first push, dropped once settled. */
export class VoiceStreams {
  private readonly streams = new Map<string, IncomingVoice>();
  /** Streams that settled lately, so a late push does not open them again. */
  private readonly finished = new Set<string>();

  constructor(
    private readonly host: Pick<VoiceHost, 'request' | 'backoff' | 'deadlineMs'>,
    private readonly idleTimeoutMs: number,
    private readonly opened: (stream: IncomingVoice) => void,
  ) {}

  get active(): ReadonlyMap<string, IncomingVoice> {
    return this.streams;
  }

  push(push: parley.IVoicePush): void {
    const streamId = push.streamId ?? '';
    if (!streamId || this.finished.has(streamId)) return;
    let stream = this.streams.get(streamId);
    if (!stream) {
      if (push.cancelled) return; // a stream never seen, cancelled: nothing to tell
      stream = new IncomingVoice(streamId, push.conversationId ?? '', push.senderId ?? '', push.mime ?? '', this.host, this.idleTimeoutMs, (s) => {
        this.streams.delete(s.streamId);
        this.finished.add(s.streamId);
        if (this.finished.size > 1000) this.finished.delete(this.finished.values().next().value!);
      });
      this.streams.set(streamId, stream);
      this.opened(stream);
    }
    stream.offer(push);
  }

  /** A message arrived: if it is a stream's VOICE message, that stream may complete. */
  message(message: Message): void {
    if (!message.clientMsgId.startsWith('voice:')) return;
    this.streams.get(message.clientMsgId.slice('voice:'.length))?.arrived(message);
  }

  abort(error: ParleyError): void {
    for (const s of [...this.streams.values()]) s.abort(error);
  }
}

/** A duration as VoiceEnd carries it: whole ms, 0 … 2^32 − 1 (the server checks its own maximum). */
function durationOf(ms: number): number {
  return Number.isFinite(ms) ? Math.min(0xffff_ffff, Math.max(0, Math.round(ms))) : 0;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** SHA-256 (Node's crypto, else Web Crypto, else a pure implementation). */
async function sha256Of(data: Uint8Array): Promise<Uint8Array> {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const node = get ? (get('node:crypto') as typeof import('node:crypto')) : undefined;
  if (node) return new Uint8Array(node.createHash('sha256').update(data).digest());
  const web = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (web) return new Uint8Array(await web.digest('SHA-256', data as unknown as BufferSource));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return sha256(data);
}
