/**
 * Blobs as files under one directory (the default: `<dataDir>/blobs`; a shared
 * mount serves a cluster). A key maps to a path of two fan-out levels
 * (`ab/cd/<key>`), so no directory holds millions of entries; keys are checked
 * to be plain names, never paths. Appends write at the offset, fsync the file
 * (and, for a new file, its directory), and only then resolve.
 *
 * A blob made by `concat` is a directory of segments instead of one file: each
 * segment a file named by the offset in the blob where its bytes start, and the
 * segments of the sources are hard links to the sources' own files. So joining
 * tus parts writes no byte of them a second time (the disk has them once, and
 * a concatenation costs a link per part and a few directory fsyncs), and the
 * sources stay as they were. A segment is never written once it has bytes: an
 * append to a joined blob is a new segment; an append to a plain blob whose
 * file is also a segment somewhere (a source appended to after a concat, which
 * the media layer never does) first gives that blob a copy of its own.
 */
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobOffsetMismatch, BlobRangeError, BlobTooLarge, checkBlobKey, type BlobStore, type ByteRange } from '../blob-store.ts';
import { untilCut } from './until-cut.ts';

/** Bytes gathered before a write to the file. */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** Batches taken in from the source while earlier ones are still being written (memory: this many MiB per append). */
const BATCHES_AHEAD = 4;
/** A segment's name: its offset in the blob. */
const SEGMENT = /^\d{1,16}$/;

/** One file of a blob, and where its bytes start in the blob. */
interface Segment {
  path: string;
  offset: number;
  size: number;
}

/** A blob as it lies on disk: one file, or a directory of segments (see the header). */
interface Layout {
  joined: boolean;
  /** In blob order; a plain blob has one. */
  segments: Segment[];
  length: number;
  /** Names the plain blob's file has (more than one: it is also a segment of a joined blob). */
  links: number;
}

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    checkBlobKey(key);
    const hex = Buffer.from(key).toString('hex');
    return join(this.root, hex.slice(-4, -2) || '00', hex.slice(-2), key);
  }

  private async layout(key: string): Promise<Layout | undefined> {
    const path = this.pathOf(key);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    if (!info.isDirectory()) return { joined: false, segments: [{ path, offset: 0, size: info.size }], length: info.size, links: info.nlink };
    const offsets = (await readdir(path)).filter((name) => SEGMENT.test(name)).map(Number).sort((a, b) => a - b);
    const segments = await Promise.all(offsets.map(async (offset) => {
      const file = join(path, String(offset));
      return { path: file, offset, size: (await stat(file)).size };
    }));
    const last = segments.at(-1);
    return { joined: true, segments, length: last ? last.offset + last.size : 0, links: 1 };
  }

  async length(key: string): Promise<number | undefined> {
    return (await this.layout(key))?.length;
  }

  async append(key: string, offset: number, data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number> {
    const blob = this.pathOf(key);
    const before = await this.layout(key);
    const current = before?.length ?? 0;
    if (current !== offset) throw new BlobOffsetMismatch(current, offset);
    // The file written and where in it: a plain blob's own file at the offset, or a joined blob's segment starting there.
    const path = before?.joined ? join(blob, String(offset)) : blob;
    const position = before?.joined ? 0 : offset;
    const created = before === undefined || (before.joined && !before.segments.some((s) => s.offset === offset));
    if (before === undefined) await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    if (before && before.links > 1) await unshare(path);
    const file = await open(path, created ? 'a' : 'r+', 0o600);
    const writer = new WriteBehind(file, position);
    let failure: unknown;
    // Chunks are gathered and written a batch at a time: one write per MiB, not per 64 KiB network chunk.
    let batch: Uint8Array[] = [];
    let batched = 0;
    const flush = async () => {
      if (batched === 0) return;
      const bytes = batch.length === 1 ? batch[0]! : Buffer.concat(batch, batched);
      batch = [];
      batched = 0;
      await writer.write(bytes);
    };
    try {
      try {
        // A cut stream just ends the chunks: what reached the file stays.
        for await (const chunk of untilCut(data)) {
          if (writer.queued + batched + chunk.length > maxBytes) throw new BlobTooLarge(maxBytes);
          batch.push(chunk);
          batched += chunk.length;
          if (batched >= WRITE_BATCH_BYTES) await flush();
        }
        await flush();
        await writer.drain();
      } catch (err) {
        // A limit keeps nothing of this append; a failed write keeps what was written before it.
        failure = err;
        if (!(err instanceof BlobTooLarge)) await flush().catch(() => {});
        await writer.drain().catch(() => {});
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (created) await syncDirectory(dirname(path));
    if (failure instanceof BlobTooLarge) {
      // Nothing of this append stays, not even the file it would have created.
      if (created) {
        await rm(path, { force: true });
        await syncDirectory(dirname(path));
      } else {
        await truncate(path, position);
      }
      throw failure;
    }
    if (failure) throw failure;
    return offset + writer.written;
  }

  async read(key: string, range?: ByteRange, options: { chunkBytes?: number } = {}): Promise<Readable> {
    const highWaterMark = options.chunkBytes;
    const blob = await this.layout(key);
    if (blob === undefined) throw new BlobRangeError(`no blob ${key}`);
    if (range && (range.start < 0 || range.end < range.start || range.end >= blob.length)) {
      throw new BlobRangeError(`range ${range.start}-${range.end} is outside 0-${blob.length - 1}`);
    }
    if (!blob.joined) return createReadStream(blob.segments[0]!.path, { highWaterMark, ...(range ? { start: range.start, end: range.end } : {}) });
    const start = range?.start ?? 0;
    const end = range?.end ?? blob.length - 1;
    const touched = blob.segments.filter((s) => s.size > 0 && s.offset <= end && s.offset + s.size > start);
    // Destroying the stream returns the generator, which destroys the segment being read.
    return Readable.from((async function* () {
      for (const s of touched) {
        yield* createReadStream(s.path, { highWaterMark, start: Math.max(start - s.offset, 0), end: Math.min(end, s.offset + s.size - 1) - s.offset });
      }
    })(), { objectMode: false, highWaterMark });
  }

  async concat(target: string, sources: readonly string[]): Promise<void> {
    // Everything is checked before the target is touched: deleting it first
    // would destroy a source that is also the target.
    const path = this.pathOf(target);
    const layouts: Layout[] = [];
    for (const source of sources) {
      if (source === target) throw new Error(`cannot concatenate blob ${target} onto itself`);
      const layout = await this.layout(source);
      if (layout === undefined) throw new BlobRangeError(`no blob ${source}`);
      layouts.push(layout);
    }
    // Built beside the target under a name no key has (keys have no '.'), then
    // renamed into place: a crash leaves the old target or the new one, and a
    // leftover that the next concat clears.
    const building = `${path}.joining`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true, mode: 0o700 });
    let base = 0;
    for (const layout of layouts) {
      for (const s of layout.segments) if (s.size > 0) await link(s.path, join(building, String(base + s.offset)));
      base += layout.length;
    }
    await syncDirectory(building);
    await this.delete(target);
    await rename(building, path);
    await syncDirectory(dirname(path));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { recursive: true, force: true });
  }

  async close(): Promise<void> {}
}

