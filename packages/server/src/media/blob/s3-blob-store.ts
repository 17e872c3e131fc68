/**
 * Blobs in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, R2).
 *
 * S3 cannot append, so a blob is a sequence of immutable parts, one object each,
 * named by the offset of its first byte, zero-padded so that the store lists
 * them in order:
 *
 *     <prefix><key>/0000000000000000   bytes 0 .. n-1
 *     <prefix><key>/00000000000000nn   bytes n .. m-1
 *
 * Listing `<prefix><key>/` tells the blob's parts, so its length and layout are
 * in the bucket, not in any cache: another node, or this one after a restart,
 * sees the same blob. Parts are contiguous (each begins where the one before
 * ended) and never change; a listing that is not contiguous is refused, never
 * read. An empty blob is one empty part at 0 (the next append replaces it).
 *
 * append: the offset is checked against a listing (BlobOffsetMismatch, nothing
 * written). The media layer holds a lock per upload, so two nodes never append
 * to one blob at once; the adapter only refuses a wrong offset. The source is
 * buffered in memory up to `partBytes`; a full buffer is stored as a part
 * (PutObject, with Content-MD5) and the append goes on. So one append holds at
 * most `partBytes` (for a moment 1.5 times that, while its buffer grows by
 * doubling from 64 KiB), whatever the chunk size, and a cut stream (the
 * client went away) keeps every byte received: what is buffered is stored as a
 * last part before the append resolves. More than `maxBytes` deletes the parts
 * this append stored, then rejects (BlobTooLarge). A storage error rejects; the
 * parts stored before it stay (a prefix: the caller reads `length`).
 *
 * read: one listing, then one GetObject per part the range touches (with a
 * Range header on the first and last), streamed one after the other.
 *
 * concat: server-side CopyObject of every part of every source under the
 * target's key at its new offset; no byte passes through this process. A part
 * larger than 5 GiB could not be copied that way; parts are at most
 * `partBytes` (at most 1 GiB).
 *
 * Costs: an append is one LIST page per 1000 parts plus one PUT per part; a
 * read one LIST plus one GET per part touched; length one LIST; delete one LIST
 * plus one DeleteObjects per 1000 parts. Nothing is cached: a cached length
 * could go stale as soon as another node appends or deletes.
 *
 * Relies on strong read-after-write and list-after-write consistency, which
 * AWS S3, MinIO, Ceph RGW and R2 all give.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { BlobOffsetMismatch, BlobRangeError, BlobTooLarge, checkBlobKey, type BlobStore, type ByteRange } from '../blob-store.ts';
import { isS3Prefix } from './s3-prefix.ts';
import { untilCut } from './until-cut.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Prepended to every object name: empty, or segments each ending in '/' ('parley/blobs/'; see s3-prefix.ts). */
  prefix?: string;
  /** Empty or absent: AWS S3 for `region`. */
  endpoint?: string;
  region?: string;
  /** Both empty or absent: the SDK's default credential chain (an IAM role, AWS_* variables, ~/.aws). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Bucket in the path, not the host name (MinIO, s3rver, most self-hosted stores). */
  forcePathStyle?: boolean;
  /** The largest part an append buffers before storing it (default 8 MiB). */
  partBytes?: number;
  /** Keys per listing page (S3's most and the default: 1000); tests make it small to list blobs in many pages. */
  listPageSize?: number;
}

/** Digits of a part's offset in its name: enough for Number.MAX_SAFE_INTEGER. */
const OFFSET_DIGITS = 16;
const PART_NAME = /^\d{16}$/;
export const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
/** Parts copied at once by concat. */
const COPY_CONCURRENCY = 8;
/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

