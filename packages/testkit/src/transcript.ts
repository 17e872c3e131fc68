/**
 * A recorded protocol session as a conformance test (PROTOCOL.md §12).
 *
 * The transcript (packages/protocol/test/fixtures/session-transcript.txt) is a
 * whole session over raw TCP, one line per frame as it crossed the wire: which
 * connection, which way, the bytes in hex (the 4-byte length prefix, then the
 * Frame), and a comment naming the frame. `replayTranscript` plays the client
 * side of it against a fresh server and checks every server frame against it;
 * `TranscriptRecorder` records a scripted session, which
 * scripts/record-transcript.ts (`npm run transcript`) writes to the file anew
 * when the protocol changes on purpose.
 *
 * Lines:
 *
 *     A connect                      # open a TCP connection, named A
 *     A > 0000001c 0a1a…             # a frame the client sends on A
 *     A < 00000040 0801…             # a frame the server sends on A
 *     A closed                       # the server closes A (its Error came just before)
 *     A close                        # the client closes A
 *
 * Masks: what legitimately differs between two runs is replaced, in the hex
 * too, by a placeholder, the same one wherever the same value appears:
 *
 * - `{{token:<user>}}`   Auth.token: the user's JWT (the replay registers the user);
 * - `{{session:N}}`      AuthOk.session_id;
 * - `{{message:N}}`      Message.id and SendAck.message_id;
 * - `{{sync:N}}`         SyncResponse.token, and the SyncRequest.token that sends it back
 *                        (it names the store, which every server makes anew);
 * - `{{group:N}}`        a group's conversation id (`g:` and a random UUID);
 * - 1000000000000        every server_time and last_seen (ms since epoch): a stand-in
 *                        of the same encoded length as a real one.
 *
 * N counts distinct values in order of first appearance. The replay masks each
 * server frame the same way (binding a placeholder to a value at its first
 * appearance, so a value that should repeat — the message id of a SendAck and
 * of the push of that message — must repeat), and before sending a client
 * frame puts the values back. Frames are compared as masked bytes; the server's
 * bytes must moreover be the canonical encoding of what they decode to.
 *
 * Order: frames of one connection must come in the transcript's order; frames
 * of different connections may interleave differently (the replay waits, line
 * by line, for the next frame of the line's connection). A client line is sent
 * only once every server line above it has arrived.
 */
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { decodeFrame, encodeFrame, FrameDecoder, lengthPrefixed, type FrameData, type parley } from '@parley/protocol';
import { WAIT_MS, withDeadline } from './wait.ts';

/** Where the reference transcript lives. */
export const TRANSCRIPT_PATH = fileURLToPath(new URL('../../protocol/test/fixtures/session-transcript.txt', import.meta.url));

/**
 * The server the transcript is recorded and replayed against: the defaults, but
 * heartbeats and retransmits too far apart to come in between (a server Ping or
 * a resent Push would make the session depend on timing).
 */
export const TRANSCRIPT_SERVER = { heartbeatMs: 600_000, retransmitMs: 600_000 } as const;

/** The users of the session, registered over HTTP before it starts (their tokens are `{{token:<user>}}`). */
export const TRANSCRIPT_USERS = ['alice', 'bob'] as const;

/** The stand-in for a time (ms since epoch): 2001-09-09, as many varint bytes as a time of today. */
export const MASKED_TIME = 1_000_000_000_000;

/** A line of a transcript; `line` is its number in the file (for messages). */
export type TranscriptLine =
  | { kind: 'connect'; conn: string; comment: string; line: number }
  | { kind: 'close'; conn: string; comment: string; line: number }
  | { kind: 'closed'; conn: string; comment: string; line: number }
  | { kind: 'frame'; conn: string; dir: '>' | '<'; frame: Uint8Array; comment: string; line: number };

