/**
 * Where every HTTP exchange that goes wrong ends, so that none of them can end the
 * process. `serveHttp` makes the HTTP server: its request handler behind one
 * guard, and an answer for what Node's parser refuses:
 *
 * - A request: whatever its handler throws, synchronously or in a promise, is
 *   answered `{ "error": { "code", "message" } }` with the code's status while no
 *   header has gone out; after that the socket is destroyed (half a response
 *   cannot be taken back). A non-ParleyError is INTERNAL: a server bug.
 * - Bytes that are not HTTP (the server's 'clientError'): 400 BAD_FRAME, headers
 *   over Node's size limit 431 FRAME_TOO_LARGE, a request not complete within the
 *   request timeouts 408 HEARTBEAT_TIMEOUT; then the connection is closed. A peer
 *   that reset the connection gets nothing: there is no one to read it.
 * - An upgrade request (`serveUpgrades`, for ws-transport.ts): the same, written
 *   on the raw socket, which is then closed. Node hands an upgraded socket over
 *   without an error listener; the guard gives it one, so a peer's reset is not
 *   thrown from the event loop.
 *
 * Each failure is logged once: INTERNAL at error with its stack, expected ones
 * (bad input, a client gone away) at debug without.
 */
import { createServer as createHttpsServer } from 'node:https';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { Logger } from '../logger.ts';
import { clientAddress, NO_PROXIES, setProxyTrust, type ProxyTrust } from './client-address.ts';

/** The HTTP status of each error code. A `Record` over all codes: a new code does not compile until it has one. */
export const STATUS: Record<ErrorCode, number> = {
  BAD_FRAME: 400,
  FRAME_TOO_LARGE: 413,
  UNKNOWN_FRAME: 400,
  UNEXPECTED_FRAME: 400,
  AUTH_REQUIRED: 401,
  AUTH_FAILED: 401,
  ALREADY_AUTHENTICATED: 409,
  INVALID_ARGUMENT: 400,
  BAD_CREDENTIALS: 401,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  NOT_MEMBER: 403,
  MESSAGE_LOCKED: 409,
  MESSAGE_NOT_FOUND: 404,
  MUTED: 403,
  GROUP_DISMISSED: 410,
  BLOCKED: 403,
  NOT_FRIENDS: 403,
  ALREADY_FRIENDS: 409,
  REQUEST_NOT_FOUND: 404,
  ALREADY_MEMBER: 409,
  CLIENT_MSG_ID_REUSED: 409,
  MESSAGE_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  HEARTBEAT_TIMEOUT: 408,
  SLOW_CONSUMER: 503,
  AUTH_TIMEOUT: 408,
  REPLACED: 409,
  KICKED: 409,
  DRAINING: 503,
  CANCELLED: 400,
  WEAK_PASSWORD: 400,
  SESSION_NOT_FOUND: 404,
  INTERNAL: 500,
  FILE_NOT_FOUND: 404,
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_EXPIRED: 410,
  UPLOAD_OFFSET_MISMATCH: 409,
  UPLOAD_BUSY: 409,
  CHECKSUM_MISMATCH: 460, // tus's own status for a checksum that does not match
  FILE_TOO_LARGE: 413,
  QUOTA_EXCEEDED: 429,
  TOO_MANY_UPLOADS: 429,
  UNSUPPORTED_TUS_VERSION: 412,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  // Voice streams travel over the socket only; an HTTP status for completeness.
  STREAM_NOT_FOUND: 404,
  STREAM_ENDED: 409,
  CHUNK_GAP: 409,
  CHUNK_TOO_LARGE: 413,
  TOO_MANY_STREAMS: 429,
  BANNED: 403,
  LIMIT_REACHED: 409,
  INVITATION_NOT_FOUND: 404,
};

/** Reason phrases of statuses Node does not name (tus's 460). */
const REASONS: Record<number, string> = { 460: 'Checksum Mismatch' };

/** The reason phrase of `status`. */
export function reasonOf(status: number): string {
  return REASONS[status] ?? STATUS_CODES[status] ?? 'Error';
}

/** Handles one request; may throw or reject with anything (the guard answers it). */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Handles one upgrade request on its raw socket; may throw (the guard answers it). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** The failure a thrown value stands for: a ParleyError as it is, anything else INTERNAL. */
export function failureOf(err: unknown): ParleyError {
  return err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'internal error', { cause: err });
}

function logFailure(log: Logger, failure: ParleyError, err: unknown, context: Record<string, unknown>, what: string): void {
  if (failure.code === ErrorCode.INTERNAL) log.error({ err, ...context }, what);
  else log.debug({ code: failure.code, reason: failure.message, ...context }, what);
}