/**
 * The writes of one append, behind the source: a batch is queued and the next
 * chunks are taken in (and hashed, by the media layer) while it is written, up
 * to BATCHES_AHEAD batches ahead. The writes themselves run one at a time, in
 * order, so the file only ever grows by a contiguous prefix of what was queued,
 * even if the process dies mid-way (a dead writer's bytes are adopted by the
 * next one, media-service.ts); after a failed write none of the later ones is
 * made. (Starting writeback early with an fdatasync per batch was tried and
 * measured slower: each one is a cache flush of the disk.)
 */
class WriteBehind {
  /** Bytes written to the file, from the append's offset: always a prefix of the ones queued. */
  written = 0;
  /** Bytes handed to `write`. */
  queued = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];

  constructor(private readonly file: FileHandle, private readonly offset: number) {}

  /** Queue `bytes`; waits only while BATCHES_AHEAD batches are queued, and rejects if an earlier write failed. */
  async write(bytes: Uint8Array): Promise<void> {
    const at = this.offset + this.queued;
    this.queued += bytes.length;
    const previous = this.tail;
    this.tail = (async () => {
      await previous; // a failed write fails every later one, unwritten
      await writeFully(this.file, bytes, at);
      this.written += bytes.length;
    })();
    this.tail.catch(() => {}); // observed by write or drain
    this.inFlight.push(this.tail);
    if (this.inFlight.length >= BATCHES_AHEAD) await this.inFlight.shift();
  }

  /** Wait for every queued write; rejects with the first failure. */
  async drain(): Promise<void> {
    this.inFlight.length = 0;
    await this.tail;
  }
}

/** Write all of `chunk` at `position`: a write may take fewer bytes than it was given (a full disk). */
async function writeFully(file: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, done, chunk.length - done, position + done);
    if (bytesWritten === 0) throw new Error(`no byte written at ${position + done}`);
    done += bytesWritten;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Give a plain blob a file of its own (a copy, made durable, renamed over it) before it is written. */
async function unshare(path: string): Promise<void> {
  const copy = `${path}.own`; // not a key: keys have no '.'
  await copyFile(path, copy);
  const handle = await open(copy, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(copy, path);
  await syncDirectory(dirname(path));
}

async function truncate(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
