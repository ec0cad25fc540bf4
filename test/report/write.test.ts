import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeReports } from "../../src/report/index.js";
import { makeComparison, makeResultsDocument } from "./fixture.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-write-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const embedded = (html: string) =>
  JSON.parse(/<script type="application\/json" id="cf-data">([\s\S]*?)<\/script>/.exec(html)![1]!);

describe("writeReports", () => {
  it("writes every format, the dashboard as dashboard.html with the folder's runs as history", async () => {
    const earlier = makeResultsDocument({ runId: "run-0", startedAt: "2026-11-01T00:00:00.000Z" });
    await writeFile(join(dir, "run-0.json"), JSON.stringify(earlier));
    const doc = makeResultsDocument({ runId: "run-1", startedAt: "2026-11-02T00:00:00.000Z" });
    await writeFile(join(dir, "run-1.json"), JSON.stringify(doc));
    const comparison = makeComparison(doc);
    const written = await writeReports(doc, { outDir: dir, comparison });
    expect(Object.keys(written).sort()).toEqual(["csv", "html", "json", "junit", "md"]);
    expect(written.html).toBe(join(dir, "dashboard.html"));
    const data = embedded(await readFile(written.html!, "utf8"));
    expect(data.history.map((h: { runId: string }) => h.runId)).toEqual(["run-0", "run-1"]);
    expect(data.comparison.regressions).toBe(1);
    expect(await readFile(written.md!, "utf8")).toContain("### Against baseline");
    expect(await readFile(written.junit!, "utf8")).toContain('<testsuite name="baseline"');
    const json = JSON.parse(await readFile(written.json!, "utf8"));
    expect(json.run.id).toBe("run-1");
    expect(json.comparison.passed).toBe(false);
  });

  it("writes only the formats asked for, and no history when given an empty one", async () => {
    await writeFile(join(dir, "run-0.json"), JSON.stringify(makeResultsDocument({ runId: "run-0" })));
    const doc = makeResultsDocument({ runId: "run-1" });
    const written = await writeReports(doc, { outDir: join(dir, "out"), formats: ["html"], history: [] });
    expect(Object.keys(written)).toEqual(["html"]);
    expect(embedded(await readFile(written.html!, "utf8")).history).toEqual([]);
  });
});
