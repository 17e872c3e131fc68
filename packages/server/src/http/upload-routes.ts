/**
 * Uploads over HTTP: the tus 1.0 resumable upload protocol under /v1/uploads
 * (core, and the creation, creation-with-upload, creation-defer-length,
 * expiration, termination, checksum and concatenation extensions), plus
 * `GET /v1/uploads/{id}`, a JSON view of an upload. This file reads and writes
 * tus's headers only; what an upload may do is the media service's and its
 * rules' (media/), never decided here.
 *
 * Every request but OPTIONS carries the bearer token of the rest of the API
 * (OPTIONS reveals only the server's limits, and a browser's preflight cannot
 * carry one); every answer carries Tus-Resumable, errors included, and every
 * error is the API's JSON `{ error: { code, message } }` with tus's status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { normalizeMime, OCTET_STREAM, sanitizeFileName } from '../media/content.ts';
import { FILE_ID } from '../media/media-body.ts';
import { UploadKind, type UploadRow } from '../media/media-port.ts';
import type { MediaService, UploadState } from '../media/media-service.ts';
import { dayOf } from '../media/rules/uploads.ts';
import { answerEmpty } from './guard.ts';
import type { Route } from './http-api.ts';

export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,creation-with-upload,creation-defer-length,expiration,termination,checksum,concatenation';
const OFFSET_STREAM = 'application/offset+octet-stream';
const UPLOADS = '/v1/uploads';

/** The header carrying the id of the file an upload became. */
export const FILE_ID_HEADER = 'parley-file-id';

export interface UploadRouteDeps {
  media: MediaService;
  authenticate(req: IncomingMessage): Promise<string>;
  /** Tus-Max-Size. */
  maxFileBytes: number;
}

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

/** One value of a header (a repeated header is refused, as its meaning would be a guess). */
function header(req: IncomingMessage, name: string): string | undefined {
  const raw = req.headersDistinct[name];
  if (raw === undefined) return undefined;
  if (raw.length > 1) throw invalid(`${name} is given more than once`);
  return raw[0]!.trim();
}

/** A header that is a non-negative integer (digits only). */
function uintHeader(req: IncomingMessage, name: string): number | undefined {
  const raw = header(req, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(n)) throw invalid(`${name} must be a non-negative integer`);
  return n;
}

/** Tus-Resumable must name the version this server speaks; otherwise 412 with Tus-Version. */
function checkTus(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['tus-resumable'] === TUS_VERSION) return;
  res.setHeader('tus-version', TUS_VERSION);
  throw new ParleyError(ErrorCode.UNSUPPORTED_TUS_VERSION, `send Tus-Resumable: ${TUS_VERSION}`);
}

const METADATA_KEY = /^[\x21-\x2b\x2d-\x7e]+$/; // printable ASCII but space and comma
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Upload-Metadata: comma-separated `key base64value` pairs (the value may be absent), keys unique. */
export function parseMetadata(raw: string | undefined): Map<string, Buffer> {
  const pairs = new Map<string, Buffer>();
  if (raw === undefined || raw.trim() === '') return pairs;
  for (const item of raw.split(',')) {
    const parts = item.trim().split(' ');
    if (parts.length > 2 || !METADATA_KEY.test(parts[0]!)) throw invalid('Upload-Metadata must be comma-separated "key base64value" pairs');
    const value = parts[1] ?? '';
    if (!BASE64.test(value)) throw invalid(`Upload-Metadata ${parts[0]}: the value must be standard base64`);
    if (pairs.has(parts[0]!)) throw invalid(`Upload-Metadata names ${parts[0]} twice`);
    pairs.set(parts[0]!, Buffer.from(value, 'base64'));
  }
  return pairs;
}

/** The name and type an upload's metadata gives its file (filename/name, filetype/type), made safe. */
export function describedFile(metadata: Map<string, Buffer>): { name: string; mime: string } {
  const name = metadata.get('filename') ?? metadata.get('name');
  const type = metadata.get('filetype') ?? metadata.get('type');
  return {
    name: sanitizeFileName(name === undefined ? '' : name.toString('utf8')),
    mime: type === undefined ? OCTET_STREAM : normalizeMime(type.toString('latin1')),
  };
}

