/**
 * Transports carry encoded Frames. WebSocket works in browsers and Node (in Node
 * 20, which has no global WebSocket, through the `ws` package); raw TCP (Node
 * only) adds the 4-byte length prefix. The scheme of the URL picks one:
 * ws:// or wss:// → WebSocket, tcp:// → TCP, tls:// → TCP inside TLS. Node
 * modules are imported lazily so a browser bundle never pulls them in. `tls`
 * options (a private CA) apply in Node: to tls:// and, through the `ws`
 * package, to wss:// (a browser trusts what the system trusts).
 */
import { FrameDecoder, lengthPrefixed } from '@parley/protocol';

export interface Transport {
  send(frame: Uint8Array): void;
  close(): void;
}

export interface TransportHandlers {
  onFrame(bytes: Uint8Array): void;
  onClose(code: number | undefined, reason: string): void;
}

/** The subset of the WebSocket API the SDK uses (browser WebSocket and `ws` both fit). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** TLS settings for wss:// and tls:// in Node. */
export interface TlsOptions {
  /** Certificate authorities (PEM) to trust instead of Node's bundled ones: a private CA, a test CA. */
  ca?: string | string[];
  /** The name the server's certificate must carry, when the URL's host is not it (an IP address, a tunnel). */
  servername?: string;
}

export interface TransportOptions {
  maxFrameBytes: number;
  connectTimeoutMs: number;
  WebSocket?: WebSocketConstructor;
  tls?: TlsOptions;
}

export async function openTransport(url: string, handlers: TransportHandlers, options: TransportOptions): Promise<Transport> {
  if (url.startsWith('tcp://') || url.startsWith('tls://')) return openTcp(url, handlers, options);
  if (url.startsWith('ws://') || url.startsWith('wss://')) return openWebSocket(url, handlers, options);
  throw new Error(`unsupported URL scheme in ${url} (use ws://, wss://, tcp:// or tls://)`);
}

/** A WebSocket of the given constructor, the global one, or `ws` (Node 20; and wherever TLS options are given, which only `ws` takes). */
async function newWebSocket(url: string, options: TransportOptions): Promise<WebSocketLike> {
  if (options.WebSocket) return new options.WebSocket(url);
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  // TLS options are for Node; a browser (which has no process.versions.node) ignores them.
  const inNode = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined;
  if (global && !(options.tls && inNode)) return new global(url);
  const mod = (await import('ws')) as unknown as { default: new (url: string, options?: object) => WebSocketLike };
  return options.tls ? new mod.default(url, { ca: options.tls.ca, servername: options.tls.servername }) : new mod.default(url);
}

async function openWebSocket(url: string, handlers: TransportHandlers, options: TransportOptions): Promise<Transport> {
  const ws = await newWebSocket(url, options);
  ws.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.onopen = ws.onclose = null;
      // Closing a socket that is still connecting makes `ws` emit an error: keep a listener.
      ws.onerror = () => {};
      ws.close();
      reject(new Error(`connect to ${url} timed out`));
    }, options.connectTimeoutMs);
    ws.onopen = () => {
      clearTimeout(timer);
      resolve();
    };
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      clearTimeout(timer);
      reject(new Error(`connect to ${url} failed (${ev.code})`));
    };
  });
  let closed = false;
  ws.onmessage = (ev) => {
    const data = ev.data;
    if (data instanceof ArrayBuffer) handlers.onFrame(new Uint8Array(data));
    else if (ArrayBuffer.isView(data)) handlers.onFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  };
  ws.onerror = () => {};
  ws.onclose = (ev) => {
    if (closed) return;
    closed = true;
    handlers.onClose(ev.code, ev.reason);
  };
  return {
    send: (frame) => {
      if (ws.readyState === 1) ws.send(frame);
    },
    close: () => {
      if (closed) return;
      closed = true;
      ws.onmessage = null;
      ws.close(1000, 'client closing');
      handlers.onClose(1000, 'client closing');
    },
  };
}

async function openTcp(url: string, handlers: TransportHandlers, options: TransportOptions): Promise<Transport> {
  const secure = url.startsWith('tls://');
  const parsed = new URL(url.replace(/^(tcp|tls):/, 'http:'));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port);
  let socket: import('node:net').Socket;
  if (secure) {
    // Through getBuiltinModule, not import(): a browser bundle must not even see the name.
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    if (!get) throw new Error(`tls:// needs Node 20.16 or later (${url})`);
    const { connect } = get('node:tls') as typeof import('node:tls');
    const { isIP } = await import('node:net');
    // SNI carries a name, never an address; the certificate is still checked against the address.
    const servername = options.tls?.servername ?? (isIP(host) === 0 ? host : undefined);
    socket = connect({ host, port, ca: options.tls?.ca, ...(servername !== undefined ? { servername } : {}) });
  } else {
    const { connect } = await import('node:net');
    socket = connect(port, host);
  }
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${url} timed out`));
    }, options.connectTimeoutMs);
    // A TLS socket is ready once its handshake (and the certificate check) is done.
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  const decoder = new FrameDecoder(options.maxFrameBytes);
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    socket.destroy();
    handlers.onClose(undefined, reason);
  };
  socket.on('data', (chunk: Uint8Array) => {
    let frames: Uint8Array[];
    try {
      frames = decoder.push(chunk);
    } catch (err) {
      finish((err as Error).message);
      return;
    }
    for (const f of frames) {
      if (closed) return;
      handlers.onFrame(f);
    }
  });
  socket.on('close', () => finish('connection closed'));
  socket.on('error', (err) => finish(err.message));
  return {
    send: (frame) => {
      if (!closed) socket.write(lengthPrefixed(frame));
    },
    close: () => finish('client closing'),
  };
}