/** Request body bytes read and dropped, at most, before an answer given before the body was read. */
const MAX_UNREAD_BODY = 1024 * 1024;
/** How long such an answer waits for the rest of the body at most. */
const UNREAD_BODY_MS = 5000;

/**
 * Run `answer` once the request has arrived whole. Node closes a `Connection:
 * close` exchange as soon as its answer is out, and a socket closed with request
 * bytes still unread is reset by the kernel, which can cost the client the answer
 * (a 401 or 404 decided before the body was read). So a body still arriving is
 * read and dropped first: up to MAX_UNREAD_BODY bytes, for UNREAD_BODY_MS.
 */
function whenRequestRead(req: IncomingMessage, answer: () => void): void {
  if (req.complete || req.destroyed) {
    answer();
    return;
  }
  let answered = false;
  let dropped = 0;
  const go = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    answer();
  };
  const timer = setTimeout(go, UNREAD_BODY_MS).unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_UNREAD_BODY) go();
  });
  req.once('end', go);
  req.once('close', go);
  req.resume();
}

/** Responses whose answer is decided: the first answer of a request is its only one. */
const answered = new WeakSet<ServerResponse>();

/** Send `body` as JSON with `status` (the one way any answer is written). */
export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body); // here, not later: a body that cannot be encoded is still a clean 500
  answered.add(res);
  whenRequestRead(res.req, () => {
    try {
      res.writeHead(status, reasonOf(status), { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch {
      res.destroy(); // nothing sensible is left to write
    }
  });
}

/** Answer with a status and headers and no body (204, 304, a HEAD answer); the one way such an answer is written. */
export function answerEmpty(res: ServerResponse, status: number, headers: Record<string, string | number>): void {
  answered.add(res);
  whenRequestRead(res.req, () => {
    try {
      res.writeHead(status, reasonOf(status), headers);
      res.end();
    } catch {
      res.destroy();
    }
  });
}

/**
 * Answer with a status, headers and a body streamed from `body` (file
 * downloads). If the body fails half-way, the connection is cut: the client
 * sees a short answer, never a wrong one.
 */
export function answerStream(res: ServerResponse, status: number, headers: Record<string, string | number>, body: AsyncIterable<Uint8Array>): void {
  answered.add(res);
  whenRequestRead(res.req, () => {
    void (async () => {
      try {
        res.writeHead(status, reasonOf(status), headers);
        for await (const chunk of body) {
          if (res.destroyed) return;
          if (!res.write(chunk)) await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          });
        }
        res.end();
      } catch {
        res.destroy();
      }
    })();
  });
}

function errorJson(failure: ParleyError): { error: { code: ErrorCode; message: string; retryAfterMs?: number } } {
  return { error: { code: failure.code, message: failure.message, ...(failure.retryAfterMs > 0 ? { retryAfterMs: failure.retryAfterMs } : {}) } };
}

/** Retry-After in whole seconds (rounded up: never sooner than the limit allows), for a failure that says when. */
export function retryAfterHeader(failure: ParleyError): Record<string, string> {
  return failure.retryAfterMs > 0 ? { 'retry-after': String(Math.max(1, Math.ceil(failure.retryAfterMs / 1000))) } : {};
}

/**
 * Answer a failed request with its coded error; when part of an answer is out
 * already, destroy the socket instead. A failure after a whole answer was decided
 * is only logged. Never throws: it is the last thing that runs.
 */
export function answerFailure(req: IncomingMessage, res: ServerResponse, err: unknown, log: Logger): void {
  try {
    const failure = failureOf(err);
    logFailure(log, failure, err, { method: req.method, target: req.url?.slice(0, 200), client: clientAddress(req) }, 'http request failed');
    if (answered.has(res) || res.writableEnded) return;
    if (res.headersSent || res.destroyed) res.destroy();
    else {
      for (const [name, value] of Object.entries(retryAfterHeader(failure))) res.setHeader(name, value);
      answerJson(res, STATUS[failure.code] ?? 500, errorJson(failure));
    }
  } catch (fatal) {
    log.error({ err: fatal }, 'http error answer failed');
    res.destroy();
  }
}

/**
 * Write a whole HTTP answer carrying `failure` on a socket no HTTP parser owns any
 * more (an upgrade, or bytes the parser refused), then close it: what the peer
 * still sends is read and dropped, so the answer is not lost to a reset. The body
 * is left out for a HEAD request.
 */
