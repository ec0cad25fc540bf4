/**
 * Seeded pseudo-random numbers, so bootstrap intervals, reservoirs and Poisson schedules are
 * reproducible from a seed.
 */
import { mulberry32 } from "../internal/prng.js";

export type Rng = () => number;

/** Uniform [0, 1) generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  return mulberry32(seed);
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
