/**
 * Files over HTTP: downloads (with Range, ETag and conditional requests, by
 * bearer token or by a signed link an `<img>` or `<audio>` tag can use), a
 * file's metadata, signed links, and instant upload. Who may download what is
 * the media service's (media/rules/files.ts): anyone else gets 404, never 403.
 *
 * What a download answer carries, whatever the file: an ETag (its SHA-256),
 * `X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy,
 * `Cache-Control: private`, and a Content-Disposition that is `inline` only for
 * types a browser shows without running anything (INLINE) and `attachment`
 * otherwise, never inline for text/html or image/svg+xml.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { normalizeMime, sanitizeFileName } from '../media/content.ts';
import { FILE_ID } from '../media/media-body.ts';
import type { FileRow } from '../media/media-port.ts';
import type { MediaService } from '../media/media-service.ts';
import { fileInfo } from '../media/rules/files.ts';
import { NO_STORE } from './http-hygiene.ts';
import { answerEmpty, answerStream } from './guard.ts';
import type { Route } from './http-api.ts';
import { field, readJson, segment } from './parse.ts';
import { parseRange } from './ranges.ts';

export interface FileRouteDeps {
  media: MediaService;
  authenticate(req: IncomingMessage): Promise<string>;
}

/** Types shown inline: images a browser decodes without running anything, audio, and MP4/WebM video. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm']);

export function isInline(mime: string): boolean {
  return INLINE.has(mime) || /^audio\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mime);
}

/** RFC 5987 attr-chars: what may stand unescaped in `filename*`. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * Content-Disposition for a file (RFC 6266): `inline` or `attachment`, an ASCII
 * `filename` for old clients (anything else, quotes, backslashes and `%` as `_`)
 * and the exact name as `filename*` (UTF-8, percent-encoded).
 */
