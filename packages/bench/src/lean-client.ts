/**
 * The load generator's client: the protocol and nothing more. It authenticates,
 * sends, acks every push cumulatively (once per conversation per event-loop turn),
 * syncs and pulls. It has none of the SDK's reliability machinery on purpose — the
 * bench measures the server; the SDK's logic is measured by its own tests.
 */
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';
import { createFrameWriter, decodeFrame, encodeFrame, FrameDecoder, type FrameData, type parley } from '@parley/protocol';

/** What the load generator reads of every pushed message. */
export interface PushedMessage {
  conversationId: string;
  seq: number;
  type: number;
  body: Uint8Array;
}

export type PushHandler = (message: PushedMessage, now: number) => void;

/** Frame.push: field 14, length-delimited. */
const PUSH_TAG = (14 << 3) | 2;

/** Read position of `readPush` (module state: no closures on the hot path). */
let at = 0;

/** The varint at `at` in `bytes` (exact up to 2^53); moves `at` past it. */
function varint(bytes: Uint8Array): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) throw new RangeError('truncated varint');
    const b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 128;
  }
}

/** Moves `at` past a field value of `wireType`. */
function skip(bytes: Uint8Array, wireType: number): void {
  if (wireType === 0) varint(bytes);
  else if (wireType === 1) at += 8;
  else if (wireType === 2) {
    const len = varint(bytes);
    at += len;
  } else if (wireType === 5) at += 4;
  else throw new RangeError(`wire type ${wireType}`);
}

/**
 * A Push frame read straight from its bytes: only the fields the load generator
 * uses, without the generic decoder's Frame, Push and Message objects. Undefined
 * when the frame is not (only) a push; the generic decoder handles those.
 */
export function readPush(bytes: Uint8Array, from = 0, to = bytes.length): PushedMessage | undefined {
  if (bytes[from] !== PUSH_TAG) return undefined;
  at = from + 1;
  const pushLen = varint(bytes);
  const pushEnd = at + pushLen;
  if (pushEnd !== to) return undefined;
  const m: PushedMessage = { conversationId: '', seq: 0, type: 0, body: EMPTY };
  while (at < pushEnd) {
    const tag = varint(bytes);
    if (tag !== ((1 << 3) | 2)) {
      skip(bytes, tag & 7);
      continue;
    }
    const messageLen = varint(bytes);
    const end = at + messageLen;
    while (at < end) {
      const field = varint(bytes);
      if (field === ((2 << 3) | 2)) {
        const len = varint(bytes);
        m.conversationId = conversationIdAt(bytes, at, len);
        at += len;
      } else if (field === ((3 << 3) | 0)) m.seq = varint(bytes);
      else if (field === ((7 << 3) | 0)) m.type = varint(bytes);
      else if (field === ((8 << 3) | 2)) {
        const len = varint(bytes);
        m.body = bytes.subarray(at, at + len);
        at += len;
      } else skip(bytes, field & 7);
    }
    if (at !== end) throw new RangeError('push message overruns its length');
  }
  return m;
}

const EMPTY = new Uint8Array(0);

/** The last conversation id read, and its bytes: pushes mostly repeat it. */
let lastId = '';
let lastIdBytes = EMPTY;

function conversationIdAt(bytes: Uint8Array, from: number, len: number): string {
  if (len === lastIdBytes.length) {
    let i = 0;
    while (i < len && bytes[from + i] === lastIdBytes[i]) i++;
    if (i === len) return lastId;
  }
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  lastId = buf.toString('utf8', from, from + len);
  lastIdBytes = Uint8Array.prototype.slice.call(bytes, from, from + len);
  return lastId;
}

/** TCP frame header: a 4-byte big-endian length. */
const HEADER = 4;
const MAX_FRAME = 1 << 24;

export class LeanClient {
  onPush: PushHandler = () => {};
  onClose: () => void = () => {};
  private nextId = 1;
  private readonly waiting = new Map<number, (frame: parley.Frame) => void>();
  private readonly acks = new Map<string, number>();
  private ackQueued = false;
  private writeFrame!: (bytes: Uint8Array) => void;
  private closeTransport!: () => void;

  private constructor() {}

  static async open(url: string): Promise<LeanClient> {
    const client = new LeanClient();
    await client.dial(url);
    return client;
  }

