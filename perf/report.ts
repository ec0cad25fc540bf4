/** docs/PERFORMANCE.md from the stored results of every benchmark. */
import type { MachineInfo } from "./machine.js";
import { LIMIT_NOTES } from "./notes.js";
import type { PerfMetric, PerfResult } from "./types.js";

export interface StoredResult extends PerfResult {
  timestamp: string;
  quick: boolean;
  machine: MachineInfo;
}

function num(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return "-";
  const abs = Math.abs(x);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  const text = x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${text} ${unit}`;
}

function verdict(m: PerfMetric): string {
  return m.pass === null ? "info" : m.pass ? "PASS" : "**MISS**";
}

export function renderPerformanceDoc(results: StoredResult[], order: string[]): string {
  const sorted = [...results].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const machine = sorted[0]?.machine;
  const dates = [...new Set(sorted.map((r) => r.timestamp.slice(0, 10)))].join(", ");
  const out: string[] = [
    "# Performance of the claude-force harness",
    "",
    "Benchmarks of claude-force itself (not of Claude): they show that what a benchmark run measures is",
    "the system under test and not the harness. Every number below was measured by `npm run perf`",
    "(`perf/run.ts`) against a reference measured in the same run on the same machine. This file is",
    "generated; rerun `npm run perf` (or `npm run perf -- --only overhead,memory --quick`) to refresh it.",
    "",
    "## Machine",
    "",
  ];
  if (machine) {
    const loads = sorted.map(
      (r) => `${r.machine.loadStart.toFixed(1)}-${(r.machine.loadEnd ?? 0).toFixed(1)}`,
    );
    out.push(
      "| | |",
      "| --- | --- |",
      `| CPU | ${machine.cpu} |`,
      `| Cores | ${machine.cores} |`,
      `| Memory | ${machine.memoryGb.toFixed(1)} GB |`,
      `| Node.js | ${machine.node} |`,
      `| OS | ${machine.os} |`,
      `| Date | ${dates} |`,
      `| 1-min load average during the runs | ${loads.join(", ")} |`,
      "",
      "The machine is shared: a load average above the core count means other processes competed for",
      "the CPU, which inflates every latency and deflates every rate below.",
      "",
    );
  }
  out.push(
    "## Results",
    "",
    "| # | Benchmark | Metric | Target | Measured | Reference | Result |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  );
  sorted.forEach((r, i) => {
    if (r.error) {
      out.push(`| ${i + 1} | ${r.title} | - | - | error: ${r.error.replace(/\|/g, "/")} | - | **ERROR** |`);
      return;
    }
    for (const m of r.metrics)
      out.push(
        `| ${i + 1} | ${r.title}${r.quick ? " (quick)" : ""} | ${m.name} | ${m.target ? `${m.target} ${m.unit}`.replace(/ x$/, "x") : "-"} | ${num(m.measured, m.unit)} | ${num(m.reference, m.unit)} | ${verdict(m)} |`,
      );
  });
  out.push("");
  sorted.forEach((r, i) => {
    out.push(`### ${i + 1}. ${r.title}`, "");
    out.push(
      `Measured ${r.timestamp}${r.quick ? " in quick mode" : ""}, in ${(r.durationMs / 1000).toFixed(1)} s.`,
    );
    out.push(`Reference: ${r.reference}.`, "");
    const params = Object.entries(r.params).map(([k, v]) => `${k} ${v}`);
    if (params.length > 0) out.push(`Parameters: ${params.join(", ")}.`, "");
    const missed = r.error !== undefined || r.metrics.some((m) => m.pass === false);
    const limits = [...r.limits, ...(missed ? (LIMIT_NOTES[r.id] ?? []) : [])];
    if (limits.length > 0) {
      out.push(missed ? "What limits it:" : "Notes:", "");
      for (const l of limits) out.push(`- ${l}`);
      out.push("");
    }
  });
  out.push(
    "## Reproducing",
    "",
    "```",
    "npm ci && npm run perf                      # the whole suite, a few minutes on 2 cores",
    "npm run perf -- --only overhead,memory      # some benchmarks",
    "npm run perf -- --quick                     # smaller counts, to try it fast",
    "```",
    "",
    "Raw numbers per benchmark: `perf/results/<id>.json`.",
    "",
    "## Profiling claude-force",
    "",
    "`claude-force profile [--cpu] [--heap] [--out DIR] -- <command...>` runs any command in-process under",
    "the inspector and writes `<name>.cpuprofile` (open in Chrome DevTools or speedscope),",
    "`<name>.flame.html` (a self-contained flame graph) and, with `--heap`, `<name>.heapprofile`",
    "(DevTools' Memory tab); it prints peak RSS and heap, event-loop delay p50/p99, GC pauses and the",
    "top functions by self time. The same summary is what `startProfiling` (src/profiling) returns",
    "for a results document's `profile` field. The notes above came from profiles made this way.",
    "",
  );
  return out.join("\n");
}