export function refuseOnSocket(socket: Duplex, status: number, failure: ParleyError, headers: Record<string, string> = {}, head = false): void {
  if (socket.destroyed || socket.writableEnded) return; // gone, or answered already
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(errorJson(failure));
  const lines = [
    `HTTP/1.1 ${status} ${reasonOf(status)}`,
    'connection: close',
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.resume();
  socket.end(`${lines.join('\r\n')}\r\n\r\n${head ? '' : body}`);
  // A peer that neither reads nor closes is cut off.
  const timer = setTimeout(() => socket.destroy(), 2000).unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Refuse an upgrade (or CONNECT) request with the coded error `err` stands for,
 * on its raw socket. Never throws.
 */
export function refuseUpgrade(req: IncomingMessage, socket: Duplex, err: unknown, log: Logger, headers: Record<string, string> = {}): void {
  try {
    const failure = failureOf(err);
    logFailure(log, failure, err, { method: req.method, target: req.url?.slice(0, 200), client: clientAddress(req) }, 'upgrade refused');
    refuseOnSocket(socket, STATUS[failure.code] ?? 500, failure, { ...retryAfterHeader(failure), ...headers }, req.method === 'HEAD');
  } catch (fatal) {
    log.error({ err: fatal }, 'upgrade refusal failed');
    socket.destroy();
  }
}

/**
 * What a 'clientError' gets: Node's own choice of status with a coded body, or
 * undefined for an error of the socket itself (reset, broken pipe): nothing can be
 * written to it.
 */
function clientErrorAnswer(err: NodeJS.ErrnoException): [number, ParleyError] | undefined {
  if (err.code !== 'ERR_HTTP_REQUEST_TIMEOUT' && !err.code?.startsWith('HPE_')) return undefined;
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, new ParleyError(ErrorCode.FRAME_TOO_LARGE, 'request headers are too large')];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, new ParleyError(ErrorCode.FRAME_TOO_LARGE, 'chunk extensions are too large')];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, new ParleyError(ErrorCode.HEARTBEAT_TIMEOUT, 'the request did not arrive in time')];
    default:
      return [400, new ParleyError(ErrorCode.BAD_FRAME, `malformed HTTP request (${err.code})`)];
  }
}

/** How long a refusal of malformed HTTP waits for the answers to requests read before it. */
const EARLIER_ANSWERS_MS = 10_000;

/** Resolves true once every response in `responses` has closed, false if one is still open after `ms`. Never rejects. */
function allClosed(responses: ServerResponse[], ms: number): Promise<boolean> {
  if (responses.length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    let left = responses.length;
    const timer = setTimeout(() => resolve(false), ms).unref();
    for (const res of responses) {
      res.once('close', () => {
        if (--left > 0) return;
        clearTimeout(timer);
        resolve(true);
      });
    }
  });
}

/** A request's body must have arrived within this, once its headers have (408 otherwise). */
export const REQUEST_BODY_MS = 30_000;
/** A long body (an upload) may take as long as it keeps coming; silent for this long, it is cut. */
export const LONG_BODY_IDLE_MS = 30_000;

export interface ServeOptions {
  /**
   * Requests whose body may take longer than REQUEST_BODY_MS (tus PATCH and
   * POST): they are bounded by LONG_BODY_IDLE_MS of silence instead.
   */
  longBody?: (req: IncomingMessage) => boolean;
  /** Serve HTTPS with this certificate and key (swap it later with the server's setSecureContext); absent: plain HTTP. */
  tls?: { cert: Buffer; key: Buffer; handshakeTimeout?: number };
  /**
   * Headers every answer carries, before its handler runs (http-hygiene.ts);
   * called with the request so a header can depend on it (HSTS over TLS only).
   */
  commonHeaders?: (req: IncomingMessage) => Record<string, string>;
  /** Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (client-address.ts); default none. */
  proxies?: ProxyTrust;
}

/** The proxy trust of each server serveHttp made, for its upgrades. */
const serverTrust = new WeakMap<Server, ProxyTrust>();

/**
 * Bound the time a request's body takes: REQUEST_BODY_MS for the whole body, or
 * for a long body LONG_BODY_IDLE_MS without a byte. A request past its bound is
 * answered 408 HEARTBEAT_TIMEOUT (if no answer has begun) and its connection closed.
 */
