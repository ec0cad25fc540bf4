/**
 * Reports for a results document: the HTML dashboard, PR-comment Markdown, JUnit XML, executions
 * CSV and the JSON itself. Renderers are pure; `writeReports` writes the chosen formats to a folder.
 */
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { ResultsDocument } from "../bench/types.js";
import { redact } from "../internal/redact.js";
import type { Comparison } from "../regress/types.js";
import type { ExecutionRecord } from "../tracking/types.js";
import { csvLines, type GuideExecutionRow, guideRows } from "./csv.js";
import { type HistoryEntry, loadHistory } from "./history.js";
import { renderDashboard } from "./html/dashboard.js";
import { renderJUnit } from "./junit.js";
import { readExecutionsJsonl } from "./load.js";
import { renderMarkdown } from "./markdown.js";

export { csvField, csvLines, type GuideExecutionRow, guideRows, renderCsv } from "./csv.js";
export { type HistoryEntry, type HistoryOptions, loadHistory } from "./history.js";
export { type DashboardOptions, renderDashboard, scriptSafeJson } from "./html/dashboard.js";
export { type JUnitOptions, renderJUnit, SUCCESS_RATE_TARGET, xmlEscape } from "./junit.js";
export { executionsFileFor, readExecutionsJsonl, readResultsDocument } from "./load.js";
export { MARKDOWN_LIMIT, type MarkdownOptions, mdCell, renderMarkdown } from "./markdown.js";
export { histogramPercentile, providerLabel, type RunLatency, runLatency } from "./summary.js";

export type ReportFormat = "html" | "md" | "junit" | "csv" | "json";
/** Earlier runs shown in the dashboard's trend. */
export const HISTORY_RUNS = 50;

export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "md", "junit", "csv", "json"];

export interface WriteReportsOptions {
  outDir: string;
  /** Default: all formats. */
  formats?: ReportFormat[];
  /** Earlier runs for the dashboard's trend. Default: the runs saved in outDir (pass [] for none). */
  history?: HistoryEntry[];
  comparison?: Comparison | null;
  /** Told about result files skipped while loading the default history. */
  onWarning?: (message: string) => void;
  /** `<run-id>.executions.jsonl` for the CSV; without it the CSV uses the document's bounded rows. */
  executionsFile?: string | null;
}

const FILE_NAMES: Record<ReportFormat, (runId: string) => string> = {
  html: () => "dashboard.html",
  md: (id) => `${id}.md`,
  junit: (id) => `${id}.junit.xml`,
  csv: (id) => `${id}.executions.csv`,
  json: (id) => `${id}.report.json`,
};

/** The CSV rows: every execution from the JSONL when there is one, else the document's own rows. */
export function csvSource(
  doc: ResultsDocument,
  executionsFile?: string | null,
): AsyncIterable<ExecutionRecord> | Iterable<GuideExecutionRow> {
  return executionsFile ? readExecutionsJsonl(executionsFile) : guideRows(doc);
}

/** Stream CSV rows into a file. */
export async function writeCsvFile(
  path: string,
  rows: AsyncIterable<ExecutionRecord> | Iterable<ExecutionRecord | GuideExecutionRow>,
): Promise<void> {
  await pipeline(csvLines(rows), createWriteStream(path));
}

/** Write the chosen formats into outDir; returns format → path written. */
export async function writeReports(
  doc: ResultsDocument,
  opts: WriteReportsOptions,
): Promise<Record<string, string>> {
  const formats = opts.formats ?? [...REPORT_FORMATS];
  await mkdir(opts.outDir, { recursive: true });
  const written: Record<string, string> = {};
  const history =
    opts.history ??
    (formats.includes("html")
      ? await loadHistory(opts.outDir, { last: HISTORY_RUNS, onWarning: opts.onWarning })
      : []);
  for (const format of formats) {
    const path = join(opts.outDir, FILE_NAMES[format](doc.run.id));
    if (format === "csv") {
      // Streamed: a run's JSONL can hold far more executions than fit comfortably in one string.
      await writeCsvFile(path, csvSource(doc, opts.executionsFile));
    } else {
      await writeFile(path, renderText(doc, format, { history, comparison: opts.comparison }), "utf8");
    }
    written[format] = path;
  }
  return written;
}

/** One non-CSV format as text. */
export function renderText(
  doc: ResultsDocument,
  format: Exclude<ReportFormat, "csv">,
  opts: { history?: HistoryEntry[]; comparison?: Comparison | null } = {},
): string {
  switch (format) {
    case "html":
      return renderDashboard(doc, { history: opts.history, comparison: opts.comparison });
    case "md":
      return renderMarkdown(doc, { comparison: opts.comparison });
    case "junit":
      return renderJUnit(doc, { comparison: opts.comparison });
    case "json":
      return `${redact(JSON.stringify(opts.comparison ? { ...doc, comparison: opts.comparison } : doc, null, 2))}\n`;
  }
}
