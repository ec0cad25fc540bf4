/**
 * Renderings of a Comparison: terminal table, Markdown (PR comments), JUnit XML (CI test reports).
 * Every rendering states when the current run was simulated.
 */
import { fmtMs, fmtPct, fmtUsd, type Palette, palette, renderTable } from "../cli/output.js";
import { formatP } from "./compare.js";
import { metricByName } from "./metrics.js";
import type { Comparison, ComparisonRow, Verdict } from "./types.js";

/** Hidden marker the CI integrations use to find and update their one sticky PR comment. */
export const COMMENT_MARKER = "<!-- claude-force-benchmark -->";
/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT_CHARS = 60_000;

export function formatValue(metric: string, value: number | null): string {
  if (value === null) return "-";
  switch (metricByName(metric)?.unit) {
    case "ms":
      return fmtMs(value);
    case "rate":
      return fmtPct(value);
    case "usd":
      return fmtUsd(value);
    case "tokens":
      return value.toFixed(0);
    default:
      return String(value);
  }
}

/** Relative change, or percentage points for rates (a success rate of 90% → 85% is -5.0pp). */
export function formatChange(row: ComparisonRow): string {
  if (row.baseline === null || row.current === null) return "-";
  if (metricByName(row.metric)?.unit === "rate") return `${signed((row.current - row.baseline) * 100)}pp`;
  if (row.ratio === null) return row.current === row.baseline ? "0.0%" : "new";
  return `${signed((row.ratio - 1) * 100)}%`;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  ok: "ok",
  improved: "improved",
  regressed: "REGRESSED",
  budget_failed: "BUDGET FAILED",
  insufficient_data: "insufficient data",
  missing: "missing",
};

export function formatVerdict(row: ComparisonRow): string {
  const stats =
    typeof row.pValue === "number"
      ? ` (${formatP(row.pValue)}${typeof row.effectSize === "number" ? `, r=${row.effectSize.toFixed(2)}` : ""})`
      : "";
  return `${VERDICT_TEXT[row.verdict]}${stats}`;
}

export function summaryLine(c: Comparison): string {
  if (c.passed) return "no regressions, all budgets met";
  const parts: string[] = [];
  if (c.regressions > 0) parts.push(`${c.regressions} regression${c.regressions === 1 ? "" : "s"}`);
  if (c.budgetFailures > 0)
    parts.push(`${c.budgetFailures} budget failure${c.budgetFailures === 1 ? "" : "s"}`);
  return parts.join(", ");
}

export function providerLine(c: Comparison): string {
  if (c.simulated)
    return `current run: ${c.provider ?? "sim"} (SIMULATED Claude, not a real measurement; time scale ${c.timeScale ?? 1})`;
  return `current run: ${c.provider ?? "unknown provider"}`;
}

function headerLines(c: Comparison): string[] {
  const base = c.baselineFile ?? "baseline";
  const lines = [
    providerLine(c),
    `baseline: ${base}${c.baselineRunId ? ` (run ${c.baselineRunId})` : ""}; current run ${c.currentRunId}`,
    `mode: ${c.strict ? "strict (thresholds only)" : `noise-aware (one-sided Mann-Whitney, alpha ${c.alpha})`}`,
  ];
  for (const m of c.mismatches) lines.push(`warning: not comparable: ${m}`);
  for (const n of c.notes ?? []) lines.push(`note: ${n}`);
  return lines;
}

function paint(verdict: Verdict, text: string, p: Palette): string {
  if (verdict === "regressed" || verdict === "budget_failed") return p.red(text);
  if (verdict === "improved") return p.green(text);
  if (verdict === "insufficient_data" || verdict === "missing") return p.yellow(text);
  return text;
}

export function renderComparisonTable(c: Comparison, color = false): string {
  const p = palette(color);
  const rows = c.rows.map((r) => [
    r.scenario,
    r.metric,
    formatValue(r.metric, r.baseline),
    formatValue(r.metric, r.current),
    formatChange(r),
    r.threshold,
    paint(r.verdict, formatVerdict(r), p),
    r.note ?? "",
  ]);
  const table = renderTable(
    ["scenario", "metric", "baseline", "current", "change", "threshold", "verdict", "note"],
    rows,
    ["left", "left", "right", "right", "right", "left", "left", "left"],
  );
  const verdict = c.passed ? p.green(summaryLine(c)) : p.red(p.bold(summaryLine(c)));
  return [...headerLines(c), "", table, "", `result: ${verdict}`].join("\n");
}

