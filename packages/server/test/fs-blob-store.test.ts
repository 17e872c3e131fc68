/**
 * FsBlobStore: the BlobStore contract on a fresh directory per test, and what
 * only the filesystem adapter promises (where the bytes lie).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { tempDir } from '@parley/testkit';
import { FsBlobStore } from '../src/media/blob/fs-blob-store.ts';
import { blobStoreContract } from './blob-store-contract.ts';

const dir = tempDir('parley-blobs-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

blobStoreContract('FsBlobStore', async () => {
  const root = join(dir, `s${n++}`);
  return { store: new FsBlobStore(root), reopen: async () => new FsBlobStore(root) };
});
