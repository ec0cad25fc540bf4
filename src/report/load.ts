/** Reading saved results documents (and their executions JSONL) with one clear error per problem. */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { readResults } from "../bench/results-writer.js";
import type { ResultsDocument } from "../bench/types.js";
import { ClaudeForceError } from "../errors.js";
import type { ExecutionRecord } from "../tracking/types.js";

/** A results document to render (see readResults for the errors). */
export async function readResultsDocument(file: string): Promise<ResultsDocument> {
  return readResults(file);
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
