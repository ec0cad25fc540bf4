/** Reading saved results documents (and their executions JSONL) with one clear error per problem. */
import { createReadStream } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { RESULTS_SCHEMA_VERSION, type ResultsDocument } from "../bench/types.js";
import { ClaudeForceError } from "../errors.js";
import type { ExecutionRecord } from "../tracking/types.js";

export async function readResultsDocument(file: string): Promise<ResultsDocument> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new ClaudeForceError(
      "INPUT",
      missing ? "results file not found" : "results file cannot be read",
      { file, hint: missing ? "run `claude-force bench` first, or pass a results JSON path" : undefined },
      { cause: err },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ClaudeForceError(
      "INPUT",
      `results file is not valid JSON: ${(err as Error).message}`,
      { file },
      { cause: err },
    );
  }
  assertResultsDocument(value, file);
  return value;
}

/** A shallow shape check: enough that renderers never crash on a foreign JSON file. */
function assertResultsDocument(value: unknown, file: string): asserts value is ResultsDocument {
  const fail = (keyPath: string, expected: string, found: unknown): never => {
    throw new ClaudeForceError("INPUT", "not a claude-force results document", {
      file,
      keyPath,
      expected,
      found: found === undefined ? "nothing" : typeof found,
    });
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail("", "an object", value);
  const v = value as Record<string, unknown>;
  if (typeof v.schemaVersion !== "number") fail("schemaVersion", "a number", v.schemaVersion);
  if (v.schemaVersion !== RESULTS_SCHEMA_VERSION)
    throw new ClaudeForceError("INPUT", "results document has an unsupported schemaVersion", {
      file,
      keyPath: "schemaVersion",
      expected: String(RESULTS_SCHEMA_VERSION),
      found: JSON.stringify(v.schemaVersion),
    });
  const run = v.run as Record<string, unknown> | undefined;
  if (typeof run !== "object" || run === null) fail("run", "an object", run);
  if (typeof run!.id !== "string") fail("run.id", "a string", run!.id);
  if (!Array.isArray(v.scenarios)) fail("scenarios", "an array", v.scenarios);
  if (typeof v.totals !== "object" || v.totals === null) fail("totals", "an object", v.totals);
}

/** `<dir>/<run-id>.executions.jsonl` beside a results file, when it exists. */
export async function executionsFileFor(resultsFile: string, runId: string): Promise<string | null> {
  const dir = resultsFile.replace(/[^/\\]*$/, "");
  const candidate = `${dir}${runId}.executions.jsonl`;
  try {
    await access(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/** Stream ExecutionRecords from a JSONL file, skipping blank lines; a corrupt line is an INPUT error. */
export async function* readExecutionsJsonl(file: string): AsyncGenerator<ExecutionRecord> {
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line) as ExecutionRecord;
    } catch (err) {
      throw new ClaudeForceError(
        "INPUT",
        "executions file has a line that is not JSON",
        { file, line: n },
        { cause: err },
      );
    }
  }
}
