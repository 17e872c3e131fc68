/**
 * The rules of a voice stream (docs/PROTOCOL.md §10b), pure functions the voice
 * service (media/voice-service.ts) applies.
 *
 * A stream is an upload of deferred length, owned by the sender, marked as a
 * voice stream by its metadata (which names the conversation): so its bytes,
 * durability, leases, quota, size cap and expiry are the upload machinery's,
 * and ending it makes a file the normal way. What a stream adds is its chunk
 * index: the end offset of each chunk, in a blob of its own beside the
 * upload's (4 bytes, big-endian, per chunk), written after the chunk's bytes
 * are recorded. Both live in the shared blob store and the store of record, so
 * any node can serve a fetch, and a stream survives a restart of its node.
 *
 * Order: chunk `index` is taken only when it is the next one (the index's
 * length); an earlier one is a resend (acked again, nothing written); a later
 * one is a gap (CHUNK_GAP, naming the next index).
 */
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { UploadRow } from '../media-port.ts';

const MARK = 'parley-voice ';

/** The upload metadata that marks a voice stream in `conversationId` (tus metadata syntax: key base64-value). */
export function voiceMetadata(conversationId: string): string {
  return MARK + Buffer.from(conversationId).toString('base64');
}

/** The conversation of a voice stream's upload, or undefined if the upload is not a voice stream. */
export function voiceConversation(upload: UploadRow): string | undefined {
  if (!upload.metadata.startsWith(MARK)) return undefined;
  return Buffer.from(upload.metadata.slice(MARK.length), 'base64').toString();
}

/** The blob holding a stream's chunk index. */
export function voiceIndexKey(uploadId: string): string {
  return `${uploadId}_voice`;
}

/** Bytes per entry of a chunk index: a chunk's end offset, u32 big-endian (a stream is at most maxFileBytes ≤ 4 GiB). */
export const INDEX_ENTRY_BYTES = 4;

/**
 * The end offsets a chunk index blob holds. A torn last entry (a crash in the
 * middle of its 4-byte append) is not read: it is completed when its chunk is
 * sent again (`entryRest`).
 */
export function parseIndex(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  for (let at = 0; at + INDEX_ENTRY_BYTES <= bytes.length; at += INDEX_ENTRY_BYTES) ends.push(view.getUint32(at));
  return ends;
}

export function indexEntry(end: number): Uint8Array {
  const entry = new Uint8Array(INDEX_ENTRY_BYTES);
  new DataView(entry.buffer).setUint32(0, end);
  return entry;
}

/**
 * What is left to append of the entry `end` when the index blob already ends in
 * `torn`, the first bytes of an entry a crash cut short (none: the whole entry).
 * The blob store appends only at a blob's end and cannot truncate, so a torn
 * entry is completed, not rewritten — which is right only if its bytes are a
 * prefix of this very entry (the same chunk sent again, its bytes checked
 * equal); anything else is a damaged index.
 */
export function entryRest(torn: Uint8Array, end: number): Uint8Array {
  const entry = indexEntry(end);
  if (torn.length >= INDEX_ENTRY_BYTES || !torn.every((b, i) => b === entry[i])) {
    throw new ParleyError(ErrorCode.INTERNAL, `a chunk index ends in ${torn.length} bytes that do not begin the entry for ${end}`);
  }
  return entry.subarray(torn.length);
}

/** Where chunk `index` lies, given the index's end offsets. */
export function chunkRange(ends: readonly number[], index: number): { start: number; end: number } {
  return { start: index === 0 ? 0 : ends[index - 1]!, end: ends[index]! };
}

/** What to do with chunk `index` of `length` bytes, given the index so far. */
export type ChunkDecision = { kind: 'append'; offset: number } | { kind: 'resend' };

export function decideChunk(ends: readonly number[], index: number, length: number): ChunkDecision {
  if (!Number.isInteger(index) || index < 0) throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'index must be a chunk number from 0');
  if (index > ends.length) throw new ParleyError(ErrorCode.CHUNK_GAP, `chunk ${index} is ahead of the stream: the next index is ${ends.length}`);
  if (index < ends.length) {
    const { start, end } = chunkRange(ends, index);
    if (end - start !== length) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `chunk ${index} was stored with ${end - start} bytes; a resend must carry the same bytes`);
    }
    return { kind: 'resend' };
  }
  return { kind: 'append', offset: ends.length === 0 ? 0 : ends[ends.length - 1]! };
}

/** VoiceEnd's count must be the chunks stored: otherwise the sender has chunks to (re)send. */
export function checkEndCount(ends: readonly number[], chunkCount: number): void {
  if (chunkCount === 0) throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'a voice message needs at least one chunk');
  if (chunkCount !== ends.length) {
    throw new ParleyError(ErrorCode.CHUNK_GAP, `VoiceEnd says ${chunkCount} chunks, the stream has ${ends.length}: the next index is ${ends.length}`);
  }
}