export function contentDisposition(name: string, mime: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  let encoded = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${isInline(mime) ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

function fileId(raw: string): string {
  const id = segment(raw);
  if (!FILE_ID.test(id)) throw new ParleyError(ErrorCode.FILE_NOT_FOUND, 'no such file');
  return id;
}

/** The entity tag of a file: its SHA-256, strong. */
function etagOf(file: FileRow): string {
  return `"${file.sha256}"`;
}

/** Whether If-None-Match names this entity (weak comparison, as RFC 9110 says for it). */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

export function fileRoutes(deps: FileRouteDeps): Route[] {
  const { media } = deps;

  /** The caller: the bearer token's user, or, without one, the user a valid signed link names. */
  const caller = async (req: IncomingMessage, url: URL, id: string): Promise<string> => {
    const sig = url.searchParams.get('sig');
    if (req.headers.authorization !== undefined || sig === null) return deps.authenticate(req);
    const expires = Number(url.searchParams.get('expires'));
    const user = url.searchParams.get('user') ?? '';
    if (!Number.isSafeInteger(expires)) throw new ParleyError(ErrorCode.AUTH_FAILED, 'the link is not valid');
    return media.linkUser(id, user, expires, sig);
  };

  const download = async (req: IncomingMessage, url: URL, [raw]: string[], res: ServerResponse): Promise<void> => {
    const id = fileId(raw!);
    const file = await media.fileFor(await caller(req, url, id), id);
    const etag = etagOf(file);
    const common: Record<string, string | number> = {
      etag,
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'accept-ranges': 'bytes',
    };
    if (noneMatch(req.headers['if-none-match'], etag)) {
      answerEmpty(res, 304, common);
      return;
    }
    const described = { ...common, 'content-type': file.mime, 'content-disposition': contentDisposition(file.name, file.mime) };
    const ifRange = req.headersDistinct['if-range']?.join(',');
    // If-Range names another entity (or a date: we keep no Last-Modified): the whole file.
    const answer = ifRange !== undefined && ifRange.trim() !== etag ? { kind: 'full' as const } : parseRange(req.headers.range, file.size);
    const head = req.method === 'HEAD';
    if (answer.kind === 'unsatisfiable') {
      res.setHeader('content-range', `bytes */${file.size}`);
      throw new ParleyError(ErrorCode.RANGE_NOT_SATISFIABLE, `no range of ${req.headers.range?.slice(0, 100)} lies within the file's ${file.size} bytes`);
    }
    if (answer.kind === 'full') {
      const headers = { ...described, 'content-length': file.size };
      if (head) answerEmpty(res, 200, headers);
      else answerStream(res, 200, headers, await media.read(file));
      return;
    }
    if (answer.ranges.length === 1) {
      const [range] = answer.ranges as [{ start: number; end: number }];
      const headers = { ...described, 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': range.end - range.start + 1 };
      if (head) answerEmpty(res, 206, headers);
      else answerStream(res, 206, headers, await media.read(file, range));
      return;
    }
    // Several ranges: multipart/byteranges, each part with its own Content-Type and Content-Range.
    const boundary = randomBytes(12).toString('hex');
    const parts = answer.ranges.map((r) => ({
      range: r,
      head: Buffer.from(`--${boundary}\r\ncontent-type: ${file.mime}\r\ncontent-range: bytes ${r.start}-${r.end}/${file.size}\r\n\r\n`),
    }));
    const tail = Buffer.from(`--${boundary}--\r\n`);
    const length = parts.reduce((n, p) => n + p.head.length + (p.range.end - p.range.start + 1) + 2, tail.length);
    const headers = { ...described, 'content-type': `multipart/byteranges; boundary=${boundary}`, 'content-length': length };
    if (head) {
      answerEmpty(res, 206, headers);
      return;
    }
    answerStream(res, 206, headers, (async function* () {
      for (const p of parts) {
        yield p.head;
        for await (const chunk of await media.read(file, p.range)) yield chunk as Buffer;
        yield Buffer.from('\r\n');
      }
      yield tail;
    })());
  };

  const user = (method: string, pattern: RegExp, handler: (userId: string, req: IncomingMessage, params: string[]) => Promise<[number, unknown]>): Route => ({
    method,
    pattern,
    handler: async (req, _url, params) => handler(await deps.authenticate(req), req, params),
  });

  return [
    { method: 'GET', pattern: /^\/v1\/files\/([^/]+)$/, handler: download },
    { method: 'HEAD', pattern: /^\/v1\/files\/([^/]+)$/, handler: download },
    user('GET', /^\/v1\/files\/([^/]+)\/info$/, async (userId, _req, [raw]) => [200, fileInfo(await media.fileFor(userId, fileId(raw!)))]),
    {
      // A signed link is a credential for the file until it expires: no cache keeps it.
      ...user('POST', /^\/v1\/files\/([^/]+)\/link$/, async (userId, _req, [raw]) => {
        const { path, expiresAt } = await media.link(userId, fileId(raw!));
        return [200, { url: path, expiresAt }];
      }),
      headers: NO_STORE,
    },
    user('POST', /^\/v1\/files\/instant$/, async (userId, req) => {
      const body = await readJson(req);
      const sha256 = field.requiredString(body, 'sha256');
      if (!SHA256_HEX.test(sha256)) throw invalid('sha256 must be 64 hex digits');
      const size = field.requiredInt(body, 'size');
      if (size < 1) throw invalid('size must be at least 1 (an empty file is quicker to upload)');
      const content = {
        sha256: sha256.toLowerCase(),
        size,
        name: sanitizeFileName(field.string(body, 'name') ?? ''),
        mime: normalizeMime(field.string(body, 'mime') ?? ''),
      };
      return [200, await media.instantChallenge(userId, content)];
    }),
    user('POST', /^\/v1\/files\/instant\/([^/]+)$/, async (userId, req, [raw]) => {
      const body = await readJson(req);
      const proof = field.requiredString(body, 'sha256');
      if (!SHA256_HEX.test(proof)) throw invalid('sha256 must be 64 hex digits: the SHA-256 of the bytes start..end');
      const challengeId = segment(raw!);
      if (!FILE_ID.test(challengeId)) throw new ParleyError(ErrorCode.NOT_FOUND, 'no such challenge');
      return [201, fileInfo(await media.instantProve(userId, challengeId, proof.toLowerCase()))];
    }),
  ];
}