/** An upload id from the path; one that cannot be an id is simply not found. */
function uploadId(raw: string): string {
  if (!FILE_ID.test(raw)) throw new ParleyError(ErrorCode.UPLOAD_NOT_FOUND, 'no such upload');
  return raw;
}

/** The upload ids of `Upload-Concat: final;<url> <url> …` (absolute URLs or paths of this API). */
function finalParts(value: string): string[] {
  return value
    .slice('final;'.length)
    .trim()
    .split(/\s+/)
    .filter((u) => u !== '')
    .map((u) => {
      let path: string;
      try {
        path = new URL(u, 'http://localhost').pathname;
      } catch {
        throw invalid(`Upload-Concat: ${u.slice(0, 80)} is not a URL`);
      }
      const m = /^\/v1\/uploads\/([A-Za-z0-9_-]{16,64})$/.exec(path);
      if (!m) throw invalid(`Upload-Concat: ${u.slice(0, 80)} is not an upload of this server`);
      return m[1]!;
    });
}

/** Upload-Checksum: `sha256 <base64 of 32 bytes>`. Another algorithm is 400, as tus says. */
function checksumOf(req: IncomingMessage): Uint8Array | undefined {
  const raw = header(req, 'upload-checksum');
  if (raw === undefined) return undefined;
  const [algorithm, value, ...rest] = raw.split(' ');
  if (algorithm?.toLowerCase() !== 'sha256') throw invalid('Upload-Checksum: the only algorithm is sha256 (Tus-Checksum-Algorithm)');
  if (rest.length > 0 || value === undefined || !BASE64.test(value) || Buffer.from(value, 'base64').length !== 32) {
    throw invalid('Upload-Checksum must be "sha256 <base64 of the 32-byte digest>"');
  }
  return Buffer.from(value, 'base64');
}

/** Whether the request has a body (a length above 0, or chunked). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body must be application/offset+octet-stream (415 otherwise). */
function checkOffsetStream(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== OFFSET_STREAM) throw new ParleyError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `the body must be ${OFFSET_STREAM}`);
}

/** The tus headers describing an upload (HEAD; creation, PATCH answers take the ones they need). */
function describe(state: UploadState): Record<string, string> {
  const u: UploadRow = state.upload;
  const headers: Record<string, string> = { 'upload-offset': String(u.offset), 'cache-control': 'no-store' };
  if (u.length === null) headers['upload-defer-length'] = '1';
  else headers['upload-length'] = String(u.length);
  if (u.metadata !== '') headers['upload-metadata'] = u.metadata;
  if (u.kind === UploadKind.PARTIAL) headers['upload-concat'] = 'partial';
  if (u.kind === UploadKind.FINAL && u.parts.length > 0) headers['upload-concat'] = `final;${u.parts.map((p) => `${UPLOADS}/${p}`).join(' ')}`;
  if (state.fileId) headers[FILE_ID_HEADER] = state.fileId;
  else headers['upload-expires'] = new Date(u.expiresAt).toUTCString();
  return headers;
}

/** What a write answers with: the offset, when it expires, the file it became. */
function written(state: UploadState): Record<string, string> {
  const all = describe(state);
  const headers: Record<string, string> = { 'upload-offset': all['upload-offset']! };
  for (const name of ['upload-expires', FILE_ID_HEADER]) if (all[name] !== undefined) headers[name] = all[name]!;
  return headers;
}

/** Whether a request may carry an upload's bytes (a tus PATCH or POST): its body may take as long as it keeps coming. */
export function isUploadRequest(req: IncomingMessage): boolean {
  return (req.method === 'PATCH' || req.method === 'POST') && /^\/v1\/uploads(?:\/[^/?]*)?(?:\?|$)/.test(req.url ?? '');
}

/** Seconds until the next UTC day, when the daily quota starts over. */
function secondsToNextDay(now = Date.now()): number {
  return Math.max(1, Math.ceil(((dayOf(now) + 1) * 86_400_000 - now) / 1000));
}

