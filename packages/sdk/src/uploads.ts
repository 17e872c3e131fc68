/**
 * Uploads and downloads over the HTTP API, apart from the message channel.
 *
 * An upload hashes the content (SHA-256), asks the server whether it already has
 * it ("instant upload": the server answers with a random byte range whose hash
 * the client proves from its own copy), and otherwise sends it with tus 1.0 —
 * in parallel parts joined by concatenation when it is large, each chunk with
 * its checksum. It resumes: after a cut or a failed chunk (HEAD, then on from
 * the server's offset), after a reconnect, and after an app restart (the upload's
 * state goes through the SessionStore; calling upload() again with the same
 * content continues it). Every promise settles: with the file, or a ParleyError
 * (retryable when trying again can help; CANCELLED when the signal aborted it).
 *
 * Invariants:
 * - A part's offset only ever comes from the server (its HEAD or PATCH answer),
 *   so a chunk is never sent twice into a part and never skipped.
 * - The stored state names the server's upload URLs, the content's hash and size:
 *   only the same content resumes into them.
 */
import { ErrorCode, ParleyError } from '@parley/protocol';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import type { StoreQueue } from './store-queue.ts';
import type { UploadRecord } from './session-store.ts';

/** A file the server holds (GET /v1/files/{id}/info). */
export interface FileInfo {
  fileId: string;
  size: number;
  mime: string;
  name: string;
  sha256: string;
  width?: number;
  height?: number;
  durationMs?: number;
  thumbnailId?: string;
}

export interface UploadOptions {
  /** The file's name (default: the File's name, or 'file'). */
  name?: string;
  /** Its MIME type (default: the Blob's type, or application/octet-stream). */
  mime?: string;
  /** Progress as bytes the server has stored (or all of them at once for an instant upload). */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborts the upload: it is terminated on the server and rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Parts sent side by side for a file of at least `parallelFromBytes` (default 4). */
  parallel?: number;
}

export interface UploadProgress {
  name: string;
  sent: number;
  total: number;
  /** 'hashing' the content, 'checking' for an instant upload, 'sending', 'done'. */
  phase: 'hashing' | 'checking' | 'sending' | 'done';
}

/** What uploads need of the client. */
export interface HttpLink {
  /** Base URL of the HTTP API (no trailing slash). */
  readonly base: string;
  token(): Promise<string>;
  readonly backoff: BackoffOptions;
  /** Each HTTP request gives up after this long (ms). */
  readonly requestTimeoutMs: number;
  /** The fetch to use (ClientOptions.fetch, or the global one). */
  readonly fetch: typeof fetch;
}

const TUS = { 'Tus-Resumable': '1.0.0' };
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A chunk that keeps failing without progress is halved, down to this (a link that cannot carry a whole chunk). */
const MIN_CHUNK_BYTES = 64 * 1024;
const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
/** Attempts at one chunk before the upload fails (retryable) for now; it resumes from the server's offset. */
const CHUNK_ATTEMPTS = 8;

function cancelled(): ParleyError {
  return new ParleyError(ErrorCode.CANCELLED, 'the upload was cancelled', { retryable: false });
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Node's crypto module, where there is one (found without an import a browser bundler would try to resolve). */
function nodeCrypto(): typeof import('node:crypto') | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  return get ? (get('node:crypto') as typeof import('node:crypto')) : undefined;
}

/** The Web Crypto digest, where there is one (browsers, Node). */
function subtle(): SubtleCrypto | undefined {
  return (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
}

/** SHA-256 of bytes. */
async function sha256Of(data: Uint8Array): Promise<Uint8Array> {
  const node = nodeCrypto();
  if (node) return new Uint8Array(node.createHash('sha256').update(data).digest());
  const web = subtle();
  if (web) return new Uint8Array(await web.digest('SHA-256', data as unknown as BufferSource));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return sha256(data);
}

/**
 * SHA-256 of a whole content, read a chunk at a time: incrementally with Node's
 * crypto; in a browser with Web Crypto over the whole content (it has no
 * incremental digest; a file is at most the server's limit, 100 MiB by default);
 * with a pure implementation where neither exists.
 */
async function sha256OfContent(read: (start: number, end: number) => Promise<Uint8Array>, size: number, aborted: () => boolean): Promise<Uint8Array> {
  const node = nodeCrypto();
  if (node || !subtle()) {
    const h = node ? node.createHash('sha256') : (await import('@noble/hashes/sha2.js')).sha256.create();
    for (let at = 0; at < size; at += CHUNK_BYTES) {
      if (aborted()) throw cancelled();
      h.update(await read(at, Math.min(size, at + CHUNK_BYTES)));
    }
    return new Uint8Array(h.digest());
  }
  return sha256Of(await read(0, size));
}

/** The content of a Blob or bytes, a range at a time. */
function slicer(file: Blob | Uint8Array): (start: number, end: number) => Promise<Uint8Array> {
  if (file instanceof Uint8Array) return async (start, end) => file.subarray(start, end);
  return async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer());
}

