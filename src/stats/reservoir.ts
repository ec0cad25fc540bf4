/**
 * Bounded uniform sample of a stream (Vitter's Algorithm R), seeded so runs are reproducible.
 * Keeps memory flat however many values are offered: the raw samples that confidence intervals
 * and significance tests need, without keeping every execution.
 */
import { createRng, type Rng, randomInt } from "./prng.js";

export class Reservoir {
  readonly capacity: number;
  private items: number[] = [];
  private seenCount = 0;
  private readonly rng: Rng;

  constructor(capacity: number, seed = 0x5eed) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`bad reservoir capacity ${capacity}`);
    this.capacity = capacity;
    this.rng = createRng(seed);
  }

  /** How many values were offered in total (kept or not). */
  get seen(): number {
    return this.seenCount;
  }

  get size(): number {
    return this.items.length;
  }

  add(value: number): void {
    this.seenCount++;
    if (this.capacity === 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(value);
      return;
    }
    // Keep the new value with probability capacity / seen, replacing a uniformly chosen slot.
    const j = randomInt(this.rng, this.seenCount);
    if (j < this.capacity) this.items[j] = value;
  }

  /** A copy of the kept values (in no particular order). */
  values(): number[] {
    return this.items.slice();
  }

  /**
   * Merge another reservoir into this one so the result approximates a uniform sample of both
   * streams: each slot is filled from a side with probability proportional to the number of values
   * that side has seen (and still has unused kept values), drawing without replacement.
   */
  merge(other: Reservoir): void {
    const a = shuffle(this.items.slice(), this.rng);
    const b = shuffle(other.items.slice(), this.rng);
    const total = this.seenCount + other.seenCount;
    const size = Math.min(this.capacity, a.length + b.length);
    // Each kept value stands for seen/kept values of its stream.
    const weightA = a.length > 0 ? this.seenCount / a.length : 0;
    const weightB = b.length > 0 ? other.seenCount / b.length : 0;
    const out: number[] = [];
    let ia = 0;
    let ib = 0;
    while (out.length < size) {
      const remA = (a.length - ia) * weightA;
      const remB = (b.length - ib) * weightB;
      const takeA = remB === 0 || (remA > 0 && this.rng() * (remA + remB) < remA);
      out.push(takeA ? a[ia++]! : b[ib++]!);
    }
    this.items = out;
    this.seenCount = total;
  }

  /** Restore state (for deserialisation). */
  static from(capacity: number, values: readonly number[], seen: number, seed?: number): Reservoir {
    const r = new Reservoir(capacity, seed);
    r.items = values.slice(0, capacity);
    r.seenCount = Math.max(seen, r.items.length);
    return r;
  }
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}
