/**
 * JUnit XML so CI systems show benchmark failures natively: one test case per scenario and per load
 * test (failed when the success rate is below the guide's 95% target), per accuracy target, and per comparison row
 * (failed on regressed / budget_failed, skipped when there was not enough data).
 */
import type { ResultsDocument } from "../bench/types.js";
import { redact } from "../internal/redact.js";
import type { Comparison } from "../regress/types.js";
import { fmtDelta, fmtMetric, fmtMs, fmtPct, fmtUsd } from "./format.js";
import { loadLabel } from "./summary.js";

/** The guide's success-rate target. */
export const SUCCESS_RATE_TARGET = 0.95;

export interface JUnitOptions {
  comparison?: Comparison | null;
}

interface Case {
  name: string;
  classname: string;
  timeSec: number;
  failure?: { type: string; message: string; body?: string };
  skipped?: string;
  out?: string;
}

/** Characters XML 1.0 forbids entirely (most C0 controls) are dropped; the rest escaped. */
export function xmlEscape(text: string): string {
  return redact(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function scenarioCases(doc: ResultsDocument): Case[] {
  return doc.scenarios.map((s) => {
    const m = s.summary;
    const errors = Object.entries(s.errors)
      .map(([k, n]) => `${k}: ${n}`)
      .join(", ");
    const c: Case = {
      name: s.name,
      classname: "claude-force.scenarios",
      timeSec: (m.mean_time_ms * m.executions) / 1000,
      out: `success ${fmtPct(m.success_rate)} (${m.successes}/${m.executions}), mean ${fmtMs(m.mean_time_ms)}, p95 ${fmtMs(
        m.p95_time_ms,
      )}, cost ${fmtUsd(m.total_cost)}${errors ? `, errors: ${errors}` : ""}`,
    };
    if (m.executions === 0) c.skipped = "no executions";
    else if (m.success_rate < SUCCESS_RATE_TARGET)
      c.failure = {
        type: "success_rate",
        message: `success rate ${fmtPct(m.success_rate)} is below the ${fmtPct(SUCCESS_RATE_TARGET, 0)} target`,
        body: errors ? `failures by error type: ${errors}` : undefined,
      };
    return c;
  });
}

function loadCases(doc: ResultsDocument): Case[] {
  return (doc.load ?? []).map((l) => {
    const c: Case = {
      name: loadLabel(l),
      classname: "claude-force.load",
      timeSec: l.durationMs / 1000,
      out: `${l.completed}/${l.tasks} completed, ${l.throughputPerSecond.toFixed(2)}/s, success ${fmtPct(
        l.successRate,
      )}, p50 ${fmtMs(l.latency.p50)}, p95 ${fmtMs(l.latency.p95)}, dropped ${l.dropped}`,
    };
    if (l.successRate < SUCCESS_RATE_TARGET)
      c.failure = {
        type: "success_rate",
        message: `success rate ${fmtPct(l.successRate)} is below the ${fmtPct(SUCCESS_RATE_TARGET, 0)} target`,
      };
    return c;
  });
}

function accuracyCases(doc: ResultsDocument): Case[] {
  const a = doc.accuracy;
  if (!a) return [];
  // The targets apply to the held-out split (tasks the selector was not tuned on), when there is one.
  const [splitName, split] = a.heldOut.tasks > 0 ? ["held-out", a.heldOut] : ["all", a.all];
  const checks: Array<[string, number, number]> = [
    ["top1", split.top1, a.targets.top1],
    ["top3", split.top3, a.targets.top3],
    ["tier", split.tierAccuracy, a.targets.tier],
  ];
  return checks.map(([name, value, target]) => ({
    name: `${a.dataset} ${name} accuracy`,
    classname: "claude-force.accuracy",
    timeSec: 0,
    out: `${name} ${fmtPct(value)} (target ${fmtPct(target)}) over ${split.tasks} ${splitName} tasks`,
    ...(value < target
      ? {
          failure: {
            type: "accuracy",
            message: `${name} accuracy ${fmtPct(value)} is below the ${fmtPct(target)} target`,
          },
        }
      : {}),
  }));
}

function comparisonCases(c: Comparison): Case[] {
  return c.rows.map((r) => {
    const detail = `${r.metric}: baseline ${fmtMetric(r.metric, r.baseline)}, current ${fmtMetric(
      r.metric,
      r.current,
    )} (${fmtDelta(r.ratio)}), threshold ${r.threshold}${r.pValue != null ? `, p=${r.pValue.toPrecision(2)}` : ""}${
      r.note ? `; ${r.note}` : ""
    }`;
    const base: Case = {
      name: `${r.scenario} ${r.metric}`,
      classname: "claude-force.baseline",
      timeSec: 0,
      out: detail,
    };
    if (r.verdict === "regressed" || r.verdict === "budget_failed")
      base.failure = { type: r.verdict, message: detail };
    else if (r.verdict === "insufficient_data" || r.verdict === "missing")
      base.skipped = `${r.verdict}: ${detail}`;
    return base;
  });
}

function suiteXml(
  name: string,
  cases: Case[],
  doc: ResultsDocument,
  properties: Array<[string, string]>,
): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = cases.reduce((s, c) => s + c.timeSec, 0);
  const lines = [
    `  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(
      3,
    )}" timestamp="${xmlEscape(doc.run.startedAt)}">`,
    "    <properties>",
    ...properties.map(([k, v]) => `      <property name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`),
    "    </properties>",
  ];
  for (const c of cases) {
    lines.push(
      `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}" time="${c.timeSec.toFixed(3)}">`,
    );
    if (c.failure) {
      const body = c.failure.body ? xmlEscape(c.failure.body) : "";
      lines.push(
        `      <failure type="${xmlEscape(c.failure.type)}" message="${xmlEscape(c.failure.message)}">${body}</failure>`,
      );
    }
    if (c.skipped) lines.push(`      <skipped message="${xmlEscape(c.skipped)}"/>`);
    if (c.out) lines.push(`      <system-out>${xmlEscape(c.out)}</system-out>`);
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>");
  return lines.join("\n");
}

export function renderJUnit(doc: ResultsDocument, opts: JUnitOptions = {}): string {
  const run = doc.run;
  const props: Array<[string, string]> = [
    ["run_id", run.id],
    ["provider", run.provider],
    ["simulated", String(run.simulated)],
    ["time_scale", run.timeScale === null ? "" : String(run.timeScale)],
    ["git_commit", run.gitCommit ?? ""],
  ];
  const suites: Array<[string, Case[]]> = [["scenarios", scenarioCases(doc)]];
  const load = loadCases(doc);
  if (load.length) suites.push(["load", load]);
  const accuracy = accuracyCases(doc);
  if (accuracy.length) suites.push(["accuracy", accuracy]);
  if (opts.comparison) suites.push(["baseline", comparisonCases(opts.comparison)]);
  const all = suites.flatMap(([, cases]) => cases);
  const title = `claude-force benchmarks${run.simulated ? " (SIMULATED provider)" : ""}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(title)}" tests="${all.length}" failures="${all.filter((c) => c.failure).length}" errors="0" skipped="${
      all.filter((c) => c.skipped).length
    }" time="${all.reduce((s, c) => s + c.timeSec, 0).toFixed(3)}">`,
    ...suites.map(([name, cases]) => suiteXml(name, cases, doc, props)),
    "</testsuites>",
    "",
  ].join("\n");
}
