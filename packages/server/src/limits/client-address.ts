/**
 * The address a per-IP limit counts a request or connection against. For now the
 * peer's socket address; behind a trusted proxy it should be the forwarded client
 * address (one function, so that is one change).
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** The client address of an HTTP request or upgrade. */
export function requestAddress(req: IncomingMessage): string {
  return socketAddress(req.socket);
}

/** The client address of a raw TCP connection. */
export function socketAddress(socket: Socket): string {
  return socket.remoteAddress ?? 'unknown';
}
