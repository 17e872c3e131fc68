/**
 * The BlobStore contract: one suite that every blob store runs unchanged (the
 * filesystem and S3 adapters). It talks to the store only through the
 * `BlobStore` interface and checks the port's invariants (media/blob-store.ts):
 * appends only at the end, durable once resolved, a cut stream keeps a prefix
 * the result names, a limit keeps nothing, ranges, concatenation, deletion, and
 * keys that are names, never paths.
 *
 * `open` returns a fresh, empty store and a way to open another instance over
 * the same storage (a restart, or another node). `partBytes`, for an adapter
 * that splits a long append into parts, only chooses where the suite puts its
 * ranges (across those boundaries too); the assertions are the same for all.
 *
 * Every call to the store and every read of a stream has a deadline.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { WAIT_MS, withDeadline } from '@parley/testkit';
import { BlobOffsetMismatch, BlobRangeError, BlobTooLarge, type BlobStore, type ByteRange } from '../src/media/blob-store.ts';

export interface OpenedBlobStore {
  store: BlobStore;
  /** Another instance over the same storage. */
  reopen: () => Promise<BlobStore>;
  /** The size at which the adapter splits one append into parts, if it does. */
  partBytes?: number;
}

/** Deadline of one call to the store, or of reading one stream: long enough for a few MiB on a loaded machine. */
const CALL_MS = 3 * WAIT_MS;

/** The store, with a deadline on every call, naming the call. */
function withDeadlines(store: BlobStore): BlobStore {
  return new Proxy(store, {
    get: (target, name) => {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const what = `${String(name)}(${args.filter((a) => typeof a === 'string' || typeof a === 'number').map((a) => JSON.stringify(a).slice(0, 40)).join(', ')})`;
        return withDeadline(Promise.resolve().then(() => (value as (...a: unknown[]) => unknown).apply(target, args)), what, CALL_MS);
      };
    },
  });
}

/** Deterministic bytes: the same `seed` and `n`, the same bytes. */
function bytes(n: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `data` cut into chunks of the given sizes, repeated until it is used up. */
function chunked(data: Uint8Array, sizes: readonly number[] = [4096]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** An async iterable of `chunks`; with `fail`, it throws after the last of them, as a request body does when the client goes away. */
async function* source(chunks: readonly Uint8Array[], fail?: Error): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await new Promise((r) => setImmediate(r));
    yield chunk;
  }
  if (fail) throw fail;
}

function from(data: Uint8Array | string, sizes?: readonly number[]): AsyncGenerator<Uint8Array> {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return source(chunked(buf, sizes));
}

async function drain(stream: Readable, what: string): Promise<Buffer> {
  const collect = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  };
  return withDeadline(collect(), `the bytes of ${what}`, CALL_MS);
}

async function content(store: BlobStore, key: string, range?: ByteRange): Promise<Buffer> {
  return drain(await store.read(key, range), range ? `${key} ${range.start}-${range.end}` : key);
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Equal bytes, reported by length and first difference instead of a dump of both. */
function sameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  if (Buffer.compare(Buffer.from(actual), Buffer.from(expected)) === 0) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  assert.fail(`${what}: ${actual.length} bytes where ${expected.length} were expected, first difference at ${i}`);
}

