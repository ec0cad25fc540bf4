import { createRuntime } from "../dist/orchestrator/runtime.js";
import { startProfiling, formatProfileSummary } from "../dist/profiling/index.js";
import { mkdtempSync } from "node:fs";
const rt = await createRuntime({ project: mkdtempSync("/tmp/ovh-"), command: "perf", provider: "sim", seed: 1, timeScale: 0, track: true });
const o = rt.orchestrator;
const A = "code-reviewer", T = "Review this function for bugs: def add(a, b): return a - b";
for (let i = 0; i < 20000; i++) await o.executeAgent(A, T, { iteration: i });
for (let r = 0; r < 3; r++) {
const t0 = performance.now();
for (let i = 0; i < 50000; i++) await o.executeAgent(A, T, { iteration: i });
console.log(((performance.now() - t0) * 1000 / 50000).toFixed(2), "µs/exec");
}
if (process.argv[2]) {
const prof = await startProfiling({ outDir: "/tmp/ovhprof", name: "ovhd", samplingIntervalUs: 100 });
for (let i = 0; i < 50000; i++) await o.executeAgent(A, T, { iteration: i });
console.log(formatProfileSummary(await prof.stop()).join("\n"));
}
process.exit(0);
