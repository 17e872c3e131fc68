/**
 * Uploads, files and downloads, between the HTTP API and the stores: the rules
 * (media/rules/) run in store transactions, the bytes go to the blob store in
 * between, never inside one. It knows nothing of HTTP or tus headers.
 *
 * Durability of an upload: a PATCH's bytes are appended to the upload's blob,
 * which resolves only once they are durable (fsync), and only then is the new
 * offset written to the store of record, and only after that commit is the
 * PATCH answered. So an acknowledged offset is never lost. A PATCH cut off
 * keeps what reached the blob: the append resolves with the length reached and
 * that is recorded. A writer that died between its append and its record
 * leaves bytes beyond the recorded offset: the next writer (or HEAD) adopts
 * them — made durable first, by an empty append, which fsyncs — since they
 * were written in order by the one writer the lease allowed.
 *
 * The hash of a file is a fact about its stored bytes, whatever way they came.
 * The node writing an upload keeps it going PATCH after PATCH (`running`) as
 * long as every byte hashed is a byte stored; otherwise — resumed on another
 * node or after a restart, cut, adopted bytes, a final upload made by
 * concatenation the chain did not foresee — it is taken from the blob at
 * completion, as Node's hash state cannot be saved and restored. A partial
 * upload is never hashed on its own: its bytes are hashed, as they are recorded,
 * as part of the final upload the node guesses it will be in (part-chains.ts).
 * The hashing itself runs on a worker thread (hasher.ts).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { BoundedMap } from '../bounded-map.ts';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { StorePort } from '../chat/store-port.ts';
import type { Logger } from '../logger.ts';
import { BlobTooLarge, BULK_READ_BYTES, type BlobStore, type ByteRange } from './blob-store.ts';
import { checkedMime, SNIFF_BYTES } from './content.ts';
import { Hasher, type RunningHash } from './hasher.ts';
import { PartChains } from './part-chains.ts';
import type { FileMedia, FileRow, UploadRow } from './media-port.ts';
import { UploadKind } from './media-port.ts';
import { collectFile, copyFile, createChallenge, mayDownload, takeChallenge } from './rules/files.ts';
import {
  beginWrite,
  completeUpload,
  createFinal,
  createUpload,
  dayOf,
  endWrite,
  isComplete,
  newId,
  releaseLease,
  renewLease,
  stageKey,
  sweepUpload,
  takeLease,
  terminateUpload,
  type NewUpload,
  type UploadLimits,
  type WriteRequest,
} from './rules/uploads.ts';

export interface MediaSettings extends UploadLimits {
  /** How long a signed download link works. */
  fileLinkTtlMs: number;
  /** How long an instant-upload challenge may be answered. */
  instantChallengeMs: number;
  /** How often the collector runs (expired uploads, unreferenced files, trashed blobs); 0: never on its own. */
  mediaSweepMs: number;
}

/** Called once a file is complete and committed (upload, concatenation, instant upload), e.g. to make a thumbnail; the upload is answered once it is done (or after FILE_COMPLETE_WAIT_MS). */
export type FileListener = (file: FileRow) => void | Promise<void>;

/** An upload as HEAD, PATCH and GET report it. */
export interface UploadState {
  upload: UploadRow;
  /** The file it became, if it did. */
  fileId?: string;
}

/** What one run of the collector did. */
export interface SweepReport {
  uploads: number;
  files: number;
  blobs: number;
}

/** Most messages carrying one file looked at to decide a download. */
const ACCESS_ROWS = 1000;
/** Most rows of each kind one run of the collector takes. */
const SWEEP_BATCH = 200;

/** A writer whose lease was taken from it: it stops writing. */
class LeaseLost extends Error {}

async function* nothing(): AsyncIterable<Uint8Array> {}

/** The lease a writer renews while it writes; `lost` once another took it. */
interface Lease {
  readonly lost: boolean;
  stop(): void;
}

