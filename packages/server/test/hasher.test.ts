/**
 * Hasher: SHA-256 on a worker thread. Its digests equal Node's one-shot hash
 * whatever the chunking, with many hashes interleaved and more bytes in flight
 * than it lets queue; a hash whose worker is gone says so instead of answering.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Hasher } from '../src/media/hasher.ts';

const oneShot = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test('Hasher › a digest equals the one-shot hash, for any chunking, with hashes interleaved', async () => {
  const hasher = new Hasher();
  try {
    const inputs = [Buffer.alloc(0), randomBytes(1), randomBytes(1024 * 1024), randomBytes(1024 * 1024 + 1), randomBytes(3 * 1024 * 1024 + 777)];
    const hashes = inputs.map(() => hasher.start());
    const sizes = [1, 65536, 1000, 1024 * 1024, 7];
    const at = inputs.map(() => 0);
    for (let round = 0, open = true; open; round++) {
      open = false;
      for (const [i, data] of inputs.entries()) {
        if (at[i]! >= data.length) continue;
        const n = sizes[(round + i) % sizes.length]!;
        await hashes[i]!.update(data.subarray(at[i]!, at[i]! + n));
        at[i]! += n;
        open = true;
      }
    }
    assert.deepEqual(await Promise.all(hashes.map((h) => h.digest())), inputs.map(oneShot));
  } finally {
    await hasher.close();
  }
});

test('Hasher › more bytes than it lets queue: update waits, nothing is lost; a stream digest too', async () => {
  const hasher = new Hasher();
  try {
    const data = randomBytes(8 * 1024 * 1024);
    const hashes = Array.from({ length: 6 }, () => hasher.start());
    let waited = 0;
    for (let at = 0; at < data.length; at += 256 * 1024) {
      for (const hash of hashes) {
        const wait = hash.update(data.subarray(at, at + 256 * 1024));
        if (wait) {
          waited++;
          await wait;
        }
      }
    }
    assert.ok(waited > 0, '48 MiB sent at once made update wait at least once');
    for (const digest of await Promise.all(hashes.map((h) => h.digest()))) assert.equal(digest, oneShot(data));
    async function* chunks() {
      for (let at = 0; at < data.length; at += 100_000) yield data.subarray(at, at + 100_000);
    }
    assert.equal(await hasher.digestOf(chunks()), oneShot(data));
  } finally {
    await hasher.close();
  }
});

test('Hasher › a hash whose worker is gone rejects its digest; a new hash works on a new worker', async () => {
  const hasher = new Hasher();
  try {
    const hash = hasher.start();
    await hash.update(randomBytes(2 * 1024 * 1024));
    await hasher.close();
    await hash.update(Buffer.from('more'));
    await assert.rejects(hash.digest(), /lost/);
    const fresh = hasher.start();
    await fresh.update(Buffer.from('abc'));
    assert.equal(await fresh.digest(), oneShot(Buffer.from('abc')));
    await assert.rejects(fresh.digest(), /already digested/);
  } finally {
    await hasher.close();
  }
});

test('Hasher › a fork has the bytes given so far and goes on on its own; the original goes on too', async () => {
  const hasher = new Hasher();
  try {
    const [a, b, c] = [randomBytes(1024 * 1024 + 3), randomBytes(5), randomBytes(2 * 1024 * 1024)];
    const hash = hasher.start();
    await hash.update(a);
    const fork = hash.fork();
    await hash.update(b);
    await fork.update(c);
    const forkOfFork = fork.fork();
    assert.deepEqual(
      await Promise.all([hash.digest(), fork.digest(), forkOfFork.digest(), hasher.start().fork().digest()]),
      [oneShot(Buffer.concat([a, b])), oneShot(Buffer.concat([a, c])), oneShot(Buffer.concat([a, c])), oneShot(Buffer.alloc(0))],
    );
    assert.throws(() => hash.fork(), /already digested/);
  } finally {
    await hasher.close();
  }
});
