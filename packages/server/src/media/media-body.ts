/**
 * The body of a message that carries a file (IMAGE, FILE, VOICE, VIDEO): UTF-8
 * JSON `{fileId, size, mime, name, width?, height?, durationMs?, thumbnailId?}`.
 * The client names the file (and may claim the rest); the server checks the
 * shape here, at the edge, and the file itself in the send's transaction
 * (media/rules/attachments.ts), then stores the body with size, mime and name
 * taken from the file record, so what the client claimed never reaches anyone.
 */
import { MessageType } from '@parley/protocol';
import { invalid } from '../chat/input-checks.ts';
import type { FileRow } from './media-port.ts';

/** The message kinds whose body names a file. */
const MEDIA_TYPES: ReadonlySet<number> = new Set([MessageType.IMAGE, MessageType.FILE, MessageType.VOICE, MessageType.VIDEO]);

export function isMediaType(type: number): boolean {
  return MEDIA_TYPES.has(type);
}

/** A file id (and an upload id): 16–64 characters of base64url. */
export const FILE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** What a media body names and claims, its shape checked. */
export interface MediaClaim {
  fileId: string;
  thumbnailId?: string;
  width?: number;
  height?: number;
  durationMs?: number;
}

const KEYS = new Set(['fileId', 'size', 'mime', 'name', 'width', 'height', 'durationMs', 'thumbnailId']);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A non-negative integer up to 2^31 − 1, or absent. */
function dimension(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 0x7fff_ffff) throw invalid(`${key} must be an integer from 0 to 2147483647`);
  return v;
}

/**
 * The shape of a media body: a JSON object with `fileId` (a file id), optional
 * `thumbnailId` (a file id), optional `width`, `height`, `durationMs`
 * (integers), and optional `size` (integer), `mime`, `name` (strings), which the
 * server replaces with the file's own. Any other key, or any other type, is
 * INVALID_ARGUMENT.
 */
export function parseMediaBody(body: Uint8Array): MediaClaim {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strictUtf8.decode(body));
  } catch {
    throw invalid('a media message body must be UTF-8 JSON: {fileId, size, mime, name, width?, height?, durationMs?, thumbnailId?}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('a media message body must be a JSON object');
  const o = parsed as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) throw invalid(`a media message body has no field ${JSON.stringify(key.slice(0, 40))}`);
  if (typeof o.fileId !== 'string' || !FILE_ID.test(o.fileId)) throw invalid('fileId must be the id of an uploaded file');
  if (o.thumbnailId !== undefined && o.thumbnailId !== null && (typeof o.thumbnailId !== 'string' || !FILE_ID.test(o.thumbnailId))) {
    throw invalid('thumbnailId must be the id of an uploaded file');
  }
  if (o.size !== undefined && o.size !== null && (typeof o.size !== 'number' || !Number.isSafeInteger(o.size))) throw invalid('size must be an integer');
  for (const key of ['mime', 'name']) if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') throw invalid(`${key} must be a string`);
  const claim: MediaClaim = { fileId: o.fileId };
  if (typeof o.thumbnailId === 'string') claim.thumbnailId = o.thumbnailId;
  for (const key of ['width', 'height', 'durationMs'] as const) {
    const v = dimension(o, key);
    if (v !== undefined) claim[key] = v;
  }
  return claim;
}

/** The files a claim names: the file, and its thumbnail if it names one. */
export function namedFiles(claim: MediaClaim): string[] {
  return claim.thumbnailId ? [claim.fileId, claim.thumbnailId] : [claim.fileId];
}

/**
 * The body as stored: size, mime and name from the file record; width, height
 * and duration from the record where it knows them, else as claimed; the
 * thumbnail as claimed, else the record's. Keys in a fixed order.
 */
export function storedMediaBody(file: FileRow, claim: MediaClaim): Uint8Array {
  const body: Record<string, unknown> = { fileId: file.id, size: file.size, mime: file.mime, name: file.name };
  const width = file.width ?? claim.width;
  const height = file.height ?? claim.height;
  const durationMs = file.durationMs ?? claim.durationMs;
  const thumbnailId = claim.thumbnailId ?? (file.thumbnailId || undefined);
  if (width !== undefined) body.width = width;
  if (height !== undefined) body.height = height;
  if (durationMs !== undefined) body.durationMs = durationMs;
  if (thumbnailId !== undefined) body.thumbnailId = thumbnailId;
  return new TextEncoder().encode(JSON.stringify(body));
}
