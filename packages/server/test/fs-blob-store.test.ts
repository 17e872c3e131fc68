/**
 * FsBlobStore: the BlobStore contract on a fresh directory per test; then the
 * server's blobStore setting: the filesystem by default, where its files go,
 * and an unknown name refused at start.
 */
import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startTestServer, tempDir, withDeadline } from '@parley/testkit';
import { loadConfig, type Config } from '../src/config/config.ts';
import { createLogger } from '../src/logger.ts';
import { FsBlobStore } from '../src/media/blob/fs-blob-store.ts';
import { startServer } from '../src/server.ts';
import { blobStoreContract } from './blob-store-contract.ts';

const dir = tempDir('parley-blobs-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

blobStoreContract('FsBlobStore', async () => {
  const root = join(dir, `s${n++}`);
  return { store: new FsBlobStore(root), reopen: async () => new FsBlobStore(root) };
});

describe('FsBlobStore concat', () => {
  test('writes no byte twice: the joined blob\'s segments are the sources\' own files', async () => {
    const root = join(dir, 'links');
    const store = new FsBlobStore(root);
    const part = Buffer.alloc(1024 * 1024, 7);
    for (const key of ['pa', 'pb']) {
      await store.append(key, 0, (async function* () {
        yield part;
      })(), part.length);
    }
    await store.concat('joined', ['pa', 'pb']);
    const hex = (key: string) => Buffer.from(key).toString('hex');
    const pathOf = (key: string) => join(root, hex(key).slice(-4, -2), hex(key).slice(-2), key);
    const source = statSync(pathOf('pa'));
    const segment = statSync(join(pathOf('joined'), '0'));
    assert.equal(segment.ino, source.ino);
    assert.equal(segment.nlink, 2);
    assert.equal(statSync(join(pathOf('joined'), String(part.length))).ino, statSync(pathOf('pb')).ino);
    assert.equal(await store.length('joined'), 2 * part.length);
  });
});

describe('Server blob store setting', () => {
  async function* bytes(text: string): AsyncGenerator<Uint8Array> {
    yield Buffer.from(text);
  }

  test('by default an FsBlobStore under <dataDir>/blobs, exposed on the server', async () => {
    const server = await startTestServer();
    try {
      assert.ok(server.blobs instanceof FsBlobStore);
      assert.equal(await withDeadline(server.blobs.append('f', 0, bytes('on disk'), 100), 'append'), 7);
      assert.equal(await new FsBlobStore(join(server.dataDir, 'blobs')).length('f'), 7);
    } finally {
      await server.stop();
    }
  });

  test('blobDir puts the files elsewhere', async () => {
    const blobDir = join(dir, 'elsewhere');
    const server = await startTestServer({ blobDir });
    try {
      await withDeadline(server.blobs.append('g', 0, bytes('there'), 100), 'append');
      assert.equal(await new FsBlobStore(blobDir).length('g'), 5);
      assert.equal(await new FsBlobStore(join(server.dataDir, 'blobs')).length('g'), undefined);
    } finally {
      await server.stop();
    }
  });

  test('an unknown blob store fails the start: in the settings, and in the composition root itself', async () => {
    assert.throws(() => loadConfig({ flags: { 'blob-store': 'gcs' } }), /blobStore must be one of "fs", "s3" \(got "gcs"\)/);
    const config = loadConfig({ overrides: { httpPort: 0, tcpPort: 0, dataDir: join(dir, 'unknown'), logLevel: 'silent', sqliteSynchronous: 'normal' } });
    await assert.rejects(
      withDeadline(startServer({ ...config, blobStore: 'gcs' as Config['blobStore'] }, createLogger('silent')), 'the start to fail'),
      /unknown blob store "gcs" \(known: fs, s3\)/,
    );
  });
});
