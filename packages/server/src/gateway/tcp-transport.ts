/**
 * Raw TCP transport: length-prefixed Frames (see @parley/protocol framing). Frames
 * written in one turn of the event loop leave together in one write.
 *
 * Nothing a peer sends can throw out of here: bytes that are not frames get an
 * Error frame and a close, a socket error closes the session, and a throw while
 * handling a connection's events is a server bug that costs that connection
 * (logged with its stack), never the process.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { CloseCode, createFrameWriter, ErrorCode, FrameDecoder, ParleyError } from '@parley/protocol';
import { socketAddress } from '../http/client-address.ts';
import type { Gateway, GatewayStats } from './gateway.ts';
import type { Link } from './session.ts';

function tcpLink(socket: Socket, stats: GatewayStats): Link {
  const frames = createFrameWriter({ write: (bytes) => socket.writable && (stats.socketWrites++, socket.write(bytes)) }, process.nextTick);
  return {
    transport: 'tcp',
    remote: `${socket.remoteAddress}:${socket.remotePort}`,
    // No proxy headers on raw TCP: the peer is the client.
    address: socketAddress(socket),
    write: (frame) => {
      if (!socket.destroyed && socket.writable) frames.write(frame);
      return socket.writableLength + frames.gatheredBytes;
    },
    writeRun: (run) => {
      if (!socket.destroyed && socket.writable) frames.writePrefixed(run.lengthPrefixed);
      return socket.writableLength + frames.gatheredBytes;
    },
    flush: () => frames.flush(),
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => {
      frames.flush();
      socket.end();
      setTimeout(() => socket.destroy(), 2000).unref();
    },
  };
}

/**
 * Resolves when a new connection from the socket's client may be opened; rejects
 * with the coded refusal (RATE_LIMITED with its wait) otherwise.
 */
export type TcpAdmission = (socket: Socket) => Promise<void>;

/**
 * The TCP listener: plain, or with `tls` a TLS one (the same frames inside TLS;
 * its certificate is swapped later with the server's setSecureContext).
 */
export function createTcpServer(
  gateway: Gateway,
  tls?: { cert: Buffer; key: Buffer; handshakeTimeout?: number },
  admit: TcpAdmission = async () => {},
): Server {
  const onSocket = (socket: Socket) => {
    /** A session event that throws is a bug: it costs this connection, not the process. */
    const safely =
      <A extends unknown[]>(handle: (...args: A) => void) =>
      (...args: A) => {
        try {
          handle(...args);
        } catch (err) {
          gateway.log.error({ err }, 'tcp connection failed');
          socket.destroy();
        }
      };
    // Listened to first, so that no error of this socket is ever thrown; 'close'
    // follows every error and ends the session.
    socket.on('error', () => {});
    // Nothing is read until the connection is admitted; a refused one gets an
    // Error frame (RATE_LIMITED, retryAfterMs) and is closed.
    socket.pause();
    admit(socket).then(
      () => {
        if (!socket.destroyed) open();
      },
      safely((err: unknown) => {
        if (socket.destroyed) return;
        const session = gateway.attach(tcpLink(socket, gateway.stats));
        socket.on('close', safely(() => session.closed()));
        const failure = err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'admission failed', { cause: err });
        session.fail(failure, failure.message, CloseCode.GOING_AWAY);
      }),
    );
    const open = safely(() => {
      socket.setNoDelay(true);
      const decoder = new FrameDecoder(gateway.config.maxFrameBytes);
      const session = gateway.attach(tcpLink(socket, gateway.stats));
      socket.on(
        'data',
        safely((chunk: Buffer) => {
          let frames: Uint8Array[];
          try {
            frames = decoder.push(chunk);
          } catch (err) {
            const code = err instanceof ParleyError ? err.code : ErrorCode.BAD_FRAME;
            const close = code === ErrorCode.FRAME_TOO_LARGE ? CloseCode.FRAME_TOO_LARGE : CloseCode.PROTOCOL_ERROR;
            session.fail(code, (err as Error).message, close);
            socket.pause();
            return;
          }
          for (const frame of frames) session.receive(frame);
        }),
      );
      socket.on('close', safely(() => session.closed()));
      socket.resume();
    });
  };
  if (!tls) return createServer(onSocket);
  const server = createTlsServer(tls, onSocket);
  // A failed handshake ends its connection; nothing to answer, nothing to throw.
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket) => {
    gateway.log.debug({ reason: err.code ?? err.message }, 'tls handshake failed');
    socket.destroy();
  });
  return server;
}
