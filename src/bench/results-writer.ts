/**
 * Results files, written as they are produced:
 *   <dir>/<run-id>.executions.jsonl  one line per execution, appended (and flushed) as it finishes,
 *                                    so an interrupted run keeps everything it completed (a resumed
 *                                    run appends to the same file);
 *   <dir>/<run-id>.json, latest.json the ResultsDocument, written atomically at the end (or on abort,
 *                                    with run.incomplete = true).
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { ClaudeForceError } from "../errors.js";
import { MAX_RESULTS_BYTES, readTextFileSync } from "../internal/files.js";
import { redact } from "../internal/redact.js";
import { isLegacy, validateResults } from "../regress/baseline.js";
import type { ResultsDocument } from "./types.js";

export interface WrittenFiles {
  document: string;
  latest: string;
  /** Null when nothing was executed (an accuracy-only run). */
  executions: string | null;
}

export class ResultsWriter {
  readonly dir: string;
  readonly executionsFile: string;
  private fd: number | null = null;
  private closed = false;

  private constructor(
    dir: string,
    readonly runId: string,
  ) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
    this.executionsFile = join(this.dir, `${runId}.executions.jsonl`);
  }

  static open(dir: string, runId: string): ResultsWriter {
    try {
      return new ResultsWriter(dir, runId);
    } catch (err) {
      throw new ClaudeForceError("INPUT", `cannot write results to ${dir}: ${(err as Error).message}`, {
        file: dir,
        hint: "pass a writable directory with --output",
      });
    }
  }

  /** Append one execution line (secrets scrubbed). */
  append(entry: object): void {
    if (this.closed) return;
    // One descriptor, opened with the first execution (a run without any writes no JSONL), and one
    // write(2) per line: cheap enough for the hot path and on disk at once.
    if (this.fd === null) {
      this.fd = openSync(this.executionsFile, "a+");
      dropPartialLine(this.fd);
    }
    writeSync(this.fd, `${redact(JSON.stringify(entry))}\n`);
  }

  /** Write `<run-id>.json` and `latest.json` atomically (temp file + rename). */
  writeDocument(doc: ResultsDocument): WrittenFiles {
    const text = `${redact(JSON.stringify(doc, null, 2))}\n`;
    const document = join(this.dir, `${this.runId}.json`);
    const latest = join(this.dir, "latest.json");
    for (const file of [document, latest]) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    }
    return { document, latest, executions: existsSync(this.executionsFile) ? this.executionsFile : null };
  }

  close(): void {
    this.closed = true;
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * A process killed mid-run can leave a partial last line; a resumed run appending after it would
 * glue its first line onto that fragment. Cut the file back to its last complete line.
 */
function dropPartialLine(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const nl = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (nl >= 0) {
      if (start + nl + 1 < size) ftruncateSync(fd, start + nl + 1);
      return;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
}

/**
 * Read a results document, with a clear error for a missing, oversized or corrupt file, another
 * schema version, or the guide's legacy format (which has no run metadata to work with).
 */
export function readResults(file: string): ResultsDocument {
  const hint = "run `claude-force bench` first, or pass the path of a <run-id>.json file";
  const text = readTextFileSync(file, { what: "results file", maxBytes: MAX_RESULTS_BYTES, hint });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ClaudeForceError("INPUT", `results file is not valid JSON: ${(err as Error).message}`, {
      file,
    });
  }
  const doc = validateResults(data, file, "results");
  if (isLegacy(doc))
    throw new ClaudeForceError("INPUT", "a guide-format results file has no run metadata to work with", {
      file,
      hint,
    });
  return doc;
}
