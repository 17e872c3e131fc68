/**
 * WebSocket transport: one binary message carries one Frame. `maxPayload` is the
 * frame limit (ws answers a larger message with close 1009); text messages are a
 * protocol error. Sits on the HTTP server's upgrade event, path /ws only. Writes
 * made in one turn of the event loop are corked together into one syscall.
 *
 * Nothing a peer sends can throw out of here: a refused upgrade (wrong path, bad
 * handshake headers) is a coded JSON answer on the raw socket (http/guard.ts), and
 * a throw while handling a connection's events is a server bug that costs that
 * connection (logged with its stack), never the process.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, ErrorCode, ParleyError } from '@parley/protocol';
import { clientAddress } from '../http/client-address.ts';
import { refuseUpgrade, serveUpgrades } from '../http/guard.ts';
import { requestUrl } from '../http/parse.ts';
import type { Gateway, GatewayStats } from './gateway.ts';
import type { Link } from './session.ts';

export const WS_PATH = '/ws';

/** A close reason as ws takes it: at most 123 bytes of UTF-8 (ws throws on more). */
function closeReason(reason: string): string {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > 123) fitted = fitted.slice(0, -1);
  return fitted;
}

function wsLink(ws: WebSocket, socket: Duplex, address: string, remote: string, stats: GatewayStats): Link {
  // Frames written in one turn of the event loop leave in one syscall: the first
  // write of a turn corks the socket and a nextTick uncorks it (ws corks and
  // uncorks around each frame itself; corks nest, so ours holds).
  let corked = false;
  const uncork = () => {
    corked = false;
    stats.socketWrites++;
    socket.uncork();
  };
  const send = (frame: Uint8Array) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    ws.send(frame, { binary: true });
  };
  return {
    transport: 'ws',
    remote,
    address,
    write: (frame) => {
      send(frame);
      return ws.bufferedAmount;
    },
    writeRun: (run) => {
      for (const frame of run.frames) send(frame);
      return ws.bufferedAmount;
    },
    flush: () => {
      if (corked) uncork();
    },
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close: (code, reason) => {
      ws.close(code, closeReason(reason));
      // A peer that never answers the close handshake is cut off.
      setTimeout(() => ws.terminate(), 2000).unref();
    },
  };
}

/**
 * Resolves when a new connection from the request's client may be opened; rejects
 * with the coded refusal (RATE_LIMITED with its wait) otherwise.
 */
export type Admission = (req: IncomingMessage) => Promise<void>;

const admitAll: Admission = async () => {};

/**
 * `checkUpgrade` may refuse an upgrade by throwing a ParleyError (a disallowed
 * Origin: http-hygiene.ts); `admit` then decides whether the client may open
 * another connection (rate limits).
 */
export function attachWebSocket(
  http: HttpServer,
  gateway: Gateway,
  checkUpgrade: (req: IncomingMessage) => void = () => {},
  admit: Admission = admitAll,
): WebSocketServer {
  const { log } = gateway;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: gateway.config.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  // A handshake ws refuses (method, Upgrade, key, version or subprotocol header).
  wss.on('wsClientError', (err: Error, socket: Duplex, req) => {
    const failure = new ParleyError(ErrorCode.INVALID_ARGUMENT, `WebSocket handshake: ${err.message}`);
    refuseUpgrade(req, socket, failure, log, { 'sec-websocket-version': '13' });
  });
  serveUpgrades(
    http,
    (req, socket, head) => {
      const { pathname } = requestUrl(req.url ?? '/');
      if (pathname !== WS_PATH) throw new ParleyError(ErrorCode.NOT_FOUND, `no WebSocket endpoint at ${pathname} (use ${WS_PATH})`);
      checkUpgrade(req);
      // A refused connection is answered before the handshake: 429 with Retry-After.
      admit(req)
        .then(
          () => upgrade(req, socket, head),
          (err: unknown) => refuseUpgrade(req, socket, err, log),
        )
        .catch((err: unknown) => {
          // Out of the guard's reach here: a throw is a bug that costs this request, never the process.
          log.error({ err }, 'websocket upgrade failed');
          socket.destroy();
        });
    },
    log,
  );
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (socket.destroyed) return; // gone while its admission was checked
    wss.handleUpgrade(req, socket, head, (ws) => {
        /** A session event that throws is a bug: it costs this connection, not the process. */
        const safely =
          <A extends unknown[]>(handle: (...args: A) => void) =>
          (...args: A) => {
            try {
              handle(...args);
            } catch (err) {
              log.error({ err }, 'websocket connection failed');
              ws.terminate();
            }
          };
        safely(() => {
          const session = gateway.attach(wsLink(ws, socket, clientAddress(req), `${req.socket.remoteAddress}:${req.socket.remotePort}`, gateway.stats));
          ws.on(
            'message',
            safely((data: Buffer, isBinary: boolean) => {
              if (!isBinary) {
                session.fail(ErrorCode.BAD_FRAME, 'text messages are not frames; send binary', CloseCode.PROTOCOL_ERROR);
                return;
              }
              session.receive(data);
            }),
          );
          ws.on('close', safely(() => session.closed()));
          ws.on('error', safely(() => session.closed())); // ws closes the socket itself (e.g. 1009, bad framing)
        })();
      });
  };
  return wss;
}
