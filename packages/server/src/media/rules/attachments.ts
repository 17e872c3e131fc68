/**
 * Messages that carry files: what a send of IMAGE, FILE, VOICE or VIDEO must
 * name, decided in the send's own transaction (chat/rules/append.ts calls it
 * for a whole group-commit batch). The file — and the thumbnail, if the body
 * names one — must exist (complete: a file exists only once its upload is) and
 * be the sender's: uploaded by them, or copied to them by instant upload. A
 * file of someone else's cannot be forwarded by its id: the sender proves they
 * hold the content (instant upload) and sends their own copy.
 *
 * The references (conversation, seq, file) are written with the message, and
 * the files stop being candidates for the collector; a recall drops them.
 */
import { ErrorCode } from '@parley/protocol';
import { digestOf } from '../../chat/rules/records.ts';
import type { WriteTx } from '../../chat/store-port.ts';
import type { StoredMessage } from '../../chat/types.ts';
import { namedFiles, storedMediaBody, type MediaClaim } from '../media-body.ts';
import type { FileRef, FileRow } from '../media-port.ts';

export type AttachmentCheck =
  | { ok: true; body: Uint8Array; sentDigest: Uint8Array; files: string[] }
  | { ok: false; code: ErrorCode; message: string };

/** The files a batch names, kept from the collector until the transaction ends. */
export async function filesOfBatch(tx: WriteTx, claims: readonly (MediaClaim | undefined)[]): Promise<Map<string, FileRow>> {
  const ids = [...new Set(claims.flatMap((c) => (c ? namedFiles(c) : [])))];
  return ids.length > 0 ? tx.lockFiles(ids, false) : new Map();
}

/**
 * Whether `senderId` may send a message carrying what `claim` names, and the
 * body it is stored with (size, mime and name from the file record).
 */
export function checkAttachment(senderId: string, claim: MediaClaim, body: Uint8Array, files: ReadonlyMap<string, FileRow>): AttachmentCheck {
  for (const id of namedFiles(claim)) {
    const file = files.get(id);
    if (!file) return { ok: false, code: ErrorCode.FILE_NOT_FOUND, message: `no file ${id}` };
    if (file.ownerId !== senderId) {
      return { ok: false, code: ErrorCode.FORBIDDEN, message: `file ${id} is not yours: send your own copy (upload it, or instant upload)` };
    }
  }
  return {
    ok: true,
    body: storedMediaBody(files.get(claim.fileId)!, claim),
    sentDigest: digestOf(body),
    files: namedFiles(claim),
  };
}

/** Record the messages that carry files; those files are no longer the collector's candidates. */
export async function recordAttachments(tx: WriteTx, carried: readonly { message: StoredMessage; files: readonly string[] }[]): Promise<void> {
  if (carried.length === 0) return;
  const refs: FileRef[] = carried.flatMap(({ message, files }) => files.map((fileId) => ({ fileId, conversationId: message.conversationId, seq: message.seq })));
  await tx.insertFileRefs(refs);
  await tx.setFilesGcAfter([...new Set(refs.map((r) => r.fileId))], null);
}

/** A recalled message carries nothing any more: its files may be collected (the collector checks other references). */
export async function dropAttachments(tx: WriteTx, conversationId: string, seq: number, now: number): Promise<void> {
  const files = await tx.deleteFileRefs(conversationId, [seq]);
  if (files.length > 0) await tx.setFilesGcAfter(files, now);
}
