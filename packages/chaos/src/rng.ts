/** A small seeded PRNG (mulberry32), so a chaos run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed of its own for one consumer of randomness (`sender:user0-dev1`,
 * `nemesis`, `proxy:tcp`, …), derived from the run's seed and the consumer's
 * name (FNV-1a). Each consumer draws from its own stream, so what one draws does
 * not depend on how the others' draws interleave in time. Never 0 (the server
 * reads a crash seed of 0 as "unseeded").
 */
export function deriveSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0 || 1;
}

/** The seeded stream of one named consumer of a run. */
export function streamOf(seed: number, name: string): () => number {
  return seededRandom(deriveSeed(seed, name));
}

/**
 * Draws in rounds: each round is a shuffle of `kinds` (from `random`), so every
 * kind comes once a run lasts one round, and no kind twice before all the others.
 */
export function inRounds<T>(kinds: readonly T[], random: () => number): () => T {
  let round: T[] = [];
  return () => {
    if (round.length === 0) {
      round = [...kinds];
      for (let i = round.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [round[i], round[j]] = [round[j]!, round[i]!];
      }
    }
    return round.pop()!;
  };
}
