/**
 * S3BlobStore: the BlobStore contract against a real S3-protocol server (s3rver,
 * started in this process by the test: nothing to install or run beforehand;
 * if it cannot start, these tests fail rather than skip), with 64 KiB parts so
 * that the suite's few-hundred-KiB blobs span many of them. Then what only the
 * S3 adapter promises: its part layout, concat by server-side copy, a cut
 * stream kept whole, a broken listing refused, a wrong bucket failing at open,
 * and the server building it from its settings.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startPrivateS3, startTestServer, waitUntil, WAIT_MS, withDeadline, type PrivateS3 } from '@parley/testkit';
import { S3BlobStore, type S3BlobStoreOptions } from '../src/media/blob/s3-blob-store.ts';
import { blobStoreContract } from './blob-store-contract.ts';

const PART = 64 * 1024;
/** This run's own corner of the bucket (the bucket is this run's already; the prefix keeps a leftover object of another test apart). */
const RUN = `run-${randomBytes(4).toString('hex')}/`;

let started: Promise<PrivateS3> | undefined;
/** The S3 server, started by the first test that needs it; a failure to start fails every test that does. */
const s3 = () => (started ??= startPrivateS3());
after(async () => {
  if (started) await (await started).stop();
});

let n = 0;
async function options(extra: Partial<S3BlobStoreOptions> = {}): Promise<S3BlobStoreOptions> {
  const server = await s3();
  return {
    endpoint: server.endpoint,
    region: server.region,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    prefix: `${RUN}t${n++}/`,
    partBytes: PART,
    ...extra,
  };
}

blobStoreContract('S3BlobStore on s3rver, 64 KiB parts', async () => {
  const o = await options();
  return { store: await S3BlobStore.open(o), reopen: () => S3BlobStore.open(o), partBytes: PART };
});

// Again with listings of 2 keys a page, so that every blob of more than two parts is listed in several pages.
blobStoreContract('S3BlobStore on s3rver, 64 KiB parts, listings in pages of 2', async () => {
  const o = await options({ listPageSize: 2 });
  return { store: await S3BlobStore.open(o), reopen: () => S3BlobStore.open(o), partBytes: PART };
});

/** A plain client on the test server, to look at the bucket as an operator would. */
async function rawClient(): Promise<S3Client> {
  const server = await s3();
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

async function listing(client: S3Client, bucket: string, prefix: string): Promise<[string, number][]> {
  const out = await withDeadline(client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix })), `a listing of ${prefix}`);
  return (out.Contents ?? []).map((o) => [o.Key!.slice(prefix.length), o.Size ?? 0]);
}

async function* chunks(data: Buffer, size: number, fail?: Error): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
  if (fail) throw fail;
}

async function readAll(store: S3BlobStore, key: string): Promise<Buffer> {
  const stream = await withDeadline(store.read(key), `read ${key}`);
  return withDeadline(
    (async () => {
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(chunk as Buffer);
      return Buffer.concat(parts);
    })(),
    `the bytes of ${key}`,
  );
}

const pad = (offset: number) => String(offset).padStart(16, '0');