interface Part {
  /** The object's full name. */
  name: string;
  offset: number;
  size: number;
}

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partBytes: number;
  private readonly listPageSize: number;

  private constructor(options: S3BlobStoreOptions) {
    const prefix = options.prefix ?? '';
    if (!isS3Prefix(prefix)) throw new Error(`S3 prefix must be empty or segments each ending in '/' (see s3-prefix.ts), got "${prefix}"`);
    const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
    if (!Number.isInteger(partBytes) || partBytes < 1 || partBytes > 1024 ** 3) throw new Error(`S3 part size must be 1 byte to 1 GiB, got ${partBytes}`);
    if (Boolean(options.accessKeyId) !== Boolean(options.secretAccessKey)) throw new Error('S3 access key id and secret go together');
    this.bucket = options.bucket;
    this.prefix = prefix;
    this.partBytes = partBytes;
    this.listPageSize = options.listPageSize ?? 1000;
    const config: S3ClientConfig = {
      region: options.region || 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? false,
      // The SDK's newer default checksums (CRC32 headers and trailers on every
      // upload) are not understood by every S3-compatible store; parts carry
      // Content-MD5 instead, which all of them check.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A store that stops answering fails the call instead of hanging the upload.
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    };
    if (options.endpoint) config.endpoint = options.endpoint;
    if (options.accessKeyId && options.secretAccessKey) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    }
    this.client = new S3Client(config);
  }

  /**
   * A store on `bucket`, once a listing of its prefix has worked: a wrong
   * endpoint, bucket or credentials fail here, at start-up, not at the first upload.
   */
  static async open(options: S3BlobStoreOptions): Promise<S3BlobStore> {
    const store = new S3BlobStore(options);
    try {
      await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: store.prefix, MaxKeys: 1 }));
    } catch (err) {
      store.client.destroy();
      throw new Error(`S3 blob store: cannot list s3://${options.bucket}/${store.prefix}${options.endpoint ? ` at ${options.endpoint}` : ''}: ${explain(err)}`, { cause: err });
    }
    return store;
  }

  private blobPrefix(key: string): string {
    checkBlobKey(key);
    return `${this.prefix}${key}/`;
  }

  private partName(key: string, offset: number): string {
    return `${this.blobPrefix(key)}${String(offset).padStart(OFFSET_DIGITS, '0')}`;
  }

  /** Every object under the blob's prefix, in name order. */
  private async listObjects(key: string): Promise<{ name: string; size: number }[]> {
    const prefix = this.blobPrefix(key);
    const objects: { name: string; size: number }[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: this.listPageSize }),
      );
      for (const o of page.Contents ?? []) objects.push({ name: o.Key!, size: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }

  /** The blob's parts in order, checked to be contiguous from 0; empty if there is no blob. */
  private async parts(key: string): Promise<Part[]> {
    const prefix = this.blobPrefix(key);
    const parts: Part[] = [];
    for (const o of await this.listObjects(key)) {
      const name = o.name.slice(prefix.length);
      if (!PART_NAME.test(name)) throw new Error(`blob ${key}: unexpected object ${o.name}`);
      parts.push({ name: o.name, offset: Number(name), size: o.size });
    }
    parts.sort((a, b) => a.offset - b.offset);
    let end = 0;
    for (const part of parts) {
      if (part.offset !== end) throw new Error(`blob ${key}: a part begins at ${part.offset}, not at ${end} where the one before ended`);
      end += part.size;
    }
    return parts;
  }

  private async putPart(key: string, offset: number, body: Uint8Array): Promise<string> {
    const name = this.partName(key, offset);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: name,
        Body: body,
        ContentLength: body.length,
        ContentMD5: createHash('md5').update(body).digest('base64'),
        ContentType: 'application/octet-stream',
      }),
    );
    return name;
  }

  private async deleteObjects(names: readonly string[]): Promise<void> {
    for (let i = 0; i < names.length; i += DELETE_BATCH) {
      const batch = names.slice(i, i + DELETE_BATCH);
      const out = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      const failed = out.Errors ?? [];
      if (failed.length > 0) throw new Error(`S3 could not delete ${failed.length} object(s), ${failed[0]!.Key}: ${failed[0]!.Code} ${failed[0]!.Message}`);
    }
  }

  async length(key: string): Promise<number | undefined> {
    return lengthOf(await this.parts(key));
  }

  async append(key: string, offset: number, data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number> {
    const parts = await this.parts(key);
    const before = lengthOf(parts);
    const current = before ?? 0;
    if (current !== offset) throw new BlobOffsetMismatch(current, offset);
    const buffer = new PartBuffer(Math.max(0, Math.min(this.partBytes, maxBytes)));
    const stored: string[] = [];
    let length = offset;
    let taken = 0;
    try {
      // A cut stream just ends the chunks: what was received is stored below.
      for await (const chunk of untilCut(data)) {
        if (taken + chunk.length > maxBytes) throw new BlobTooLarge(maxBytes);
        taken += chunk.length;
        for (let at = 0; at < chunk.length; ) {
          at += buffer.fill(chunk.subarray(at));
          if (buffer.full) {
            stored.push(await this.putPart(key, length, buffer.bytes));
            length += buffer.size;
            buffer.clear();
          }
        }
      }
    } catch (err) {
      if (err instanceof BlobTooLarge) await this.deleteObjects(stored);
      throw err;
    }
    // The rest; and a blob that did not exist exists now, if only as an empty part.
    if (buffer.size > 0 || (before === undefined && stored.length === 0)) {
      await this.putPart(key, length, buffer.bytes);
      length += buffer.size;
    }
    return length;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const parts = await this.parts(key);
    const length = lengthOf(parts);
    if (length === undefined) throw new BlobRangeError(`no blob ${key}`);
    if (range && !(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.end >= range.start && range.end < length)) {
      throw new BlobRangeError(`range ${range.start}-${range.end} is outside 0-${length - 1}`);
    }
    const start = range?.start ?? 0;
    const end = range ? range.end + 1 : length;
    const pieces = parts
      .filter((p) => p.size > 0 && p.offset < end && p.offset + p.size > start)
      .map((p) => ({ part: p, from: Math.max(start, p.offset) - p.offset, to: Math.min(end, p.offset + p.size) - p.offset - 1 }));
    return Readable.from(this.stream(pieces), { objectMode: false });
  }

  /** The bytes of each piece in turn; a stream destroyed part-way releases the current response. */
  private async *stream(pieces: { part: Part; from: number; to: number }[]): AsyncGenerator<Uint8Array> {
    for (const { part, from, to } of pieces) {
      const whole = from === 0 && to === part.size - 1;
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: part.name, Range: whole ? undefined : `bytes=${from}-${to}` }),
      );
      const body = out.Body as Readable;
      try {
        if (out.ContentLength !== undefined && out.ContentLength !== to - from + 1) {
          throw new Error(`part ${part.name}: ${out.ContentLength} bytes where ${to - from + 1} were asked for`);
        }
        yield* body;
      } finally {
        body.destroy();
      }
    }
  }

  async concat(target: string, sources: readonly string[]): Promise<void> {
    this.blobPrefix(target);
    for (const source of sources) {
      this.blobPrefix(source);
      if (source === target) throw new Error(`cannot concatenate blob ${target} onto itself`);
    }
    const listed: Part[][] = [];
    for (const source of sources) {
      const parts = await this.parts(source);
      if (parts.length === 0) throw new BlobRangeError(`no blob ${source}`);
      listed.push(parts);
    }
    await this.delete(target);
    const copies: { from: string; to: string }[] = [];
    let base = 0;
    for (const parts of listed) {
      for (const part of parts) if (part.size > 0) copies.push({ from: part.name, to: this.partName(target, base + part.offset) });
      base += lengthOf(parts)!;
    }
    if (copies.length === 0) {
      await this.putPart(target, 0, new Uint8Array(0));
      return;
    }
    let next = 0;
    const worker = async () => {
      while (next < copies.length) {
        const { from, to } = copies[next++]!;
        await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeKey(from)}` }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, copies.length) }, worker));
  }

  async delete(key: string): Promise<void> {
    // Everything under the blob's prefix, a listing that is not contiguous included.
    await this.deleteObjects((await this.listObjects(key)).map((o) => o.name));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function lengthOf(parts: readonly Part[]): number | undefined {
  const last = parts.at(-1);
  return last === undefined ? undefined : last.offset + last.size;
}

/** An object name in a CopySource: URL-encoded, its slashes kept. */
function encodeKey(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function explain(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  return `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(err)}`;
}

/**
 * The bytes of the part being filled: grows by doubling up to `capacity`, so a
 * small append never holds a whole part's worth of memory.
 */
class PartBuffer {
  private buf: Buffer;
  size = 0;

  constructor(private readonly capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.min(capacity, 64 * 1024));
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  get bytes(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }

  /** Copy as much of `chunk` as fits; returns how much that was. */
  fill(chunk: Uint8Array): number {
    const n = Math.min(chunk.length, this.capacity - this.size);
    if (this.size + n > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.capacity, Math.max(this.size + n, 2 * this.buf.length)));
      this.buf.copy(grown, 0, 0, this.size);
      this.buf = grown;
    }
    this.buf.set(chunk.subarray(0, n), this.size);
    this.size += n;
    return n;
  }

  clear(): void {
    this.size = 0;
  }
}
