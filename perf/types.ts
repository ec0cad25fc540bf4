/** What every harness benchmark returns: targets checked against measurements and a same-run reference. */
import type { Lib } from "./lib.js";

export interface PerfOptions {
  /** Smaller counts and shorter windows, for trying the suite or the smoke test. */
  quick: boolean;
  /** Scratch space (temp project, journals, server logs). */
  workDir: string;
  /** Repository root (for bin/, dist/). */
  root: string;
  /** The library under test (compiled dist/ in the suite). */
  lib: Lib;
  log: (line: string) => void;
}

export interface PerfMetric {
  name: string;
  unit: string;
  measured: number;
  /** The same quantity for the reference (bare loop, autocannon, `node -e 0`, ...), when comparable. */
  reference: number | null;
  /** Human target such as "< 20" or ">= 0.5x reference"; null for an informational row. */
  target: string | null;
  pass: boolean | null;
}

export interface PerfResult {
  id: string;
  title: string;
  /** What the reference is. */
  reference: string;
  metrics: PerfMetric[];
  /** Workload parameters, so a number can be reproduced. */
  params: Record<string, string | number | boolean>;
  /** For a miss: what limits it (from profiling). Filled by the benchmark or the runner. */
  limits: string[];
  /** Free-form extra numbers. */
  details: Record<string, unknown>;
  durationMs: number;
  error?: string;
}

export interface PerfBenchmark {
  id: string;
  title: string;
  run(opts: PerfOptions): Promise<PerfResult>;
}

/** A metric row with its pass/fail decided from a comparison. */
export function metric(
  name: string,
  unit: string,
  measured: number,
  reference: number | null,
  target: { text: string; ok: (measured: number) => boolean } | null,
): PerfMetric {
  return {
    name,
    unit,
    measured,
    reference,
    target: target?.text ?? null,
    pass: target ? target.ok(measured) : null,
  };
}

export const below = (limit: number) => ({ text: `< ${limit}`, ok: (x: number) => x < limit });
export const atLeast = (limit: number) => ({ text: `>= ${limit}`, ok: (x: number) => x >= limit });