const MD_ICON: Record<Verdict, string> = {
  ok: "✅",
  improved: "🚀",
  regressed: "❌",
  budget_failed: "❌",
  insufficient_data: "⚠️",
  missing: "➖",
};

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function renderComparisonMarkdown(c: Comparison): string {
  const head = [
    COMMENT_MARKER,
    "## Performance benchmark comparison",
    "",
    `**${c.passed ? "✅" : "❌"} ${summaryLine(c)}**`,
    "",
  ];
  if (c.simulated)
    head.push(
      `> **Simulated run** (provider \`${c.provider ?? "sim"}\`, time scale ${c.timeScale ?? 1}): numbers come from claude-force's model of Claude, not real API calls.`,
      "",
    );
  head.push(
    ...headerLines(c)
      .slice(1)
      .map((l) => `- ${mdCell(l)}`),
    "",
  );
  const tableHead = [
    "| Scenario | Metric | Baseline | Current | Change | Threshold | Verdict | Note |",
    "|---|---|---:|---:|---:|---|---|---|",
  ];
  const line = (r: ComparisonRow) =>
    `| ${[
      r.scenario,
      `\`${r.metric}\``,
      formatValue(r.metric, r.baseline),
      formatValue(r.metric, r.current),
      formatChange(r),
      r.threshold,
      `${MD_ICON[r.verdict]} ${formatVerdict(r)}`,
      r.note ?? "",
    ]
      .map(mdCell)
      .join(" | ")} |`;
  const full = [...head, ...tableHead, ...c.rows.map(line)].join("\n");
  if (full.length <= MAX_COMMENT_CHARS) return `${full}\n`;
  // Too long for one comment: keep the rows that need attention.
  const notable = c.rows.filter((r) => r.verdict !== "ok");
  return `${[...head, ...tableHead, ...notable.map(line), "", `_${c.rows.length - notable.length} rows within limits omitted to fit a comment._`].join("\n").slice(0, MAX_COMMENT_CHARS)}\n`;
}

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** One test case per compared metric and budget; regressions and budget failures are failures. */
export function renderComparisonJUnit(c: Comparison): string {
  const failures = c.rows.filter((r) => r.verdict === "regressed" || r.verdict === "budget_failed").length;
  const skipped = c.rows.filter((r) => r.verdict === "insufficient_data" || r.verdict === "missing").length;
  const cases = c.rows.map((r) => {
    const name = xml(`${r.metric} ${r.threshold}`);
    const detail = xml(
      `baseline ${formatValue(r.metric, r.baseline)}, current ${formatValue(r.metric, r.current)} (${formatChange(r)}); ${formatVerdict(r)}${r.note ? `; ${r.note}` : ""}`,
    );
    const open = `    <testcase classname="${xml(`claude-force.${r.scenario}`)}" name="${name}" time="0">`;
    if (r.verdict === "regressed" || r.verdict === "budget_failed")
      return `${open}\n      <failure type="${r.verdict}" message="${detail}">${detail}</failure>\n    </testcase>`;
    if (r.verdict === "insufficient_data" || r.verdict === "missing")
      return `${open}\n      <skipped message="${detail}"/>\n    </testcase>`;
    return `${open}\n      <system-out>${detail}</system-out>\n    </testcase>`;
  });
  const props = [
    `      <property name="provider" value="${xml(c.provider ?? "")}"/>`,
    `      <property name="simulated" value="${c.simulated ? "true" : "false"}"/>`,
    `      <property name="baseline" value="${xml(c.baselineFile ?? "")}"/>`,
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="claude-force regression" tests="${c.rows.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="claude-force regression${c.simulated ? " (simulated)" : ""}" tests="${c.rows.length}" failures="${failures}" skipped="${skipped}" errors="0">`,
    "    <properties>",
    ...props,
    "    </properties>",
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
