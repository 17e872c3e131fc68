/**
 * A TCP proxy for fault injection on loopback: clients connect to the proxy, the
 * proxy connects to the server, bytes flow both ways. Tests cut connections
 * (reset all, or each at random), add latency, or blackhole traffic, to make the
 * network misbehave without touching the code under test. Works for WebSocket
 * (it is TCP underneath) and raw TCP alike.
 *
 * Invariant: whatever the faults, the bytes that pass in one direction leave in
 * the order they came (a fault may drop or cut, never reorder: a reordered TCP
 * stream is corruption no real network produces). Each direction has a FIFO
 * lane; a chunk's release time is max(arrival + latency, the previous chunk's),
 * so lowering or ending latency cannot let new bytes overtake delayed ones.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { decodeFrame, FrameDecoder, lengthPrefixed } from '@parley/protocol';
import { withDeadline } from './wait.ts';

export interface FaultProxy {
  /** host:port the clients should use. */
  readonly port: number;
  /** Connections currently open through the proxy. */
  readonly open: number;
  /** Connections cut by the proxy so far. */
  readonly cuts: number;
  /** Reset every open connection (both sides see the connection die). */
  cutAll(): void;
  /** While > 0, each chunk may, with this probability, cut its connection instead of passing. */
  setCutProbability(p: number): void;
  /** Hold every chunk this long before passing it on. */
  setLatency(ms: number): void;
  /** Stop passing bytes (connections stay open, data is dropped) until turned off. */
  setBlackhole(on: boolean): void;
  /** Drop bytes in one direction only: 'up' (client → server), 'down', or 'none'. */
  setBlackholeDirection(direction: 'up' | 'down' | 'none'): void;
  /** Pass bytes one at a time (each on its own write), as a very slow or fragmenting network would. */
  setTrickle(on: boolean): void;
  /** Cut each open connection after it has carried `bytes` more bytes (0 = off). */
  closeAfterBytes(bytes: number): void;
  /** Drop each Push frame going to the client with this probability. Needs `framed`. */
  setDropPushes(p: number): void;
  /**
   * Drop each SendAck frame going to the client with this probability (the
   * message is stored; only its ack is lost). Needs `framed` (raw TCP protocol).
   */
  setDropAcks(p: number): void;
  /**
   * Drop each device Ack frame going to the server with this probability (the
   * device has the message; the server does not learn it and retransmits). Needs `framed`.
   */
  setDropDeviceAcks(p: number): void;
  /**
   * Drop the VoicePush frames (id 0: chunks as they are stored, not fetch
   * answers) going to the client that `which` picks; undefined stops. Needs `framed`.
   */
  setDropVoicePushes(which: ((push: { streamId: string; index: number; ended: boolean }) => boolean) | undefined): void;
  /** Frames dropped so far by setDropPushes, setDropAcks, setDropDeviceAcks and setDropVoicePushes. */
  readonly dropped: { pushes: number; acks: number; deviceAcks: number; voicePushes: number };
  /**
   * Stop reading from both ends of every connection (and of new ones) until
   * turned off: to the server, the client has stopped reading (a slow consumer),
   * and the kernel buffers fill up.
   */
  setStalled(on: boolean): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  targetHost?: string;
  random?: () => number;
  /** The traffic is Parley's raw TCP protocol: frame-level faults become possible. */
  framed?: boolean;
}