const GROUP_ID = /^g:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Placeholders and the values they stand for, in one run. */
export class Bindings {
  private readonly placeholderOf = new Map<string, string>();
  private readonly valueOf = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** Bind a placeholder chosen by the caller (a user's token). */
  set(placeholder: string, value: string): void {
    this.placeholderOf.set(value, placeholder);
    this.valueOf.set(placeholder, value);
  }

  /** The placeholder of `value`: the one it has, or the next `{{kind:N}}`. */
  mask(kind: string, value: string): string {
    const known = this.placeholderOf.get(value);
    if (known) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const placeholder = `{{${kind}:${n}}}`;
    this.set(placeholder, value);
    return placeholder;
  }

  /** The value a string stands for, if it is a bound placeholder; else the string. */
  unmask(s: string): string {
    return this.valueOf.get(s) ?? s;
  }

  /** A value's placeholder, if it has one (for strings that are not masked by field). */
  known(value: string): string | undefined {
    return this.placeholderOf.get(value);
  }
}

/** A decoded message's fields as a plain object (own fields only: what was on the wire). */
function plain(value: unknown, visit: (key: string, v: unknown, path: string[]) => unknown, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => plain(v, visit, path));
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '$unknowns') continue;
    const inner = plain((value as Record<string, unknown>)[key], visit, [...path, key]);
    out[key] = visit(key, inner, [...path, key]);
  }
  return out;
}

/** The frame with every varying value replaced by its placeholder (binding new ones). */
export function maskFrame(frame: parley.Frame, bindings: Bindings): FrameData {
  return plain(frame, (key, v, path) => {
    if (typeof v === 'number' && v !== 0 && (key === 'serverTime' || key === 'lastSeen')) return MASKED_TIME;
    if (typeof v !== 'string' || v === '') return v;
    if (key === 'sessionId') return bindings.mask('session', v);
    if (key === 'messageId' || key === 'id') return bindings.mask('message', v);
    if (key === 'token' && path[0] === 'auth') return bindings.known(v) ?? bindings.mask('token', v);
    if (key === 'token') return bindings.mask('sync', v);
    if (GROUP_ID.test(v)) return bindings.mask('group', v);
    return v;
  }) as FrameData;
}

/** The frame with every placeholder replaced by the value it stands for. */
export function unmaskFrame(frame: parley.Frame, bindings: Bindings): FrameData {
  return plain(frame, (_key, v) => (typeof v === 'string' ? bindings.unmask(v) : v)) as FrameData;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Bytes as text where they are printable UTF-8, else as hex. */
function bytesText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return /^[\x20-\x7e]*$/.test(text) ? text : `hex:${hex(bytes)}`;
}

/** For a comment: bytes as text, and no empty lists (nothing of them is on the wire). */
function readable(value: unknown): unknown {
  if (value instanceof Uint8Array) return bytesText(value);
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!(Array.isArray(v) && v.length === 0)) out[k] = readable(v);
  return out;
}

/** A frame for a comment: its body's name, its id, and its fields as compact JSON. */
export function describeFrame(frame: FrameData): string {
  const { id, ...rest } = frame as Record<string, unknown>;
  const [body = 'nothing', fields] = Object.entries(rest)[0] ?? [];
  return `${body} id=${id ?? 0} ${JSON.stringify(readable(fields ?? {}))}`;
}

const commentOf = (frame: FrameData, note: string | undefined) => (note ? `${describeFrame(frame)} — ${note}` : describeFrame(frame));

/** One transcript line as text. */
export function formatLine(line: TranscriptLine): string {
  const head = line.kind === 'frame' ? `${line.conn} ${line.dir} ${hex(lengthPrefixed(line.frame).subarray(0, 4))} ${hex(line.frame)}` : `${line.conn} ${line.kind}`;
  return line.comment ? `${head}  # ${line.comment}` : head;
}

