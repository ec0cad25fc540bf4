/**
 * LatencyRecorder: constant-memory latency statistics for any number of executions.
 *
 * Values arrive in milliseconds and are recorded in an HDR histogram as integer microseconds with 3
 * significant digits, so every percentile is within 0.1% of the exact nearest-rank value (see
 * percentile.ts for THE percentile definition). Count, mean, stdev, min and max are tracked exactly
 * beside it. A bounded, seeded reservoir keeps raw samples for bootstrap confidence intervals and
 * significance tests. Pure-JS histogram (64-bit counts): ~0.2 µs per record here, no WASM memory to
 * free; the WASM build only pays off for millions of records per second.
 */
import {
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  Float64Histogram,
  type JsHistogram,
} from "hdr-histogram-js";
import type { HistogramBuckets, LatencyStats } from "../bench/types.js";
import { bootstrapQuantileCIs } from "./bootstrap.js";
import { emptyStats } from "./percentile.js";
import { Reservoir } from "./reservoir.js";

/** Initial trackable range (1 minute); the histogram resizes itself past it. */
const INITIAL_MAX_US = 60_000_000;
/** Values above one day are capped: they are bugs or hung calls, and must not blow up memory. */
export const MAX_RECORDABLE_MS = 86_400_000;
const DEFAULT_MAX_SAMPLES = 10_000;
const DEFAULT_SEED = 0x5eed;

export interface LatencyRecorderOptions {
  /** Bounded reservoir of raw ms samples for CIs and tests (default 10,000; 0 = none). */
  maxSamples?: number;
  seed?: number;
}

/** Serialised form (for distributed runs): the HDR histogram as compressed base64 plus exact moments. */
export interface LatencyRecorderJSON {
  version: 1;
  histogram: string;
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  maxSamples: number;
  seed: number;
  samples: number[];
  seen: number;
}

export class LatencyRecorder {
  private hist: JsHistogram;
  private n = 0;
  private meanMs = 0;
  /** Sum of squared deviations (Welford), for an exact, numerically stable stdev. */
  private m2 = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = Number.NEGATIVE_INFINITY;
  private reservoir: Reservoir;
  private readonly seed: number;

  constructor(opts: LatencyRecorderOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.reservoir = new Reservoir(opts.maxSamples ?? DEFAULT_MAX_SAMPLES, this.seed);
    this.hist = newHistogram();
  }

  /**
   * Record one latency in ms. Negatives (clock skew) become 0, values above a day are capped at
   * MAX_RECORDABLE_MS, and NaN is ignored (it carries no latency).
   */
  record(ms: number): void {
    if (Number.isNaN(ms)) return;
    const v = Math.min(MAX_RECORDABLE_MS, Math.max(0, ms));
    this.hist.recordValue(Math.round(v * 1000));
    this.n++;
    const d = v - this.meanMs;
    this.meanMs += d / this.n;
    this.m2 += d * (v - this.meanMs);
    if (v < this.minMs) this.minMs = v;
    if (v > this.maxMs) this.maxMs = v;
    this.reservoir.add(v);
  }

  get count(): number {
    return this.n;
  }

  /**
   * Summary in ms. Percentiles are HDR nearest-rank values (highest value equivalent to the bucket,
   * clamped to the exact min/max); `stdev` is the sample standard deviation. With `ci`, `ci95` holds
   * percentile-bootstrap 95% intervals for p50 and p95 over the reservoir (null without samples).
   */
  stats(opts: { ci?: boolean; seed?: number } = {}): LatencyStats {
    if (this.n === 0) return opts.ci ? { ...emptyStats(), ci95: null } : emptyStats();
    const at = (p: number) => this.clampMs(this.hist.getValueAtPercentile(p) / 1000);
    const out: LatencyStats = {
      count: this.n,
      mean: this.meanMs,
      stdev: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0,
      min: this.minMs,
      max: this.maxMs,
      p50: at(50),
      p90: at(90),
      p95: at(95),
      p99: at(99),
      p999: at(99.9),
    };
    if (opts.ci) {
      const samples = this.reservoir.values();
      if (samples.length === 0) out.ci95 = null;
      else {
        const [p50, p95] = bootstrapQuantileCIs(samples, [0.5, 0.95], { seed: opts.seed ?? this.seed });
        out.ci95 = { p50: p50!, p95: p95! };
      }
    }
    return out;
  }

