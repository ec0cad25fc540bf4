/** The suite, in report order. */
import { overhead } from "./overhead.js";
import type { PerfBenchmark } from "./types.js";

export const BENCHMARKS: PerfBenchmark[] = [overhead];
