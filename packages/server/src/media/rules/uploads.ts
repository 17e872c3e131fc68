/**
 * The rules of uploads, each run inside one store transaction (MediaTx): who may
 * create, write, finish and end an upload, within which limits, and who writes
 * it now. The media service (media-service.ts) does the I/O between them: the
 * bytes into the blob store, the hash at completion.
 *
 * One writer per upload, across nodes: a PATCH (or a completion) takes the
 * upload's **lease** — a token and an expiry on its row, set in a short
 * transaction (the row lock on PostgreSQL, the single writer on SQLite, make the
 * take atomic) — renews it while the bytes stream, and gives it back in the
 * transaction that records the new offset. Nothing is held open while bytes
 * stream: a transaction per PATCH begins and ends around the append, never
 * during it. A writer that died leaves its lease to expire (`uploadLeaseMs`),
 * after which another may take it; a writer whose lease was taken from it finds
 * another token at the end and records nothing.
 *
 * Quota: a PATCH reserves the bytes it may write against the user's bytes of
 * the day (UTC) before it reads any, and gives back what it did not write when
 * it ends; so concurrent uploads of one user cannot together pass the quota.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { WriteTx } from '../../chat/store-port.ts';
import { UploadKind, type FileRow, type UploadRow } from '../media-port.ts';
import { voiceConversation, voiceIndexKey } from './voice.ts';

/** The limits uploads obey (config: maxFileBytes, uploadQuotaBytesPerDay, …). */
export interface UploadLimits {
  maxFileBytes: number;
  uploadQuotaBytesPerDay: number;
  maxUnfinishedUploads: number;
  uploadExpiryMs: number;
  /** The same for a voice stream (an upload marked as one, media/rules/voice.ts): shorter, as a recording is live. */
  voiceStreamExpiryMs: number;
  unreferencedFileGraceMs: number;
  uploadLeaseMs: number;
}

const DAY_MS = 86_400_000;

/** How long an upload lives past its creation or its last write: a voice stream by its own, shorter, limit. */
function expiryOf(upload: UploadRow, limits: UploadLimits): number {
  return voiceConversation(upload) !== undefined ? limits.voiceStreamExpiryMs : limits.uploadExpiryMs;
}

/** Days since the epoch, UTC: the unit of the upload quota. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** A random id: 128 bits, base64url (22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** The blob a checksummed PATCH is staged in before it is verified. */
export function stageKey(uploadId: string): string {
  return `${uploadId}_stage`;
}

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

/** The upload `id` of `ownerId`, locked; UPLOAD_NOT_FOUND if there is none (someone else's is none). */
async function ownUpload(tx: WriteTx, ownerId: string, id: string): Promise<UploadRow> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.ownerId !== ownerId) throw fail(ErrorCode.UPLOAD_NOT_FOUND, `no upload ${id}`);
  return upload;
}

/** Whether someone other than `token` holds the upload's lease at `now`. */
function leasedByOther(upload: UploadRow, token: string, now: number): boolean {
  return upload.leaseToken !== '' && upload.leaseToken !== token && upload.leaseUntil > now;
}

export function isComplete(upload: UploadRow): boolean {
  return upload.length !== null && upload.offset === upload.length;
}

