import { describe, expect, it } from "vitest";
import {
  COMMENT_MARKER,
  formatChange,
  renderComparisonJUnit,
  renderComparisonMarkdown,
  renderComparisonTable,
} from "../../src/regress/format.js";
import type { Comparison, ComparisonRow } from "../../src/regress/types.js";

function comparison(rows: ComparisonRow[], over: Partial<Comparison> = {}): Comparison {
  const regressions = rows.filter((r) => r.verdict === "regressed").length;
  const budgetFailures = rows.filter((r) => r.verdict === "budget_failed").length;
  return {
    baselineFile: "benchmarks/baseline.json",
    baselineRunId: "base",
    currentRunId: "cur",
    mismatches: [],
    mismatchAllowed: false,
    strict: false,
    alpha: 0.05,
    rows,
    regressions,
    budgetFailures,
    passed: regressions + budgetFailures === 0,
    provider: "sim",
    simulated: true,
    timeScale: 0.03,
    notes: [],
    ...over,
  };
}

const okRow = (scenario: string): ComparisonRow => ({
  scenario,
  metric: "mean_time_ms",
  baseline: 1000,
  current: 1010,
  ratio: 1.01,
  threshold: "> 1.15x",
  verdict: "ok",
});

describe("comparison renderings", () => {
  it("formats changes relative, and rates in percentage points", () => {
    expect(formatChange(okRow("a"))).toBe("+1.0%");
    expect(
      formatChange({
        ...okRow("a"),
        metric: "success_rate",
        baseline: 0.9,
        current: 0.85,
        ratio: 0.85 / 0.9,
      }),
    ).toBe("-5.0pp");
    expect(formatChange({ ...okRow("a"), baseline: 0, current: 0, ratio: null })).toBe("0.0%");
  });

  it("a real run is not labelled simulated, a simulated one always is", () => {
    const real = comparison([okRow("a")], { provider: "anthropic", simulated: false, timeScale: null });
    expect(renderComparisonTable(real)).not.toMatch(/SIMULATED/);
    expect(renderComparisonMarkdown(real)).not.toMatch(/Simulated run/);
    expect(renderComparisonJUnit(real)).toMatch(/<property name="simulated" value="false"\/>/);
    expect(renderComparisonTable(comparison([okRow("a")]))).toMatch(/SIMULATED Claude.*time scale 0\.03/);
    expect(renderComparisonJUnit(comparison([okRow("a")]))).toMatch(
      /testsuite name="claude-force regression \(simulated\)"/,
    );
  });

  it("escapes Markdown table cells and XML", () => {
    const row = { ...okRow("a|b <x>"), note: 'say "hi" & <bye>' };
    const md = renderComparisonMarkdown(comparison([row]));
    expect(md).toContain("| a\\|b <x> |");
    const xml = renderComparisonJUnit(comparison([row]));
    expect(xml).toContain('classname="claude-force.a|b &lt;x&gt;"');
    expect(xml).toContain("say &quot;hi&quot; &amp; &lt;bye&gt;");
    expect(xml).not.toContain("<bye>");
  });

  it("keeps a huge comparison within one PR comment, keeping the rows that matter", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => okRow(`scenario_${i}`));
    rows.push({ ...okRow("the_slow_one"), current: 2000, ratio: 2, verdict: "regressed", pValue: 0.001 });
    const md = renderComparisonMarkdown(comparison(rows));
    expect(md.length).toBeLessThanOrEqual(60_001);
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    expect(md).toContain("| the_slow_one |");
    expect(md).toContain("3000 rows within limits omitted");
  });

  it("shows mismatches allowed as warnings and notes", () => {
    const c = comparison([okRow("a")], {
      mismatches: ["time scale: baseline 1, current 2"],
      mismatchAllowed: true,
      notes: ["legacy baseline: no fingerprint"],
    });
    const table = renderComparisonTable(c);
    expect(table).toContain("warning: not comparable: time scale: baseline 1, current 2");
    expect(table).toContain("note: legacy baseline: no fingerprint");
    expect(renderComparisonMarkdown(c)).toContain(
      "- warning: not comparable: time scale: baseline 1, current 2",
    );
  });
});