/** Longest a completed upload's answer waits for its file's listener (the thumbnail): see `completed`. */
const FILE_COMPLETE_WAIT_MS = 3000;
/** A checksummed PATCH body up to this long is checked in memory; a longer one is staged on disk. */
const CHECKED_IN_MEMORY = 8 * 1024 * 1024;

export class MediaService {
  /**
   * The SHA-256 of uploads written on this node so far, by upload, kept going
   * PATCH after PATCH so that completion need not read the file again. Only a
   * hash of every stored byte, in order, is kept; an upload resumed on another
   * node, after a restart or after a cut is hashed from its blob at completion.
   */
  private readonly running = new BoundedMap<string, { offset: number; hash: RunningHash }>(1000);
  /** Every SHA-256 of a file's bytes is taken on a worker thread, not the event loop (hasher.ts). */
  private readonly hasher = new Hasher();
  /** Final uploads' hashes, taken while their parts arrive (part-chains.ts). */
  readonly chains: PartChains;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly linkKey: Buffer;

  constructor(
    private readonly port: StorePort,
    private readonly blobs: BlobStore,
    private readonly settings: MediaSettings,
    private readonly log: Logger,
    /** The server's secret: download links are signed with a key derived from it. */
    secret: string,
    private readonly onFileComplete?: FileListener,
  ) {
    this.linkKey = createHmac('sha256', secret).update('parley file links v1').digest();
    this.chains = new PartChains(this.hasher, blobs);
  }

  // ---------------------------------------------------------------- uploads

  async create(ownerId: string, input: NewUpload): Promise<UploadRow> {
    const upload = await this.port.write((tx) => createUpload(tx, ownerId, input, this.settings, Date.now()));
    if (upload.kind === UploadKind.PARTIAL) this.chains.created(ownerId, upload.id, upload.length);
    return upload;
  }

