/**
 * What the media tests share: servers on each store, a small tus client over
 * fetch (every request with a deadline), and content to upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { CLUSTER_JWT_SECRET, createTestDatabase, fetchWithin, registerUser, startTestServer, type TestDatabase, type TestServer } from '@parley/testkit';
import type { Config, ServerOptions } from '@parley/server';

export const STORES = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

/** A test server on the given store (PostgreSQL: a fresh database of its own, dropped at stop). */
export async function mediaServer(kind: StoreKind, overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<TestServer> {
  let db: TestDatabase | undefined;
  if (kind === 'postgres') db = await createTestDatabase();
  const server = await startTestServer({ ...(db ? { store: db.url, jwtSecret: CLUSTER_JWT_SECRET } : { store: 'sqlite' }), ...overrides }, options);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await db?.drop();
    },
  };
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A PNG signature followed by `size - 8` random bytes. */
export function pngBytes(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(Math.max(0, size - 8))]);
}

/** Upload-Metadata for a name and a type. */
export function metadata(fields: Record<string, string | Buffer>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  json(): any;
}

/** A user of one server with a tus client over fetch. */
export class Uploader {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async register(baseUrl: string, userId: string): Promise<Uploader> {
    return new Uploader(baseUrl, await registerUser(baseUrl, userId));
  }

  /** Any request as this user (tus headers added unless `tus` is false). */
  async send(method: string, path: string, init: { headers?: Record<string, string>; body?: Uint8Array | string; tus?: boolean; auth?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = {
      ...(init.auth === false ? {} : { authorization: `Bearer ${this.token}` }),
      ...(init.tus === false ? {} : { 'tus-resumable': '1.0.0' }),
      ...init.headers,
    };
    const res = await fetchWithin(`${this.baseUrl}${path}`, { method, headers, body: init.body as BodyInit | undefined });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body) };
  }

  /** POST /v1/uploads; returns the answer and the upload's path. */
  async create(length: number | 'defer', meta = metadata({ filename: 'f.bin', filetype: 'application/octet-stream' }), extra: Record<string, string> = {}, body?: Uint8Array) {
    const headers: Record<string, string> = { ...(length === 'defer' ? { 'upload-defer-length': '1' } : { 'upload-length': String(length) }), ...extra };
    if (meta !== '') headers['upload-metadata'] = meta;
    if (body) headers['content-type'] = 'application/offset+octet-stream';
    const answer = await this.send('POST', '/v1/uploads', { headers, body });
    return { answer, path: answer.headers.get('location') ?? '' };
  }

  patch(path: string, offset: number, body: Uint8Array, extra: Record<string, string> = {}): Promise<Answer> {
    return this.send('PATCH', path, { headers: { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', ...extra }, body });
  }

  head(path: string): Promise<Answer> {
    return this.send('HEAD', path);
  }

  async offset(path: string): Promise<number> {
    const answer = await this.head(path);
    if (answer.status !== 200) throw new Error(`HEAD ${path}: ${answer.status} ${answer.body}`);
    return Number(answer.headers.get('upload-offset'));
  }

  /** Upload `data` whole, in chunks of `chunk` bytes; returns the file id. */
  async upload(data: Uint8Array, meta?: string, chunk = data.length): Promise<string> {
    const { answer, path } = await this.create(data.length, meta);
    if (answer.status !== 201) throw new Error(`create: ${answer.status} ${answer.body}`);
    let fileId = answer.headers.get('parley-file-id');
    for (let at = 0; at < data.length; at += chunk) {
      const patched = await this.patch(path, at, data.subarray(at, at + chunk));
      if (patched.status !== 204) throw new Error(`PATCH at ${at}: ${patched.status} ${patched.body}`);
      fileId = patched.headers.get('parley-file-id');
    }
    if (data.length === 0) fileId = (await this.head(path)).headers.get('parley-file-id');
    if (!fileId) throw new Error('no Parley-File-Id on the completing request');
    return fileId;
  }

  /** GET /v1/files/{id} as bytes. */
  async download(fileId: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const res = await fetchWithin(`${this.baseUrl}/v1/files/${fileId}`, { headers: { authorization: `Bearer ${this.token}`, ...headers } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** POST JSON to the API (not tus). */
  json(method: string, path: string, body?: unknown): Promise<Answer> {
    return this.send(method, path, { tus: false, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}

/**
 * A PATCH whose connection is cut after `sendBytes` of its body (of a declared
 * `declared` bytes): resolves once the connection is gone.
 */
export function cutPatch(baseUrl: string, token: string, path: string, offset: number, body: Uint8Array, sendBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(path, baseUrl);
    const req = request(url, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(body.length),
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.write(body.subarray(0, sendBytes), () => {
      // Give the bytes time to leave, then cut.
      setTimeout(() => req.destroy(), 50);
    });
  });
}
