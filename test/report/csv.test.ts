import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvField, guideRows, renderCsv, writeReports } from "../../src/report/index.js";
import { makeExecutionRecords, makeResultsDocument } from "./fixture.js";

/** RFC 4180 parser for the round-trip check. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("CSV", () => {
  it("quotes fields with commas, quotes and newlines (RFC 4180) and round-trips", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField(true)).toBe("true");
    const doc = makeResultsDocument({ scenarios: 2, executionsPerScenario: 50 });
    const rows = guideRows(doc);
    rows[0]!.error = 'line one\r\nline "two", three';
    const parsed = parseCsv(renderCsv(rows));
    expect(parsed[0]).toEqual(
      expect.arrayContaining(["scenario", "iteration", "success", "execution_time_ms", "error"]),
    );
    expect(parsed).toHaveLength(rows.length + 1);
    const errorCol = parsed[0]!.indexOf("error");
    expect(parsed[1]![errorCol]).toBe('line one\r\nline "two", three');
    expect(Number(parsed[1]![parsed[0]!.indexOf("execution_time_ms")])).toBe(rows[0]!.execution_time_ms);
  });

  it("defuses spreadsheet formulas in text but leaves numbers alone", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField(-3)).toBe("-3");
  });

  it("writes ExecutionRecords from the executions JSONL when it exists, streamed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cf-csv-"));
    try {
      const doc = makeResultsDocument({ scenarios: 2, executionsPerScenario: 30 });
      const records = makeExecutionRecords(doc);
      const jsonl = join(dir, `${doc.run.id}.executions.jsonl`);
      await writeFile(jsonl, `${records.map((r) => JSON.stringify(r)).join("\n")}\n\n`);
      const written = await writeReports(doc, { outDir: dir, formats: ["csv"], executionsFile: jsonl });
      const parsed = parseCsv(await readFile(written.csv!, "utf8"));
      expect(parsed[0]!.slice(0, 3)).toEqual(["run_id", "execution_id", "timestamp"]);
      expect(parsed).toHaveLength(records.length + 1);
      const e2e = parsed[0]!.indexOf("e2e_ms");
      expect(Number(parsed[5]![e2e])).toBe(records[4]!.e2eMs);
      // Without the JSONL the document's own (bounded) rows are used.
      const fallback = await writeReports(doc, { outDir: join(dir, "b"), formats: ["csv"] });
      expect(parseCsv(await readFile(fallback.csv!, "utf8"))[0]![0]).toBe("scenario");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("never writes an API key", () => {
    const rows = guideRows(makeResultsDocument({ scenarios: 2, executionsPerScenario: 5 }));
    rows[0]!.error = "401 for key sk-ant-api03-abcdefghijklmnop";
    expect(renderCsv(rows)).not.toContain("sk-ant-api03");
  });
});