/** Over the user's quota for today: QUOTA_EXCEEDED (rolls the transaction back). */
async function reserve(tx: WriteTx, userId: string, day: number, bytes: number, limits: UploadLimits): Promise<void> {
  const total = await tx.addUsage(userId, day, bytes);
  if (total > limits.uploadQuotaBytesPerDay) {
    throw fail(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${limits.uploadQuotaBytesPerDay} bytes per day (UTC) used up`);
  }
}

export interface NewUpload {
  /** The declared length, or null to defer it. */
  length: number | null;
  metadata: string;
  name: string;
  mime: string;
  kind: typeof UploadKind.WHOLE | typeof UploadKind.PARTIAL;
}

/**
 * Create an upload: within maxFileBytes (checked before any byte is stored),
 * within the cap on unfinished uploads, and with a declared length that fits in
 * what is left of today's quota (the bytes are charged as they arrive).
 */
export async function createUpload(tx: WriteTx, ownerId: string, input: NewUpload, limits: UploadLimits, now: number): Promise<UploadRow> {
  if (input.length !== null && input.length > limits.maxFileBytes) {
    throw fail(ErrorCode.FILE_TOO_LARGE, `Upload-Length ${input.length} exceeds the maximum of ${limits.maxFileBytes} bytes`);
  }
  if ((await tx.countUnfinishedUploads(ownerId, now)) >= limits.maxUnfinishedUploads) {
    throw fail(ErrorCode.TOO_MANY_UPLOADS, `at most ${limits.maxUnfinishedUploads} unfinished uploads; finish or terminate one`);
  }
  if (input.length !== null) {
    // A check, not a charge: add nothing, see the total.
    const used = await tx.addUsage(ownerId, dayOf(now), 0);
    if (used + input.length > limits.uploadQuotaBytesPerDay) {
      throw fail(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${limits.uploadQuotaBytesPerDay} bytes per day (UTC): ${used} used, ${input.length} more would pass it`);
    }
  }
  const upload: UploadRow = {
    id: newId(), ownerId, length: input.length, offset: 0, metadata: input.metadata, name: input.name, mime: input.mime, kind: input.kind,
    parts: [], consumedBy: '', createdAt: now, expiresAt: now, leaseToken: '', leaseUntil: 0, fileId: '',
  };
  upload.expiresAt = now + expiryOf(upload, limits);
  await tx.insertUpload(upload);
  return upload;
}

export interface WriteRequest {
  /** Upload-Offset as the client sent it. */
  offset: number;
  /** Upload-Length sent with a PATCH (a deferred length made known), if any. */
  length?: number;
  /** Bytes the request body declares (Content-Length), if it does. */
  contentLength?: number;
}

/** What a PATCH may write, once its lease is taken. */
export interface WriteGrant {
  upload: UploadRow;
  /** At most this many bytes may be appended. */
  maxBytes: number;
  /** Bytes reserved against the quota (`day`); what is not written is given back. */
  reserved: number;
  day: number;
  /** The quota, not the file size, bounds `maxBytes`: more bytes than that is QUOTA_EXCEEDED. */
  quotaBound: boolean;
}

/**
 * Begin a PATCH: the upload is the caller's, unfinished, not expired, not a
 * final upload, not being written by another request; the offset is the
 * recorded one; a deferred length may be set once (never below the offset,
 * never above maxFileBytes); the bytes the body may carry are within the
 * length (or maxFileBytes) and within today's quota, reserved now. Takes the
 * lease for `token`.
 */
