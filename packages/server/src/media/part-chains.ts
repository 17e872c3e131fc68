/**
 * The SHA-256 of a final upload, taken while its parts arrive instead of after.
 *
 * A final upload (tus concatenation) is its partial uploads' bytes in the order
 * the final names them, and SHA-256 cannot be joined from the parts' own hashes:
 * it has to run over the bytes in that order. Done at the join, it reads the
 * whole file again after the last part arrived (a 100 MiB file: ~75 ms here,
 * as long as the disk took to write it). The order is known only at the join,
 * but clients create the parts in it (the SDK one after the other, tus-js-client
 * and the bench side by side, in practice in order), so this guesses:
 *
 * - A **chain** per owner on this node: the partial uploads they created here,
 *   in the order they were created, not yet consumed. One running hash follows
 *   it: it takes the first part's bytes as they are recorded, and once that part
 *   is complete, the next part's, and so on — reading them back from the blob
 *   (from the page cache, just written), never from a request body, so it hashes
 *   exactly the stored bytes below each recorded offset, which never change.
 *   At each part's end it forks the hash (`RunningHash.fork`): the hash of the
 *   first k parts, for a final made of them.
 * - At the join, `take(owner, parts)`: if the final's parts are the chain's
 *   first parts in the same order, the fork after the last of them is the
 *   final's hash (waited for if the chain is still reading the last bytes).
 *   Otherwise undefined, and the caller reads the joined blob as before. Either
 *   way the consumed parts leave the chain; what is left starts a new one.
 *
 * Only a guess can be wrong, never the hash: a chain that does not match is
 * not used. Chains live in memory on the node that took the creations and the
 * PATCHes; a part written on another node, a restart, a worker failure or a
 * terminated part in the way drops or bypasses the chain, and the join reads.
 * Bounded: chains for at most MAX_OWNERS owners (least recently used dropped),
 * each of at most MAX_PARTS parts.
 */
import { BoundedMap } from '../bounded-map.ts';
import { BULK_READ_BYTES, type BlobStore } from './blob-store.ts';
import type { Hasher, RunningHash } from './hasher.ts';

const MAX_OWNERS = 1000;
const MAX_PARTS = 64;

interface Part {
  id: string;
  /** Declared length; null while deferred. */
  length: number | null;
  /** Bytes recorded (durable, acknowledged): the chain reads no further. */
  recorded: number;
}

interface Chain {
  parts: Part[];
  /** The part being hashed, and how far into it. */
  at: number;
  offset: number;
  hash: RunningHash;
  /** The hash after the first k + 1 parts, at index k. */
  forks: RunningHash[];
  /** Takers waiting for a fork: resolved with it, or undefined if the chain breaks. */
  waiting: { count: number; resolve(fork: RunningHash | undefined): void }[];
  reading: boolean;
  /** Work arrived while reading: read again before stopping. */
  again: boolean;
  broken: boolean;
}

export class PartChains {
  private readonly chains = new BoundedMap<string, Chain>(MAX_OWNERS);
  /** Finals whose hash came from a chain, and finals that had to be read (TEST/DIAGNOSTIC). */
  readonly stats = { taken: 0, missed: 0 };

  constructor(
    private readonly hasher: Hasher,
    private readonly blobs: BlobStore,
  ) {}

  /** A partial upload was created: it joins its owner's chain. */
  created(ownerId: string, id: string, length: number | null): void {
    const chain = this.chains.get(ownerId);
    if (!chain || chain.broken) {
      this.chains.set(ownerId, this.chain([{ id, length, recorded: 0 }]));
      return;
    }
    if (chain.parts.length >= MAX_PARTS) return this.drop(ownerId, chain);
    chain.parts.push({ id, length, recorded: 0 });
    this.read(chain);
  }

  /** A partial upload's offset was recorded (and its length, once declared). */
  recorded(ownerId: string, id: string, offset: number, length: number | null): void {
    const chain = this.chains.get(ownerId);
    const part = chain?.parts.find((p) => p.id === id);
    if (!chain || !part) return;
    part.recorded = Math.max(part.recorded, offset);
    part.length = length;
    this.read(chain);
  }

  /** A partial upload was terminated or went away: a chain through it can no longer be used. */
  gone(ownerId: string, id: string): void {
    const chain = this.chains.get(ownerId);
    if (chain?.parts.some((p) => p.id === id)) this.restart(ownerId, chain, new Set([id]));
  }

