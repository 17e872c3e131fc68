/**
 * PartChains: a final upload's SHA-256 taken while its parts arrive. Against a
 * real filesystem blob store and the real hash worker. Whatever the chain
 * guessed, a hash it gives is the SHA-256 of the named parts' bytes in the named
 * order (a fast-check model drives creations, writes recorded here or on
 * "another node", terminations and joins in any order, for two owners); and it
 * does guess the usual cases: parts joined in the order they were created,
 * written side by side in any interleaving, two files of one owner at once, a
 * part abandoned before them.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { withDeadline } from '@parley/testkit';
import { FsBlobStore } from '../src/media/blob/fs-blob-store.ts';
import { Hasher } from '../src/media/hasher.ts';
import { PartChains } from '../src/media/part-chains.ts';

const sha256 = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** A node's view: a blob store, the hash worker and the chains, and parts written through it. */
async function node() {
  const root = await mkdtemp(join(tmpdir(), 'parley-chains-'));
  const blobs = new FsBlobStore(root);
  const hasher = new Hasher();
  const chains = new PartChains(hasher, blobs);
  const parts = new Map<string, { owner: string; bytes: Buffer; written: number }>();
  let n = 0;
  return {
    chains,
    parts,
    create(owner: string, length: number): string {
      const id = `p${++n}`;
      parts.set(id, { owner, bytes: randomBytes(length), written: 0 });
      chains.created(owner, id, length);
      return id;
    },
    /** Append up to `count` more bytes of part `id`; `here` says whether this node records it (a PATCH on another node does not). */
    async write(id: string, count: number, here = true): Promise<void> {
      const p = parts.get(id)!;
      const next = Math.min(p.bytes.length, p.written + count);
      if (next > p.written) await blobs.append(id, p.written, once(p.bytes.subarray(p.written, next)), next - p.written);
      p.written = next;
      if (here) chains.recorded(p.owner, id, next, p.bytes.length);
    },
    take(owner: string, ids: string[]) {
      return withDeadline(
        chains.take(owner, ids, async () => ids.map((id) => parts.get(id)!.bytes.length)),
        `the join of ${ids.join(',')}`,
      );
    },
    expected: (ids: string[]) => sha256(...ids.map((id) => parts.get(id)!.bytes)),
    async close() {
      await hasher.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

test('PartChains › parts joined in the order they were created, written side by side in any interleaving: the hash is ready at the join', async () => {
  const n = await node();
  try {
    const ids = [3 * 1024 * 1024 + 5, 1024 * 1024, 7, 2 * 1024 * 1024].map((length) => n.create('ann', length));
    // Last part first, then the others a chunk at a time, round and round.
    await n.write(ids[3]!, Infinity);
    for (let round = 0; round < 8; round++) for (const id of [ids[1]!, ids[0]!, ids[2]!]) await n.write(id, 512 * 1024);
    const hash = await n.take('ann', ids);
    assert.ok(hash, 'the chain guessed the parts');
    assert.equal(await hash.digest(), n.expected(ids));
    assert.deepEqual(n.chains.stats, { taken: 1, missed: 0 });
  } finally {
    await n.close();
  }
});

test('PartChains › parts written on another node (not recorded here) are read at the join; a different order than created is not guessed', async () => {
  const n = await node();
  try {
    const ids = [100_000, 200_000, 300_000].map((length) => n.create('bea', length));
    await n.write(ids[0]!, 50_000); // half of the first here
    for (const id of ids) await n.write(id, Infinity, false); // the rest elsewhere
    const hash = await n.take('bea', ids);
    assert.equal(await hash!.digest(), n.expected(ids));

    const other = [10, 20].map((length) => n.create('bea', length));
    for (const id of other) await n.write(id, Infinity);
    assert.equal(await n.take('bea', [other[1]!, other[0]!]), undefined, 'joined in another order: not guessed, the caller reads');
    assert.deepEqual(n.chains.stats, { taken: 1, missed: 1 });
  } finally {
    await n.close();
  }
});

test('PartChains › two files of one owner at once, and a part abandoned before a file: each later file is still guessed', async () => {
  const n = await node();
  try {
    const a = [4000, 5000].map((length) => n.create('cy', length));
    const b = [6000, 7000].map((length) => n.create('cy', length));
    for (const id of [...b, ...a]) await n.write(id, Infinity);
    assert.equal(await (await n.take('cy', a))!.digest(), n.expected(a));
    assert.equal(await (await n.take('cy', b))!.digest(), n.expected(b), 'the rest of the chain starts over and is guessed too');

    n.create('cy', 1000); // abandoned: never written, never joined
    const c = [3000, 3000].map((length) => n.create('cy', length));
    for (const id of c) await n.write(id, Infinity);
    assert.equal(await n.take('cy', c), undefined, 'behind an abandoned part: not guessed');
    const d = [2000, 1].map((length) => n.create('cy', length));
    for (const id of d) await n.write(id, Infinity);
    assert.equal(await (await n.take('cy', d))!.digest(), n.expected(d), 'the next file starts a chain of its own');

    const e = [2000, 2000].map((length) => n.create('cy', length));
    await n.write(e[1]!, Infinity);
    n.chains.gone('cy', e[0]!); // terminated
    const f = [500, 600].map((length) => n.create('cy', length));
    for (const id of f) await n.write(id, Infinity);
    assert.equal(await (await n.take('cy', [e[1]!, ...f]))!.digest(), n.expected([e[1]!, ...f]), 'a terminated part leaves the chain');
  } finally {
    await n.close();
  }
});

test('PartChains › model: whatever happens, a hash given is the SHA-256 of the named parts in the named order, and every join settles', async () => {
  const owners = ['o1', 'o2'];
  // Weighted towards what clients do (create the parts, send them, join them in order), so that guesses are often
  // right and their hashes checked, with the rest (reversed and picked joins, terminations, bytes recorded elsewhere) mixed in.
  const command = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('create' as const), owner: fc.constantFrom(...owners), length: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(1024 * 1024 + 1)) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('write' as const), pick: fc.nat(), count: fc.integer({ min: 1, max: 4000 }), here: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('finish' as const), pick: fc.nat(), here: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('take' as const), owner: fc.constantFrom(...owners), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), order: fc.constantFrom('created', 'created', 'reversed', 'picked') }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('gone' as const), pick: fc.nat() }) },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
      const n = await node();
      const live = new Map<string, string>(); // part id -> owner, not yet joined or terminated
      const batches = new Map<string, string[]>(); // owner -> the parts they created since their last join
      const pickLive = (pick: number, owner?: string) => {
        const ids = [...live].filter(([, o]) => owner === undefined || o === owner).map(([id]) => id);
        return ids.length === 0 ? undefined : ids[pick % ids.length];
      };
      try {
        for (const c of commands) {
          if (c.op === 'create') {
            const id = n.create(c.owner, c.length);
            live.set(id, c.owner);
            batches.set(c.owner, [...(batches.get(c.owner) ?? []), id]);
          } else if (c.op === 'write' || c.op === 'finish') {
            const id = pickLive(c.pick);
            if (id) await n.write(id, c.op === 'finish' ? Infinity : c.count, c.here);
          } else if (c.op === 'gone') {
            const id = pickLive(c.pick);
            if (id) {
              live.delete(id);
              n.chains.gone(n.parts.get(id)!.owner, id);
            }
          } else {
            // A join of the owner's complete parts (as the store allows): the first ones in creation order, or reversed, or any picked.
            const isComplete = (id: string) => live.has(id) && n.parts.get(id)!.written === n.parts.get(id)!.bytes.length;
            const complete = [...live.keys()].filter((id) => live.get(id) === c.owner && isComplete(id));
            if (complete.length === 0) continue;
            // "created": the parts the owner created since their last join (a client's current file), in order.
            const recent = (batches.get(c.owner) ?? []).filter(isComplete);
            const first = (recent.length > 0 ? recent : complete).slice(0, c.picks.length);
            batches.set(c.owner, []);
            const chosen = c.order === 'created' ? first : c.order === 'reversed' ? first.reverse() : [...new Set(c.picks.map((p) => complete[p % complete.length]!))];
            const hash = await n.take(c.owner, chosen);
            for (const id of chosen) live.delete(id);
            if (hash) assert.equal(await hash.digest(), n.expected(chosen), `the join of ${chosen.join(',')}`);
          }
        }
      } finally {
        await n.close();
      }
    }),
    { numRuns: 200, seed: 20261201 },
  );
});
