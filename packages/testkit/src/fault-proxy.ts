/**
 * A TCP proxy for fault injection on loopback: clients connect to the proxy, the
 * proxy connects to the server, bytes flow both ways. Tests cut connections
 * (reset all, or each at random), add latency, or blackhole traffic, to make the
 * network misbehave without touching the code under test. Works for WebSocket
 * (it is TCP underneath) and raw TCP alike.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

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
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number, targetHost = '127.0.0.1', random: () => number = Math.random): Promise<FaultProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let cuts = 0;
  let cutProbability = 0;
  let latency = 0;
  let blackhole = false;

  const cut = (pair: [Socket, Socket]) => {
    if (!pairs.delete(pair)) return;
    cuts++;
    pair[0].resetAndDestroy();
    pair[1].resetAndDestroy();
  };

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const pipe = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (!pairs.has(pair)) return;
        if (cutProbability > 0 && random() < cutProbability) {
          cut(pair);
          return;
        }
        if (blackhole) return;
        if (latency > 0) setTimeout(() => pairs.has(pair) && to.write(chunk), latency);
        else to.write(chunk);
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
    close: () =>
      new Promise<void>((resolve) => {
        [...pairs].forEach(cut);
        server.close(() => resolve());
      }),
  };
}
