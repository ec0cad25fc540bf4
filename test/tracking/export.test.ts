import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PerformanceTracker } from "../../src/tracking/index.js";
import { toLegacyRecord } from "../../src/tracking/types.js";
import { makeRecord } from "./fixtures/records.js";

const LEGACY_FIELDS = Object.keys(toLegacyRecord(makeRecord(0)));
const records = [
  makeRecord(1, { workflow: "code-quality-check", workflowPosition: 1 }),
  makeRecord(2, {
    success: false,
    errorType: "timeout",
    errorMessage: 'said "no", then, stopped',
    cost: null,
    usage: { input: null, output: null, cacheRead: null, cacheWrite5m: null, cacheWrite1h: null },
  }),
  makeRecord(3, { runId: "other" }),
];

let root: string;
let tracker: PerformanceTracker;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "cf-export-"));
  tracker = await PerformanceTracker.open({ projectRoot: root, ingestIntervalMs: 0 });
  for (const r of records) tracker.record(r);
});
afterAll(async () => {
  await tracker.close();
});

describe("PerformanceTracker.exportTo", () => {
  it("writes JSONL whose rows carry the original field names and values", async () => {
    const out = join(root, "out/m.jsonl");
    expect(await tracker.exportTo("jsonl", out)).toEqual({ path: out, rows: 3 });
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      const legacy = toLegacyRecord(records[i]!);
      for (const k of LEGACY_FIELDS) expect(row[k], k).toEqual(legacy[k as keyof typeof legacy]);
      expect(row.execution_id).toBe(records[i]!.executionId);
      expect(row.ttft_ms).toBe(records[i]!.ttftMs);
    });
    // Unknown stays unknown: no zero cost or zero tokens.
    expect(rows[1]).toMatchObject({ estimated_cost: null, input_tokens: null, total_tokens: null });
  });

  it("writes CSV with a header row and quotes awkward text", async () => {
    const out = join(root, "m.csv");
    expect((await tracker.exportTo("csv", out, { runId: "run-a" })).rows).toBe(2);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(",").slice(0, LEGACY_FIELDS.length)).toEqual(LEGACY_FIELDS);
    expect(lines[2]).toContain('"said ""no"", then, stopped"');
  });

  it("writes Parquet that DuckDB reads back", async () => {
    const out = join(root, "m.parquet");
    expect((await tracker.exportTo("parquet", out)).rows).toBe(3);
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    const rows = (
      await conn.runAndReadAll(
        `SELECT agent_name, execution_time_ms, estimated_cost, timestamp FROM read_parquet('${out}') ORDER BY timestamp`,
      )
    ).getRowObjectsJS();
    conn.closeSync();
    db.closeSync();
    expect(rows.map((r) => r.estimated_cost)).toEqual([0.001, null, 0.001]);
    expect(rows.map((r) => (r.timestamp as Date).toISOString())).toEqual(records.map((r) => r.timestamp));
    expect(rows[0]).toMatchObject({ agent_name: "python-expert", execution_time_ms: 1000 });
  });
});