describe('S3BlobStore', () => {
  test('keeps a blob as parts named by their zero-padded offsets, each append split at partBytes', async () => {
    const o = await options();
    const store = await S3BlobStore.open(o);
    const client = await rawClient();
    try {
      await withDeadline(store.append('k', 0, chunks(Buffer.from('hello'), 2), 100), 'append');
      await withDeadline(store.append('k', 5, chunks(Buffer.from('abc'), 3), 100), 'append');
      await withDeadline(store.append('k', 8, chunks(randomBytes(2 * PART + 10), 1000), 1 << 20), 'append');
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}k/`), [
        [pad(0), 5],
        [pad(5), 3],
        [pad(8), PART],
        [pad(8 + PART), PART],
        [pad(8 + 2 * PART), 10],
      ]);
      await withDeadline(store.append('empty', 0, chunks(Buffer.alloc(0), 1), 0), 'append');
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}empty/`), [[pad(0), 0]], 'an empty blob is one empty part');
      await withDeadline(store.append('empty', 0, chunks(Buffer.from('now'), 3), 3), 'append');
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}empty/`), [[pad(0), 3]], 'which the first bytes replace');
    } finally {
      client.destroy();
      await store.close();
    }
  });

  test('a cut stream keeps every byte received: the buffered rest is stored as a last part', async () => {
    const o = await options();
    const store = await S3BlobStore.open(o);
    try {
      const data = randomBytes(PART + 5000);
      const reached = await withDeadline(store.append('c', 0, chunks(data, 1000, new Error('client went away')), 1 << 20), 'append');
      assert.equal(reached, data.length);
      assert.deepEqual(await readAll(store, 'c'), data);
    } finally {
      await store.close();
    }
  });

  test('concat copies the parts server-side, under the target at their new offsets; no object is downloaded', async () => {
    const o = await options();
    const server = await s3();
    const store = await S3BlobStore.open(o);
    const client = await rawClient();
    try {
      await withDeadline(store.append('a', 0, chunks(Buffer.from('abc'), 3), 10), 'append');
      const long = randomBytes(PART + 7);
      await withDeadline(store.append('b', 0, chunks(long, 4096), long.length), 'append');
      const before = server.requests.length;
      await withDeadline(store.concat('t', ['a', 'b']), 'concat');
      const during = server.requests.slice(before);
      const objectGets = during.filter((r) => r.method === 'GET' && !r.url.includes('list-type'));
      assert.deepEqual(objectGets, [], 'no object was read');
      assert.deepEqual(
        during.filter((r) => r.copySource).map((r) => r.copySource!.slice(r.copySource!.indexOf(o.prefix!) + o.prefix!.length)).sort(),
        [`a/${pad(0)}`, `b/${pad(0)}`, `b/${pad(PART)}`],
      );
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}t/`), [
        [pad(0), 3],
        [pad(3), PART],
        [pad(3 + PART), 7],
      ]);
      assert.deepEqual(await readAll(store, 't'), Buffer.concat([Buffer.from('abc'), long]));
    } finally {
      client.destroy();
      await store.close();
    }
  });

  test('a blob whose parts are not contiguous is refused, not read; delete still removes it', async () => {
    const o = await options();
    const store = await S3BlobStore.open(o);
    const client = await rawClient();
    try {
      await withDeadline(store.append('g', 0, chunks(Buffer.from('0123456789'), 10), 10), 'append');
      await withDeadline(client.send(new PutObjectCommand({ Bucket: o.bucket, Key: `${o.prefix}g/${pad(20)}`, Body: Buffer.from('stray') })), 'a stray part');
      await assert.rejects(withDeadline(store.length('g'), 'length'), /begins at 20, not at 10/);
      await assert.rejects(withDeadline(store.read('g'), 'read'), /begins at 20, not at 10/);
      await assert.rejects(withDeadline(store.append('g', 10, chunks(Buffer.from('x'), 1), 1), 'append'), /begins at 20, not at 10/);
      await withDeadline(client.send(new PutObjectCommand({ Bucket: o.bucket, Key: `${o.prefix}h/notes.txt`, Body: Buffer.from('?') })), 'a stray object');
      await assert.rejects(withDeadline(store.length('h'), 'length'), /unexpected object/);
      await withDeadline(store.delete('g'), 'delete');
      await withDeadline(store.delete('h'), 'delete');
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}g/`), []);
      assert.deepEqual(await listing(client, o.bucket, `${o.prefix}h/`), []);
    } finally {
      await withDeadline(client.send(new DeleteObjectsCommand({ Bucket: o.bucket, Delete: { Objects: [{ Key: `${o.prefix}h/notes.txt` }] } })), 'cleanup');
      client.destroy();
      await store.close();
    }
  });

  test('open fails at once, naming the bucket, when the bucket is not there or the endpoint does not answer', async () => {
    await assert.rejects(S3BlobStore.open(await options({ bucket: 'no-such-bucket' })), /cannot list s3:\/\/no-such-bucket\/.*NoSuchBucket/);
    const closed = await options({ endpoint: 'http://127.0.0.1:1' });
    await assert.rejects(withDeadline(S3BlobStore.open(closed), 'open on a closed port'), /cannot list s3:\/\/parley-test-/);
  });

  test('refuses a prefix that is not segments ending in /, and a key id without its secret', async () => {
    for (const prefix of ['blobs', '/blobs/', 'a//', 'a b/', '../', 'a/./']) {
      await assert.rejects(S3BlobStore.open(await options({ prefix })), /S3 prefix/, prefix);
    }
    await assert.rejects(S3BlobStore.open(await options({ secretAccessKey: '' })), /go together/);
  });
});

describe('Server with blobStore "s3"', () => {
  test('builds an S3BlobStore from the s3* settings, exposes it, and closes it on shutdown', async () => {
    const server = await s3();
    const prefix = `${RUN}server/`;
    const parley = await startTestServer(server.settings(prefix));
    try {
      assert.ok(parley.blobs instanceof S3BlobStore);
      assert.equal(await withDeadline(parley.blobs.append('via-server', 0, chunks(Buffer.from('stored'), 6), 6), 'append'), 6);
    } finally {
      await parley.stop();
    }
    // Closed with the server: its client let go of every connection it kept open.
    await waitUntil(() => server.connections() === 0, WAIT_MS, 'the S3 connections to close');
    const other = await S3BlobStore.open({ ...(await options()), prefix });
    try {
      assert.equal((await readAll(other, 'via-server')).toString(), 'stored', 'the bytes are in the bucket, under the prefix');
    } finally {
      await other.close();
    }
  });

  test('does not start when the bucket is not there', async () => {
    const server = await s3();
    await assert.rejects(startTestServer({ ...server.settings(`${RUN}x/`), s3Bucket: 'no-such-bucket' }), /no-such-bucket/);
  });
});
