/**
 * Length-prefixed framing for raw TCP: a 4-byte big-endian length, then that many
 * bytes of one encoded Frame. A stream read may hold half a frame, several frames,
 * or a frame split anywhere (even inside the length prefix); the decoder is a
 * two-state machine (reading header / reading body) that copes with all of them.
 *
 * Invariants: memory held is at most one header plus one body of `maxFrameBytes`;
 * a length above `maxFrameBytes` is rejected before any of its body is buffered;
 * a zero length is rejected (an empty Frame carries no request).
 */
import { TCP_HEADER_BYTES } from './constants.ts';
import { ErrorCode, ParleyError } from './errors.ts';

/** Prefix `payload` with its length, ready for a TCP write. */
export function lengthPrefixed(payload: Uint8Array): Uint8Array {
  return lengthPrefixedAll([payload]);
}

/** Write `frame` behind its length prefix into `out` at `at`; returns where the next one goes. */
function putFrame(out: Uint8Array, view: DataView, at: number, frame: Uint8Array): number {
  view.setUint32(at, frame.length, false);
  out.set(frame, at + TCP_HEADER_BYTES);
  return at + TCP_HEADER_BYTES + frame.length;
}

export class FrameDecoder {
  readonly maxFrameBytes: number;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** Body length once the header has been read; -1 while reading the header. */
  private expected = -1;

  constructor(maxFrameBytes: number) {
    if (!Number.isInteger(maxFrameBytes) || maxFrameBytes < 1 || maxFrameBytes > 0xffffffff) {
      throw new RangeError(`maxFrameBytes must be an integer in 1..2^32-1, got ${maxFrameBytes}`);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Bytes held waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /**
   * Feed bytes read from the socket; returns the complete frame payloads they
   * finish, in order. Throws ParleyError(FRAME_TOO_LARGE | BAD_FRAME) on a bad
   * length; the stream cannot be resynchronised after that, so close it.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    if (chunk.length === 0) return frames;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < TCP_HEADER_BYTES) break;
        const header = this.take(TCP_HEADER_BYTES);
        const length = new DataView(header.buffer, header.byteOffset, TCP_HEADER_BYTES).getUint32(0, false);
        if (length === 0) throw new ParleyError(ErrorCode.BAD_FRAME, 'zero-length frame');
        if (length > this.maxFrameBytes) {
          throw new ParleyError(ErrorCode.FRAME_TOO_LARGE, `frame of ${length} bytes exceeds the limit of ${this.maxFrameBytes}`);
        }
        this.expected = length;
      }
      if (this.buffered < this.expected) break;
      frames.push(this.take(this.expected));
      this.expected = -1;
    }
    return frames;
  }

  /** Remove and return the first n buffered bytes (n <= buffered). */
  private take(n: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length === n) {
      this.chunks.shift();
      this.buffered -= n;
      return first;
    }
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const want = n - filled;
      if (head.length <= want) {
        out.set(head, filled);
        filled += head.length;
        this.chunks.shift();
      } else {
        out.set(head.subarray(0, want), filled);
        this.chunks[0] = head.subarray(want);
        filled += want;
      }
    }
    this.buffered -= n;
    return out;
  }
}

/**
 * Several frames, each behind its length prefix, in one buffer: what a run of
 * pushes looks like on the wire. Built once, it can be written as is to every
 * connection that gets the whole run.
 */
export function lengthPrefixedAll(frames: readonly Uint8Array[]): Uint8Array {
  let bytes = 0;
  for (const frame of frames) bytes += TCP_HEADER_BYTES + frame.length;
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const frame of frames) at = putFrame(out, view, at, frame);
  return out;
}

/** The part of a Node stream (net.Socket) a frame writer needs; no Node import here. */
export interface FrameSink {
  write(chunk: Uint8Array): unknown;
}

export interface FrameWriter {
  write(frame: Uint8Array): void;
  /** Queue bytes that are already length-prefixed frames (see `lengthPrefixedAll`). */
  writePrefixed(frames: Uint8Array): void;
  /** Write what is gathered now (before closing the stream). */
  flush(): void;
  /** Bytes gathered and not yet handed to the stream. */
  readonly gatheredBytes: number;
}

/**
 * Writes length-prefixed frames to `stream`. The frames of one event-loop turn
 * are gathered and copied, each behind its length prefix, into one buffer that
 * leaves in one `write` when `defer` (process.nextTick in Node) runs: a burst of
 * pushes to a connection costs one syscall and no per-frame stream bookkeeping.
 * A turn that gathered nothing but one prefixed run writes that run's buffer
 * itself, without a copy (the same buffer may go to many streams).
 */
export function createFrameWriter(stream: FrameSink, defer: (fn: () => void) => void): FrameWriter {
  let gathered: Uint8Array[] = [];
  /** Which gathered parts carry their prefixes already (undefined while none does). */
  let prefixed: boolean[] | undefined;
  let bytes = 0;
  const flush = () => {
    if (gathered.length === 0) return;
    let out: Uint8Array;
    if (gathered.length === 1 && prefixed) {
      out = gathered[0]!;
    } else {
      out = new Uint8Array(bytes);
      const view = new DataView(out.buffer);
      let at = 0;
      for (let i = 0; i < gathered.length; i++) {
        const part = gathered[i]!;
        if (prefixed?.[i]) {
          out.set(part, at);
          at += part.length;
        } else {
          at = putFrame(out, view, at, part);
        }
      }
    }
    gathered = [];
    prefixed = undefined;
    bytes = 0;
    stream.write(out);
  };
  return {
    write(frame) {
      if (gathered.length === 0) defer(flush);
      gathered.push(frame);
      prefixed?.push(false);
      bytes += TCP_HEADER_BYTES + frame.length;
    },
    writePrefixed(frames) {
      if (gathered.length === 0) defer(flush);
      prefixed ??= gathered.map(() => false);
      gathered.push(frames);
      prefixed.push(true);
      bytes += frames.length;
    },
    flush,
    get gatheredBytes() {
      return bytes;
    },
  };
}
