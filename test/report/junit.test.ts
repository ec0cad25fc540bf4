import { describe, expect, it } from "vitest";
import { renderJUnit, xmlEscape } from "../../src/report/index.js";
import { makeComparison, makeResultsDocument, XSS_SCRIPT } from "./fixture.js";

/** Minimal well-formedness check: balanced tags, quoted attributes, no raw `<` or bare `&` in text. */
function assertWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("?>") + 2);
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  let roots = 0;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const text = body.slice(i, lt === -1 ? body.length : lt);
    expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [, close, name, attrs, selfClose] = m;
    expect(attrs ?? "").not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    }
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

describe("renderJUnit", () => {
  it("is well-formed, with one test case per scenario, load test and accuracy target", () => {
    const doc = makeResultsDocument({ scenarios: 4 });
    const xml = renderJUnit(doc);
    assertWellFormed(xml);
    expect(count(xml, /<testcase /g)).toBe(4 + 2 + 3);
    expect(xml).toMatch(/<testsuites [^>]*tests="9"/);
    expect(xml).toContain('<testcase classname="claude-force.load" name="open loop, poisson at 5/s"');
    for (const s of doc.scenarios) expect(xml).toContain(`name="${s.name}"`);
    expect(xml).toContain('<property name="simulated" value="true"/>');
  });

  it("fails a scenario or load test below the 95% success target and counts it", () => {
    const doc = makeResultsDocument({ scenarios: 3 });
    doc.load[1]!.successRate = 0.5;
    doc.scenarios[1]!.summary.success_rate = 0.9;
    for (const s of [doc.scenarios[0]!, doc.scenarios[2]!]) s.summary.success_rate = 0.99;
    const xml = renderJUnit(doc);
    expect(count(xml, /<failure /g)).toBe(2);
    expect(xml).toMatch(/<testsuite name="load" tests="2" failures="1"/);
    expect(xml).toMatch(/<testsuite name="scenarios" tests="3" failures="1"/);
    expect(xml).toContain("success rate 90.0% is below the 95% target");
  });

  it("adds one case per comparison row: failures for regressions and budgets, skips for missing data", () => {
    const doc = makeResultsDocument({ scenarios: 3 });
    for (const s of doc.scenarios) s.summary.success_rate = 1;
    const comparison = makeComparison(doc);
    comparison.rows.push({ ...comparison.rows[1]!, metric: "ttft_p95_ms", verdict: "insufficient_data" });
    const xml = renderJUnit(doc, { comparison });
    assertWellFormed(xml);
    expect(xml).toMatch(/<testsuite name="baseline" tests="5" failures="2" errors="0" skipped="1"/);
    expect(xml).toContain('<failure type="regressed"');
    expect(xml).toContain('<failure type="budget_failed"');
    expect(xml).toMatch(/<testsuites [^>]*tests="13" failures="2" errors="0" skipped="1"/);
  });

  it("escapes markup and drops characters XML forbids", () => {
    expect(xmlEscape(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    const doc = makeResultsDocument({ xss: true });
    doc.scenarios[0]!.name = `${XSS_SCRIPT} & "quotes"\u0007`;
    const xml = renderJUnit(doc);
    assertWellFormed(xml);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
  });
});
