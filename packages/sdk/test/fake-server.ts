/**
 * A scripted in-process server for SDK tests: a real WebSocket server on port 0
 * that decodes client frames and lets the test answer them by hand, so the SDK
 * can be shown situations a correct server rarely produces (reordered or
 * duplicated pushes, lost acks, notices). Every wait has a deadline (WAIT_MS
 * unless the call says otherwise) and names what it waited for when it fails.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type FrameData, type parley } from '@parley/protocol';
import { WAIT_MS, withDeadline } from '@parley/testkit';

export interface FakeConnection {
  readonly frames: parley.Frame[];
  send(frame: FrameData): void;
  /**
   * Wait for a client frame matching `pred` (looks at past frames first).
   * `what` names it in the failure (default: the predicate's source).
   */
  next(pred: (f: parley.Frame) => boolean, timeoutMs?: number, what?: string): Promise<parley.Frame>;
  close(code?: number): void;
}

export interface FakeServer {
  url: string;
  /** Resolves with the n-th connection (0-based) once it is open. */
  connection(n: number, timeoutMs?: number): Promise<FakeConnection>;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await withDeadline(new Promise<void>((r) => wss.once('listening', () => r())), 'the fake server to listen');
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
      next: (pred, timeoutMs = WAIT_MS, what = `a frame matching ${pred}`) => {
        const seen = frames.find(pred);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const entry = { pred, resolve: (f: parley.Frame) => (clearTimeout(timer), resolve(f)) };
          const timer = setTimeout(() => {
            pending.splice(pending.indexOf(entry), 1);
            reject(new Error(`fake server: timed out after ${timeoutMs} ms waiting for ${what}; got: ${frames.map((f) => f.body).join(',') || 'nothing'}`));
          }, timeoutMs);
          pending.push(entry);
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
    connection: (n, timeoutMs) =>
      connections[n]
        ? Promise.resolve(connections[n]!)
        : withDeadline(new Promise((resolve) => waiters.push({ n, resolve })), () => `connection #${n} (0-based) from the client; ${connections.length} so far`, timeoutMs),
    close: () =>
      withDeadline(
        new Promise((resolve) => {
          for (const c of wss.clients) c.terminate();
          wss.close(() => resolve());
        }),
        'the fake server to close',
      ),
  };
}

/** Answer Auth and an empty Sync, as a server would for a new user. */
export async function handshake(conn: FakeConnection, conversations: parley.IConversationState[] = []): Promise<void> {
  const auth = await conn.next((f) => f.body === 'auth');
  conn.send({ id: auth.id, authOk: { userId: 'me', deviceId: auth.auth!.deviceId, heartbeatMs: 60_000, maxFrameBytes: 65536 } });
  const sync = await conn.next((f) => f.body === 'sync');
  conn.send({ id: sync.id, syncResult: { conversations, token: 'tok-1' } });
}
