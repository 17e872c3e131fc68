/**
 * A scripted in-process server for SDK tests: a real WebSocket server on port 0
 * that decodes client frames and lets the test answer them by hand, so the SDK
 * can be shown situations a correct server rarely produces (reordered or
 * duplicated pushes, lost acks, notices).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type FrameData, type parley } from '@parley/protocol';

export interface FakeConnection {
  readonly frames: parley.Frame[];
  send(frame: FrameData): void;
  /** Wait for a client frame matching `pred` (looks at past frames first). */
  next(pred: (f: parley.Frame) => boolean, timeoutMs?: number): Promise<parley.Frame>;
  close(code?: number): void;
}

export interface FakeServer {
  url: string;
  /** Resolves with the n-th connection (0-based) once it is open. */
  connection(n: number): Promise<FakeConnection>;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const connections: FakeConnection[] = [];
  const waiters: { n: number; resolve: (c: FakeConnection) => void }[] = [];
  wss.on('connection', (ws: WebSocket) => {
    const frames: parley.Frame[] = [];
    const pending: { pred: (f: parley.Frame) => boolean; resolve: (f: parley.Frame) => void }[] = [];
    ws.on('message', (data: Buffer) => {
      const f = decodeFrame(data);
      frames.push(f);
      for (const p of [...pending]) {
        if (p.pred(f)) {
          pending.splice(pending.indexOf(p), 1);
          p.resolve(f);
        }
      }
    });
    const conn: FakeConnection = {
      frames,
      send: (frame) => ws.send(encodeFrame(frame)),
      next: (pred, timeoutMs = 5000) => {
        const seen = frames.find(pred);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`fake server: no matching frame; got ${frames.map((f) => f.body)}`)), timeoutMs);
          pending.push({ pred, resolve: (f) => (clearTimeout(timer), resolve(f)) });
        });
      },
      close: (code = 1000) => ws.close(code),
    };
    connections.push(conn);
    for (const w of [...waiters]) {
      if (w.n === connections.length - 1) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(conn);
      }
    }
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    connection: (n) => (connections[n] ? Promise.resolve(connections[n]!) : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** Answer Auth and an empty Sync, as a server would for a new user. */
export async function handshake(conn: FakeConnection, conversations: parley.IConversationState[] = []): Promise<void> {
  const auth = await conn.next((f) => f.body === 'auth');
  conn.send({ id: auth.id, authOk: { userId: 'me', deviceId: auth.auth!.deviceId, heartbeatMs: 60_000, maxFrameBytes: 65536 } });
  const sync = await conn.next((f) => f.body === 'sync');
  conn.send({ id: sync.id, syncResult: { conversations, token: 'tok-1' } });
}
