import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { isLegacy, loadBaseline, loadResultsFile, saveBaseline } from "../../src/regress/baseline.js";
import { compareResults } from "../../src/regress/compare.js";
import { makeResults } from "./fixture.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/baselines");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-baseline-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inputError(p: Promise<unknown>): Promise<ClaudeForceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClaudeForceError);
  expect((err as ClaudeForceError).code).toBe("INPUT");
  expect((err as ClaudeForceError).exitCode).toBe(2);
  return err as ClaudeForceError;
}

describe("saveBaseline / loadBaseline", () => {
  it("round-trips a results document, creating folders", async () => {
    const doc = makeResults({ seed: 3, runId: "20261126-120000-abcd" });
    const out = join(dir, "benchmarks", "baseline.json");
    const saved = await saveBaseline(doc, out);
    expect(saved).toEqual({
      file: out,
      runId: "20261126-120000-abcd",
      scenarios: ["simple_task", "medium_task", "complex_task"],
      warnings: [],
    });
    expect(await loadBaseline(out)).toEqual(doc);
  });

  it("saves from a results file and warns about an incomplete run", async () => {
    const doc = makeResults();
    doc.run.incomplete = true;
    const src = join(dir, "latest.json");
    await writeFile(src, JSON.stringify(doc));
    const saved = await saveBaseline(src, join(dir, "b.json"));
    expect(saved.warnings[0]).toMatch(/incomplete/);
    expect(JSON.parse(await readFile(join(dir, "b.json"), "utf8")).run.id).toBe(doc.run.id);
  });

  it("a missing baseline says how to create one", async () => {
    const file = join(dir, "nope.json");
    const err = await inputError(loadBaseline(file));
    expect(err.message).toBe("baseline file not found");
    expect(err.details.file).toBe(file);
    expect(err.details.hint).toMatch(/claude-force bench baseline save/);
    expect(err.toLine()).toContain(file);
  });

  it("corrupt JSON names the file and the parse problem", async () => {
    const file = join(FIXTURES, "truncated.json");
    const err = await inputError(loadBaseline(file));
    expect(err.details.file).toBe(file);
    expect(err.message).toMatch(/not valid JSON/);
  });

  it("a newer schemaVersion is refused with expected and found", async () => {
    const err = await inputError(loadBaseline(join(FIXTURES, "future-schema.json")));
    expect(err.details.keyPath).toBe("schemaVersion");
    expect(err.details.expected).toBe("1");
    expect(err.details.found).toBe("2");
  });

  it("something that is not a results document is refused", async () => {
    const err = await inputError(loadBaseline(join(FIXTURES, "not-results.json")));
    expect(err.message).toMatch(/not a claude-force results document/);
    expect(err.details.keyPath).toBe("scenarios");
  });

  it("a results document with a broken field names the key path", async () => {
    const doc = makeResults() as unknown as { run: Record<string, unknown> };
    doc.run.provider = 42;
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify(doc));
    const err = await inputError(loadResultsFile(file));
    expect(err.details.keyPath).toBe("run.provider");
  });

  it("accepts the guide's own baseline format as a legacy baseline", async () => {
    const legacy = await loadBaseline(join(FIXTURES, "legacy-guide.json"));
    expect(isLegacy(legacy)).toBe(true);
    const current = makeResults({
      scenarios: [
        { name: "Simple Python Question", medianMs: 2800 },
        { name: "Code Review", medianMs: 7000, n: 5 },
      ],
    });
    const c = compareResults(legacy, current, { baselineFile: "legacy-guide.json" });
    expect(c.legacyBaseline).toBe(true);
    expect(c.rows.find((r) => r.scenario === "Code Review" && r.metric === "mean_time_ms")?.verdict).toBe(
      "regressed",
    );
    expect(
      c.rows.find((r) => r.scenario === "Simple Python Question" && r.metric === "mean_time_ms")?.verdict,
    ).toBe("ok");
  });
});
