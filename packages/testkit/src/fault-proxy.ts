/**
 * A TCP proxy for fault injection on loopback: clients connect to the proxy, the
 * proxy connects to the server, bytes flow both ways. Tests cut connections
 * (reset all, or each at random), add latency, or blackhole traffic, to make the
 * network misbehave without touching the code under test. Works for WebSocket
 * (it is TCP underneath) and raw TCP alike.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { decodeFrame, FrameDecoder, lengthPrefixed } from '@parley/protocol';

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
  let closeAfter = 0;
  let dropAcks = 0;
  let dropPushes = 0;
  const budget = new Map<[Socket, Socket], number>();

  const cut = (pair: [Socket, Socket]) => {
    budget.delete(pair);
    if (!pairs.delete(pair)) return;
    cuts++;
    pair[0].resetAndDestroy();
    pair[1].resetAndDestroy();
  };

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    // Server → client bytes of a framed connection pass frame by frame, so single frames can be dropped.
    const downstream = framed ? new FrameDecoder(1 << 24) : undefined;
    const filter = (chunk: Buffer, toClient: boolean): Uint8Array[] => {
      if (!toClient || !downstream) return [chunk];
      return downstream
        .push(chunk)
        .filter((frame) => {
          if (dropAcks === 0 && dropPushes === 0) return true;
          const body = decodeFrame(frame).body;
          if (body === 'sendAck') return !(random() < dropAcks);
          if (body === 'push') return !(random() < dropPushes);
          return true;
        })
        .map(lengthPrefixed);
    };
    const pipe = (from: Socket, to: Socket) => {
      const toClient = to === client;
      from.on('data', (raw: Buffer) => {
        if (!pairs.has(pair)) return;
        const parts = filter(raw, toClient);
        if (parts.length === 0) return;
        const chunk = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        if (cutProbability > 0 && random() < cutProbability) {
          cut(pair);
          return;
        }
        if (blackhole || blackholeDirection === (toClient ? 'down' : 'up')) return;
        if (closeAfter > 0) {
          const left = (budget.get(pair) ?? closeAfter) - chunk.length;
          budget.set(pair, left);
          if (left <= 0) {
            to.write(chunk.subarray(0, chunk.length + left));
            cut(pair);
            return;
          }
        }
        const send = (bytes: Uint8Array) => {
          if (!trickle) return void to.write(bytes);
          for (let i = 0; i < bytes.length; i++) to.write(bytes.subarray(i, i + 1));
        };
        if (latency > 0) setTimeout(() => pairs.has(pair) && send(chunk), latency);
        else send(chunk);
      });
      const end = () => {
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
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    get open() {
      return pairs.size;
    },
    get cuts() {
      return cuts;
    },
    cutAll: () => [...pairs].forEach(cut),
    setCutProbability: (p) => (cutProbability = p),
    setLatency: (ms) => (latency = ms),
    setBlackhole: (on) => (blackhole = on),
    setDropAcks: (p) => (dropAcks = p),
    setDropPushes: (p) => (dropPushes = p),
    setBlackholeDirection: (d) => (blackholeDirection = d),
    setTrickle: (on) => (trickle = on),
    closeAfterBytes: (bytes) => {
      closeAfter = bytes;
      budget.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        [...pairs].forEach(cut);
        server.close(() => resolve());
      }),
  };
}