  /**
   * Histogram for charts: at most `maxBuckets` buckets between min and max (Rice rule 2·n^⅓ for
   * small counts), log-spaced when max/min > 20 (latency tails are long), linear otherwise.
   */
  buckets(maxBuckets = 40): HistogramBuckets {
    if (this.n === 0) return [];
    const lo = this.minMs;
    const hi = this.maxMs;
    if (hi - lo < 0.001) return [[round3(lo), round3(hi), this.n]];
    const k = Math.max(1, Math.min(maxBuckets, Math.ceil(2 * Math.cbrt(this.n))));
    const log = lo > 0 && hi / lo > 20;
    const edge = (i: number) => (log ? lo * (hi / lo) ** (i / k) : lo + ((hi - lo) * i) / k);
    const edges = Array.from({ length: k + 1 }, (_, i) => edge(i));
    const counts = new Array<number>(k).fill(0);
    const it = this.hist.recordedValuesIterator;
    it.reset();
    while (it.hasNext()) {
      const step = it.next();
      const v = this.clampMs(this.hist.medianEquivalentValue(step.valueIteratedTo) / 1000);
      const pos = log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
      const idx = Math.min(k - 1, Math.max(0, Math.floor(pos * k)));
      counts[idx]! += step.countAtValueIteratedTo;
    }
    return counts.map((c, i) => [round3(edges[i]!), round3(edges[i + 1]!), c]);
  }

  /** A copy of the reservoir's raw samples (ms). */
  samples(): number[] {
    return this.reservoir.values();
  }

  /** Add another recorder's data: the histograms and moments merge exactly, reservoirs as a weighted sample. */
  merge(other: LatencyRecorder): void {
    if (other.n === 0) return;
    this.hist.add(other.hist);
    const n = this.n + other.n;
    const d = other.meanMs - this.meanMs;
    this.m2 += other.m2 + (d * d * this.n * other.n) / n;
    this.meanMs += (d * other.n) / n;
    this.n = n;
    this.minMs = Math.min(this.minMs, other.minMs);
    this.maxMs = Math.max(this.maxMs, other.maxMs);
    this.reservoir.merge(other.reservoir);
  }

  toJSON(): LatencyRecorderJSON {
    return {
      version: 1,
      histogram: encodeIntoCompressedBase64(this.hist),
      count: this.n,
      mean: this.meanMs,
      m2: this.m2,
      min: this.n ? this.minMs : 0,
      max: this.n ? this.maxMs : 0,
      maxSamples: this.reservoir.capacity,
      seed: this.seed,
      samples: this.reservoir.values(),
      seen: this.reservoir.seen,
    };
  }

  static fromJSON(json: LatencyRecorderJSON): LatencyRecorder {
    if (json?.version !== 1) throw new TypeError("unsupported LatencyRecorder JSON version");
    const r = new LatencyRecorder({ maxSamples: json.maxSamples, seed: json.seed });
    if (json.count > 0) {
      const decoded = decodeFromCompressedBase64(json.histogram, 64) as unknown as JsHistogram;
      decoded.autoResize = true;
      r.hist = decoded;
      r.n = json.count;
      r.meanMs = json.mean;
      r.m2 = json.m2;
      r.minMs = json.min;
      r.maxMs = json.max;
    }
    r.reservoir = Reservoir.from(json.maxSamples, json.samples, json.seen, json.seed);
    return r;
  }

  private clampMs(v: number): number {
    return Math.min(this.maxMs, Math.max(this.minMs, v));
  }
}

function newHistogram(): JsHistogram {
  const h = new Float64Histogram(1, INITIAL_MAX_US, 3);
  h.autoResize = true;
  return h;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