export class Uploads {
  private readonly records = new Map<string, UploadRecord>();

  constructor(
    private readonly http: HttpLink,
    private readonly store: StoreQueue,
    private readonly progress: (p: UploadProgress) => void,
  ) {}

  /** Uploads a previous session left unfinished (to offer to resume). */
  restore(records: readonly UploadRecord[]): void {
    for (const r of records) this.records.set(r.key, r);
  }

  pending(): UploadRecord[] {
    return [...this.records.values()];
  }

  private async fetch(path: string, init: RequestInit & { headers?: Record<string, string> }, signal?: AbortSignal): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.http.base}${path}`;
    const timeout = AbortSignal.timeout(this.http.requestTimeoutMs);
    const signals = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await this.http.fetch(url, { ...init, headers: { authorization: `Bearer ${await this.http.token()}`, ...init.headers }, signal: signals });
    } catch (err) {
      if (signal?.aborted) throw cancelled();
      throw new ParleyError(ErrorCode.UNAVAILABLE, `${init.method ?? 'GET'} ${path} failed: ${(err as Error).message}`, { retryable: true, cause: err });
    }
  }

  /** The ParleyError an error answer carries. */
  private async failure(res: Response, what: string): Promise<ParleyError> {
    let code: string = res.status === 429 || res.status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.INVALID_ARGUMENT;
    let message = `${what}: HTTP ${res.status}`;
    // Retry-After in seconds; the body's retryAfterMs, when there, is more precise.
    let retryAfterMs = Number(res.headers.get('retry-after') ?? '') * 1000 || 0;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string; retryAfterMs?: number } };
      if (body.error?.code) code = body.error.code;
      if (body.error?.message) message = `${what}: ${body.error.message}`;
      if (typeof body.error?.retryAfterMs === 'number' && body.error.retryAfterMs > 0) retryAfterMs = body.error.retryAfterMs;
    } catch {
      // not JSON
    }
    const retryable = res.status === 429 || res.status >= 500 || code === ErrorCode.UNAVAILABLE;
    return new ParleyError(code as ErrorCode, message, { retryable, retryAfterMs });
  }

  async upload(file: Blob | Uint8Array, options: UploadOptions = {}): Promise<FileInfo> {
    const signal = options.signal;
    if (signal?.aborted) throw cancelled();
    const size = file instanceof Uint8Array ? file.byteLength : file.size;
    const name = options.name ?? ((file as { name?: string }).name || 'file');
    const mime = options.mime ?? ((file instanceof Uint8Array ? '' : file.type) || 'application/octet-stream');
    const report = (phase: UploadProgress['phase'], sent: number) => {
      const p = { name, sent, total: size, phase };
      options.onProgress?.(p);
      this.progress(p);
    };
    const read = slicer(file);

    report('hashing', 0);
    const sha256 = hex(await sha256OfContent(read, size, () => signal?.aborted === true));
    const key = `${sha256}:${size}`;

    let record = this.records.get(key);
    if (!record) {
      report('checking', 0);
      const instant = await this.instant(read, { sha256, size, name, mime }, signal);
      if (instant) {
        report('done', size);
        return instant;
      }
      record = await this.create(key, { sha256, size, name, mime, parallel: size >= PARALLEL_FROM_BYTES ? Math.max(1, options.parallel ?? 4) : 1 }, signal);
    }
    try {
      const fileId = await this.send(record, read, (sent) => report('sending', sent), signal);
      const info = await this.info(fileId, signal);
      this.forget(record);
      report('done', size);
      return info;
    } catch (err) {
      if (signal?.aborted || (err instanceof ParleyError && err.code === ErrorCode.CANCELLED)) {
        await this.terminate(record);
        throw cancelled();
      }
      if (err instanceof ParleyError && err.code === ErrorCode.NOT_FOUND) {
        // The server no longer has the upload (expired): start over, once.
        this.forget(record);
        return this.upload(file, options);
      }
      throw err;
    }
  }

  private forget(record: UploadRecord): void {
    this.records.delete(record.key);
    this.store.deleteUpload(record.key);
  }

  private async terminate(record: UploadRecord): Promise<void> {
    this.forget(record);
    for (const part of record.parts) await this.fetch(part.url, { method: 'DELETE', headers: TUS }).catch(() => {});
  }

  /** Instant upload: the server has the content; prove it from the local copy. Undefined if it does not. */
  private async instant(
    read: (start: number, end: number) => Promise<Uint8Array>,
    file: { sha256: string; size: number; name: string; mime: string },
    signal?: AbortSignal,
  ): Promise<FileInfo | undefined> {
    const res = await this.fetch('/v1/files/instant', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) }, signal);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await this.failure(res, 'instant upload');
    const challenge = (await res.json()) as { challengeId: string; start: number; end: number };
    const proof = hex(await sha256Of(await read(challenge.start, challenge.end + 1)));
    const answer = await this.fetch(`/v1/files/instant/${encodeURIComponent(challenge.challengeId)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sha256: proof }),
    }, signal);
    if (!answer.ok) throw await this.failure(answer, 'instant upload proof');
    return (await answer.json()) as FileInfo;
  }

  /** Create the server's upload(s) and remember them, so the upload can resume. */
  private async create(key: string, file: { sha256: string; size: number; name: string; mime: string; parallel: number }, signal?: AbortSignal): Promise<UploadRecord> {
    const metadata = `filename ${base64(file.name)},filetype ${base64(file.mime)}`;
    const parts: UploadRecord['parts'] = [];
    const count = Math.max(1, Math.min(file.parallel, Math.ceil(file.size / CHUNK_BYTES)));
    for (let i = 0; i < count; i++) {
      const start = Math.floor((file.size * i) / count);
      const end = Math.floor((file.size * (i + 1)) / count);
      const headers: Record<string, string> = { ...TUS, 'Upload-Length': String(end - start), 'Upload-Metadata': metadata };
      if (count > 1) headers['Upload-Concat'] = 'partial';
      const res = await this.fetch('/v1/uploads', { method: 'POST', headers }, signal);
      if (res.status !== 201) throw await this.failure(res, 'creating the upload');
      // The path only: the base URL is the client's of the day (it may differ after a restart).
      parts.push({ url: new URL(res.headers.get('location')!, `${this.http.base}/`).pathname, start, end });
    }
    const record: UploadRecord = { key, sha256: file.sha256, size: file.size, name: file.name, mime: file.mime, parts, createdAt: Date.now() };
    this.records.set(key, record);
    await this.store.putUpload(record);
    return record;
  }

  /** Send every part (side by side), join them if there are several; resolves with the file id. */
  private async send(record: UploadRecord, read: (start: number, end: number) => Promise<Uint8Array>, progress: (sent: number) => void, signal?: AbortSignal): Promise<string> {
    const done = record.parts.map(() => 0);
    const report = () => progress(done.reduce((a, b) => a + b, 0));
    const ids = await Promise.all(
      record.parts.map((part, i) =>
        this.sendPart(part, read, (offset) => {
          done[i] = offset;
          report();
        }, signal),
      ),
    );
    if (record.parts.length === 1) return ids[0]!;
    const metadata = `filename ${base64(record.name)},filetype ${base64(record.mime)}`;
    const concat = `final;${record.parts.map((p) => p.url).join(' ')}`;
    const res = await this.fetch('/v1/uploads', { method: 'POST', headers: { ...TUS, 'Upload-Concat': concat, 'Upload-Metadata': metadata } }, signal);
    if (res.status !== 201) throw await this.failure(res, 'joining the parts');
    const fileId = res.headers.get('parley-file-id');
    if (!fileId) throw new ParleyError(ErrorCode.INTERNAL, 'the server joined the parts but named no file', { retryable: true });
    return fileId;
  }

  /** One part: from the server's offset to its end, a chunk at a time; resolves with the file id (a lone part) or ''. */
  private async sendPart(part: UploadRecord['parts'][number], read: (start: number, end: number) => Promise<Uint8Array>, progress: (offset: number) => void, signal?: AbortSignal): Promise<string> {
    const length = part.end - part.start;
    let offset = await this.offsetOf(part.url, signal);
    progress(offset);
    let attempt = 0;
    let fileId = '';
    let chunkBytes = CHUNK_BYTES;
    while (offset < length) {
      if (signal?.aborted) throw cancelled();
      const chunk = await read(part.start + offset, part.start + Math.min(length, offset + chunkBytes));
      const checksum = `sha256 ${bytesToBase64(await sha256Of(chunk))}`;
      let res: Response | undefined;
      try {
        res = await this.fetch(part.url, {
          method: 'PATCH',
          headers: { ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', 'Upload-Checksum': checksum },
          body: chunk as unknown as BodyInit,
        }, signal);
      } catch (err) {
        if (!(err instanceof ParleyError) || !err.retryable) throw err;
      }
      if (res?.status === 204) {
        offset = Number(res.headers.get('upload-offset'));
        fileId = res.headers.get('parley-file-id') ?? fileId;
        progress(offset);
        attempt = 0;
        chunkBytes = Math.min(CHUNK_BYTES, chunkBytes * 2);
        continue;
      }
      // A checked chunk that does not arrive whole is not kept: try smaller ones.
      chunkBytes = Math.max(MIN_CHUNK_BYTES, Math.floor(chunkBytes / 2));
      if (res && (res.status === 404 || res.status === 410)) throw new ParleyError(ErrorCode.NOT_FOUND, 'the upload is gone from the server', { retryable: true });
      if (res && res.status !== 409 && res.status !== 460 && res.status < 500 && res.status !== 429) throw await this.failure(res, 'sending a chunk');
      // A cut, a wrong offset, a damaged chunk, a busy server: pause, ask the server where it is, go on from there.
      // Only failures without progress count: a cut chunk keeps what reached the server.
      for (;;) {
        if (++attempt >= CHUNK_ATTEMPTS) {
          throw res ? await this.failure(res, 'sending a chunk') : new ParleyError(ErrorCode.UNAVAILABLE, 'the upload keeps failing; it can resume', { retryable: true });
        }
        await new Promise((r) => setTimeout(r, backoffDelay(attempt, this.http.backoff)));
        try {
          const now = await this.offsetOf(part.url, signal);
          if (now > offset) attempt = 0;
          offset = now;
          progress(offset);
          break;
        } catch (err) {
          if (!(err instanceof ParleyError) || !err.retryable || err.code === ErrorCode.NOT_FOUND) throw err;
          res = undefined;
        }
      }
    }
    return fileId;
  }

  private async offsetOf(url: string, signal?: AbortSignal): Promise<number> {
    const res = await this.fetch(url, { method: 'HEAD', headers: TUS }, signal);
    if (res.status === 404 || res.status === 410) throw new ParleyError(ErrorCode.NOT_FOUND, 'the upload is gone from the server', { retryable: true });
    if (!res.ok) throw await this.failure(res, 'asking for the upload offset');
    return Number(res.headers.get('upload-offset') ?? 0);
  }

  async info(fileId: string, signal?: AbortSignal): Promise<FileInfo> {
    const res = await this.fetch(`/v1/files/${encodeURIComponent(fileId)}/info`, { method: 'GET' }, signal);
    if (!res.ok) throw await this.failure(res, 'reading the file info');
    return (await res.json()) as FileInfo;
  }

  /** A file's bytes, or a range of them (`end` inclusive). */
  async download(fileId: string, options: { range?: { start: number; end?: number }; signal?: AbortSignal } = {}): Promise<{ bytes: Uint8Array; mime: string; size: number }> {
    const headers: Record<string, string> = {};
    if (options.range) headers.range = `bytes=${options.range.start}-${options.range.end ?? ''}`;
    const res = await this.fetch(`/v1/files/${encodeURIComponent(fileId)}`, { method: 'GET', headers }, options.signal);
    if (res.status !== 200 && res.status !== 206) throw await this.failure(res, 'downloading');
    const total = res.headers.get('content-range')?.split('/')[1];
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { bytes, mime: res.headers.get('content-type') ?? 'application/octet-stream', size: total ? Number(total) : bytes.byteLength };
  }

  /** A short-lived URL of the file that works without a token (for <img> and <audio>). */
  async link(fileId: string): Promise<{ url: string; expiresAt: number }> {
    const res = await this.fetch(`/v1/files/${encodeURIComponent(fileId)}/link`, { method: 'POST' });
    if (!res.ok) throw await this.failure(res, 'making a link');
    const link = (await res.json()) as { url: string; expiresAt: number };
    return { ...link, url: new URL(link.url, `${this.http.base}/`).toString() };
  }
}
