/**
 * The connection and its session state machine: dial, authenticate, hand the
 * session to the client to bring up to date, keep it alive, and on any loss
 * back off with full jitter and do it again — until close() or a terminal
 * outcome.
 *
 *   idle → connecting → authenticating → syncing → online
 *            ↑                                        │ lost
 *            └──────────── reconnecting ←─────────────┘
 *   any state → closed (close(); a fixed token refused; kicked; replaced by
 *   another connection of this device)
 *
 * Invariants:
 * - Every request settles: with its answer, with the ParleyError the server
 *   answered, or with the retryable UNAVAILABLE when the connection is lost, is
 *   not there, or no answer came within `requestTimeoutMs`.
 * - Time is measured on the monotonic clock (heartbeats, request deadlines).
 * - One tick timer per connection drives the heartbeat, request deadlines and
 *   the client's own periodic work (outbox retransmits, gap pulls).
 * - Terminal outcomes are decided here once, from the close code or the Error
 *   frame that precedes a close, so both transports end the same way.
 */
import { CloseCode, decodeFrame, encodeFrame, ErrorCode, isRetryable, NoticeCode, ParleyError, PROTOCOL_VERSION, type FrameData, type parley } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { monotonicNow } from './clock.ts';
import { openTransport, type TlsOptions, type Transport, type WebSocketConstructor } from './transport.ts';
import type { ConnectionState } from './types.ts';

export interface ConnectionOptions {
  urls: string[];
  nodesUrl?: string;
  transport?: 'ws' | 'tcp';
  token: string | (() => string | Promise<string>);
  deviceId: string;
  platform: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  backoff: BackoffOptions;
  WebSocket?: WebSocketConstructor;
  tls?: TlsOptions;
  /** The fetch that reads nodesUrl. */
  fetch: typeof fetch;
}

/** What the client does with a session. */
export interface SessionHandlers {
  /**
   * Authenticated on a new connection: bring the session up to date (resend the
   * outbox, sync). Rejects if the connection is lost meanwhile. The state is
   * 'syncing' until it resolves, then 'online'.
   */
  opened(userId: string): Promise<void>;
  /** A frame that answers no waiting request: pushes, notices, receipts, a send's ack or error. */
  frame(frame: parley.Frame): void;
  /** Every tick while connected (monotonic ms). */
  tick(now: number): void;
  /** The connection went away; a reconnect follows unless the session ended. */
  lost(): void;
  /** The session ended for good (close() or a terminal outcome). */
  ended(error: ParleyError): void;
  state(state: ConnectionState): void;
  error(error: Error): void;
}

const TICK_MS = 50;
/**
 * Close codes and Error codes after which reconnecting cannot help: another
 * device took this one's place (device policy), or this device id connected
 * again elsewhere (two instances with one id must not evict each other forever).
 */
const TERMINAL_CLOSES: ReadonlyMap<number, ErrorCode> = new Map([
  [CloseCode.KICKED, ErrorCode.KICKED],
  [CloseCode.REPLACED, ErrorCode.REPLACED],
]);
const TERMINAL_CODES: ReadonlySet<string> = new Set([ErrorCode.KICKED, ErrorCode.REPLACED]);
/** Closes that are routine, not a problem to report: the node is draining (reconnect elsewhere at once). */
const ROUTINE_CODES: ReadonlySet<string> = new Set([ErrorCode.DRAINING]);

/** The retryable failure of a request on a connection that is gone or silent. */
export function unavailable(reason: string): ParleyError {
  return new ParleyError(ErrorCode.UNAVAILABLE, reason, { retryable: true });
}

/** The ParleyError an Error frame carries. */
export function errorOf(error: parley.IError): ParleyError {
  const code = (error.code ?? ErrorCode.INTERNAL) as ErrorCode;
  return new ParleyError(code, error.message ?? '', { retryable: error.retryable ?? isRetryable(code), retryAfterMs: error.retryAfterMs ?? 0 });
}

interface Waiting {
  resolve: (frame: parley.Frame) => void;
  reject: (err: ParleyError) => void;
  /** When the request was written (monotonic ms). */
  since: number;
}

/** Thrown inside a session to end it: reconnect (lost) or stop (terminal). */
class SessionEnd extends Error {
  constructor(
    reason: string,
    readonly terminal?: ParleyError,
  ) {
    super(reason);
  }
}