export async function startFaultProxy(targetPort: number, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const { targetHost = '127.0.0.1', random = Math.random, framed = false } = options;
  const pairs = new Set<[Socket, Socket]>();
  let cuts = 0;
  let cutProbability = 0;
  let latency = 0;
  let blackhole = false;
  let blackholeDirection: 'up' | 'down' | 'none' = 'none';
  let trickle = false;
  let stalled = false;
  let closeAfter = 0;
  let dropAcks = 0;
  let dropPushes = 0;
  let dropDeviceAcks = 0;
  let dropVoice: ((push: { streamId: string; index: number; ended: boolean }) => boolean) | undefined;
  const budget = new Map<[Socket, Socket], number>();
  const dropped = { pushes: 0, acks: 0, deviceAcks: 0, voicePushes: 0 };

  const cut = (pair: [Socket, Socket]) => {
    budget.delete(pair);
    if (!pairs.delete(pair)) return;
    cuts++;
    pair[0].resetAndDestroy();
    pair[1].resetAndDestroy();
  };

  /** Stop (or go back to) reading both ends of a connection. */
  const hold = (pair: [Socket, Socket], on: boolean) => {
    for (const socket of pair) {
      if (on) socket.pause();
      else socket.resume();
    }
  };

  /** Whether a decoded frame passes, going to the client (`toClient`) or to the server. */
  const keep = (frame: Uint8Array, toClient: boolean): boolean => {
    if (toClient ? dropAcks === 0 && dropPushes === 0 && !dropVoice : dropDeviceAcks === 0) return true;
    const decoded = decodeFrame(frame);
    const body = decoded.body;
    if (toClient && body === 'voicePush' && !decoded.id && dropVoice) {
      const v = decoded.voicePush!;
      if (dropVoice({ streamId: v.streamId ?? '', index: v.index ?? 0, ended: v.ended ?? false })) {
        dropped.voicePushes++;
        return false;
      }
    }
    if (toClient && body === 'sendAck') return !drop(dropAcks, 'acks');
    if (toClient && body === 'push') return !drop(dropPushes, 'pushes');
    if (!toClient && body === 'ack') return !drop(dropDeviceAcks, 'deviceAcks');
    return true;
  };
  const drop = (probability: number, kind: keyof typeof dropped): boolean => {
    if (!(random() < probability)) return false;
    dropped[kind]++;
    return true;
  };

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    // A byte-at-a-time trickle must leave as one segment per byte, not be coalesced by Nagle.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const live = () => pairs.has(pair);
    const pipe = (from: Socket, to: Socket) => {
      const toClient = to === client;
      // Bytes of a framed connection pass frame by frame, so single frames can be dropped.
      const decoder = framed ? new FrameDecoder(1 << 24) : undefined;
      const lane = new Lane(to, live, () => trickle);
      from.on('data', (raw: Buffer) => {
        if (!live()) return;
        const parts = decoder ? decoder.push(raw).filter((f) => keep(f, toClient)).map(lengthPrefixed) : [raw];
        if (parts.length === 0) return;
        const chunk = parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts);
        if (cutProbability > 0 && random() < cutProbability) {
          cut(pair);
          return;
        }
        if (blackhole || blackholeDirection === (toClient ? 'down' : 'up')) return;
        if (closeAfter > 0) {
          const left = (budget.get(pair) ?? closeAfter) - chunk.length;
          budget.set(pair, left);
          if (left <= 0) {
            lane.push(chunk.subarray(0, chunk.length + left), latency, () => cut(pair));
            return;
          }
        }
        lane.push(chunk, latency);
      });
      const end = () => {
        lane.clear();
        if (pairs.delete(pair)) {
          client.destroy();
          upstream.destroy();
        }
      };
      from.on('close', end);
      from.on('error', end);
    };
    pipe(client, upstream);
    pipe(upstream, client);
    if (stalled) hold(pair, true);
  });
  await withDeadline(new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)), 'the fault proxy to listen');

  return {
    port: (server.address() as AddressInfo).port,
    get open() {
      return pairs.size;
    },
    get cuts() {
      return cuts;
    },
    get dropped() {
      return { ...dropped };
    },
    cutAll: () => [...pairs].forEach(cut),
    setCutProbability: (p) => (cutProbability = p),
    setLatency: (ms) => (latency = ms),
    setBlackhole: (on) => (blackhole = on),
    setDropAcks: (p) => (dropAcks = p),
    setDropPushes: (p) => (dropPushes = p),
    setDropVoicePushes: (which) => (dropVoice = which),
    setBlackholeDirection: (d) => (blackholeDirection = d),
    setTrickle: (on) => (trickle = on),
    setDropDeviceAcks: (p) => (dropDeviceAcks = p),
    setStalled: (on) => {
      stalled = on;
      for (const pair of pairs) hold(pair, on);
    },
    closeAfterBytes: (bytes) => {
      closeAfter = bytes;
      budget.clear();
    },
    close: () =>
      withDeadline(
        new Promise<void>((resolve) => {
          [...pairs].forEach(cut);
          server.close(() => resolve());
        }),
        'the fault proxy to close',
      ),
  };
}

/**
 * One direction of one connection: chunks leave in arrival order, each no
 * earlier than its release time; in trickle mode one byte per write, the next
 * only once the previous one has been handed to the kernel.
 */
class Lane {
  private readonly queue: { due: number; bytes: Buffer; then?: () => void }[] = [];
  private lastDue = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing = false;

  constructor(
    private readonly to: Socket,
    private readonly live: () => boolean,
    private readonly trickle: () => boolean,
  ) {}

  /** Queue `bytes` to leave `latency` ms from now (or after what is queued); `then` runs once they are written. */
  push(bytes: Buffer, latency: number, then?: () => void): void {
    const due = Math.max(performance.now() + latency, this.lastDue); // monotonic: a clock step delays nothing
    this.lastDue = due;
    this.queue.push({ due, bytes, then });
    this.pump();
  }

  clear(): void {
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    if (this.writing || this.timer) return;
    while (this.queue.length > 0) {
      if (!this.live()) return this.clear();
      const head = this.queue[0]!;
      const wait = head.due - performance.now();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      if (this.trickle() && head.bytes.length > 0) {
        const byte = head.bytes.subarray(0, 1);
        head.bytes = head.bytes.subarray(1);
        if (head.bytes.length === 0) this.queue.shift();
        this.writing = true;
        // The next byte waits a turn of the event loop: written back to back they
        // would reach a reader in the same process as one read.
        this.to.write(byte, () =>
          setImmediate(() => {
            this.writing = false;
            if (head.bytes.length === 0) head.then?.();
            this.pump();
          }),
        );
        return;
      }
      this.queue.shift();
      if (head.bytes.length > 0) this.to.write(head.bytes);
      head.then?.();
    }
  }
}
