/** The suite, in report order. */
import { coldstart } from "./coldstart.js";
import { dashboard } from "./dashboard.js";
import { distributed } from "./distributed.js";
import { loadgen } from "./loadgen.js";
import { memory } from "./memory.js";
import { openloop } from "./openloop.js";
import { overhead } from "./overhead.js";
import { streaming } from "./streaming.js";
import type { PerfBenchmark } from "./types.js";

export const BENCHMARKS: PerfBenchmark[] = [
  overhead,
  loadgen,
  streaming,
  memory,
  dashboard,
  coldstart,
  openloop,
  distributed,
];
