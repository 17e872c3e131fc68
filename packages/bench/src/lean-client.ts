/**
 * The load generator's client: the protocol and nothing more. It authenticates,
 * sends, acks every push cumulatively (once per conversation per event-loop turn),
 * syncs and pulls. It has none of the SDK's reliability machinery on purpose — the
 * bench measures the server; the SDK's logic is measured by its own tests.
 */
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { createFrameWriter, decodeFrame, encodeFrame, FrameDecoder, type FrameData, type parley } from '@parley/protocol';

export type PushHandler = (message: parley.Message, now: number) => void;

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
    if (url.startsWith('tcp://')) {
      const { hostname, port } = new URL(url.replace('tcp://', 'http://'));
      const socket: Socket = connect(Number(port), hostname);
      socket.setNoDelay(true);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      const decoder = new FrameDecoder(1 << 24);
      socket.on('data', (chunk: Buffer) => {
        for (const f of decoder.push(chunk)) this.received(f);
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
      ws.on('message', (data: Buffer) => this.received(data));
      ws.on('close', () => this.onClose());
      ws.on('error', () => {});
      this.writeFrame = (bytes) => ws.send(bytes);
      this.closeTransport = () => ws.terminate();
    }
  }

  private received(bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    if (frame.body === 'push') {
      const m = frame.push!.message as parley.Message;
      this.onPush(m, performance.now());
      const seq = Number(m.seq);
      if (seq > (this.acks.get(m.conversationId) ?? 0)) this.acks.set(m.conversationId, seq);
      if (!this.ackQueued) {
        this.ackQueued = true;
        setImmediate(() => this.flushAcks());
      }
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
