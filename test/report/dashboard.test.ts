import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderDashboard, scriptSafeJson } from "../../src/report/index.js";
import { makeComparison, makeResultsDocument, PROFILE_DIR, XSS_IMG, XSS_SCRIPT } from "./fixture.js";

const scripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, body: m[2]! }));

describe("renderDashboard (static checks)", () => {
  const doc = makeResultsDocument({ xss: true, profile: true });
  const html = renderDashboard(doc, {
    comparison: makeComparison(doc),
    generatedAt: "2026-11-26T14:00:00.000Z",
  });

  it("escapes </script> and friends inside the embedded JSON, which still parses back", () => {
    expect(scriptSafeJson({ t: "</script><!--" })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--"}');
    const all = scripts(html);
    expect(all).toHaveLength(3);
    const data = all.find((s) => s.attrs.includes('type="application/json"'))!;
    expect(data.body).not.toContain("<");
    const parsed = JSON.parse(data.body);
    expect(parsed.scenarios[0].task).toContain(XSS_SCRIPT);
    expect(parsed.accuracy.misses[0].task).toContain(XSS_IMG);
    expect(parsed.profile.cpu.topSelfTime.map((f: { functionName: string }) => f.functionName)).toContain(
      XSS_SCRIPT,
    );
    // The payload never appears as markup anywhere in the file.
    expect(html).not.toContain(XSS_SCRIPT);
    expect(html).not.toContain(XSS_IMG);
  });

  it("allows exactly its own inline scripts through the CSP and nothing from outside", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    const executable = scripts(html).filter((s) => !s.attrs.includes("application/json"));
    expect(executable).toHaveLength(2);
    for (const s of executable)
      expect(hashes).toContain(createHash("sha256").update(s.body).digest("base64"));
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
  });

  it("embeds the profile without the machine's absolute paths", () => {
    expect(html).toContain("20261126-134501-a1b2.profile.flame.html");
    expect(html).not.toContain(PROFILE_DIR);
    expect(html).not.toContain("file:///home/runner");
    const bare = scripts(renderDashboard(makeResultsDocument())).find((s) =>
      s.attrs.includes("application/json"),
    )!;
    expect(JSON.parse(bare.body).profile).toBeNull();
  });

  it("inlines uPlot and its stylesheet", () => {
    expect(html).toContain(".uplot");
    expect(html).toMatch(/var uPlot=function|uPlot/);
    expect(html.length).toBeGreaterThan(50_000);
  });

  it("keeps API keys out", () => {
    const d = makeResultsDocument();
    d.scenarios[0]!.task = "use key sk-ant-api03-0123456789abcdef";
    expect(renderDashboard(d)).not.toContain("sk-ant-api03-0123456789abcdef");
  });

  it("embeds a few failure samples per scenario, with long messages cut", () => {
    const d = makeResultsDocument({ scenarios: 2, executionsPerScenario: 400 });
    const failed = d.scenarios[0]!.executions.find((e) => !e.success)!;
    failed.error = "x".repeat(50_000);
    const json = scripts(renderDashboard(d)).find((s) => s.attrs.includes("application/json"))!.body;
    const data = JSON.parse(json);
    expect(data.scenarios[0].failureSamples.length).toBeLessThanOrEqual(5);
    expect(data.scenarios[0].executions).toBeUndefined();
    const long = data.scenarios[0].failureSamples.find((f: { error?: string }) => f.error?.startsWith("xxx"));
    expect(long.error).toMatch(/^x{2000}… \(truncated\)$/);
  });

  it("stays under 2 MB for a run with 100,000 executions", () => {
    const big = makeResultsDocument({ scenarios: 10, executionsPerScenario: 10_000, seed: 7 });
    expect(big.totals.executions).toBe(100_000);
    expect(big.scenarios.every((s) => s.executions.length === 1000 && s.executionsTruncated)).toBe(true);
    const out = renderDashboard(big);
    expect(Buffer.byteLength(out)).toBeLessThan(2 * 1024 * 1024);
  });
});
