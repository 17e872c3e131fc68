/**
 * The rules of files: who may download one, instant upload (a copy of content
 * the server has, for whoever proves they hold it), and what the collector may
 * delete.
 *
 * Who may download a file: its uploader, and every member of a conversation
 * where a message carrying it (or the file it is the thumbnail of) was sent,
 * while they may see that message — decided by chat/rules/visibility.ts, the one
 * function that decides it for pushes, pulls and history too: their join point,
 * their leave point, what they cleared, what they deleted for themselves. A
 * recalled message carries nothing any more (its references are dropped).
 *
 * Instant upload: knowing a hash is never enough. The server names a random
 * range of the content, and only the SHA-256 of those bytes proves the caller
 * holds the file; a challenge is the caller's own, answered once, and expires.
 */
import { randomInt } from 'node:crypto';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { WriteTx } from '../../chat/store-port.ts';
import { canSee } from '../../chat/rules/visibility.ts';
import type { ChallengeRow, FileAccessRow, FileRow } from '../media-port.ts';
import { dayOf, newId, type UploadLimits } from './uploads.ts';

/** How many bytes an instant-upload proof covers (the whole file when it is smaller). */
export const PROOF_BYTES = 4096;

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

/**
 * Whether `userId` may download `file`, given the messages carrying it in
 * conversations they are or were a member of (MediaReads.fileAccess).
 */
export function mayDownload(file: FileRow, userId: string, carriers: readonly FileAccessRow[]): boolean {
  if (file.ownerId === userId) return true;
  // A file message stands on its own: it is not an event that changes an earlier one.
  return carriers.some((c) => canSee(c.member, (seq) => seq === c.seq && c.hidden, { seq: c.seq, type: 0, refSeq: 0 }));
}

/** The file as its JSON describes it (GET /v1/files/{id}/info, instant upload). */
export function fileInfo(file: FileRow): Record<string, unknown> {
  return {
    fileId: file.id, ownerId: file.ownerId, size: file.size, sha256: file.sha256, mime: file.mime, name: file.name, createdAt: file.createdAt,
    ...(file.width !== null ? { width: file.width } : {}),
    ...(file.height !== null ? { height: file.height } : {}),
    ...(file.durationMs !== null ? { durationMs: file.durationMs } : {}),
    ...(file.thumbnailId !== '' ? { thumbnailId: file.thumbnailId } : {}),
  };
}

/** A challenge for content of `size` bytes: a random range of PROOF_BYTES (or all of it). */
export async function createChallenge(
  tx: WriteTx, userId: string, content: { sha256: string; size: number; name: string; mime: string }, ttlMs: number, now: number,
): Promise<ChallengeRow> {
  const length = Math.min(content.size, PROOF_BYTES);
  const start = randomInt(0, content.size - length + 1);
  const challenge: ChallengeRow = { id: newId(), userId, ...content, start, end: start + length - 1, expiresAt: now + ttlMs };
  await tx.insertChallenge(challenge);
  return challenge;
}

/**
 * Spend a challenge: it is gone for good once taken, whatever the proof turns
 * out to be. NOT_FOUND if there is none of the caller's (then nothing is spent).
 */
export async function takeChallenge(tx: WriteTx, userId: string, id: string): Promise<ChallengeRow> {
  const challenge = await tx.takeChallenge(id);
  // Someone else's: roll the take back, so that it stays theirs.
  if (!challenge || challenge.userId !== userId) throw fail(ErrorCode.NOT_FOUND, `no challenge ${id}`);
  return challenge;
}

/**
 * The caller proved they hold the content: a file of theirs that shares the
 * blob of a file with that content (kept from deletion by this transaction),
 * charged to their quota as an upload of its size would be.
 */
export async function copyFile(
  tx: WriteTx, userId: string, challenge: ChallengeRow, mime: string, limits: UploadLimits, now: number,
): Promise<FileRow> {
  const source = await tx.lockFileByContent(challenge.sha256, challenge.size);
  if (!source) throw fail(ErrorCode.NOT_FOUND, 'the server no longer has a file with that content');
  const total = await tx.addUsage(userId, dayOf(now), challenge.size);
  if (total > limits.uploadQuotaBytesPerDay) throw fail(ErrorCode.QUOTA_EXCEEDED, `upload quota of ${limits.uploadQuotaBytesPerDay} bytes per day (UTC) used up`);
  const file: FileRow = {
    id: newId(), ownerId: userId, size: source.size, sha256: source.sha256, mime, name: challenge.name, blobKey: source.blobKey, createdAt: now,
    width: source.width, height: source.height, durationMs: source.durationMs, thumbnailId: '', gcAfter: now + limits.unreferencedFileGraceMs,
  };
  await tx.insertFile(file);
  return file;
}

/**
 * The collector's decision on one candidate file: delete it if it is still a
 * candidate and nothing refers to it (no message, not the thumbnail of a file),
 * trashing its blob unless another file shares it, and making its thumbnail a
 * candidate; a referenced candidate stops being one. Returns whether it was deleted.
 */
export async function collectFile(tx: WriteTx, id: string, now: number): Promise<boolean> {
  // Locked for deletion: a send or an instant upload that keeps it waits, or finds it gone.
  const file = (await tx.lockFiles([id], true)).get(id);
  if (!file || file.gcAfter === null || file.gcAfter > now) return false;
  if ((await tx.referencedFiles([id])).has(id)) {
    await tx.setFilesGcAfter([id], null);
    return false;
  }
  await tx.deleteFiles([id]);
  if (file.thumbnailId !== '') await tx.setFilesGcAfter([file.thumbnailId], now);
  if (!(await tx.blobsInUse([file.blobKey])).has(file.blobKey)) await tx.trashBlobs([file.blobKey], now);
  return true;
}
