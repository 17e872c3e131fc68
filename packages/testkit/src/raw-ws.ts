/**
 * A WebSocket client that can break the rules: it does the HTTP upgrade by hand
 * and writes frames bit by bit (any opcode, RSV bits, masking, lengths), so tests
 * can show the server's answer to protocol violations a real client never makes.
 * Its waits have deadlines (WAIT_MS unless the call says otherwise).
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { withDeadline } from './wait.ts';

export interface RawFrameSpec {
  fin?: boolean;
  rsv?: number; // 0..7 → RSV1..RSV3 bits
  opcode: number;
  payload?: Uint8Array;
  mask?: boolean;
}

export function encodeWsFrame(spec: RawFrameSpec): Buffer {
  const payload = Buffer.from(spec.payload ?? new Uint8Array());
  const mask = spec.mask ?? true;
  const head: number[] = [((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (spec.opcode & 0x0f)];
  const len = payload.length;
  if (len < 126) head.push((mask ? 0x80 : 0) | len);
  else if (len < 65536) head.push((mask ? 0x80 : 0) | 126, len >> 8, len & 0xff);
  else {
    head.push((mask ? 0x80 : 0) | 127, 0, 0, 0, 0);
    head.push((len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), key, masked]);
}

export interface RawWebSocket {
  socket: Socket;
  /** The HTTP status line of the handshake answer. */
  status: string;
  write(bytes: Uint8Array): void;
  /** Wait for the socket to close; resolves with the close code the server sent (or undefined if it just dropped the socket). */
  waitForClose(timeoutMs?: number): Promise<number | undefined>;
}

/** Connect and send `request` (default: a valid upgrade to `path`); resolves after the HTTP answer. */
export async function openRawWebSocket(port: number, path = '/ws', request?: string): Promise<RawWebSocket> {
  const socket = connect(port, '127.0.0.1');
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  await withDeadline(connected, `a TCP connection to port ${port}`).catch((err: unknown) => {
    socket.destroy();
    throw err;
  });
  socket.on('error', () => {});
  const key = randomBytes(16).toString('base64');
  socket.write(
    request ??
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let buffer = Buffer.alloc(0);
  let status = '';
  let resolveClosed!: (code: number | undefined) => void;
  const closed = new Promise<number | undefined>((r) => (resolveClosed = r));
  let closeCode: number | undefined;
  const answered = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!status) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
        buffer = buffer.subarray(end + 4);
        resolve();
      }
      // Look for a close frame from the server (unmasked, opcode 8).
      while (buffer.length >= 2) {
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) break;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) break;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + len) break;
        if (opcode === 8 && len >= 2) closeCode = buffer.readUInt16BE(offset);
        buffer = buffer.subarray(offset + len);
      }
    });
    socket.on('close', () => {
      resolve();
      resolveClosed(closeCode);
    });
  });
  await withDeadline(answered, `the HTTP answer to the upgrade request on port ${port}`).catch((err: unknown) => {
    socket.destroy();
    throw err;
  });
  return {
    socket,
    status,
    write: (bytes) => socket.write(bytes),
    waitForClose: (timeoutMs) => withDeadline(closed, `the server to close the raw WebSocket (${status || 'no HTTP answer'})`, timeoutMs),
  };
}
