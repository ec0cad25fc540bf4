/**
 * Seeded pseudo-random numbers, so bootstrap intervals, reservoirs and Poisson schedules are
 * reproducible from a seed. mulberry32: tiny, fast, 32-bit state; plenty for statistics here
 * (not for cryptography).
 */
export type Rng = () => number;

/** Uniform [0, 1) generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Exponentially distributed value with the given mean (inter-arrival gaps of a Poisson process). */
export function exponential(rng: Rng, mean: number): number {
  // 1 - u is in (0, 1], so the log is finite.
  return -Math.log(1 - rng()) * mean;
}

/** A seed for when the caller gave none: varies per call, still a valid 32-bit seed. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
