/**
 * A small seeded PRNG (mulberry32) with the few distributions the simulation needs. Seeds may be
 * strings: they are hashed (FNV-1a, then a murmur3 finaliser to spread similar keys) so each
 * request can get its own stream from `${seed}:${key}` regardless of the order requests run in.
 */
import { mulberry32 } from "../internal/prng.js";

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Lognormal with the given median and log-space standard deviation. */
  lognormal(median: number, sigma: number): number;
  pick<T>(items: readonly T[]): T;
}

export function hashSeed(seed: number | string): number {
  const s = typeof seed === "number" ? `n:${seed}` : seed;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const next = mulberry32(hashSeed(seed));
  const normal = (): number => {
    // 1 - next() is in (0, 1], so the log is finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}
