/**
 * Voice that streams while it is recorded (docs/PROTOCOL.md §10b): the sender
 * opens a stream, sends numbered chunks over its socket, each acked once
 * durable, and ends it; the server joins the chunks into one file and sends one
 * VOICE message through the normal send path (so history, sync and
 * exactly-once are the messages' own). Each chunk, once stored, is pushed to
 * the conversation's members' online devices through the bus; a device that
 * missed one fetches it by index.
 *
 * Storage (media/rules/voice.ts): a stream is an upload of deferred length; a
 * chunk is a write to it (durable before it is acked), then an entry in the
 * stream's chunk index. So the limits are the uploads' (maxFileBytes,
 * quota, maxUnfinishedUploads), an abandoned stream expires and is reclaimed
 * by the media collector like an abandoned upload, and a cancel is a
 * termination. Nothing of a stream is only in this process's memory but a
 * cache of chunk indexes (entries never change once written) and the queue
 * that keeps one stream's requests in order on this node.
 *
 * Who: only a sender who may send to the conversation (the send rules, asked
 * of the chat service: chat/rules/append.ts) may start a stream and add to it;
 * its chunks go to the current members, and only current members may fetch.
 */
import { ErrorCode, MessageType, ParleyError } from '@parley/protocol';
import { BoundedMap } from '../bounded-map.ts';
import type { Caller, ChatService } from '../chat/chat-service.ts';
import { invalid } from '../chat/input-checks.ts';
import type { StorePort } from '../chat/store-port.ts';
import type { Bus, StoredMessage } from '../chat/types.ts';
import type { BlobStore } from './blob-store.ts';
import { normalizeMime } from './content.ts';
import { FILE_ID } from './media-body.ts';
import type { UploadRow } from './media-port.ts';
import { UploadKind } from './media-port.ts';
import type { MediaService } from './media-service.ts';
import {
  checkEndCount,
  chunkRange,
  decideChunk,
  entryRest,
  INDEX_ENTRY_BYTES,
  parseIndex,
  voiceConversation,
  voiceIndexKey,
  voiceMetadata,
} from './rules/voice.ts';

export interface VoiceSettings {
  /** Largest chunk, in bytes. */
  maxVoiceChunkBytes: number;
  /** Longest voice message, in ms (VoiceEnd's duration). */
  maxVoiceDurationMs: number;
  /** Largest stream: the file size cap. */
  maxFileBytes: number;
}

export interface VoiceStateOut {
  streamId: string;
  conversationId: string;
  chunks: number;
  bytes: number;
  maxChunkBytes: number;
  maxBytes: number;
  maxDurationMs: number;
  cancelled: boolean;
}

export interface VoicePushOut {
  streamId: string;
  conversationId: string;
  senderId: string;
  mime: string;
  index: number;
  data: Uint8Array;
  ended: boolean;
  chunkCount: number;
  cancelled: boolean;
}

/** Chunk indexes cached per node. */
const INDEX_CACHE = 1000;

export class VoiceService {
  /** Chunk end offsets by stream (a prefix of the stored index: entries never change). */
  private readonly indexes = new BoundedMap<string, number[]>(INDEX_CACHE);
  /** The tail of each stream's queue on this node: a stream's requests run one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly chat: ChatService,
    private readonly media: MediaService,
    private readonly port: StorePort,
    private readonly blobs: BlobStore,
    private readonly bus: Bus,
    private readonly settings: VoiceSettings,
  ) {}

  /** Open a stream in a conversation the caller may send to. */
  async start(caller: Caller, conversationId: string, mime: string): Promise<VoiceStateOut> {
    await this.chat.requireSender(caller, conversationId);
    if (mime.length > 200) throw invalid('mime must be at most 200 characters');
    const type = mime.trim() === '' ? 'audio/ogg' : normalizeMime(mime);
    let upload: UploadRow;
    try {
      upload = await this.media.create(caller.userId, {
        length: null, metadata: voiceMetadata(conversationId), name: `voice.${extensionOf(type)}`, mime: type, kind: UploadKind.WHOLE,
      });
    } catch (err) {
      if (err instanceof ParleyError && err.code === ErrorCode.TOO_MANY_UPLOADS) {
        throw new ParleyError(ErrorCode.TOO_MANY_STREAMS, `${err.message} (voice streams count as uploads): end or cancel a stream`);
      }
      throw err;
    }
    this.indexes.set(upload.id, []);
    return this.state(upload, conversationId, [], false);
  }