export async function beginWrite(
  tx: WriteTx, ownerId: string, id: string, req: WriteRequest, token: string, limits: UploadLimits, now: number,
): Promise<WriteGrant> {
  const upload = await ownUpload(tx, ownerId, id);
  if (upload.kind === UploadKind.FINAL) throw fail(ErrorCode.FORBIDDEN, 'a final upload is made by concatenation, not written');
  if (upload.consumedBy !== '') throw fail(ErrorCode.FORBIDDEN, 'this partial upload was concatenated into a final upload');
  if (upload.fileId === '' && upload.expiresAt <= now) throw fail(ErrorCode.UPLOAD_EXPIRED, `upload ${id} expired`);
  if (leasedByOther(upload, token, now)) throw fail(ErrorCode.UPLOAD_BUSY, `another request is writing upload ${id}; retry when it has ended`);
  if (req.length !== undefined) {
    if (upload.length !== null && req.length !== upload.length) throw fail(ErrorCode.INVALID_ARGUMENT, `Upload-Length is ${upload.length} and cannot change`);
    if (req.length > limits.maxFileBytes) throw fail(ErrorCode.FILE_TOO_LARGE, `Upload-Length ${req.length} exceeds the maximum of ${limits.maxFileBytes} bytes`);
    if (req.length < upload.offset) throw fail(ErrorCode.INVALID_ARGUMENT, `Upload-Length ${req.length} is below the offset ${upload.offset}`);
    upload.length = req.length;
  }
  if (req.offset !== upload.offset) {
    throw fail(ErrorCode.UPLOAD_OFFSET_MISMATCH, `Upload-Offset is ${req.offset}, the upload is at ${upload.offset}`);
  }
  const room = (upload.length ?? limits.maxFileBytes) - upload.offset;
  if (req.contentLength !== undefined && req.contentLength > room) {
    throw fail(ErrorCode.FILE_TOO_LARGE, `${req.contentLength} bytes at offset ${upload.offset} pass the ${upload.length === null ? 'maximum file size' : 'Upload-Length'}`);
  }
  const day = dayOf(now);
  const used = await tx.addUsage(ownerId, day, 0);
  const left = Math.max(0, limits.uploadQuotaBytesPerDay - used);
  // The body's declared size, or all the room there is: an unknown size reserves what is left of the quota at most.
  const wanted = req.contentLength ?? room;
  const known = req.contentLength !== undefined || upload.length !== null;
  if ((known && wanted > left) || (!known && left === 0 && wanted > 0)) {
    throw fail(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${limits.uploadQuotaBytesPerDay} bytes per day (UTC): ${used} used`);
  }
  const reserved = Math.min(wanted, left);
  await reserve(tx, ownerId, day, reserved, limits);
  upload.leaseToken = token;
  upload.leaseUntil = now + limits.uploadLeaseMs;
  await tx.updateUpload(upload);
  return { upload, maxBytes: reserved, reserved, day, quotaBound: reserved < room };
}

/**
 * End a PATCH (or any write under the lease): record the offset the blob
 * reached and give back the reserved bytes not written. If the lease is no
 * longer `token`'s (it expired and another writer took it), nothing is recorded
 * but the refund. The lease is kept when `keepLease` (a completion follows),
 * given back otherwise. An upload written to is kept `uploadExpiryMs` longer
 * (a voice stream `voiceStreamExpiryMs`).
 */
export async function endWrite(
  tx: WriteTx, id: string, token: string, result: { offset: number; reserved: number; written: number; day: number; ownerId: string; length?: number | null },
  limits: UploadLimits, now: number, keepLease = false,
): Promise<UploadRow | undefined> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (result.reserved !== result.written) await tx.addUsage(result.ownerId, result.day, result.written - result.reserved);
  if (!upload || upload.leaseToken !== token) return undefined;
  if (result.length !== undefined) upload.length = result.length;
  if (result.offset !== upload.offset) {
    upload.offset = result.offset;
    upload.expiresAt = Math.max(upload.expiresAt, now + expiryOf(upload, limits));
  }
  if (keepLease) {
    upload.leaseUntil = now + limits.uploadLeaseMs;
  } else {
    upload.leaseToken = '';
    upload.leaseUntil = 0;
  }
  await tx.updateUpload(upload);
  return upload;
}

/**
 * Take the lease of an upload for a write that is not a PATCH (finishing a
 * completion or a concatenation, adopting bytes a dead writer left): undefined
 * if another holds it, if it is not `ownerId`'s, or if there is nothing to do
 * (it became a file). Expired uploads are not taken: the collector reclaims them.
 */
export async function takeLease(tx: WriteTx, ownerId: string, id: string, token: string, limits: UploadLimits, now: number): Promise<UploadRow | undefined> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.ownerId !== ownerId || upload.fileId !== '' || upload.expiresAt <= now || leasedByOther(upload, token, now)) return undefined;
  upload.leaseToken = token;
  upload.leaseUntil = now + limits.uploadLeaseMs;
  await tx.updateUpload(upload);
  return upload;
}

/** Extend `token`'s lease; false if it is no longer theirs (stop writing). */
export async function renewLease(tx: WriteTx, id: string, token: string, limits: UploadLimits, now: number): Promise<boolean> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.leaseToken !== token) return false;
  upload.leaseUntil = now + limits.uploadLeaseMs;
  await tx.updateUpload(upload);
  return true;
}

/** Give the lease back without recording anything. */
export async function releaseLease(tx: WriteTx, id: string, token: string): Promise<void> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.leaseToken !== token) return;
  upload.leaseToken = '';
  upload.leaseUntil = 0;
  await tx.updateUpload(upload);
}

/** What a completed upload's content turned out to be (hashed and sniffed from the blob). */
export interface CompletedContent {
  sha256: string;
  size: number;
  mime: string;
}

/**
 * An upload under `token`'s lease whose bytes are all there becomes a file: its
 * size, SHA-256 and checked type, the sanitised name, owned by the uploader.
 * If a file with the same content exists, the new file shares its blob and the
 * upload's own blob goes to the trash (the existing file is kept from deletion
 * by this transaction). A final upload's partial uploads are consumed: deleted,
 * their blobs trashed. The new file may be collected if no message carries it
 * within `unreferencedFileGraceMs`.
 */
export async function completeUpload(
  tx: WriteTx, id: string, token: string, content: CompletedContent, limits: UploadLimits, now: number,
): Promise<{ upload: UploadRow; file: FileRow } | undefined> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.leaseToken !== token || !isComplete(upload) || upload.kind === UploadKind.PARTIAL) return undefined;
  const twin = await tx.lockFileByContent(content.sha256, content.size);
  const file: FileRow = {
    id: newId(), ownerId: upload.ownerId, size: content.size, sha256: content.sha256, mime: content.mime, name: upload.name,
    blobKey: twin?.blobKey ?? upload.id, createdAt: now, width: twin?.width ?? null, height: twin?.height ?? null,
    durationMs: twin?.durationMs ?? null, thumbnailId: '', gcAfter: now + limits.unreferencedFileGraceMs,
  };
  await tx.insertFile(file);
  const trash = [stageKey(upload.id), ...(twin ? [upload.id] : [])];
  if (upload.kind === UploadKind.FINAL && upload.parts.length > 0) {
    await tx.deleteUploads(upload.parts);
    trash.push(...upload.parts.flatMap((p) => [p, stageKey(p)]));
  }
  await tx.trashBlobs(trash, now);
  upload.fileId = file.id;
  upload.parts = [];
  upload.leaseToken = '';
  upload.leaseUntil = 0;
  await tx.updateUpload(upload);
  return { upload, file };
}

/**
 * Create a final upload from partial uploads (tus concatenation): each is the
 * caller's, a partial upload, complete, and not consumed by another final; the
 * final's length is their sum (within maxFileBytes). The partials are marked as
 * consumed and kept as long as the final; the final is created under `token`'s
 * lease, for the concatenation that follows.
 */
export async function createFinal(
  tx: WriteTx, ownerId: string, partIds: readonly string[], meta: { metadata: string; name: string; mime: string }, token: string,
  limits: UploadLimits, now: number,
): Promise<UploadRow> {
  if (partIds.length === 0) throw fail(ErrorCode.INVALID_ARGUMENT, 'Upload-Concat: final; names no partial uploads');
  if (new Set(partIds).size !== partIds.length) throw fail(ErrorCode.INVALID_ARGUMENT, 'Upload-Concat: final; names a partial upload twice');
  const parts = await tx.lockUploads(partIds);
  let length = 0;
  for (const id of partIds) {
    const part = parts.get(id);
    if (!part || part.ownerId !== ownerId) throw fail(ErrorCode.UPLOAD_NOT_FOUND, `no upload ${id}`);
    if (part.kind !== UploadKind.PARTIAL) throw fail(ErrorCode.INVALID_ARGUMENT, `upload ${id} is not a partial upload (Upload-Concat: partial)`);
    if (part.consumedBy !== '') throw fail(ErrorCode.INVALID_ARGUMENT, `partial upload ${id} is part of another final upload already`);
    if (!isComplete(part)) throw fail(ErrorCode.INVALID_ARGUMENT, `partial upload ${id} is not complete`);
    if (part.expiresAt <= now) throw fail(ErrorCode.UPLOAD_EXPIRED, `upload ${id} expired`);
    if (leasedByOther(part, token, now)) throw fail(ErrorCode.UPLOAD_BUSY, `upload ${id} is being written`);
    length += part.length!;
  }
  if (length > limits.maxFileBytes) throw fail(ErrorCode.FILE_TOO_LARGE, `the parts make ${length} bytes, more than the maximum of ${limits.maxFileBytes}`);
  const final: UploadRow = {
    id: newId(), ownerId, length, offset: 0, metadata: meta.metadata, name: meta.name, mime: meta.mime, kind: UploadKind.FINAL,
    parts: [...partIds], consumedBy: '', createdAt: now, expiresAt: now + limits.uploadExpiryMs, leaseToken: token,
    leaseUntil: now + limits.uploadLeaseMs, fileId: '',
  };
  await tx.insertUpload(final);
  for (const id of partIds) {
    const part = parts.get(id)!;
    part.consumedBy = final.id;
    part.expiresAt = final.expiresAt;
    await tx.updateUpload(part);
  }
  return final;
}

/**
 * Termination (tus DELETE): the upload is the caller's and no request is writing
 * it; its row goes, and its bytes unless a file has them. An unfinished final
 * upload takes its partial uploads with it; a partial upload a final upload is
 * consuming cannot go on its own.
 */
export async function terminateUpload(tx: WriteTx, ownerId: string, id: string, now: number): Promise<void> {
  const upload = await ownUpload(tx, ownerId, id);
  if (leasedByOther(upload, '', now)) throw fail(ErrorCode.UPLOAD_BUSY, `another request is writing upload ${id}; retry when it has ended`);
  if (upload.consumedBy !== '') throw fail(ErrorCode.UPLOAD_BUSY, `upload ${id} is being concatenated into ${upload.consumedBy}`);
  await dropUploads(tx, [upload, ...(upload.fileId === '' ? [...(await tx.lockUploads(upload.parts)).values()] : [])], now);
}

/** Delete upload rows and trash their blobs, except blobs a file has. */
export async function dropUploads(tx: WriteTx, uploads: readonly UploadRow[], now: number): Promise<void> {
  if (uploads.length === 0) return;
  const ids = uploads.map((u) => u.id);
  const used = await tx.blobsInUse(ids);
  await tx.deleteUploads(ids);
  // A voice stream's chunk index goes with its upload.
  const indexes = uploads.filter((u) => voiceConversation(u) !== undefined).map((u) => voiceIndexKey(u.id));
  await tx.trashBlobs([...ids.flatMap((id) => (used.has(id) ? [stageKey(id)] : [id, stageKey(id)])), ...indexes], now);
}

/**
 * The collector's decision on an expired upload: if it is still expired and no
 * request is writing it, its row goes (a finished one's too: its file lives on),
 * with its bytes unless a file has them, and an unfinished final upload takes its
 * partial uploads with it. Returns whether it went.
 */
export async function sweepUpload(tx: WriteTx, id: string, now: number): Promise<boolean> {
  const upload = (await tx.lockUploads([id])).get(id);
  if (!upload || upload.expiresAt > now || leasedByOther(upload, '', now)) return false;
  // A partial upload a final one consumes goes with that final.
  if (upload.consumedBy !== '' && (await tx.lockUploads([upload.consumedBy])).has(upload.consumedBy)) return false;
  const parts = upload.kind === UploadKind.FINAL && upload.fileId === '' ? [...(await tx.lockUploads(upload.parts)).values()] : [];
  await dropUploads(tx, [upload, ...parts], now);
  return true;
}
