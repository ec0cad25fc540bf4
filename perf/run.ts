/**
 * `npm run perf`: the harness performance suite. Runs the benchmarks (all, or `--only a,b`), writes
 * each one's numbers to perf/results/<id>.json and regenerates docs/PERFORMANCE.md from every stored
 * result. `--quick` uses smaller counts. Run with --expose-gc (the npm script does).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BENCHMARKS } from "./benchmarks.js";
import { loadLib } from "./lib.js";
import { currentLoad, machineInfo } from "./machine.js";
import { renderPerformanceDoc, type StoredResult } from "./report.js";
import type { PerfResult } from "./types.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(root, "perf", "results");
const ids = BENCHMARKS.map((b) => b.id);

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "doc-only": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    `usage: npm run perf -- [--only ${ids.join(",")}] [--quick] [--no-build] [--doc-only]\n` +
      "Writes perf/results/<id>.json and docs/PERFORMANCE.md (--doc-only: only the document, from stored results).\n",
  );
  process.exit(0);
}
const only = values["doc-only"] ? [] : values.only ? values.only.split(",").map((s) => s.trim()) : ids;
const unknown = only.filter((id) => !ids.includes(id));
if (unknown.length > 0) {
  process.stderr.write(`perf: unknown benchmark ${unknown.join(", ")} (known: ${ids.join(", ")})\n`);
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
if (only.includes("coldstart") && !values["no-build"]) {
  log("building (npm run build) for the cold-start benchmark...");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

const lib = await loadLib(root, "dist");
mkdirSync(resultsDir, { recursive: true });
const workDir = mkdtempSync(join(tmpdir(), "claude-force-perf-"));
try {
  for (const bench of BENCHMARKS.filter((b) => only.includes(b.id))) {
    log(`\n[${bench.id}] ${bench.title}`);
    const machine = machineInfo();
    const timestamp = new Date().toISOString();
    let result: PerfResult;
    const t0 = performance.now();
    try {
      result = await bench.run({ quick: values.quick, workDir, root, lib, log });
    } catch (err) {
      const e = err as Error;
      log(`  error: ${e.stack ?? e.message}`);
      result = {
        id: bench.id,
        title: bench.title,
        reference: "-",
        metrics: [],
        params: {},
        limits: [],
        details: {},
        durationMs: performance.now() - t0,
        error: e.message,
      };
    }
    machine.loadEnd = currentLoad();
    const stored: StoredResult = { ...result, timestamp, quick: values.quick, machine };
    writeFileSync(join(resultsDir, `${bench.id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
    for (const m of result.metrics)
      log(
        `  ${m.pass === null ? "info" : m.pass ? "PASS" : "MISS"}  ${m.name}: ${m.measured.toFixed(2)} ${m.unit}` +
          `${m.target ? ` (target ${m.target})` : ""}${m.reference !== null ? ` [reference ${m.reference.toFixed(2)}]` : ""}`,
      );
    (globalThis as { gc?: () => void }).gc?.();
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const stored = readdirSync(resultsDir)
  .filter((f) => f.endsWith(".json") && ids.includes(f.slice(0, -5)))
  .map((f) => JSON.parse(readFileSync(join(resultsDir, f), "utf8")) as StoredResult);
const docPath = join(root, "docs", "PERFORMANCE.md");
writeFileSync(docPath, renderPerformanceDoc(stored, ids));
log(`\nwrote ${docPath}`);
// Sockets, timers and child processes of the benchmarks are all closed; exit without waiting on stragglers.
process.exit(0);