  /** Store chunk `index` of the caller's stream (durably), push it to the members, ack it. */
  async chunk(caller: Caller, streamId: string, index: number, data: Uint8Array): Promise<{ duplicate: boolean }> {
    if (data.length === 0) throw invalid('a chunk carries at least one byte');
    if (data.length > this.settings.maxVoiceChunkBytes) {
      throw new ParleyError(ErrorCode.CHUNK_TOO_LARGE, `a chunk of ${data.length} bytes exceeds the maximum of ${this.settings.maxVoiceChunkBytes}`);
    }
    return this.inOrder(streamId, async () => {
      const { upload, conversationId } = await this.ownStream(caller, streamId);
      let ends = await this.index(streamId, index);
      let decision = decideChunk(ends, index, data.length);
      if (decision.kind === 'append' && upload.offset !== decision.offset) {
        // The cache may be behind (the stream was written through another node): read the index again.
        ends = await this.index(streamId, Infinity);
        decision = decideChunk(ends, index, data.length);
      }
      if (decision.kind === 'resend') {
        const { start, end } = chunkRange(ends, index);
        await this.sameBytes(upload.fileId !== '' ? ((await this.port.getFile(upload.fileId))?.blobKey ?? streamId) : streamId, start, end, data, index);
        return { duplicate: true };
      }
      if (upload.fileId !== '') throw new ParleyError(ErrorCode.STREAM_ENDED, `stream ${streamId} has ended`);
      // The rules of sending hold while the stream is recorded (a kick, a block, a mute stops it).
      await this.chat.requireSender(caller, conversationId);
      const end = decision.offset + data.length;
      if (upload.offset === decision.offset) {
        await this.media.write(caller.userId, streamId, { offset: decision.offset, contentLength: data.length, body: once(data) });
      } else if (upload.offset !== end) {
        // The bytes recorded are neither before nor after this chunk: the stream is damaged.
        throw new ParleyError(ErrorCode.INTERNAL, `stream ${streamId} holds ${upload.offset} bytes, its index ${decision.offset}`);
      } else {
        // Stored by an attempt that ended before its index entry: the entry is all that is missing.
        await this.sameBytes(streamId, decision.offset, end, data, index);
      }
      await this.appendEntry(streamId, index, end);
      ends.push(end);
      await this.publish(caller, conversationId, streamId, upload.mime, { index, data });
      return { duplicate: false };
    });
  }

  /** Join the chunks into one file and send the VOICE message (again, for a resend: the same message). */
  async end(caller: Caller, streamId: string, input: { chunkCount: number; durationMs: number; sha256: Uint8Array }): Promise<{ message: StoredMessage; duplicate: boolean }> {
    if (!Number.isInteger(input.durationMs) || input.durationMs < 0 || input.durationMs > this.settings.maxVoiceDurationMs) {
      throw invalid(`durationMs must be from 0 to ${this.settings.maxVoiceDurationMs}`);
    }
    if (input.sha256.length !== 0 && input.sha256.length !== 32) throw invalid('sha256 must be 32 bytes, or absent');
    return this.inOrder(streamId, async () => {
      const { upload, conversationId } = await this.ownStream(caller, streamId);
      const ends = await this.index(streamId, Infinity);
      checkEndCount(ends, input.chunkCount);
      let fileId = upload.fileId;
      if (fileId === '') {
        const total = ends[ends.length - 1]!;
        if (upload.offset !== total) throw new ParleyError(ErrorCode.CHUNK_GAP, `the stream holds bytes past chunk ${ends.length - 1}: resend chunk ${ends.length}`);
        const done = await this.media.write(caller.userId, streamId, { offset: total, length: total, contentLength: 0, body: once(new Uint8Array(0)) });
        if (!done.fileId) throw new ParleyError(ErrorCode.UPLOAD_BUSY, `stream ${streamId} is being finished by another request; send VoiceEnd again`, { retryable: true });
        fileId = done.fileId;
      }
      const file = await this.port.getFile(fileId);
      if (!file) throw new ParleyError(ErrorCode.STREAM_NOT_FOUND, `no stream ${streamId}`);
      if (input.sha256.length === 32 && Buffer.from(input.sha256).toString('hex') !== file.sha256) {
        // The file stays unreferenced: the collector takes it after its grace period.
        throw new ParleyError(ErrorCode.CHECKSUM_MISMATCH, 'the SHA-256 given is not that of the chunks stored; no message was sent');
      }
      if (file.durationMs !== input.durationMs) {
        await this.media.setFileMedia(fileId, { width: file.width, height: file.height, durationMs: input.durationMs, thumbnailId: file.thumbnailId });
      }
      const body = new TextEncoder().encode(JSON.stringify({ fileId, durationMs: input.durationMs }));
      const sent = await this.chat.send(caller, { conversationId, clientMsgId: voiceClientMsgId(streamId), type: MessageType.VOICE, body });
      if (!sent.duplicate) await this.publish(caller, conversationId, streamId, upload.mime, { ended: true, chunkCount: ends.length });
      return sent;
    });
  }