export function uploadRoutes(deps: UploadRouteDeps): Route[] {
  const { media } = deps;
  const always = { 'tus-resumable': TUS_VERSION };
  type TusHandler = (userId: string, req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>;

  /** A tus request: the token, then Tus-Resumable; a quota refusal says when the next day starts. */
  const tus = (method: string, pattern: RegExp, handler: TusHandler): Route => ({
    method,
    pattern,
    headers: always,
    handler: async (req, _url, params, res) => {
      const userId = await deps.authenticate(req);
      checkTus(req, res);
      try {
        await handler(userId, req, res, params);
      } catch (err) {
        if (err instanceof ParleyError && err.code === ErrorCode.QUOTA_EXCEEDED) res.setHeader('retry-after', secondsToNextDay());
        if (err instanceof ParleyError && err.code === ErrorCode.UPLOAD_BUSY) res.setHeader('retry-after', 1);
        throw err;
      }
    },
  });
  const one = /^\/v1\/uploads\/([^/]+)$/;

  return [
    {
      method: 'OPTIONS',
      pattern: /^\/v1\/uploads$/,
      headers: always,
      handler: async (_req, _url, _params, res) =>
        answerEmpty(res, 204, {
          'tus-version': TUS_VERSION,
          'tus-extension': TUS_EXTENSIONS,
          'tus-max-size': deps.maxFileBytes,
          'tus-checksum-algorithm': 'sha256',
        }),
    },
    tus('POST', /^\/v1\/uploads$/, async (userId, req, res) => {
      const metadataHeader = header(req, 'upload-metadata');
      const metadata = parseMetadata(metadataHeader);
      const described = describedFile(metadata);
      const meta = { metadata: metadataHeader ?? '', ...described };
      const concat = header(req, 'upload-concat');
      if (concat !== undefined && concat !== 'partial' && !concat.startsWith('final;')) throw invalid('Upload-Concat must be "partial" or "final;<urls>"');
      if (concat?.startsWith('final;')) {
        if (hasBody(req)) throw invalid('a final upload takes no body');
        const state = await media.createFinal(userId, finalParts(concat), meta);
        res.setHeader('location', `${UPLOADS}/${state.upload.id}`);
        answerEmpty(res, 201, written(state));
        return;
      }
      const length = uintHeader(req, 'upload-length');
      const defer = header(req, 'upload-defer-length');
      if (defer !== undefined && defer !== '1') throw invalid('Upload-Defer-Length must be 1');
      if ((length === undefined) === (defer === undefined)) throw invalid('give Upload-Length, or Upload-Defer-Length: 1');
      const body = hasBody(req);
      if (body) checkOffsetStream(req);
      const checksum = body ? checksumOf(req) : undefined;
      const upload = await media.create(userId, {
        length: length ?? null,
        kind: concat === 'partial' ? UploadKind.PARTIAL : UploadKind.WHOLE,
        ...meta,
      });
      // An answer refusing the body (creation-with-upload) still says where the upload is.
      res.setHeader('location', `${UPLOADS}/${upload.id}`);
      // With its bytes (or with none to come: an empty file), the creation writes them and may finish the file.
      const state = body || length === 0
        ? await media.write(userId, upload.id, { offset: 0, contentLength: body ? uintHeader(req, 'content-length') : 0, checksum, body: req })
        : { upload };
      answerEmpty(res, 201, written(state));
    }),
    tus('HEAD', one, async (userId, _req, res, [raw]) => {
      answerEmpty(res, 200, describe(await media.status(userId, uploadId(raw!))));
    }),
    tus('PATCH', one, async (userId, req, res, [raw]) => {
      const id = uploadId(raw!);
      checkOffsetStream(req);
      const offset = uintHeader(req, 'upload-offset');
      if (offset === undefined) throw invalid('Upload-Offset is required');
      const state = await media.write(userId, id, {
        offset,
        length: uintHeader(req, 'upload-length'),
        contentLength: uintHeader(req, 'content-length'),
        checksum: checksumOf(req),
        body: req,
      });
      answerEmpty(res, 204, written(state));
    }),
    tus('DELETE', one, async (userId, _req, res, [raw]) => {
      await media.terminate(userId, uploadId(raw!));
      answerEmpty(res, 204, {});
    }),
    {
      // Not tus: the upload as JSON, for clients that want it without tus's headers.
      method: 'GET',
      pattern: one,
      headers: always,
      handler: async (req, _url, [raw]) => {
        const userId = await deps.authenticate(req);
        const { upload, fileId } = await media.status(userId, uploadId(raw!));
        return [200, { uploadId: upload.id, offset: upload.offset, length: upload.length, ...(fileId ? { fileId } : {}) }];
      },
    },
  ];
}
