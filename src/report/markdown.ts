/**
 * The PR-comment Markdown: the guide's table (Scenario | Success Rate | Avg Time | Cost) plus p95,
 * with ▲/▼ deltas and the verdict when a baseline comparison is given. Capped to fit a GitHub comment.
 */
import type { ResultsDocument } from "../bench/types.js";
import { redact } from "../internal/redact.js";
import type { Comparison, ComparisonRow, Verdict } from "../regress/types.js";
import { fmtDelta, fmtMetric, fmtMs, fmtPct, fmtUsd } from "./format.js";
import { loadLabel, providerLabel } from "./summary.js";

/** GitHub rejects comments over 65,536 characters; stay clearly below. */
export const MARKDOWN_LIMIT = 65_000;

export interface MarkdownOptions {
  comparison?: Comparison | null;
  /** Defaults to MARKDOWN_LIMIT. */
  maxLength?: number;
}

const VERDICT_LABEL: Record<Verdict, string> = {
  ok: "ok",
  improved: "✅ improved",
  regressed: "❌ regressed",
  budget_failed: "❌ budget failed",
  insufficient_data: "⚠️ insufficient data",
  missing: "⚠️ missing",
};

/** Text inside a table cell: no pipes or newlines to break the row, no raw HTML. */
export function mdCell(text: string): string {
  return redact(text)
    .replace(/[\r\n]+/g, " ")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("|", "\\|");
}

function withDelta(text: string, row: ComparisonRow | undefined): string {
  if (!row) return text;
  const flag = row.verdict === "regressed" || row.verdict === "budget_failed" ? " ❌" : "";
  return `${text} ${fmtDelta(row.ratio)}${flag}`;
}

export function renderMarkdown(doc: ResultsDocument, opts: MarkdownOptions = {}): string {
  const limit = opts.maxLength ?? MARKDOWN_LIMIT;
  const comparison = opts.comparison ?? null;
  const rowFor = (scenario: string, metric: string) =>
    comparison?.rows.find((r) => r.scenario === scenario && r.metric === metric);
  const run = doc.run;

  const head = [
    "## Performance Benchmark Results",
    "",
    `Provider: **${mdCell(providerLabel(doc))}** · run \`${mdCell(run.id)}\`` +
      `${run.gitCommit ? ` · commit \`${mdCell(run.gitCommit.slice(0, 12))}\`` : ""} · ${mdCell(run.startedAt)}`,
    "",
    "| Scenario | Success Rate | Avg Time | P95 | Cost |",
    "|----------|--------------|----------|-----|------|",
  ];
  const scenarioRows = doc.scenarios.map((s) => {
    const m = s.summary;
    return `| ${mdCell(s.name)} | ${withDelta(fmtPct(m.success_rate), rowFor(s.name, "success_rate"))} | ${withDelta(
      fmtMs(m.mean_time_ms),
      rowFor(s.name, "mean_time_ms"),
    )} | ${withDelta(fmtMs(m.p95_time_ms), rowFor(s.name, "p95_time_ms"))} | ${withDelta(
      fmtUsd(m.total_cost),
      rowFor(s.name, "total_cost"),
    )} |`;
  });
  if (scenarioRows.length === 0) scenarioRows.push("| _no scenarios in this run_ | | | | |");
  const totals = [
    "",
    `**Total:** ${doc.totals.executions} executions, ${fmtPct(doc.totals.successRate)} success, ${fmtUsd(
      doc.totals.totalCost,
    )}${run.simulated ? " _(simulated provider: numbers model Claude, they are not measurements)_" : ""}`,
  ];

  const blocks: Array<{ head: string[]; rows: string[] }> = [
    { head, rows: scenarioRows },
    { head: totals, rows: [] },
  ];
  blocks.push(...throughputAndLoadBlocks(doc));
  if (comparison) blocks.push(comparisonBlock(comparison));
  return fitToLimit(blocks, limit);
}

function throughputAndLoadBlocks(doc: ResultsDocument): Array<{ head: string[]; rows: string[] }> {
  const blocks: Array<{ head: string[]; rows: string[] }> = [];
  if (doc.throughput?.length)
    blocks.push({
      head: [
        "",
        "### Throughput",
        "",
        "| Concurrency | Tasks/s | Success Rate | P50 | P95 |",
        "|-------------|---------|--------------|-----|-----|",
      ],
      rows: doc.throughput.map(
        (t) =>
          `| ${t.concurrency} | ${t.tasksPerSecond.toFixed(2)} | ${fmtPct(t.successRate)} | ${fmtMs(t.latency.p50)} | ${fmtMs(
            t.latency.p95,
          )} |`,
      ),
    });
  if (doc.load?.length)
    blocks.push({
      head: [
        "",
        "### Load",
        "",
        "| Load | Throughput/s | Success Rate | P50 | P95 | P99 | Dropped |",
        "|------|--------------|--------------|-----|-----|-----|---------|",
      ],
      rows: doc.load.map(
        (l) =>
          `| ${loadLabel(l)} | ${l.throughputPerSecond.toFixed(2)} | ${fmtPct(l.successRate)} | ${fmtMs(
            l.latency.p50,
          )} | ${fmtMs(l.latency.p95)} | ${fmtMs(l.latency.p99)} | ${l.dropped} |`,
      ),
    });
  return blocks;
}

function comparisonBlock(c: Comparison): { head: string[]; rows: string[] } {
  const verdict = c.passed
    ? "✅ passed"
    : `❌ failed (${c.regressions} regression${c.regressions === 1 ? "" : "s"}, ${c.budgetFailures} budget failure${
        c.budgetFailures === 1 ? "" : "s"
      })`;
  const head = [
    "",
    `### Against baseline${c.baselineRunId ? ` \`${mdCell(c.baselineRunId)}\`` : ""}: ${verdict}`,
    ...c.mismatches.map((m) => `> ⚠️ not comparable: ${mdCell(m)}`),
    "",
    "| Scenario | Metric | Baseline | Current | Change | Threshold | Verdict |",
    "|----------|--------|----------|---------|--------|-----------|---------|",
  ];
  // Failures first: when the comment has to be cut, the rows that matter survive.
  const order = (v: Verdict) => (v === "regressed" || v === "budget_failed" ? 0 : v === "ok" ? 2 : 1);
  const rows = [...c.rows]
    .sort((a, b) => order(a.verdict) - order(b.verdict))
    .map(
      (r) =>
        `| ${mdCell(r.scenario)} | ${mdCell(r.metric)} | ${fmtMetric(r.metric, r.baseline)} | ${fmtMetric(
          r.metric,
          r.current,
        )} | ${fmtDelta(r.ratio)} | ${mdCell(r.threshold)} | ${VERDICT_LABEL[r.verdict]} |`,
    );
  return { head, rows };
}

/** Join blocks, dropping table rows that would push the text past the limit, with a note saying so. */
function fitToLimit(blocks: Array<{ head: string[]; rows: string[] }>, limit: number): string {
  const note = (n: number) =>
    `| _… ${n} more row${n === 1 ? "" : "s"} omitted to fit a GitHub comment; see the full report_ |`;
  const reserve = 200 * blocks.length;
  const out: string[] = [];
  let length = 0;
  const push = (line: string) => {
    out.push(line);
    length += line.length + 1;
  };
  for (const block of blocks) {
    for (const line of block.head) push(line);
    let i = 0;
    for (; i < block.rows.length; i++) {
      const line = block.rows[i]!;
      if (length + line.length + 1 > limit - reserve) break;
      push(line);
    }
    if (i < block.rows.length) push(note(block.rows.length - i));
  }
  return `${out.join("\n")}\n`;
}