  /** Drop an unfinished stream: its upload, bytes and index go; members' devices are told. */
  async cancel(caller: Caller, streamId: string): Promise<VoiceStateOut> {
    return this.inOrder(streamId, async () => {
      const { upload, conversationId } = await this.ownStream(caller, streamId);
      if (upload.fileId !== '') throw new ParleyError(ErrorCode.STREAM_ENDED, `stream ${streamId} has ended; recall its message instead`);
      await this.media.terminate(caller.userId, streamId);
      this.indexes.delete(streamId);
      // The collector deletes trashed blobs on its next run; they are deleted now too, so nothing lingers.
      await Promise.all([this.blobs.delete(streamId), this.blobs.delete(voiceIndexKey(streamId))]);
      await this.publish(caller, conversationId, streamId, upload.mime, { cancelled: true });
      return this.state(upload, conversationId, [], true);
    });
  }

  /** Chunk `index` again, for a current member of the stream's conversation. */
  async fetch(caller: Caller, streamId: string, index: number): Promise<VoicePushOut> {
    if (!Number.isInteger(index) || index < 0) throw invalid('index must be a chunk number from 0');
    const upload = FILE_ID.test(streamId) ? await this.port.getUpload(streamId) : undefined;
    const conversationId = upload && voiceConversation(upload);
    // Not a member: the same answer as no stream, so a stream's existence is not confirmed.
    if (!upload || conversationId === undefined || upload.expiresAt <= Date.now() || !(await this.chat.isMember(caller.userId, conversationId))) {
      throw new ParleyError(ErrorCode.STREAM_NOT_FOUND, `no stream ${streamId}`);
    }
    const ends = await this.index(streamId, index + 1);
    if (index >= ends.length) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `stream ${streamId} has ${ends.length} chunks so far: index ${index} is out of range`);
    }
    const file = upload.fileId !== '' ? await this.port.getFile(upload.fileId) : undefined;
    const { start, end } = chunkRange(ends, index);
    const chunks: Buffer[] = [];
    for await (const c of await this.blobs.read(file?.blobKey ?? streamId, { start, end: end - 1 })) chunks.push(c as Buffer);
    return {
      streamId, conversationId, senderId: upload.ownerId, mime: upload.mime, index, data: Buffer.concat(chunks), ended: upload.fileId !== '',
      chunkCount: upload.fileId !== '' ? ends.length : 0, cancelled: false,
    };
  }

  /** A resent chunk must carry the bytes stored for its index: INVALID_ARGUMENT otherwise (the stored ones stay). */
  private async sameBytes(key: string, start: number, end: number, data: Uint8Array, index: number): Promise<void> {
    const parts: Buffer[] = [];
    for await (const c of await this.blobs.read(key, { start, end: end - 1 })) parts.push(c as Buffer);
    if (!Buffer.concat(parts).equals(data)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `chunk ${index} was stored with other bytes; a resend must carry the same bytes`);
    }
  }

  /** The caller's stream (an unexpired voice upload of theirs), or STREAM_NOT_FOUND. */
  private async ownStream(caller: Caller, streamId: string): Promise<{ upload: UploadRow; conversationId: string }> {
    const upload = FILE_ID.test(streamId) ? await this.port.getUpload(streamId) : undefined;
    const conversationId = upload && voiceConversation(upload);
    if (!upload || conversationId === undefined || upload.ownerId !== caller.userId || (upload.fileId === '' && upload.expiresAt <= Date.now())) {
      throw new ParleyError(ErrorCode.STREAM_NOT_FOUND, `no stream ${streamId}`);
    }
    return { upload, conversationId };
  }

  /** Append chunk `index`'s entry to the stream's index, completing a torn one a crash left (rules/voice.ts entryRest). */
  private async appendEntry(streamId: string, index: number, end: number): Promise<void> {
    const key = voiceIndexKey(streamId);
    const at = index * INDEX_ENTRY_BYTES;
    const length = (await this.blobs.length(key)) ?? 0;
    const torn: Buffer[] = [];
    if (length > at) for await (const c of await this.blobs.read(key, { start: at, end: length - 1 })) torn.push(c as Buffer);
    await this.blobs.append(key, length, once(entryRest(Buffer.concat(torn), end)), INDEX_ENTRY_BYTES);
  }

  /** The stream's chunk end offsets: from the cache when it has `needed` of them, else read from the index blob. */
  private async index(streamId: string, needed: number): Promise<number[]> {
    const cached = this.indexes.get(streamId);
    if (cached && cached.length >= needed) return cached;
    const length = (await this.blobs.length(voiceIndexKey(streamId))) ?? 0;
    const whole = length - (length % INDEX_ENTRY_BYTES);
    const parts: Buffer[] = [];
    if (whole > 0) for await (const c of await this.blobs.read(voiceIndexKey(streamId), { start: 0, end: whole - 1 })) parts.push(c as Buffer);
    const ends = parseIndex(Buffer.concat(parts));
    this.indexes.set(streamId, ends);
    return ends;
  }

  private async publish(
    caller: Caller, conversationId: string, streamId: string, mime: string,
    what: { index?: number; data?: Uint8Array; ended?: boolean; chunkCount?: number; cancelled?: boolean },
  ): Promise<void> {
    const members = await this.chat.members(conversationId);
    this.bus.publish({
      kind: 'voice', conversationId, streamId, senderId: caller.userId, mime, index: what.index ?? 0,
      data: what.data ? Buffer.from(what.data).toString('base64') : '', ended: what.ended ?? false, chunkCount: what.chunkCount ?? 0,
      cancelled: what.cancelled ?? false, recipients: members, originSession: caller.sessionId,
    });
  }

  private state(upload: UploadRow, conversationId: string, ends: readonly number[], cancelled: boolean): VoiceStateOut {
    return {
      streamId: upload.id, conversationId, chunks: ends.length, bytes: ends.length ? ends[ends.length - 1]! : 0,
      maxChunkBytes: this.settings.maxVoiceChunkBytes, maxBytes: this.settings.maxFileBytes, maxDurationMs: this.settings.maxVoiceDurationMs, cancelled,
    };
  }

  /** Run `task` after every earlier request of the same stream on this node. */
  private inOrder<R>(streamId: string, task: () => Promise<R>): Promise<R> {
    const before = this.queues.get(streamId) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    this.queues.set(streamId, tail);
    void tail.then(() => {
      if (this.queues.get(streamId) === tail) this.queues.delete(streamId);
    });
    return run;
  }
}

/** The client_msg_id of a stream's message: one message per stream, however often VoiceEnd is sent. */
export function voiceClientMsgId(streamId: string): string {
  return `voice:${streamId}`;
}

function extensionOf(mime: string): string {
  if (mime.includes('ogg') || mime.includes('opus')) return 'ogg';
  if (mime.includes('webm')) return 'webm';
  if (mime.includes('mp4') || mime.includes('aac')) return 'm4a';
  if (mime.includes('mpeg')) return 'mp3';
  if (mime.includes('wav')) return 'wav';
  return 'bin';
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  if (bytes.length > 0) yield bytes;
}