function boundBody(req: IncomingMessage, res: ServerResponse, long: boolean, log: Logger): void {
  if (req.complete) return;
  const expire = () => {
    if (req.complete) return;
    log.debug({ method: req.method, target: req.url?.slice(0, 200) }, 'http request body timed out');
    if (!answered.has(res) && !res.headersSent && !res.destroyed) {
      answered.add(res);
      const text = JSON.stringify(errorJson(new ParleyError(ErrorCode.HEARTBEAT_TIMEOUT, 'the request did not arrive in time')));
      res.writeHead(408, reasonOf(408), { connection: 'close', 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text, () => req.socket.destroy());
    } else {
      req.socket.destroy();
    }
  };
  if (long) {
    req.setTimeout(LONG_BODY_IDLE_MS, expire);
    const idleOff = () => req.socket?.setTimeout(0);
    req.once('end', idleOff);
    res.once('finish', idleOff);
    return;
  }
  const timer = setTimeout(expire, REQUEST_BODY_MS).unref();
  const done = () => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);
}

/**
 * An HTTP server that serves `handle` behind the guard and answers, with coded
 * bodies, what Node would otherwise answer bare or not at all: malformed HTTP
 * ('clientError'), an HTTP/1.1 request without Host (400 INVALID_ARGUMENT), and
 * CONNECT (404 NOT_FOUND: this is no proxy). An `Expect` other than 100-continue
 * is ignored, as RFC 9110 allows, rather than refused with a bare 417. Node's
 * own whole-request timeout is off (it cannot spare an upload): request bodies
 * are bounded here (boundBody); headers by the server's `headersTimeout`.
 */
export function serveHttp(handle: RequestHandler, log: Logger, options: ServeOptions = {}): Server {
  const serverOptions = { requireHostHeader: false, requestTimeout: 0 };
  const server: Server = options.tls ? createHttpsServer({ ...serverOptions, ...options.tls }) : createServer(serverOptions);
  const proxies = options.proxies ?? NO_PROXIES;
  serverTrust.set(server, proxies);
  // The responses of each connection not yet closed: a refusal of malformed HTTP
  // goes after them, never into the middle of one.
  const open = new WeakMap<Duplex, Set<ServerResponse>>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    setProxyTrust(req, proxies);
    let responses = open.get(req.socket);
    if (!responses) open.set(req.socket, (responses = new Set()));
    const mine = responses;
    mine.add(res);
    res.once('close', () => mine.delete(res));
    res.on('error', (err) => {
      log.debug({ reason: err.message }, 'http response failed');
      res.destroy();
    });
    boundBody(req, res, options.longBody?.(req) ?? false, log);
    if (options.commonHeaders) for (const [name, value] of Object.entries(options.commonHeaders(req))) res.setHeader(name, value);
    // The executor turns a synchronous throw into a rejection like any other.
    new Promise<void>((resolve) => {
      if (req.httpVersion === '1.1' && req.headers.host === undefined) {
        throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'an HTTP/1.1 request needs a Host header');
      }
      resolve(handle(req, res));
    }).catch((err: unknown) => answerFailure(req, res, err, log));
  };
  server.on('request', onRequest);
  server.on('checkExpectation', onRequest);

  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    try {
      log.debug({ reason: err.code ?? err.message }, 'http connection failed');
      const answer = clientErrorAnswer(err);
      if (answer === undefined) {
        socket.destroy();
        return;
      }
      // Requests read whole before the bad bytes (pipelined) are answered first, in
      // order; then the refusal. A request whose own body broke off is not waited for.
      const earlier = [...(open.get(socket) ?? [])].filter((res) => res.req.complete || res.headersSent);
      void allClosed(earlier, EARLIER_ANSWERS_MS).then((closed) => (closed ? refuseOnSocket(socket, ...answer) : socket.destroy()));
    } catch (fatal) {
      log.error({ err: fatal }, 'http client error answer failed');
      socket.destroy();
    }
  });

  // A TLS handshake that fails (a client that does not trust the certificate, a
  // plain-HTTP request on the TLS port) ends its connection; nothing to answer.
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    log.debug({ reason: err.code ?? err.message }, 'tls handshake failed');
    socket.destroy();
  });

  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', (err: NodeJS.ErrnoException) => log.debug({ reason: err.code ?? err.message }, 'connect socket failed'));
    refuseUpgrade(req, socket, new ParleyError(ErrorCode.NOT_FOUND, 'CONNECT is not supported: this is no proxy'), log);
  });
  return server;
}

/** Hand `server`'s upgrade requests to `handle` behind the guard. */
export function serveUpgrades(server: Server, handle: UpgradeHandler, log: Logger): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    setProxyTrust(req, serverTrust.get(server) ?? NO_PROXIES);
    socket.on('error', (err: NodeJS.ErrnoException) => log.debug({ reason: err.code ?? err.message }, 'upgraded connection failed'));
    try {
      handle(req, socket, head);
    } catch (err) {
      refuseUpgrade(req, socket, err, log);
    }
  });
}