  /**
   * A PATCH: append `body` at `req.offset` under the upload's lease. With a
   * `checksum` (SHA-256 of the body), the bytes are staged in a blob of their own
   * and appended only once they match; a body that does not match, or is cut
   * off, leaves nothing. Resolves once the new offset is recorded (and, for the
   * last bytes, the file committed).
   */
  async write(ownerId: string, id: string, req: WriteRequest & { checksum?: Uint8Array; body: AsyncIterable<Uint8Array> }): Promise<UploadState> {
    const token = newId();
    const grant = await this.port.write((tx) => beginWrite(tx, ownerId, id, req, token, this.settings, Date.now()));
    const start = grant.upload.offset;
    const lease = this.keepLease(id, token);
    let offset = start;
    let failure: unknown;
    try {
      const actual = (await this.blobs.length(id)) ?? 0;
      if (actual !== start) {
        offset = await this.adopt(id, start, actual);
        throw new ParleyError(ErrorCode.UPLOAD_OFFSET_MISMATCH, `Upload-Offset is ${start}, the upload is at ${offset}`);
      }
      // The file's hash, kept going as the bytes come (see `running`). A partial
      // upload has none: it becomes part of a final upload, hashed whole.
      const running = this.running.get(id);
      const hash = grant.upload.kind === UploadKind.PARTIAL ? undefined : start === 0 ? this.hasher.start() : running?.offset === start ? running.hash : undefined;
      this.running.delete(id);
      let hashed = 0;
      const body = hash
        ? (async function* () {
            for await (const chunk of guarded(req.body, lease)) {
              await hash.update(chunk);
              hashed += chunk.length;
              yield chunk;
            }
          })()
        : guarded(req.body, lease);
      offset = req.checksum
        ? await this.appendChecked(id, start, body, grant.maxBytes, req.checksum)
        : await this.blobs.append(id, start, body, grant.maxBytes);
      // Kept only if every byte hashed is a byte stored (a cut or refused body breaks it).
      if (hash && offset === start + hashed && offset > 0) this.running.set(id, { offset, hash });
    } catch (err) {
      failure = err;
    } finally {
      lease.stop();
    }
    const complete = grant.upload.length !== null && offset === grant.upload.length && grant.upload.kind !== UploadKind.PARTIAL;
    const ended = await this.port.write((tx) =>
      endWrite(tx, id, token, { offset, reserved: grant.reserved, written: offset - start, day: grant.day, ownerId, length: grant.upload.length }, this.settings, Date.now(), complete && !failure),
    );
    if (failure instanceof BlobTooLarge) {
      throw grant.quotaBound
        ? new ParleyError(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${this.settings.uploadQuotaBytesPerDay} bytes per day (UTC) used up`)
        : new ParleyError(ErrorCode.FILE_TOO_LARGE, `more bytes than the ${grant.upload.length === null ? 'maximum file size' : 'Upload-Length'} allows`);
    }
    if (failure instanceof LeaseLost || (!failure && !ended)) {
      throw new ParleyError(ErrorCode.UPLOAD_BUSY, `upload ${id} was taken over by another request; HEAD it and resume`);
    }
    if (ended && ended.kind === UploadKind.PARTIAL) this.chains.recorded(ownerId, id, ended.offset, ended.length);
    if (failure) throw failure;
    if (complete) return this.finish(ended!, token);
    return { upload: ended! };
  }

  /**
   * Bytes beyond the recorded offset that a writer who died left behind: made
   * durable and taken as written (they came in order from the one writer the
   * lease allowed). A blob shorter than the record is a lost blob: an internal error.
   */
  private async adopt(id: string, recorded: number, actual: number): Promise<number> {
    if (actual < recorded) throw new ParleyError(ErrorCode.INTERNAL, `upload ${id} has ${actual} bytes stored, ${recorded} recorded`);
    await this.blobs.append(id, actual, nothing(), 0); // fsyncs what is there
    return actual;
  }

  /**
   * Check the body's SHA-256, then append it; returns the upload's new length.
   * A body of up to CHECKED_IN_MEMORY bytes is held in memory while it is checked;
   * a longer one is staged in a blob of its own first.
   */
  private async appendChecked(id: string, offset: number, body: AsyncIterable<Uint8Array>, maxBytes: number, checksum: Uint8Array): Promise<number> {
    const matches = (digest: Buffer) => digest.length === checksum.length && timingSafeEqual(digest, checksum);
    const mismatch = () => new ParleyError(ErrorCode.CHECKSUM_MISMATCH, 'Upload-Checksum does not match the bytes sent; nothing of them was kept');
    const iterator = body[Symbol.asyncIterator]();
    const held: Uint8Array[] = [];
    let heldBytes = 0;
    let cut = false;
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch {
        cut = true;
        break;
      }
      if (next.done) break;
      held.push(next.value);
      heldBytes += next.value.length;
      if (heldBytes > maxBytes) throw new BlobTooLarge(maxBytes);
      if (heldBytes > CHECKED_IN_MEMORY) return this.appendStaged(id, offset, (async function* () {
        yield* held;
        for (;;) {
          const more = await iterator.next();
          if (more.done) return;
          yield more.value;
        }
      })(), maxBytes, checksum);
    }
    if (cut) return offset; // cut off: nothing can be verified, nothing is kept
    const bytes = Buffer.concat(held, heldBytes);
    if (!matches(createHash('sha256').update(bytes).digest())) throw mismatch();
    return heldBytes === 0 ? offset : this.blobs.append(id, offset, (async function* () {
      yield bytes;
    })(), maxBytes);
  }

  /** Stage a long body in a blob of its own, check its SHA-256, then append it. */
  private async appendStaged(id: string, offset: number, body: AsyncIterable<Uint8Array>, maxBytes: number, checksum: Uint8Array): Promise<number> {
    const stage = stageKey(id);
    await this.blobs.delete(stage);
    const hash = createHash('sha256');
    let ended = false;
    try {
      const staged = await this.blobs.append(
        stage,
        0,
        (async function* () {
          for await (const chunk of body) {
            hash.update(chunk);
            yield chunk;
          }
          ended = true;
        })(),
        maxBytes,
      );
      if (!ended) return offset; // cut off: nothing can be verified, nothing is kept
      const digest = hash.digest();
      if (digest.length !== checksum.length || !timingSafeEqual(digest, checksum)) {
        throw new ParleyError(ErrorCode.CHECKSUM_MISMATCH, 'Upload-Checksum does not match the bytes sent; nothing of them was kept');
      }
      return staged === 0 ? offset : await this.blobs.append(id, offset, await this.blobs.read(stage, undefined, { chunkBytes: BULK_READ_BYTES }), staged);
    } finally {
      await this.blobs.delete(stage);
    }
  }

  /** Renew the lease every third of its length while a write goes on. */
  private keepLease(id: string, token: string): Lease {
    let lost = false;
    const timer = setInterval(() => {
      this.port.write((tx) => renewLease(tx, id, token, this.settings, Date.now())).then(
        (held) => {
          if (!held) lost = true;
        },
        (err: unknown) => this.log.warn({ err, uploadId: id }, 'upload lease not renewed'),
      );
    }, Math.max(20, Math.floor(this.settings.uploadLeaseMs / 3)));
    timer.unref();
    return {
      get lost() {
        return lost;
      },
      stop: () => clearInterval(timer),
    };
  }

  /** Hash and sniff the complete bytes of an upload under `token`'s lease, and make it a file. */
  private async finish(upload: UploadRow, token: string): Promise<UploadState> {
    const lease = this.keepLease(upload.id, token);
    let content;
    try {
      const running = this.running.get(upload.id);
      this.running.delete(upload.id);
      const streamed = running?.offset === upload.length ? await running.hash.digest().catch(() => undefined) : undefined;
      content = streamed
        ? { sha256: streamed, size: upload.length!, mime: checkedMime(upload.mime, await this.head(upload.id, upload.length!)) }
        : await this.digest(upload.id, upload.length!, upload.mime);
    } finally {
      lease.stop();
    }
    const done = await this.port.write((tx) => completeUpload(tx, upload.id, token, content, this.settings, Date.now()));
    if (!done) {
      const now = await this.port.getUpload(upload.id);
      return { upload: now ?? upload, fileId: now?.fileId || undefined };
    }
    await this.completed(done.file);
    return { upload: done.upload, fileId: done.file.id };
  }

  /** SHA-256, size and checked type of a blob's `size` bytes. */
  private async digest(key: string, size: number, claimed: string): Promise<{ sha256: string; size: number; mime: string }> {
    const sha256 = await this.hasher.digestOf(await this.blobs.read(key, undefined, { chunkBytes: BULK_READ_BYTES }));
    return { sha256, size, mime: checkedMime(claimed, await this.head(key, size)) };
  }

  /** The first bytes of a blob, for sniffing its type. */
  private async head(key: string, size: number): Promise<Uint8Array> {
    if (size === 0) return new Uint8Array(0);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobs.read(key, { start: 0, end: Math.min(size, SNIFF_BYTES) - 1 })) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * Run the listener (an image's thumbnail) and wait for it, at most
   * FILE_COMPLETE_WAIT_MS: the upload is answered, and its file info read, with
   * the thumbnail already named, so the message the client sends next carries
   * it. Past the wait the listener goes on alone, and a failure only costs the
   * preview: never the upload.
   */
  private async completed(file: FileRow): Promise<void> {
    if (!this.onFileComplete) return;
    const done = Promise.resolve()
      .then(() => this.onFileComplete!(file))
      .catch((err: unknown) => this.log.warn({ err, fileId: file.id }, 'onFileComplete listener failed'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, FILE_COMPLETE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /**
   * An upload as HEAD and GET report it. Work a dead writer left undone is done
   * first, when no one else is at it: bytes beyond the recorded offset adopted,
   * a completion or a concatenation finished.
   */
  async status(ownerId: string, id: string): Promise<UploadState> {
    let upload = await this.port.getUpload(id);
    if (!upload || upload.ownerId !== ownerId) throw new ParleyError(ErrorCode.UPLOAD_NOT_FOUND, `no upload ${id}`);
    if (upload.fileId !== '') return { upload, fileId: upload.fileId };
    const now = Date.now();
    if (upload.expiresAt <= now) throw new ParleyError(ErrorCode.UPLOAD_EXPIRED, `upload ${id} expired`);
    if (upload.leaseToken !== '' && upload.leaseUntil > now) return { upload };
    const pending = upload.kind === UploadKind.FINAL || (isComplete(upload) && upload.kind !== UploadKind.PARTIAL);
    if (pending || ((await this.blobs.length(id)) ?? 0) !== upload.offset) return this.repair(ownerId, id);
    return { upload };
  }

  /** Finish what a writer left undone, under a lease of our own; if another holds it, report what is recorded. */
  private async repair(ownerId: string, id: string): Promise<UploadState> {
    const token = newId();
    const upload = await this.port.write((tx) => takeLease(tx, ownerId, id, token, this.settings, Date.now()));
    if (!upload) return this.report(id);
    try {
      let offset = upload.offset;
      if (upload.kind === UploadKind.FINAL) {
        await this.concatenate(upload, token);
        offset = upload.length!;
      } else {
        const actual = (await this.blobs.length(id)) ?? 0;
        if (actual !== offset) offset = await this.adopt(id, offset, actual);
      }
      const complete = upload.length !== null && offset === upload.length && upload.kind !== UploadKind.PARTIAL;
      const ended = await this.port.write((tx) =>
        endWrite(tx, id, token, { offset, reserved: 0, written: 0, day: dayOf(Date.now()), ownerId }, this.settings, Date.now(), complete),
      );
      if (ended && complete) return await this.finish(ended, token);
      return this.report(id);
    } finally {
      await this.port.write((tx) => releaseLease(tx, id, token));
    }
  }

  private async report(id: string): Promise<UploadState> {
    const upload = await this.port.getUpload(id);
    if (!upload) throw new ParleyError(ErrorCode.UPLOAD_NOT_FOUND, `no upload ${id}`);
    return { upload, fileId: upload.fileId || undefined };
  }

  /** Concatenate a final upload's parts into its blob, under the lease. */
  private async concatenate(final: UploadRow, token: string): Promise<void> {
    const lease = this.keepLease(final.id, token);
    try {
      await this.blobs.concat(final.id, final.parts);
    } finally {
      lease.stop();
    }
    if (lease.lost) throw new ParleyError(ErrorCode.UPLOAD_BUSY, `upload ${final.id} was taken over by another request`);
  }

  /**
   * tus concatenation: a final upload made of the caller's complete partial
   * uploads, concatenated now; it becomes the file, and the partials are consumed.
   */
  async createFinal(ownerId: string, partIds: readonly string[], meta: { metadata: string; name: string; mime: string }): Promise<UploadState> {
    const token = newId();
    const final = await this.port.write((tx) => createFinal(tx, ownerId, partIds, meta, token, this.settings, Date.now()));
    const lengthsOf = async () => (await Promise.all(partIds.map((p) => this.port.getUpload(p)))).map((u) => u?.length ?? -1);
    const chained = this.chains.take(ownerId, partIds, lengthsOf).catch(() => undefined);
    try {
      await this.concatenate(final, token);
    } catch (err) {
      await this.port.write((tx) => releaseLease(tx, final.id, token));
      throw err;
    }
    // The final's hash, taken while the parts arrived, if the node guessed them: finish() need not read the file.
    const hash = await chained;
    if (hash) this.running.set(final.id, { offset: final.length!, hash });
    const ended = await this.port.write((tx) =>
      endWrite(tx, final.id, token, { offset: final.length!, reserved: 0, written: 0, day: dayOf(Date.now()), ownerId }, this.settings, Date.now(), true),
    );
    if (!ended) return this.report(final.id);
    return this.finish(ended, token);
  }

  /** tus termination. */
  async terminate(ownerId: string, id: string): Promise<void> {
    await this.port.write((tx) => terminateUpload(tx, ownerId, id, Date.now()));
    this.chains.gone(ownerId, id);
  }

  // ---------------------------------------------------------------- files

  /** A file `userId` may download (media/rules/files.ts), or FILE_NOT_FOUND: never a hint that it exists. */
  async fileFor(userId: string, fileId: string): Promise<FileRow> {
    const file = await this.port.getFile(fileId);
    if (file && (file.ownerId === userId || mayDownload(file, userId, await this.port.fileAccess(fileId, userId, ACCESS_ROWS)))) return file;
    throw new ParleyError(ErrorCode.FILE_NOT_FOUND, `no file ${fileId}`);
  }

  /** The bytes of a file, or of a range of them. */
  read(file: FileRow, range?: ByteRange) {
    return this.blobs.read(file.blobKey, range);
  }

  /** A signed download link for `userId`: it works without a token until `expiresAt`. */
  async link(userId: string, fileId: string): Promise<{ path: string; expiresAt: number }> {
    await this.fileFor(userId, fileId);
    const expiresAt = Date.now() + this.settings.fileLinkTtlMs;
    const sig = this.signature(fileId, userId, expiresAt);
    return { path: `/v1/files/${fileId}?user=${encodeURIComponent(userId)}&expires=${expiresAt}&sig=${sig}`, expiresAt };
  }

  /** The user a signed link was made for, if its signature is right and it has not expired; AUTH_FAILED otherwise. */
  linkUser(fileId: string, userId: string, expires: number, sig: string): string {
    const want = Buffer.from(this.signature(fileId, userId, expires));
    const given = Buffer.from(sig);
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw new ParleyError(ErrorCode.AUTH_FAILED, 'the link is not valid');
    if (expires <= Date.now()) throw new ParleyError(ErrorCode.AUTH_FAILED, 'the link has expired');
    return userId;
  }

  private signature(fileId: string, userId: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${fileId}\n${userId}\n${expires}`).digest('base64url');
  }

  /**
   * Instant upload, step 1: if the server has content with this hash and size, a
   * challenge naming a random range of it; NOT_FOUND otherwise.
   */
  async instantChallenge(userId: string, content: { sha256: string; size: number; name: string; mime: string }) {
    if (content.size > this.settings.maxFileBytes) {
      throw new ParleyError(ErrorCode.FILE_TOO_LARGE, `${content.size} bytes exceeds the maximum of ${this.settings.maxFileBytes}`);
    }
    if (!(await this.port.fileByContent(content.sha256, content.size))) throw new ParleyError(ErrorCode.NOT_FOUND, 'no file with that content; upload it');
    const now = Date.now();
    if ((await this.port.usage(userId, dayOf(now))) + content.size > this.settings.uploadQuotaBytesPerDay) {
      throw new ParleyError(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${this.settings.uploadQuotaBytesPerDay} bytes per day (UTC) used up`);
    }
    const challenge = await this.port.write((tx) => createChallenge(tx, userId, content, this.settings.instantChallengeMs, now));
    return { challengeId: challenge.id, start: challenge.start, end: challenge.end, expiresAt: challenge.expiresAt };
  }

  /**
   * Instant upload, step 2: the SHA-256 (hex) of the challenge's bytes. Right: a
   * file of the caller's with that content. Wrong: FORBIDDEN. Either way the
   * challenge is spent.
   */
  async instantProve(userId: string, challengeId: string, proof: string): Promise<FileRow> {
    const challenge = await this.port.write((tx) => takeChallenge(tx, userId, challengeId));
    if (challenge.expiresAt <= Date.now()) throw new ParleyError(ErrorCode.NOT_FOUND, `challenge ${challengeId} expired`);
    const source = await this.port.fileByContent(challenge.sha256, challenge.size);
    if (!source) throw new ParleyError(ErrorCode.NOT_FOUND, 'the server no longer has a file with that content');
    const hash = createHash('sha256');
    for await (const chunk of await this.blobs.read(source.blobKey, { start: challenge.start, end: challenge.end }, { chunkBytes: BULK_READ_BYTES })) hash.update(chunk as Buffer);
    const want = hash.digest();
    const given = Buffer.from(proof, 'hex');
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw new ParleyError(ErrorCode.FORBIDDEN, 'the proof does not match; the challenge is spent');
    const mime = checkedMime(challenge.mime, await this.head(source.blobKey, source.size));
    const file = await this.port.write((tx) => copyFile(tx, userId, challenge, mime, this.settings, Date.now()));
    await this.completed(file);
    return file;
  }

  // ---------------------------------------------------------------- for the thumbnail module

  /** Record what is known of a file's content: dimensions, duration, its thumbnail (a file of its own). */
  setFileMedia(fileId: string, media: FileMedia): Promise<void> {
    return this.port.write((tx) => tx.setFileMedia(fileId, media));
  }

  /**
   * Store bytes the server made (a thumbnail) as a file of `ownerId`, not charged
   * to their quota. Collected like any file unless a message carries it or it is
   * some file's thumbnail (setFileMedia) within the grace period.
   */
  async addFile(ownerId: string, bytes: Uint8Array, meta: { name: string; mime: string }): Promise<FileRow> {
    const key = newId();
    await this.blobs.append(key, 0, (async function* () {
      yield bytes;
    })(), bytes.length);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const now = Date.now();
    const file: FileRow = {
      id: newId(), ownerId, size: bytes.length, sha256, mime: checkedMime(meta.mime, bytes.subarray(0, SNIFF_BYTES)), name: meta.name,
      blobKey: key, createdAt: now, width: null, height: null, durationMs: null, thumbnailId: '', gcAfter: now + this.settings.unreferencedFileGraceMs,
    };
    await this.port.write((tx) => tx.insertFile(file));
    return file;
  }

  // ---------------------------------------------------------------- the collector

  /** Run the collector every `mediaSweepMs` (with jitter), until close. */
  start(): void {
    if (this.settings.mediaSweepMs <= 0) return;
    const next = () => {
      if (this.closed) return;
      const delay = this.settings.mediaSweepMs * (0.9 + Math.random() * 0.2);
      this.timer = setTimeout(() => {
        this.sweeping = this.sweep()
          .catch((err: unknown) => this.log.warn({ err }, 'media collector run failed'))
          .finally(next);
      }, delay);
      this.timer.unref();
    };
    next();
  }

  /**
   * One run of the collector: expired uploads (their rows, and their bytes unless
   * a file has them), expired challenges, files no message carries past their
   * grace period, and then the trashed blobs themselves. Each decision is its
   * own transaction; every step can be repeated, so nodes may run it at once.
   */
  async sweep(): Promise<SweepReport> {
    const report: SweepReport = { uploads: 0, files: 0, blobs: 0 };
    const now = Date.now();
    for (const upload of await this.port.expiredUploads(now, SWEEP_BATCH)) {
      if (await this.port.write((tx) => sweepUpload(tx, upload.id, now))) report.uploads++;
    }
    await this.port.write((tx) => tx.deleteExpiredChallenges(now));
    for (const id of await this.port.collectableFiles(now, SWEEP_BATCH)) {
      if (await this.port.write((tx) => collectFile(tx, id, now))) report.files++;
    }
    const trashed = await this.port.trashedBlobs(SWEEP_BATCH);
    for (const key of trashed) await this.blobs.delete(key);
    if (trashed.length > 0) await this.port.write((tx) => tx.untrashBlobs(trashed));
    report.blobs = trashed.length;
    return report;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.sweeping;
    await this.hasher.close();
  }
}

/** The body, stopped as soon as the writer's lease is lost. */
async function* guarded(body: AsyncIterable<Uint8Array>, lease: Lease): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    if (lease.lost) throw new LeaseLost('the upload lease was lost');
    yield chunk;
  }
  if (lease.lost) throw new LeaseLost('the upload lease was lost');
}