/** Parse a transcript: `#` starts a comment; blank lines and comment lines are skipped. */
export function parseTranscript(text: string): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const at = raw.indexOf('#');
    const body = (at < 0 ? raw : raw.slice(0, at)).trim();
    const comment = at < 0 ? '' : raw.slice(at + 1).trim();
    if (body === '') return;
    const words = body.split(/\s+/);
    const [conn, what] = words;
    if (!conn || !/^[A-Za-z][A-Za-z0-9]*$/.test(conn)) throw new Error(`line ${line}: a connection name first: ${raw}`);
    if ((what === 'connect' || what === 'close' || what === 'closed') && words.length === 2) {
      lines.push({ kind: what, conn, comment, line });
      return;
    }
    if ((what === '>' || what === '<') && words.length === 4) {
      const [prefix, frameHex] = [words[2]!, words[3]!];
      if (!/^[0-9a-f]{8}$/.test(prefix) || !/^([0-9a-f]{2})+$/.test(frameHex)) throw new Error(`line ${line}: a length prefix and a frame in hex: ${raw}`);
      const frame = new Uint8Array(Buffer.from(frameHex, 'hex'));
      if (Number.parseInt(prefix, 16) !== frame.length) throw new Error(`line ${line}: the length prefix says ${Number.parseInt(prefix, 16)}, the frame has ${frame.length} bytes`);
      lines.push({ kind: 'frame', conn, dir: what, frame, comment, line });
      return;
    }
    throw new Error(`line ${line}: not a transcript line: ${raw}`);
  });
  return lines;
}

/** A raw TCP connection that queues the frames it receives. */
export class Wire {
  private readonly frames: Uint8Array[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder(16 * 1024 * 1024);
    socket.on('data', (chunk: Buffer) => {
      this.frames.push(...decoder.push(chunk));
      this.waiter?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.ended = true;
        this.waiter?.();
        resolve();
      });
    });
    socket.on('error', () => {});
  }

  static async open(tcpUrl: string): Promise<Wire> {
    const { hostname, port } = new URL(tcpUrl.replace('tcp://', 'http://'));
    const socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      }),
      `a TCP connection to ${tcpUrl}`,
    ).catch((err: unknown) => {
      socket.destroy();
      throw err;
    });
    return new Wire(socket);
  }

  send(frame: Uint8Array): void {
    this.socket.write(lengthPrefixed(frame));
  }

  /** The next frame received, in order; `what` names it in a timeout. */
  async next(what: string, timeoutMs = WAIT_MS): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.ended) throw new Error(`the connection closed while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => (clearTimeout(timer), resolve());
      });
      this.waiter = undefined;
    }
    return this.frames.shift()!;
  }

  /** Frames received and not yet taken by `next`. */
  get unread(): readonly Uint8Array[] {
    return this.frames;
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * Play the client side of `lines` against the server at `tcpUrl` and check every
 * server frame. `bindings` must already hold each `{{token:<user>}}` the
 * transcript uses. Throws at the first difference, naming the line.
 */
export async function replayTranscript(lines: readonly TranscriptLine[], tcpUrl: string, bindings: Bindings): Promise<void> {
  const wires = new Map<string, Wire>();
  const wire = (l: TranscriptLine) => {
    const w = wires.get(l.conn);
    if (!w) throw new Error(`line ${l.line}: connection ${l.conn} is not open`);
    return w;
  };
  try {
    for (const l of lines) {
      if (l.kind === 'connect') {
        wires.set(l.conn, await Wire.open(tcpUrl));
      } else if (l.kind === 'close') {
        const w = wire(l);
        if (w.unread.length > 0) throw new Error(`line ${l.line}: ${l.conn} got frames the transcript does not have: ${w.unread.map((f) => describeFrame(maskFrame(decodeFrame(f), bindings))).join('; ')}`);
        w.close();
        await withDeadline(w.closed, `line ${l.line}: ${l.conn} to close`);
      } else if (l.kind === 'closed') {
        const w = wire(l);
        await withDeadline(w.closed, `line ${l.line}: the server to close ${l.conn}`);
        if (w.unread.length > 0) throw new Error(`line ${l.line}: ${l.conn} got frames the transcript does not have before the close: ${w.unread.map((f) => describeFrame(maskFrame(decodeFrame(f), bindings))).join('; ')}`);
      } else if (l.dir === '>') {
        wire(l).send(encodeFrame(unmaskFrame(decodeFrame(l.frame), bindings)));
      } else {
        const actual = await wire(l).next(`line ${l.line}: ${l.comment}`);
        const decoded = decodeFrame(actual);
        if (hex(encodeFrame(decoded)) !== hex(actual)) throw new Error(`line ${l.line}: the server's bytes are not the canonical encoding of what they decode to: ${hex(actual)}`);
        const masked = encodeFrame(maskFrame(decoded, bindings));
        if (hex(masked) !== hex(l.frame)) {
          throw new Error(
            `line ${l.line}: the server sent another frame than the transcript has.\n` +
              `  expected: ${hex(l.frame)}\n            ${describeFrame(maskFrame(decodeFrame(l.frame), new Bindings()))}\n` +
              `  actual:   ${hex(masked)}\n            ${describeFrame(maskFrame(decoded, bindings))}`,
          );
        }
      }
    }
  } finally {
    for (const w of wires.values()) w.close();
  }
}

