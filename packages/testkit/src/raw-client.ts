/**
 * A raw protocol client for tests: frames in, frames out, over WebSocket or TCP,
 * with no reliability logic of its own. Used to probe the server exactly.
 *
 * Every wait here has a deadline (WAIT_MS unless the call says otherwise), so a
 * server that never answers, never pushes or never closes fails the test in
 * seconds with what was awaited, instead of hanging it.
 */
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, FrameDecoder, lengthPrefixed, type FrameData, type parley } from '@parley/protocol';
import { WAIT_MS, withDeadline } from './wait.ts';

export interface RawClient {
  /** Every frame received so far, in order. */
  readonly frames: parley.Frame[];
  /** Wait for the connection to close (from either end); resolves with the WebSocket close code. */
  waitForClose(timeoutMs?: number): Promise<{ code?: number }>;
  isClosed(): boolean;
  send(frame: FrameData): void;
  sendBytes(bytes: Uint8Array): void;
  /** Send a request with a fresh id and wait for the frame answering it. */
  request(frame: FrameData, timeoutMs?: number): Promise<parley.Frame>;
  /** Stop reading from the socket (a consumer that does not keep up). */
  pause(): void;
  /** Read again after `pause()`. */
  resume(): void;
  /**
   * Wait for a received frame matching `pred` (looks at past frames first).
   * `what` names it in the failure (default: the predicate's source).
   */
  waitFor(pred: (f: parley.Frame) => boolean, timeoutMs?: number, what?: string): Promise<parley.Frame>;
  close(): void;
}

let nextId = 1;

export async function openRaw(url: string): Promise<RawClient> {
  const frames: parley.Frame[] = [];
  const waiters = new Set<{
    pred: (f: parley.Frame) => boolean;
    what: string;
    resolve: (f: parley.Frame) => void;
    reject: (e: Error) => void;
  }>();
  let closedFlag = false;
  let onClosed!: (v: { code?: number }) => void;
  const closed = new Promise<{ code?: number }>((r) => (onClosed = r));
  const received = (bytes: Uint8Array) => {
    const frame = decodeFrame(bytes);
    frames.push(frame);
    for (const w of waiters) {
      if (w.pred(frame)) {
        waiters.delete(w);
        w.resolve(frame);
      }
    }
  };
  const markClosed = (code?: number) => {
    if (closedFlag) return;
    closedFlag = true;
    onClosed({ code });
    for (const w of waiters) w.reject(new Error(`connection closed (${code ?? 'no code'}) while waiting for ${w.what}`));
    waiters.clear();
  };

  let sendBytes: (bytes: Uint8Array) => void;
  let sendFrame: (bytes: Uint8Array) => void;
  let close: () => void;
  let pause: () => void;
  let resume: () => void;
  if (url.startsWith('tcp://')) {
    const { hostname, port } = new URL(url.replace('tcp://', 'http://'));
    const socket: Socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    const connected = new Promise<void>((res, rej) => {
      socket.once('connect', res);
      socket.once('error', rej);
    });
    await withDeadline(connected, `a TCP connection to ${url}`).catch((err: unknown) => {
      socket.destroy();
      throw err;
    });
    const decoder = new FrameDecoder(16 * 1024 * 1024);
    socket.on('data', (chunk: Buffer) => decoder.push(chunk).forEach(received));
    socket.on('close', () => markClosed());
    socket.on('error', () => markClosed());
    sendBytes = (bytes) => socket.write(bytes);
    sendFrame = (bytes) => socket.write(lengthPrefixed(bytes));
    close = () => socket.destroy();
    pause = () => socket.pause();
    resume = () => socket.resume();
  } else {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    const opened = new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    // Listening before the open resolves: frames that came with the upgrade answer
    // (a draining server's notice, say) are emitted right after 'open', before an
    // await on it returns, and would otherwise be lost.
    ws.on('message', (data: Buffer) => received(data));
    ws.on('close', (code: number) => markClosed(code));
    await withDeadline(opened, `a WebSocket connection to ${url}`).catch((err: unknown) => {
      ws.terminate();
      throw err;
    });
    ws.on('error', () => markClosed());
    sendBytes = (bytes) => ws.send(bytes);
    sendFrame = (bytes) => ws.send(bytes);
    close = () => ws.terminate();
    pause = () => ws.pause();
    resume = () => ws.resume();
  }

  /** The bodies of the frames received so far (the last 30), for failure messages. */
  const receivedSoFar = () =>
    frames.length === 0 ? 'nothing' : `${frames.length > 30 ? `${frames.length} frames, the last 30: ` : ''}${frames.slice(-30).map((f) => f.body).join(',')}`;
  const waitFor = (pred: (f: parley.Frame) => boolean, timeoutMs = WAIT_MS, what = `a frame matching ${pred}`) => {
    const seen = frames.find(pred);
    if (seen) return Promise.resolve(seen);
    if (closedFlag) return Promise.reject(new Error(`connection is closed; was waiting for ${what}; got: ${receivedSoFar()}`));
    return new Promise<parley.Frame>((resolve, reject) => {
      const w = {
        pred,
        what,
        resolve: (f: parley.Frame) => (clearTimeout(timer), resolve(f)),
        reject: (e: Error) => (clearTimeout(timer), reject(e)),
      };
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got: ${receivedSoFar()}`));
      }, timeoutMs);
      waiters.add(w);
    });
  };

  return {
    frames,
    waitForClose: (timeoutMs) => withDeadline(closed, () => `the connection to close; got: ${receivedSoFar()}`, timeoutMs),
    isClosed: () => closedFlag,
    send: (frame) => sendFrame(encodeFrame(frame)),
    sendBytes: (bytes) => sendBytes(bytes),
    request: (frame, timeoutMs) => {
      const id = nextId++;
      sendFrame(encodeFrame({ ...frame, id }));
      const kind = Object.keys(frame).find((k) => k !== 'id') ?? 'request';
      return waitFor((f) => f.id === id, timeoutMs, `the answer to ${kind} #${id}`);
    },
    waitFor,
    close,
    pause,
    resume,
  };
}

/** Open a raw connection and authenticate it. */
export async function openAuthed(url: string, token: string, deviceId = 'raw-device'): Promise<RawClient & { userId: string }> {
  const client = await openRaw(url);
  try {
    const reply = await client.request({ auth: { token, deviceId, platform: 'test', protocolVersion: 1 } });
    if (reply.body !== 'authOk') throw new Error(`auth failed: ${reply.error?.code} ${reply.error?.message}`);
    return Object.assign(client, { userId: reply.authOk!.userId! });
  } catch (err) {
    client.close(); // not left open behind a caller that tries again
    throw err;
  }
}