export class Connection {
  private urls: string[];
  private urlIndex = 0;
  private transport: Transport | undefined;
  private authenticated = false;
  private currentState: ConnectionState = 'idle';
  private nextRequestId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private heartbeatMs = 15_000;
  private lastReceived = 0;
  private lastSent = 0;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private endError: ParleyError | undefined;
  /** The terminal error an Error frame (id 0) announced for the close that follows it. */
  private announced: ParleyError | undefined;
  private connectionEnded: ((end: SessionEnd) => void) | undefined;
  private wake: (() => void) | undefined;
  /** Which connection is current: events of a torn-down one are ignored. */
  private generation = 0;
  /** The last connection ended routinely (its node is draining): reconnect without a backoff. */
  private reconnectAtOnce = false;
  /** The least wait before the next connection attempt (a RATE_LIMITED refusal said how long). */
  private reconnectNotBefore = 0;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly handlers: SessionHandlers,
  ) {
    this.urls = [...options.urls];
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Connected and authenticated (requests and sends may go out). */
  get ready(): boolean {
    return this.authenticated && this.transport !== undefined;
  }

  /** Why the session ended, once it has. */
  get ended(): ParleyError | undefined {
    return this.endError;
  }

  /** Start the session loop (once). */
  start(): void {
    if (this.stopped) return;
    this.running ??= this.run();
  }

  /** End the session for good. Resolves when the loop has stopped. */
  async close(reason = 'client closed'): Promise<void> {
    this.stop(new ParleyError(ErrorCode.UNAVAILABLE, reason, { retryable: false }));
    await this.running;
  }

  /** End the session for good with `error` (kicked, replaced, a refused token). */
  stop(error: ParleyError): void {
    if (this.stopped) return;
    this.stopped = true;
    this.endError = error;
    this.connectionEnded?.(new SessionEnd(error.message, error));
    this.transport?.close();
    this.wake?.();
    if (!this.running) this.finish();
  }

  /** Write a frame on the connection, if there is one. */
  write(frame: FrameData): boolean {
    if (!this.transport) return false;
    this.lastSent = monotonicNow();
    this.transport.send(encodeFrame(frame));
    return true;
  }

  /** A request: settles with the answer, the server's error, or the retryable UNAVAILABLE. */
  request(frame: FrameData): Promise<parley.Frame> {
    if (!this.transport) return Promise.reject(unavailable(this.stopped ? 'the client is closed' : 'not connected'));
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, since: monotonicNow() });
      this.write({ ...frame, id });
    });
  }

  /** A request id for a frame the caller tracks itself (a send, answered by SendAck or Error). */
  newRequestId(): number {
    return this.nextRequestId++;
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.handlers.state(state);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let lastUrl: string | undefined;
    while (!this.stopped) {
      if (this.options.nodesUrl) await this.discoverNodes(lastUrl);
      const url = this.urls[this.urlIndex % Math.max(1, this.urls.length)];
      try {
        if (url === undefined) throw new SessionEnd('no node of the cluster is reachable');
        lastUrl = url;
        await this.session(url, () => (attempt = 0));
      } catch (err) {
        if (err instanceof SessionEnd) {
          if (err.terminal) this.stop(err.terminal);
        } else if (!(err instanceof ParleyError && err.retryable)) {
          this.handlers.error(err as Error);
        }
      }
      this.teardown();
      if (this.stopped) break;
      this.urlIndex++;
      this.setState('reconnecting');
      const delay = this.reconnectAtOnce ? 0 : Math.max(this.reconnectNotBefore, backoffDelay(attempt++, this.options.backoff));
      this.reconnectAtOnce = false;
      this.reconnectNotBefore = 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = undefined;
    }
    this.finish();
  }

  private finish(): void {
    this.setState('closed');
    this.handlers.ended(this.endError ?? new ParleyError(ErrorCode.UNAVAILABLE, 'client closed', { retryable: false }));
  }

  /**
   * Read the cluster's node list: its live nodes, the ones taking connections and
   * the least loaded first, then the configured urls; the node just lost is
   * tried last. A failed read keeps the list as it was.
   */
  private async discoverNodes(lastUrl: string | undefined): Promise<void> {
    const key = this.options.transport === 'tcp' ? 'tcpUrl' : 'wsUrl';
    let listed: string[];
    try {
      const res = await this.options.fetch(this.options.nodesUrl!, { signal: AbortSignal.timeout(this.options.connectTimeoutMs) });
      if (!res.ok) return;
      const body = (await res.json()) as { nodes?: { wsUrl?: string; tcpUrl?: string; draining?: boolean }[] };
      listed = (body.nodes ?? []).filter((n) => !n.draining && typeof n[key] === 'string').map((n) => n[key]!);
    } catch {
      return; // the lookup is down too: go on with the list we have
    }
    const urls = [...new Set([...listed, ...this.options.urls])];
    if (lastUrl !== undefined && urls.length > 1 && urls.includes(lastUrl)) urls.push(...urls.splice(urls.indexOf(lastUrl), 1));
    this.urls = urls;
    this.urlIndex = 0;
  }

  /** Endpoints a RECONNECT notice named, of the transport in use (a browser cannot dial tcp://). */
  addEndpoints(endpoints: readonly string[]): void {
    const family = (u: string) => (u.startsWith('tcp:') || u.startsWith('tls:') ? 'tcp' : 'ws');
    const current = this.urls[this.urlIndex % this.urls.length];
    for (const e of endpoints) if (current && family(e) === family(current) && !this.urls.includes(e)) this.urls.push(e);
  }

  /** Drop the connection (a reconnect follows). */
  drop(): void {
    this.transport?.close();
  }

  /** One connection, from dial to loss. Rejects with SessionEnd when it ends. */
  private async session(url: string, onAuthenticated: () => void): Promise<void> {
    this.setState('connecting');
    const ended = new Promise<never>((_, reject) => {
      this.connectionEnded = (end) => reject(end);
    });
    ended.catch(() => {});
    this.announced = undefined;
    const generation = ++this.generation;
    this.transport = await openTransport(
      url,
      {
        onFrame: (bytes) => generation === this.generation && this.onFrame(bytes),
        onClose: (code, reason) => generation === this.generation && this.onClose(code, reason),
      },
      { maxFrameBytes: 16 * 1024 * 1024, connectTimeoutMs: this.options.connectTimeoutMs, WebSocket: this.options.WebSocket, tls: this.options.tls },
    ); // a failure to connect is reported as an 'error' and retried
    if (this.stopped) throw new SessionEnd('closed');
    this.lastReceived = this.lastSent = monotonicNow();
    this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    (this.tickTimer as { unref?: () => void }).unref?.();
    this.setState('authenticating');
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    const auth = { token, deviceId: this.options.deviceId, platform: this.options.platform, protocolVersion: PROTOCOL_VERSION };
    const reply = await Promise.race([this.request({ auth }), ended]).catch((err: unknown) => {
      if (!(err instanceof ParleyError) || err.retryable) throw err;
      // A fixed token that fails will always fail; a token function may yield a fresh one.
      if (err.code === ErrorCode.AUTH_FAILED && typeof this.options.token === 'function') throw new SessionEnd('token refused; fetching a new one');
      throw new SessionEnd(err.message, err);
    });
    const ok = reply.authOk!;
    this.heartbeatMs = ok.heartbeatMs || 15_000;
    this.authenticated = true;
    onAuthenticated();
    this.setState('syncing');
    await Promise.race([this.handlers.opened(ok.userId ?? ''), ended]);
    this.setState('online');
    await ended;
  }

  private teardown(): void {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = undefined;
    const wasOpen = this.transport !== undefined;
    this.transport?.close();
    this.transport = undefined;
    this.generation++;
    this.authenticated = false;
    this.connectionEnded = undefined;
    const lost = unavailable(this.stopped ? 'the client is closed' : 'connection lost');
    for (const w of this.waiting.values()) w.reject(lost);
    this.waiting.clear();
    if (wasOpen) this.handlers.lost();
  }

  private onClose(code: number | undefined, reason: string): void {
    const terminalCode = (code !== undefined ? TERMINAL_CLOSES.get(code) : undefined) ?? this.announced?.code;
    if (terminalCode !== undefined && TERMINAL_CODES.has(terminalCode)) {
      const error = this.announced ?? new ParleyError(terminalCode, `${terminalCode.toLowerCase()}: ${reason}`, { retryable: false });
      this.connectionEnded?.(new SessionEnd(reason, error));
      return;
    }
    this.connectionEnded?.(new SessionEnd(`connection lost: ${`${code ?? ''} ${reason}`.trim()}`));
  }

  private onFrame(bytes: Uint8Array): void {
    this.lastReceived = monotonicNow();
    let frame: parley.Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (err) {
      this.handlers.error(err as Error);
      return;
    }
    const id = frame.id ?? 0;
    if (frame.body === 'ping') {
      this.write({ id, pong: { time: frame.ping?.time ?? 0 } });
      return;
    }
    if (frame.body === 'error' && id === 0) {
      // The server is about to close: remember why, the close decides what follows.
      const err = errorOf(frame.error!);
      if (TERMINAL_CODES.has(err.code)) this.announced = new ParleyError(err.code, err.message, { retryable: false });
      if (ROUTINE_CODES.has(err.code)) this.reconnectAtOnce = true;
      // A connection refused for its rate (too many from this address): come back no sooner than asked.
      if (err.code === ErrorCode.RATE_LIMITED) this.reconnectNotBefore = err.retryAfterMs;
      else this.handlers.error(err);
      return;
    }
    if (frame.body === 'notice' && frame.notice?.code === NoticeCode.KICKED) {
      // Another device took this one's place under the device policy: do not come back.
      this.handlers.frame(frame);
      this.stop(new ParleyError(ErrorCode.KICKED, `kicked: ${frame.notice.message ?? ''}`, { retryable: false }));
      return;
    }
    const w = id !== 0 ? this.waiting.get(id) : undefined;
    if (w) {
      this.waiting.delete(id);
      if (frame.body === 'error') w.reject(errorOf(frame.error!));
      else w.resolve(frame);
      return;
    }
    this.handlers.frame(frame);
  }

  private tick(): void {
    const now = monotonicNow();
    if (!this.transport) return;
    if (now - this.lastReceived > this.heartbeatMs * 2.5) {
      this.transport.close(); // a dead peer: the loop reconnects
      return;
    }
    if (now - this.lastSent >= this.heartbeatMs) this.write({ ping: { time: Date.now() } });
    for (const [id, w] of this.waiting) {
      if (now - w.since < this.options.requestTimeoutMs) break; // in the order written: the rest are younger
      this.waiting.delete(id);
      w.reject(unavailable(`no answer within ${this.options.requestTimeoutMs} ms`));
    }
    this.handlers.tick(now);
  }
}
