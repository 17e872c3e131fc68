/**
 * The blob store port: where the bytes of uploads and files live, apart from the
 * store of record (which keeps their metadata: owners, offsets, hashes, references).
 * Two adapters pass one contract suite (server/test/blob-store-contract.ts): the
 * local filesystem (media/blob/fs-blob-store.ts, the default, under the data
 * directory; a shared mount serves a cluster) and S3-compatible object storage
 * (media/blob/s3-blob-store.ts).
 *
 * A blob is written only by appending at its current end, in order, by one writer
 * at a time (the media layer takes a lock per upload); once complete it is never
 * changed again. So an adapter never has to merge or rewrite bytes, and one that
 * cannot append in place (S3) can keep a blob as a sequence of immutable parts.
 *
 * Invariants an adapter keeps:
 * - `append` resolves only when the bytes are durable (the filesystem adapter
 *   fsyncs the file; S3 has stored the object): an offset the media layer then
 *   records and acknowledges (tus 204) is never lost, even on a crash right after.
 * - `append` with an offset other than the blob's current length rejects with
 *   BlobOffsetMismatch and writes nothing.
 * - A cut stream (the client went away mid-chunk) keeps what was durably written
 *   before the cut, and `append` resolves with the length reached — a resumed
 *   upload continues from there, not from zero. An adapter that cannot keep a
 *   partial chunk (S3) keeps nothing of that chunk and resolves with the old length.
 * - `append` given more than `maxBytes` rejects with BlobTooLarge and keeps
 *   nothing of that append.
 * - Reads of a range beyond the blob's length reject with BlobRangeError.
 * - A failure of the storage itself (a full disk, an unreachable bucket) is not
 *   a cut: `append` rejects with it, and the blob may keep a prefix of that
 *   append's bytes, so the caller reads `length` before going on.
 */
import type { Readable } from 'node:stream';

/** BlobStore.read's `chunkBytes` for reads the server consumes whole (hashing, joining a staged body). */
export const BULK_READ_BYTES = 1024 * 1024;

/** A byte range, `end` inclusive (as HTTP Range has it). */
export interface ByteRange {
  start: number;
  end: number;
}

export class BlobOffsetMismatch extends Error {
  constructor(readonly expected: number, readonly given: number) {
    super(`blob offset mismatch: at ${expected}, not ${given}`);
  }
}

export class BlobTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}

export class BlobRangeError extends Error {}

export interface BlobStore {
  /**
   * Append the bytes of `data` to blob `key` at `offset` (its current length; 0
   * creates it), at most `maxBytes` of them. Resolves with the blob's new length
   * once every byte counted is durable.
   */
  append(key: string, offset: number, data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number>;
  /** The blob's length, or undefined if there is no such blob. */
  length(key: string): Promise<number | undefined>;
  /**
   * The blob's bytes, or a range of them. `chunkBytes` is a hint for an adapter
   * that reads in chunks (the filesystem's): a read of a whole blob for its hash
   * goes several times faster in 1 MiB reads than in the stream default of
   * 64 KiB, while a download, which may be one of thousands at once, keeps the
   * default's small buffer.
   */
  read(key: string, range?: ByteRange, options?: { chunkBytes?: number }): Promise<Readable>;
  /**
   * Make blob `target` the concatenation of `sources`, in order (tus
   * concatenation), replacing any blob `target` was; the sources stay. Rejects,
   * before touching the target, if a source is missing or is the target itself.
   * An adapter may share the sources' stored bytes with the target instead of
   * copying them (the filesystem adapter links them): neither a later append to
   * a source nor its deletion changes the target.
   */
  concat(target: string, sources: readonly string[]): Promise<void>;
  /** Remove a blob (no error if there is none). */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A blob key is a plain name, never a path: 1 to 128 of A-Z a-z 0-9 `_` `-`.
 * Every adapter refuses any other (`../x`, `a/b`, the empty key) before touching
 * storage, so a key can never name a file outside the blob directory or an
 * object outside the store's prefix.
 */
export const BLOB_KEY = /^[A-Za-z0-9_-]{1,128}$/;

/** Throws unless `key` is a blob key (see BLOB_KEY). */
export function checkBlobKey(key: string): void {
  if (typeof key !== 'string' || !BLOB_KEY.test(key)) {
    throw new Error(`not a blob key: ${JSON.stringify(String(key).slice(0, 40))}${String(key).length > 40 ? '…' : ''}`);
  }
}