  private async dial(url: string): Promise<void> {
    if (url.startsWith('tcp://') || url.startsWith('tls://')) {
      const secure = url.startsWith('tls://');
      const { hostname, port } = new URL(url.replace(/^(tcp|tls):/, 'http:'));
      // tls://: the server's CA is trusted through NODE_EXTRA_CA_CERTS (bench --tls).
      const socket: Socket = secure ? tlsConnect({ host: hostname, port: Number(port) }) : connect(Number(port), hostname);
      socket.setNoDelay(true);
      await new Promise<void>((resolve, reject) => {
        socket.once(secure ? 'secureConnect' : 'connect', resolve);
        socket.once('error', reject);
      });
      const decoder = new FrameDecoder(MAX_FRAME);
      socket.on('data', (chunk: Buffer) => {
        const now = performance.now(); // the whole chunk arrived at once
        let from = 0;
        if (decoder.pendingBytes === 0) {
          // Whole frames are read where they lie in the chunk; a partial one (or a
          // bad length) goes to the decoder with the rest.
          while (chunk.length - from >= HEADER) {
            const len = chunk.readUInt32BE(from);
            if (len === 0 || len > MAX_FRAME || chunk.length - from - HEADER < len) break;
            this.received(chunk, from + HEADER, from + HEADER + len, now);
            from += HEADER + len;
          }
          if (from === chunk.length) return;
        }
        for (const f of decoder.push(from === 0 ? chunk : chunk.subarray(from))) this.received(f, 0, f.length, now);
      });
      socket.on('close', () => this.onClose());
      socket.on('error', () => {});
      const frames = createFrameWriter(socket, process.nextTick);
      this.writeFrame = (bytes) => frames.write(bytes);
      this.closeTransport = () => socket.destroy();
    } else {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.on('message', (data: Buffer) => this.received(data, 0, data.length, performance.now()));
      ws.on('close', () => this.onClose());
      ws.on('error', () => {});
      this.writeFrame = (bytes) => ws.send(bytes);
      this.closeTransport = () => ws.terminate();
    }
  }

  /** The frame in bytes[from, to), received at `now` (performance.now()). */
  private received(bytes: Uint8Array, from: number, to: number, now: number): void {
    const pushed = readPush(bytes, from, to);
    if (pushed) {
      this.pushed(pushed, now);
      return;
    }
    const frame = decodeFrame(bytes.subarray(from, to));
    if (frame.body === 'push') {
      const m = frame.push!.message!;
      this.pushed({ conversationId: m.conversationId ?? '', seq: Number(m.seq ?? 0), type: m.type ?? 0, body: m.body ?? EMPTY }, now);
      return;
    }
    if (frame.body === 'ping') {
      this.write({ id: frame.id, pong: { time: frame.ping?.time ?? 0 } });
      return;
    }
    const done = this.waiting.get(frame.id ?? 0);
    if (done) {
      this.waiting.delete(frame.id!);
      done(frame);
    }
  }

  private pushed(m: PushedMessage, now: number): void {
    this.onPush(m, now);
    if (m.seq > (this.acks.get(m.conversationId) ?? 0)) this.acks.set(m.conversationId, m.seq);
    if (!this.ackQueued) {
      this.ackQueued = true;
      setImmediate(() => this.flushAcks());
    }
  }

  private flushAcks(): void {
    this.ackQueued = false;
    for (const [conversationId, seq] of this.acks) this.write({ ack: { conversationId, seq } });
    this.acks.clear();
  }

  write(frame: FrameData): void {
    this.writeFrame(encodeFrame(frame));
  }

  request(frame: FrameData): Promise<parley.Frame> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.write({ ...frame, id });
    });
  }

  /** Fire a request; `done` gets the answer (no promise per message on the hot path). */
  requestCallback(frame: FrameData, done: (frame: parley.Frame) => void): void {
    const id = this.nextId++;
    this.waiting.set(id, done);
    this.write({ ...frame, id });
  }

  async auth(token: string, deviceId: string): Promise<void> {
    const reply = await this.request({ auth: { token, deviceId, platform: 'bench', protocolVersion: 1 } });
    if (reply.body !== 'authOk') throw new Error(`auth failed: ${reply.error?.code} ${reply.error?.message}`);
  }

  ping(): void {
    this.write({ ping: { time: Date.now() } });
  }

  close(): void {
    this.closeTransport();
  }
}
