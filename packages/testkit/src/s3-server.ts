/**
 * A private S3-protocol server for tests: s3rver, in this process, on a free
 * port of 127.0.0.1, keeping its objects in a fresh temporary directory that
 * `stop` removes. It makes a bucket of its own, named at random, so two runs
 * never share an object even if one left its server behind; tests give each
 * store a prefix of its own inside it. Nothing needs installing or starting
 * beforehand (s3rver is a dev dependency at the root); if it cannot start,
 * the tests that need it fail.
 *
 * s3rver checks the access key (S3RVER) but not SigV4 signatures, and keeps
 * no checksums of its own: it proves the protocol (names, listings, ranges,
 * copies, batch deletes), not a store's integrity checks. Two bugs of s3rver
 * 3.7.1 (the last release) are mended here, in the test double, each the
 * smallest change that gives what S3 answers:
 * - a listing cut into pages answered 500: its continuation tokens are
 *   encrypted with single DES, which the OpenSSL 3 of Node 17 and later no
 *   longer offers (see desShim);
 * - `Range: bytes=0-0` (the first byte of an object) answered the whole object,
 *   an end of 0 being taken for no end (see firstByteRange).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { IncomingMessage, Server } from 'node:http';
import type { Config } from '@parley/server';
import { tempDir } from './test-server.ts';
import { withDeadline } from './wait.ts';

export interface PrivateS3 {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Every request served so far: method, path and query, and the copy source of a CopyObject. */
  readonly requests: { method: string; url: string; copySource?: string }[];
  /** Connections open to the server now. */
  connections(): number;
  /** The server settings that keep a Parley server's blobs here, under `prefix`. */
  settings(prefix: string): Partial<Config>;
  stop(): Promise<void>;
}

export async function startPrivateS3(): Promise<PrivateS3> {
  // Loaded here, not with the testkit: only the tests that need it pay for it.
  const { default: S3rver } = await import('s3rver');
  const directory = tempDir('parley-s3-');
  const bucket = `parley-test-${randomBytes(6).toString('hex')}`;
  desShim();
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  firstByteRange((server as unknown as { store: FilesystemStore }).store);
  let address;
  try {
    address = await withDeadline(server.run(), 's3rver to start');
  } catch (err) {
    rmSync(directory, { recursive: true, force: true });
    throw new Error(`the test S3 server (s3rver) did not start: ${(err as Error).message}`, { cause: err });
  }
  const http = (server as unknown as { httpServer: Server }).httpServer;
  const requests: PrivateS3['requests'] = [];
  let open = 0;
  http.on('connection', (socket) => {
    open++;
    socket.once('close', () => open--);
  });
  http.prependListener('request', (req: IncomingMessage) => {
    const copySource = req.headers['x-amz-copy-source'];
    requests.push({ method: req.method ?? '', url: req.url ?? '', ...(typeof copySource === 'string' ? { copySource } : {}) });
  });
  const endpoint = `http://127.0.0.1:${address.port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    bucket,
    region: 'us-east-1',
    ...credentials,
    requests,
    connections: () => open,
    settings: (prefix) => ({
      blobStore: 's3',
      s3Endpoint: endpoint,
      s3Bucket: bucket,
      s3Prefix: prefix,
      s3Region: 'us-east-1',
      s3AccessKeyId: credentials.accessKeyId,
      s3SecretAccessKey: credentials.secretAccessKey,
      s3ForcePathStyle: true,
    }),
    stop: () =>
      (stopped ??= (async () => {
        http.closeAllConnections();
        await withDeadline(server.close(), 's3rver to close');
        rmSync(directory, { recursive: true, force: true });
      })()),
  };
}

/**
 * s3rver makes and reads listing continuation tokens with `des` (single DES,
 * CBC), which OpenSSL 3 keeps only in its legacy provider, so every truncated
 * listing failed. Triple DES with its one key taken three times is single DES,
 * byte for byte, and OpenSSL 3 still has it: `des` is served by `des-ede3-cbc`
 * in this process. s3rver calls these through `require('crypto')`, so that is
 * where the shim goes; no other algorithm is touched.
 */
function desShim(): void {
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto') & { desShimmed?: boolean };
  if (crypto.desShimmed) return;
  const tripled = (key: Buffer) => Buffer.concat([key, key, key]);
  const { createCipheriv, createDecipheriv } = crypto;
  crypto.createCipheriv = ((algorithm: string, key: Buffer, iv: Buffer, options?: never) =>
    algorithm === 'des' ? createCipheriv('des-ede3-cbc', tripled(key), iv, options) : createCipheriv(algorithm, key, iv, options)) as typeof createCipheriv;
  crypto.createDecipheriv = ((algorithm: string, key: Buffer, iv: Buffer, options?: never) =>
    algorithm === 'des' ? createDecipheriv('des-ede3-cbc', tripled(key), iv, options) : createDecipheriv(algorithm, key, iv, options)) as typeof createDecipheriv;
  crypto.desShimmed = true;
}

/** The part of s3rver's object store that firstByteRange mends. */
interface FilesystemStore {
  getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<{ content?: Readable; range?: { start: number; end: number } } | null>;
  getResourcePath(bucket: string, key: string, resource: string): string;
}

/**
 * s3rver reads a range's end as `options.end || Infinity`, so `bytes=0-0`
 * returned the whole object. An end of 0 is answered here with the one byte S3
 * answers with.
 */
function firstByteRange(store: FilesystemStore): void {
  const getObject = store.getObject.bind(store);
  store.getObject = async (bucket, key, options) => {
    if (options?.end !== 0 || (options.start ?? 0) !== 0) return getObject(bucket, key, options);
    const object = await getObject(bucket, key, { start: 0 });
    if (!object?.content) return object;
    object.content.destroy();
    object.content = createReadStream(store.getResourcePath(bucket, key, 'object'), { start: 0, end: 0 });
    object.range = { start: 0, end: 0 };
    return object;
  };
}
