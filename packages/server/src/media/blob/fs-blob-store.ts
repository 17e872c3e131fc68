/**
 * Blobs as files under one directory (the default: `<dataDir>/blobs`; a shared
 * mount serves a cluster). A key maps to a path of two fan-out levels
 * (`ab/cd/<key>`), so no directory holds millions of entries; keys are checked
 * to be plain names, never paths. Appends write at the offset, fsync the file
 * (and, for a new file, its directory), and only then resolve.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobOffsetMismatch, BlobRangeError, BlobTooLarge, checkBlobKey, type BlobStore, type ByteRange } from '../blob-store.ts';
import { untilCut } from './until-cut.ts';

/** Bytes gathered before a write to the file. */
const WRITE_BATCH_BYTES = 1024 * 1024;

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    checkBlobKey(key);
    const hex = Buffer.from(key).toString('hex');
    return join(this.root, hex.slice(-4, -2) || '00', hex.slice(-2), key);
  }

  async length(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async append(key: string, offset: number, data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number> {
    const path = this.pathOf(key);
    const before = await this.length(key);
    const current = before ?? 0;
    if (current !== offset) throw new BlobOffsetMismatch(current, offset);
    const created = before === undefined;
    if (created) await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const file = await open(path, created ? 'a' : 'r+', 0o600);
    let written = 0;
    let failure: unknown;
    // Chunks are gathered and written a batch at a time: one write per MiB, not per 64 KiB network chunk.
    let batch: Uint8Array[] = [];
    let batched = 0;
    const flush = async () => {
      if (batched === 0) return;
      await writeFully(file, batch.length === 1 ? batch[0]! : Buffer.concat(batch, batched), offset + written);
      written += batched;
      batch = [];
      batched = 0;
    };
    try {
      try {
        // A cut stream just ends the chunks: what reached the file stays.
        for await (const chunk of untilCut(data)) {
          if (written + batched + chunk.length > maxBytes) throw new BlobTooLarge(maxBytes);
          batch.push(chunk);
          batched += chunk.length;
          if (batched >= WRITE_BATCH_BYTES) await flush();
        }
        await flush();
      } catch (err) {
        // A limit keeps nothing of this append; a failed write keeps what was written before it.
        failure = err;
        if (!(err instanceof BlobTooLarge)) await flush().catch(() => {});
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (created) await syncDirectory(dirname(path));
    if (failure instanceof BlobTooLarge) {
      // Nothing of this append stays, not even the blob it would have created.
      if (created) {
        await rm(path, { force: true });
        await syncDirectory(dirname(path));
      } else {
        await truncate(path, offset);
      }
      throw failure;
    }
    if (failure) throw failure;
    return offset + written;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    const length = await this.length(key);
    if (length === undefined) throw new BlobRangeError(`no blob ${key}`);
    if (range && (range.start < 0 || range.end < range.start || range.end >= length)) {
      throw new BlobRangeError(`range ${range.start}-${range.end} is outside 0-${length - 1}`);
    }
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async concat(target: string, sources: readonly string[]): Promise<void> {
    // Everything is checked before the target is touched: deleting it first
    // would destroy a source that is also the target.
    this.pathOf(target);
    const lengths: number[] = [];
    for (const source of sources) {
      if (source === target) throw new Error(`cannot concatenate blob ${target} onto itself`);
      const length = await this.length(source);
      if (length === undefined) throw new BlobRangeError(`no blob ${source}`);
      lengths.push(length);
    }
    let offset = 0;
    await this.delete(target);
    for (const [i, source] of sources.entries()) {
      offset = await this.append(target, offset, await this.read(source), lengths[i]!);
    }
    if (sources.length === 0) await this.append(target, 0, (async function* () {})(), 0);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}
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

async function truncate(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