/**
 * Records a scripted session: each step runs against the server and is written
 * as a line, server frames in the order the script expects them (not the order
 * they happened to arrive across connections), so that a new recording of an
 * unchanged protocol is the same text.
 */
export class TranscriptRecorder {
  readonly lines: TranscriptLine[] = [];
  private readonly wires = new Map<string, Wire>();
  private line = 0;

  constructor(
    private readonly tcpUrl: string,
    readonly bindings: Bindings,
  ) {}

  async connect(conn: string, comment: string): Promise<void> {
    this.wires.set(conn, await Wire.open(this.tcpUrl));
    this.lines.push({ kind: 'connect', conn, comment, line: ++this.line });
  }

  /** Send `frame` on `conn` (with its real values; the line gets their placeholders). `note` follows the frame in the comment. */
  send(conn: string, frame: FrameData, note?: string): void {
    const bytes = encodeFrame(frame);
    this.wire(conn).send(bytes);
    const masked = maskFrame(decodeFrame(bytes), this.bindings);
    this.lines.push({ kind: 'frame', conn, dir: '>', frame: encodeFrame(masked), comment: commentOf(masked, note), line: ++this.line });
  }

  /** The next frame on `conn`, which must carry `body`; returns it with its real values. */
  async expect(conn: string, body: NonNullable<parley.Frame['body']>, note?: string): Promise<parley.Frame> {
    const bytes = await this.wire(conn).next(`${body} on ${conn}`);
    const frame = decodeFrame(bytes);
    if (frame.body !== body) throw new Error(`expected ${body} on ${conn}, got ${describeFrame(maskFrame(frame, new Bindings()))}`);
    const masked = maskFrame(frame, this.bindings);
    this.lines.push({ kind: 'frame', conn, dir: '<', frame: encodeFrame(masked), comment: commentOf(masked, note), line: ++this.line });
    return frame;
  }

  /** The server closes `conn`: nothing may be left unread on it. */
  async expectClosed(conn: string, comment: string): Promise<void> {
    const w = this.wire(conn);
    await withDeadline(w.closed, `the server to close ${conn}`);
    if (w.unread.length > 0) throw new Error(`${conn} got frames the script did not expect before the close`);
    this.lines.push({ kind: 'closed', conn, comment, line: ++this.line });
  }

  /** The client closes `conn`: nothing may be left unread on it. */
  async close(conn: string, comment: string): Promise<void> {
    const w = this.wire(conn);
    if (w.unread.length > 0) throw new Error(`${conn} got frames the script did not expect: ${w.unread.map((f) => describeFrame(maskFrame(decodeFrame(f), this.bindings))).join('; ')}`);
    w.close();
    await withDeadline(w.closed, `${conn} to close`);
    this.lines.push({ kind: 'close', conn, comment, line: ++this.line });
  }

  /** Close whatever is still open (after a failure). */
  dispose(): void {
    for (const w of this.wires.values()) w.close();
  }

  private wire(conn: string): Wire {
    const w = this.wires.get(conn);
    if (!w) throw new Error(`connection ${conn} is not open`);
    return w;
  }
}
