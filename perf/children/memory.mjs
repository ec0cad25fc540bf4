// Child process of the memory benchmark: N zero-latency executions through the bench path
// (benchmarkAgent: orchestrator, tracker journal, aggregator) on the compiled library, in a fresh
// process so its peak RSS is the run's alone. Prints one JSON line.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [libDir, project, countText, concurrencyText, ingest] = process.argv.slice(2);
const { createRuntime } = await import(join(libDir, "orchestrator/runtime.js"));
const { benchmarkAgent } = await import(join(libDir, "bench/index.js"));

/** The kernel's high-water mark of this process's RSS: the true peak, not a sampled one. */
function peakRssMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

let sampledPeak = 0;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > sampledPeak) sampledPeak = rss;
};
const count = Number(countText);
const rt = await createRuntime({
  project,
  command: "perf",
  provider: "sim",
  seed: 1,
  timeScale: 0,
  track: true,
});
const baselineMb = process.memoryUsage.rss() / 2 ** 20;
const t0 = performance.now();
const doc = await benchmarkAgent(
  rt,
  "code-reviewer",
  "Review this function for bugs: def add(a, b): return a - b",
  {
    iterations: count,
    concurrency: Number(concurrencyText),
    // Zero latency never yields to the event loop, so a timer could not sample: sample inline.
    onIteration: (e) => {
      if (e.iteration % 1000 === 0) sample();
    },
  },
);
const runMs = performance.now() - t0;
sample();
const peakRunMb = peakRssMb();
// Closing ingests the journal into DuckDB; without "ingest" the process just exits (the journal stays).
const t1 = performance.now();
if (ingest === "ingest") await rt.close();
const ingestMs = ingest === "ingest" ? performance.now() - t1 : null;
process.stdout.write(
  `${JSON.stringify({
    executions: doc.totals.executions,
    successes: doc.totals.successes,
    runMs,
    baselineMb,
    peakRunMb: Number.isFinite(peakRunMb) ? peakRunMb : sampledPeak / 2 ** 20,
    sampledPeakMb: sampledPeak / 2 ** 20,
    ingestMs,
    peakWithIngestMb: ingest === "ingest" ? peakRssMb() : null,
  })}\n`,
);
process.exit(0);
