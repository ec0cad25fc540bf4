import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMIT, mdCell, renderMarkdown } from "../../src/report/index.js";
import { makeComparison, makeResultsDocument } from "./fixture.js";

describe("renderMarkdown", () => {
  const doc = makeResultsDocument({ scenarios: 3 });

  it("has the guide's PR-comment table plus p95, one row per scenario", () => {
    const md = renderMarkdown(doc);
    expect(md).toContain("## Performance Benchmark Results");
    expect(md).toContain("| Scenario | Success Rate | Avg Time | P95 | Cost |");
    const s = doc.scenarios[0]!;
    const row = md.split("\n").find((l) => l.startsWith(`| ${s.name} |`))!;
    expect(row).toBeDefined();
    const cells = row.split("|").map((c) => c.trim());
    expect(cells[2]).toBe(`${(s.summary.success_rate * 100).toFixed(1)}%`);
    expect(cells[3]).toBe(`${s.summary.mean_time_ms.toFixed(0)}ms`);
    expect(cells[4]).toMatch(/^\d+(ms|\.\ds)$/);
    expect(cells[5]).toBe(`$${s.summary.total_cost.toFixed(4)}`);
    for (const sc of doc.scenarios) expect(md).toContain(`| ${sc.name} |`);
  });

  it("adds throughput and load tables when the run has them", () => {
    const md = renderMarkdown(doc);
    expect(md).toContain("### Throughput");
    expect(md).toMatch(/\| 20 \| \d+\.\d\d \| \d+\.\d% \|/);
    expect(md).toContain("| open loop, poisson at 5/s | 4.91 | 98.5% |");
    const bare = makeResultsDocument();
    bare.load = [];
    bare.throughput = [];
    expect(renderMarkdown(bare)).not.toMatch(/### (Load|Throughput)/);
  });

  it("says the provider, and loudly when it is simulated", () => {
    expect(renderMarkdown(doc)).toMatch(
      /Provider: \*\*sim \(SIMULATED, time scale 0\.01, seed 42; not a real measurement\)\*\*/,
    );
    const real = renderMarkdown(makeResultsDocument({ simulated: false }));
    expect(real).toContain("Provider: **anthropic**");
    expect(real).not.toMatch(/simulated/i);
  });

  it("marks deltas up and down and states the verdict when compared with a baseline", () => {
    const comparison = makeComparison(doc);
    const md = renderMarkdown(doc, { comparison });
    const s = doc.scenarios[0]!;
    const row = md.split("\n").find((l) => l.startsWith(`| ${s.name} |`))!;
    const pct = ((s.summary.mean_time_ms / 2500 - 1) * 100).toFixed(1);
    expect(row).toContain(`▲ +${pct}% ❌`);
    expect(md).toContain("▼ -28.6%");
    expect(md).toContain("❌ failed (1 regression, 1 budget failure)");
    expect(md).toContain("| Scenario | Metric | Baseline | Current | Change | Threshold | Verdict |");
    // Failures sort first in the comparison table.
    const table = md.slice(md.indexOf("| Scenario | Metric"));
    expect(table.indexOf("regressed")).toBeLessThan(table.indexOf("| ok |"));
    expect(
      renderMarkdown(doc, { comparison: { ...comparison, passed: true, regressions: 0, budgetFailures: 0 } }),
    ).toContain("✅ passed");
  });

  it("stays under the GitHub comment limit with a note when it has to cut rows", () => {
    const big = makeResultsDocument({ scenarios: 2, executionsPerScenario: 5 });
    const template = big.scenarios[0]!;
    big.scenarios = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      name: `scenario-number-${i}-with-a-long-name`,
    }));
    const md = renderMarkdown(big);
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(md).toMatch(/_… \d+ more rows omitted to fit a GitHub comment; see the full report_/);
    expect(md).toContain("scenario-number-0-");
    expect(md).toContain("**Total:**");
    const small = renderMarkdown(big, { maxLength: 2000 });
    expect(small.length).toBeLessThanOrEqual(2000);
  });

  it("keeps cell text from breaking the table or injecting HTML", () => {
    expect(mdCell("a|b\nc <script>")).toBe("a\\|b c &lt;script&gt;");
    const d = makeResultsDocument();
    d.scenarios[0]!.name = "evil|<img src=x onerror=alert(1)>";
    const md = renderMarkdown(d);
    expect(md).toContain("| evil\\|&lt;img src=x onerror=alert(1)&gt; |");
    expect(md).not.toContain("<img");
  });
});