  /**
   * The hash of a final made of `partIds` (every one complete in the store;
   * `lengthsOf` gives their lengths), if the chain guessed them; undefined if not.
   * The parts leave the chain either way; on a wrong guess the whole chain
   * goes (a part abandoned at its head would spoil every guess after it).
   */
  async take(ownerId: string, partIds: readonly string[], lengthsOf: () => Promise<number[]>): Promise<RunningHash | undefined> {
    const chain = this.chains.get(ownerId);
    const matches = chain !== undefined && !chain.broken && partIds.length <= chain.parts.length && partIds.every((id, i) => chain.parts[i]!.id === id);
    if (!matches) {
      if (chain) this.drop(ownerId, chain);
      this.stats.missed++;
      return undefined;
    }
    const parts = chain.parts.slice(0, partIds.length);
    if (parts.some((p) => p.length === null || p.recorded < p.length)) {
      // Complete in the store: every byte is recorded, though a PATCH on another node did not say so here.
      const lengths = await lengthsOf();
      if (lengths.length !== parts.length || parts.some((p, i) => !(lengths[i]! >= p.recorded) || (p.length !== null && p.length !== lengths[i]))) {
        this.drop(ownerId, chain);
        this.stats.missed++;
        return undefined;
      }
      parts.forEach((p, i) => Object.assign(p, { length: lengths[i]!, recorded: lengths[i]! }));
      this.read(chain);
    }
    // A chain broken meanwhile (a part terminated) resolves no more waiters: only a fork it made before counts.
    const fork =
      chain.forks[parts.length - 1] ??
      (chain.broken ? undefined : await new Promise<RunningHash | undefined>((resolve) => chain.waiting.push({ count: parts.length, resolve })));
    const current = this.chains.get(ownerId);
    if (current) this.restart(ownerId, current, new Set(partIds));
    if (fork) this.stats.taken++;
    else this.stats.missed++;
    return fork;
  }

  private chain(parts: Part[]): Chain {
    const chain: Chain = { parts, at: 0, offset: 0, hash: this.hasher.start(), forks: [], waiting: [], reading: false, again: false, broken: false };
    this.read(chain);
    return chain;
  }

  /** Drop `leaving` from the owner's chain and hash the rest from its start again. */
  private restart(ownerId: string, chain: Chain, leaving: ReadonlySet<string>): void {
    this.break(chain);
    const rest = chain.parts.filter((p) => !leaving.has(p.id));
    if (rest.length === 0) this.chains.delete(ownerId);
    else this.chains.set(ownerId, this.chain(rest.map((p) => ({ ...p }))));
  }

  private drop(ownerId: string, chain: Chain): void {
    this.break(chain);
    if (this.chains.get(ownerId) === chain) this.chains.delete(ownerId); // not a newer one made meanwhile
  }

  private break(chain: Chain): void {
    chain.broken = true;
    for (const w of chain.waiting.splice(0)) w.resolve(undefined);
  }

  /** Hash whatever is recorded and not yet hashed, part after part; one reader per chain. */
  private read(chain: Chain): void {
    if (chain.broken) return;
    if (chain.reading) {
      chain.again = true;
      return;
    }
    chain.reading = true;
    void (async () => {
      try {
        do {
          chain.again = false;
          await this.advance(chain);
        } while (chain.again && !chain.broken);
      } catch {
        this.break(chain); // a read failed or the worker is gone: the join reads the blob
      } finally {
        chain.reading = false;
      }
    })();
  }

  private async advance(chain: Chain): Promise<void> {
    for (;;) {
      if (chain.broken) return;
      const part = chain.parts[chain.at];
      if (!part) return;
      if (chain.offset < part.recorded) {
        const stream = await this.blobs.read(part.id, { start: chain.offset, end: part.recorded - 1 }, { chunkBytes: BULK_READ_BYTES });
        for await (const bytes of stream) {
          if (chain.broken) {
            stream.destroy();
            return;
          }
          await chain.hash.update(bytes as Uint8Array);
          chain.offset += (bytes as Uint8Array).length;
        }
        continue;
      }
      if (part.length === null || chain.offset < part.length) return; // more to come
      chain.forks.push(chain.hash.fork());
      chain.at++;
      chain.offset = 0;
      for (const w of chain.waiting.filter((w) => w.count === chain.forks.length)) w.resolve(chain.forks[w.count - 1]);
      chain.waiting = chain.waiting.filter((w) => w.count > chain.forks.length);
    }
  }
}
