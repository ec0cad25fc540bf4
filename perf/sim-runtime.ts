/** A runtime on the zero-latency simulated provider in a scratch project (built-in agents). */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../src/orchestrator/runtime.js";
import * as srcRuntime from "../src/orchestrator/runtime.js";
import type { Provider } from "../src/providers/types.js";
import type { Lib } from "./lib.js";

export const AGENT = "code-reviewer";
export const TASK = "Review this function for bugs: def add(a, b): return a - b";

export async function simRuntime(
  workDir: string,
  name: string,
  opts: {
    track: boolean;
    timeScale?: number;
    provider?: Provider;
    /** The library under test (default: the sources). */
    lib?: Pick<Lib, "runtime">;
  },
): Promise<Runtime> {
  const project = join(workDir, name);
  mkdirSync(project, { recursive: true });
  return (opts.lib?.runtime ?? srcRuntime).createRuntime({
    project,
    // Benchmarks run as `bench` does (the tracker journals; DuckDB ingest waits for the end).
    command: "bench perf",
    provider: "sim",
    seed: 1,
    timeScale: opts.timeScale ?? 0,
    track: opts.track,
    providerOverride: opts.provider,
  });
}

/** Median of a list (the suite repeats noisy measurements and keeps the middle one). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
