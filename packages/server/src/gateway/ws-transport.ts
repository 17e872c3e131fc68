/**
 * WebSocket transport: one binary message carries one Frame. `maxPayload` is the
 * frame limit (ws answers a larger message with close 1009); text messages are a
 * protocol error. Sits on the HTTP server's upgrade event, path /ws only. Writes
 * made in one turn of the event loop are corked together into one syscall.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, ErrorCode } from '@parley/protocol';
import type { Gateway, GatewayStats } from './gateway.ts';
import type { Link } from './session.ts';

export const WS_PATH = '/ws';

function wsLink(ws: WebSocket, socket: Duplex, remote: string, stats: GatewayStats): Link {
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
    close: (code, reason) => {
      ws.close(code, reason);
      // A peer that never answers the close handshake is cut off.
      setTimeout(() => ws.terminate(), 2000).unref();
    },
  };
}

export function attachWebSocket(http: HttpServer, gateway: Gateway): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: gateway.config.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = gateway.attach(wsLink(ws, socket, `${req.socket.remoteAddress}:${req.socket.remotePort}`, gateway.stats));
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) {
          session.fail(ErrorCode.BAD_FRAME, 'text messages are not frames; send binary', CloseCode.PROTOCOL_ERROR);
          return;
        }
        session.receive(data);
      });
      ws.on('close', () => session.closed());
      ws.on('error', () => session.closed()); // ws closes the socket itself (e.g. 1009, bad framing)
    });
  });
  return wss;
}