/** A small deterministic generator, so a failing range can be read again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function blobStoreContract(name: string, open: () => Promise<OpenedBlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let opened: OpenedBlobStore;
    let store: BlobStore;
    const others: BlobStore[] = [];
    /** Where a long append is split (or a size past a few of them if the adapter does not split). */
    let part: number;

    /** Another instance over the same storage, closed after the test. */
    const reopen = async () => {
      const other = withDeadlines(await withDeadline(opened.reopen(), 'another instance of the store', CALL_MS));
      others.push(other);
      return other;
    };

    beforeEach(async () => {
      opened = await withDeadline(open(), 'a fresh store', CALL_MS);
      store = withDeadlines(opened.store);
      part = opened.partBytes ?? 64 * 1024;
    });
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await store.close();
    });

    test('appends in order; each append resolves with the new length', async () => {
      assert.equal(await store.append('a', 0, from('hello'), 100), 5);
      assert.equal(await store.append('a', 5, from(', '), 100), 7);
      assert.equal(await store.append('a', 7, from('world', [1, 2]), 100), 12);
      assert.equal(await store.length('a'), 12);
      assert.equal((await content(store, 'a')).toString(), 'hello, world');
    });

    test('an empty append at 0 makes an empty blob; one at the end changes nothing', async () => {
      assert.equal(await store.append('e', 0, source([]), 10), 0);
      assert.equal(await store.length('e'), 0);
      assert.equal((await content(store, 'e')).length, 0);
      await store.append('f', 0, from('abc'), 10);
      assert.equal(await store.append('f', 3, source([new Uint8Array(0)]), 10), 3);
      assert.equal((await content(store, 'f')).toString(), 'abc');
    });

    test('an append at any offset but the length is BlobOffsetMismatch and writes nothing', async () => {
      await store.append('a', 0, from('hello'), 100);
      for (const offset of [0, 4, 6, 1000]) {
        await assert.rejects(store.append('a', offset, from('XX'), 100), (err) => {
          assert.ok(err instanceof BlobOffsetMismatch, `offset ${offset}: ${String(err)}`);
          assert.deepEqual([err.expected, err.given], [5, offset]);
          return true;
        });
      }
      assert.equal(await store.length('a'), 5);
      assert.equal((await content(store, 'a')).toString(), 'hello');
      await assert.rejects(store.append('new', 3, from('XX'), 100), (err) => err instanceof BlobOffsetMismatch && err.expected === 0 && err.given === 3);
      assert.equal(await store.length('new'), undefined, 'a refused append creates no blob');
    });

    test('the length of a blob never written is undefined', async () => {
      assert.equal(await store.length('never'), undefined);
    });

    test('every appended byte survives into another instance over the same storage', async () => {
      const data = bytes(3 * part + 123, 7);
      await store.append('d', 0, from(data.subarray(0, 10)), data.length);
      await store.append('d', 10, from(data.subarray(10), [5000, 17]), data.length);
      await store.append('empty', 0, source([]), 0);
      const other = await reopen();
      assert.equal(await other.length('d'), data.length);
      sameBytes(await content(other, 'd'), data, 'd read through another instance');
      assert.equal(await other.length('empty'), 0);
      assert.equal(await other.append('d', data.length, from('!'), 1), data.length + 1, 'the other instance appends at the end');
      assert.equal(await store.length('d'), data.length + 1, 'and the first sees it');
    });

    describe('a stream that fails mid-way', () => {
      /**
       * The port allows two outcomes: the adapter keeps every byte it was given
       * before the failure, or (one that cannot keep a partial part) none of that
       * append. Either way it resolves with the length it reached, that is the
       * length from then on, the bytes are the ones given, and the upload goes on
       * from there.
       */
      async function cutAndResume(key: string, before: Buffer, delivered: Buffer, sizes: readonly number[]): Promise<void> {
        if (before.length > 0) await store.append(key, 0, from(before), before.length);
        const reached = await store.append(key, before.length, source(chunked(delivered, sizes), new Error('client went away')), 1 << 30);
        assert.ok(
          reached === before.length + delivered.length || reached === before.length,
          `resolved with ${reached}: neither every byte given (${before.length + delivered.length}) nor none of them (${before.length})`,
        );
        assert.equal(await store.length(key), reached, 'the length is the one the append resolved with');
        const kept = delivered.subarray(0, reached - before.length);
        sameBytes(await content(store, key), Buffer.concat([before, kept]), `${key} after the cut`);
        const rest = delivered.subarray(kept.length);
        const tail = Buffer.from('tail');
        assert.equal(await store.append(key, reached, from(Buffer.concat([rest, tail])), 1 << 30), before.length + delivered.length + tail.length);
        sameBytes(await content(store, key), Buffer.concat([before, delivered, tail]), `${key} resumed`);
      }

      test('on a new blob, after a few chunks', () => cutAndResume('c1', Buffer.alloc(0), bytes(3000, 2), [1000]));
      test('after bytes already stored', () => cutAndResume('c2', bytes(500, 3), bytes(2500, 4), [700, 300]));
      test('after more than a part of bytes', async () => cutAndResume('c3', bytes(10, 5), bytes(2 * part + 999, 6), [4096, 1]));
      test('after several MiB, with writes of the append still under way', async () =>
        cutAndResume('c5', bytes(10, 7), bytes(6 * 1024 * 1024 + 123, 8), [65536, 1000]));
      test('before its first chunk: the blob keeps its length', async () => {
        await store.append('c4', 0, from('abc'), 10);
        assert.equal(await store.append('c4', 3, source([], new Error('client went away')), 10), 3);
        assert.equal((await content(store, 'c4')).toString(), 'abc');
      });
    });

    describe('maxBytes', () => {
      test('crossing the limit after several MiB keeps none of them, on a blob that had bytes', async () => {
        await store.append('big', 0, from('kept'), 10);
        const data = bytes(6 * 1024 * 1024, 16);
        await assert.rejects(store.append('big', 4, from(data, [65536]), 5 * 1024 * 1024), BlobTooLarge);
        assert.equal(await store.length('big'), 4);
        assert.equal((await content(store, 'big')).toString(), 'kept');
        assert.equal(await store.append('big', 4, from('!'), 1), 5);
      });

      test('exactly maxBytes is accepted', async () => {
        assert.equal(await store.append('m', 0, from('12345'), 5), 5);
        assert.equal(await store.append('m', 5, from('678'), 3), 8);
      });

      test('more than maxBytes is BlobTooLarge and keeps nothing of that append', async () => {
        await store.append('m', 0, from('keep'), 4);
        await assert.rejects(store.append('m', 4, from('0123456789', [3]), 9), (err) => err instanceof BlobTooLarge && err.limit === 9);
        assert.equal(await store.length('m'), 4);
        assert.equal((await content(store, 'm')).toString(), 'keep');
        await assert.rejects(store.append('m', 4, from('x'), 0), BlobTooLarge);
        assert.equal(await store.append('m', 4, from('!'), 1), 5, 'the upload goes on at the old length');
      });

      test('a first append over the limit leaves no blob', async () => {
        await assert.rejects(store.append('n', 0, from('0123456789'), 3), BlobTooLarge);
        assert.equal(await store.length('n'), undefined);
      });

      test('crossing the limit after several parts keeps none of them', async () => {
        await store.append('big', 0, from('head'), 4);
        const limit = 3 * part + 5;
        await assert.rejects(store.append('big', 4, from(bytes(limit + 1000, 8), [1000]), limit), BlobTooLarge);
        assert.equal(await store.length('big'), 4);
        assert.equal((await content(store, 'big')).toString(), 'head');
        const fits = bytes(limit, 9);
        assert.equal(await store.append('big', 4, from(fits, [1000]), limit), 4 + limit);
        sameBytes(await content(store, 'big'), Buffer.concat([Buffer.from('head'), fits]), 'big after an append of exactly the limit');
      });
    });

    describe('reads', () => {
      /** A blob of appends of 7, 1 and 2 parts + 3 bytes and 13 bytes, and the offsets worth reading around. */
      async function layered(): Promise<{ data: Buffer; points: number[] }> {
        const sizes = [7, 1, 2 * part + 3, 13];
        const data = bytes(sizes.reduce((a, b) => a + b), 11);
        const points = new Set<number>([0, data.length - 1]);
        let at = 0;
        for (const size of sizes) {
          assert.equal(await store.append('r', at, from(data.subarray(at, at + size), [1000]), size), at + size);
          for (let inner = 0; inner <= size; inner += part) for (const d of [-1, 0, 1]) points.add(at + inner + d);
          for (const d of [-1, 0, 1]) points.add(at + size + d);
          at += size;
        }
        return { data, points: [...points].filter((p) => p >= 0 && p < data.length).sort((a, b) => a - b) };
      }

      test('the whole blob, and ranges: first byte, last byte, middle, everything', async () => {
        const { data } = await layered();
        sameBytes(await content(store, 'r'), data, 'the whole blob');
        const last = data.length - 1;
        const middle = Math.floor(data.length / 2);
        for (const [start, end] of [[0, 0], [last, last], [middle, middle + 9], [0, last], [1, last - 1]] as const) {
          sameBytes(await content(store, 'r', { start, end }), data.subarray(start, end + 1), `range ${start}-${end}`);
        }
      });

      test('ranges that start, end or cross at the boundaries between appends and parts', async () => {
        const { data, points } = await layered();
        const last = data.length - 1;
        const ranges = new Map<string, ByteRange>();
        for (const p of points) {
          // One byte at the point; two and three bytes across it; from it to the end; from the start to it.
          for (const [start, end] of [[p, p], [p - 1, p], [p, p + 1], [p - 1, p + 1], [p, last], [0, p]]) {
            if (start! >= 0 && end! <= last) ranges.set(`${start}-${end}`, { start: start!, end: end! });
          }
        }
        for (const [name, range] of ranges) sameBytes(await content(store, 'r', range), data.subarray(range.start, range.end + 1), `range ${name}`);
      });

      test('a range reaching past the end, backwards or negative is BlobRangeError; so is a blob never written', async () => {
        await store.append('r', 0, from('0123456789'), 10);
        for (const range of [{ start: 10, end: 10 }, { start: 0, end: 10 }, { start: 9, end: 100 }, { start: 5, end: 4 }, { start: -1, end: 3 }]) {
          await assert.rejects(store.read('r', range), BlobRangeError, JSON.stringify(range));
        }
        await store.append('empty', 0, source([]), 0);
        await assert.rejects(store.read('empty', { start: 0, end: 0 }), BlobRangeError);
        await assert.rejects(store.read('never'), BlobRangeError);
        await assert.rejects(store.read('never', { start: 0, end: 0 }), BlobRangeError);
      });

      test('a read abandoned part-way holds nothing up: many of them, then a whole read', async () => {
        const data = bytes(3 * part + 17, 12);
        await store.append('r', 0, from(data, [8192]), data.length);
        for (let i = 0; i < 60; i++) {
          const stream = await store.read('r', i % 2 ? { start: 1, end: data.length - 2 } : undefined);
          await withDeadline(new Promise((r) => stream.once('readable', r)), 'the first bytes of a read', CALL_MS);
          stream.destroy();
        }
        sameBytes(await content(store, 'r'), data, 'a whole read after 60 abandoned ones');
      });
    });

    describe('concat', () => {
      test('joins the sources in order; they stay as they were', async () => {
        await store.append('a', 0, from('ab'), 10);
        await store.append('a', 2, from('c'), 10);
        await store.append('empty', 0, source([]), 0);
        const long = bytes(2 * part + 5, 13);
        await store.append('long', 0, from(long, [3000]), long.length);
        await store.concat('t', ['a', 'empty', 'long']);
        const joined = Buffer.concat([Buffer.from('abc'), long]);
        assert.equal(await store.length('t'), joined.length);
        sameBytes(await content(store, 't'), joined, 't');
        sameBytes(await content(store, 't', { start: 1, end: 4 }), joined.subarray(1, 5), 'a range across the join');
        await store.concat('u', ['long', 'a', 'a']);
        sameBytes(await content(store, 'u'), Buffer.concat([long, Buffer.from('abcabc')]), 'u: another order, a source twice');
        assert.equal((await content(store, 'a')).toString(), 'abc');
        assert.equal(await store.length('empty'), 0);
        sameBytes(await content(store, 'long'), long, 'long, a source');
        assert.equal(await store.append('a', 3, from('d'), 1), 4, 'a source still takes appends');
        assert.equal((await content(store, 't')).length, joined.length, 'and the target does not see them');
      });

      test('a joined blob reads whole and by ranges across every join; it outlives its sources, joins again and takes appends', async () => {
        const sizes = [part + 3, 1, 2 * part, 7];
        const data = bytes(sizes.reduce((a, b) => a + b), 17);
        const joins = new Set<number>();
        let at = 0;
        for (const [i, size] of sizes.entries()) {
          await store.append(`p${i}`, 0, from(data.subarray(at, at + size), [1000]), size);
          joins.add(at);
          at += size;
        }
        await store.concat('t', sizes.map((_, i) => `p${i}`));
        const last = data.length - 1;
        const check = async (key: string, whole: Buffer) => {
          sameBytes(await content(store, key), whole, key);
          const end = whole.length - 1;
          for (const j of [...joins, part, 2 * part, data.length]) {
            for (const [start, stop] of [[j - 1, j], [j, j], [j - 1, j + 1], [j - 2, j + 5], [0, j], [j, end], [j - part, j + part]]) {
              const range = { start: Math.max(0, start!), end: Math.min(end, stop!) };
              if (range.start <= range.end) sameBytes(await content(store, key, range), whole.subarray(range.start, range.end + 1), `${key} ${range.start}-${range.end}`);
            }
          }
        };
        await check('t', data);
        for (const [i] of sizes.entries()) await store.delete(`p${i}`);
        await check('t', data);
        assert.equal(await (await reopen()).length('t'), data.length, 'another instance sees the joined blob');

        await store.append('q', 0, from('qq'), 2);
        await store.concat('u', ['t', 'q', 't']);
        joins.add(data.length + 2);
        await check('u', Buffer.concat([data, Buffer.from('qq'), data]));

        assert.equal(await store.append('t', data.length, from('tail', [1]), 10), data.length + 4);
        assert.equal(await store.append('t', data.length + 4, source([], new Error('client went away')), 10), data.length + 4);
        await assert.rejects(store.append('t', data.length + 4, from('too long'), 3), BlobTooLarge);
        assert.equal(await store.append('t', data.length + 4, from('!'), 1), data.length + 5);
        sameBytes(await content(store, 't', { start: last - 1, end: last + 5 }), Buffer.concat([data.subarray(last - 1), Buffer.from('tail!')]), 't after appends');
        sameBytes(await content(store, 'u'), Buffer.concat([data, Buffer.from('qq'), data]), 'u does not see the appends to t');
        await store.delete('t');
        sameBytes(await content(store, 'u'), Buffer.concat([data, Buffer.from('qq'), data]), 'u outlives t');
      });

      test('of no sources is an empty blob', async () => {
        await store.concat('t', []);
        assert.equal(await store.length('t'), 0);
        assert.equal((await content(store, 't')).length, 0);
      });

      test('replaces a target that was there, longer or not, and the target then takes appends', async () => {
        await store.append('t', 0, from(bytes(3 * part, 14), [5000]), 3 * part);
        await store.append('s', 0, from('xyz'), 3);
        await store.concat('t', ['s']);
        assert.equal(await store.length('t'), 3);
        assert.equal((await content(store, 't')).toString(), 'xyz');
        assert.equal(await store.append('t', 3, from('!'), 1), 4);
        assert.equal((await content(store, 't')).toString(), 'xyz!');
        assert.equal((await content(store, 's')).toString(), 'xyz');
      });

      test('is durable: another instance reads the target', async () => {
        await store.append('s', 0, from('durable'), 10);
        await store.concat('t', ['s', 's']);
        assert.equal((await content(await reopen(), 't')).toString(), 'durabledurable');
      });

      test('of a source that is not there rejects, and leaves the sources as they were', async () => {
        await store.append('s', 0, from('abc'), 10);
        await assert.rejects(store.concat('t', ['s', 'never']));
        assert.equal((await content(store, 's')).toString(), 'abc');
        assert.equal(await store.length('never'), undefined);
      });

      test('onto one of its own sources is refused, and that source is unchanged', async () => {
        await store.append('s', 0, from('abc'), 10);
        await store.append('o', 0, from('def'), 10);
        await assert.rejects(store.concat('s', ['s', 'o']));
        await assert.rejects(store.concat('s', ['o', 's']));
        assert.equal((await content(store, 's')).toString(), 'abc');
        assert.equal((await content(store, 'o')).toString(), 'def');
      });
    });

    test('delete removes every byte, is idempotent, touches no other blob; the key can be used again', async () => {
      await store.append('x', 0, from(bytes(2 * part + 1, 15), [4096]), 1 << 30);
      await store.append('x', 2 * part + 1, from('more'), 10);
      await store.append('xy', 0, from('neighbour'), 20);
      await store.delete('x');
      assert.equal(await store.length('x'), undefined);
      await assert.rejects(store.read('x'), BlobRangeError);
      await store.delete('x');
      await store.delete('never');
      assert.equal((await content(store, 'xy')).toString(), 'neighbour');
      assert.equal(await store.append('x', 0, from('new'), 10), 3, 'a deleted blob starts again at 0');
      assert.equal((await content(store, 'x')).toString(), 'new');
      assert.equal(await (await reopen()).length('x'), 3, 'another instance sees only the new bytes');
    });

    test('a blob of a few MiB in many chunks of odd sizes reads back whole (sha256) and by ranges', async () => {
      const data = bytes(4 * 1024 * 1024 + 321, 16);
      const cut = [0, 1_000_003, 2_900_000, data.length];
      for (let i = 0; i + 1 < cut.length; i++) {
        const reached = await store.append('big', cut[i]!, from(data.subarray(cut[i], cut[i + 1]), [1, 16_384, 777, 65_536, 3]), data.length);
        assert.equal(reached, cut[i + 1]);
      }
      assert.equal(await store.length('big'), data.length);
      assert.equal(sha256(await content(store, 'big')), sha256(data));
      const next = random(17);
      for (let i = 0; i < 12; i++) {
        const start = Math.floor(next() * data.length);
        const end = Math.min(data.length - 1, start + Math.floor(next() * 3 * part));
        assert.equal(sha256(await content(store, 'big', { start, end })), sha256(data.subarray(start, end + 1)), `range ${start}-${end}`);
      }
    });

    test('appends to different blobs at the same time each keep their own bytes', async () => {
      const keys = Array.from({ length: 8 }, (_, i) => `blob-${i}`);
      const datas = keys.map((_, i) => bytes(part + 1000 * i + 1, 100 + i));
      await Promise.all(
        keys.map(async (key, i) => {
          const data = datas[i]!;
          const quarter = Math.ceil(data.length / 4);
          for (let at = 0; at < data.length; at += quarter) {
            const end = Math.min(data.length, at + quarter);
            assert.equal(await store.append(key, at, from(data.subarray(at, end), [999]), data.length), end);
          }
        }),
      );
      for (const [i, key] of keys.entries()) sameBytes(await content(store, key), datas[i]!, key);
    });

    test('keys that begin alike are separate blobs', async () => {
      for (const key of ['a', 'ab', 'ab-c', 'ab_c', 'abc']) await store.append(key, 0, from(key + key), 20);
      for (const key of ['a', 'ab', 'ab-c', 'ab_c', 'abc']) {
        assert.equal(await store.length(key), key.length * 2, key);
        assert.equal((await content(store, key)).toString(), key + key);
      }
      await store.delete('ab');
      assert.equal(await store.length('ab-c'), 8);
      assert.equal(await store.length('a'), 2);
    });

    test('keys that are not plain names are refused by every call; 128 characters is the longest key', async () => {
      const bad = ['../x', 'a/b', '', '.', '..', 'a b', 'a\0b', '/abs', 'x'.repeat(129), 'k'.repeat(10_000)];
      await store.append('ok', 0, from('ok'), 2);
      for (const key of bad) {
        const what = JSON.stringify(key.slice(0, 20));
        await assert.rejects(store.append(key, 0, from('x'), 1), `append ${what}`);
        await assert.rejects(store.length(key), `length ${what}`);
        await assert.rejects(store.read(key), `read ${what}`);
        await assert.rejects(store.delete(key), `delete ${what}`);
        await assert.rejects(store.concat(key, ['ok']), `concat onto ${what}`);
        await assert.rejects(store.concat('t', ['ok', key]), `concat of ${what}`);
      }
      const longest = 'k'.repeat(128);
      assert.equal(await store.append(longest, 0, from('long'), 4), 4);
      assert.equal((await content(store, longest)).toString(), 'long');
      for (const key of ['A', '-', '_', 'Z9_-z']) assert.equal(await store.append(key, 0, from(key), 10), key.length, key);
    });
  });
}
