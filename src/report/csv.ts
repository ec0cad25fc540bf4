/** Executions as RFC 4180 CSV: from tracker ExecutionRecords (JSONL) or the results' guide rows. */
import type { GuideExecution, ResultsDocument } from "../bench/types.js";
import { redact } from "../internal/redact.js";
import type { ExecutionRecord } from "../tracking/types.js";

/** A guide execution row tagged with its scenario (the results document nests them per scenario). */
export type GuideExecutionRow = GuideExecution & { scenario: string };

type Cell = string | number | boolean | null | undefined;

const RECORD_COLUMNS: Array<[string, (r: ExecutionRecord) => Cell]> = [
  ["run_id", (r) => r.runId],
  ["execution_id", (r) => r.executionId],
  ["timestamp", (r) => r.timestamp],
  ["scenario", (r) => r.scenario],
  ["iteration", (r) => r.iteration],
  ["agent", (r) => r.agent],
  ["workflow", (r) => r.workflow],
  ["workflow_position", (r) => r.workflowPosition],
  ["provider", (r) => r.provider],
  ["simulated", (r) => r.simulated],
  ["model", (r) => r.model],
  ["routing_tier", (r) => r.routing?.tier],
  ["routing_source", (r) => r.routing?.source],
  ["success", (r) => r.success],
  ["error_type", (r) => r.errorType],
  ["error_message", (r) => r.errorMessage],
  ["attempts", (r) => r.attempts],
  ["input_tokens", (r) => r.usage.input],
  ["output_tokens", (r) => r.usage.output],
  ["cache_read_tokens", (r) => r.usage.cacheRead],
  ["cache_write_5m_tokens", (r) => r.usage.cacheWrite5m],
  ["cache_write_1h_tokens", (r) => r.usage.cacheWrite1h],
  ["cost_usd", (r) => r.cost],
  ["e2e_ms", (r) => r.e2eMs],
  ["ttft_ms", (r) => r.ttftMs],
  ["queue_wait_ms", (r) => r.queueWaitMs],
  ["overhead_ms", (r) => r.overheadMs],
  ["backoff_ms", (r) => r.backoffMs],
  ["worker", (r) => r.worker],
  ["task_hash", (r) => r.taskHash],
];

const GUIDE_COLUMNS: Array<[string, (r: GuideExecutionRow) => Cell]> = [
  ["scenario", (r) => r.scenario],
  ["iteration", (r) => r.iteration],
  ["execution_id", (r) => r.execution_id],
  ["success", (r) => r.success],
  ["execution_time_ms", (r) => r.execution_time_ms],
  ["ttft_ms", (r) => r.ttft_ms],
  ["queue_wait_ms", (r) => r.queue_wait_ms],
  ["input_tokens", (r) => r.input_tokens],
  ["output_tokens", (r) => r.output_tokens],
  ["estimated_cost", (r) => r.estimated_cost],
  ["model", (r) => r.model],
  ["error_type", (r) => r.error_type],
  ["error", (r) => r.error],
];

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP CSV injection advice); numbers are left alone.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  let s = redact(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function isRecord(row: ExecutionRecord | GuideExecutionRow): row is ExecutionRecord {
  return "executionId" in row && "usage" in row;
}

type Columns = Array<[string, (r: never) => Cell]>;

/** Columns follow the first row's shape (an empty input gets the ExecutionRecord header). */
function columnsFor(first: ExecutionRecord | GuideExecutionRow | undefined): Columns {
  return (first === undefined || isRecord(first) ? RECORD_COLUMNS : GUIDE_COLUMNS) as Columns;
}

function header(columns: Columns): string {
  return `${columns.map(([name]) => name).join(",")}\r\n`;
}

function line(columns: Columns, row: ExecutionRecord | GuideExecutionRow): string {
  return `${columns.map(([, get]) => csvField(get(row as never))).join(",")}\r\n`;
}

/** CSV lines (each ending CRLF, as RFC 4180 says), header first; streams big JSONL inputs. */
export async function* csvLines(
  rows: Iterable<ExecutionRecord | GuideExecutionRow> | AsyncIterable<ExecutionRecord | GuideExecutionRow>,
): AsyncGenerator<string> {
  let columns: Columns | null = null;
  for await (const row of rows) {
    if (!columns) {
      columns = columnsFor(row);
      yield header(columns);
    }
    yield line(columns, row);
  }
  if (!columns) yield header(columnsFor(undefined));
}

/** The whole CSV as one string. */
export function renderCsv(rows: Iterable<ExecutionRecord> | Iterable<GuideExecutionRow>): string {
  const list = [...(rows as Iterable<ExecutionRecord | GuideExecutionRow>)];
  const columns = columnsFor(list[0]);
  return header(columns) + list.map((row) => line(columns, row)).join("");
}

/** The guide rows of a results document, flattened across scenarios. */
export function guideRows(doc: ResultsDocument): GuideExecutionRow[] {
  return doc.scenarios.flatMap((s) => s.executions.map((e) => ({ ...e, scenario: s.name })));
}
