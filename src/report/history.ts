/** Runs over time: the key metrics of every saved results document in a results folder. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isClaudeForceError } from "../errors.js";
import type { ProviderName } from "../providers/types.js";
import { readResultsDocument } from "./load.js";
import { runLatency } from "./summary.js";

export interface HistoryEntry {
  runId: string;
  startedAt: string;
  provider: ProviderName;
  simulated: boolean;
  timeScale: number | null;
  scenarios: number;
  executions: number;
  successRate: number;
  /** Run-wide latency (exact for one scenario, from merged histograms otherwise). */
  p50: number | null;
  p95: number | null;
  totalCost: number;
  gitCommit: string | null;
  file: string;
}

export interface HistoryOptions {
  /** Keep only the newest N runs. */
  last?: number;
  /** Called for every file skipped (unreadable or not a results document). */
  onWarning?: (message: string) => void;
}

/**
 * Oldest first. `latest.json` (a copy of the newest run) and non-JSON files are skipped. With `last`,
 * files are read newest name first (run ids sort by start time) and reading stops once enough runs
 * are found, so a long-lived results folder does not slow the dashboard down.
 */
export async function loadHistory(resultsDir: string, opts: HistoryOptions = {}): Promise<HistoryEntry[]> {
  let names: string[];
  try {
    names = await readdir(resultsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const files = names
    .filter((n) => n.endsWith(".json") && n !== "latest.json")
    .sort()
    .reverse();
  const entries: HistoryEntry[] = [];
  for (const name of files) {
    if (opts.last !== undefined && entries.length >= opts.last) break;
    const file = join(resultsDir, name);
    try {
      const doc = await readResultsDocument(file);
      // A baseline copied into the folder repeats a run: list each run once.
      if (entries.some((e) => e.runId === doc.run.id)) continue;
      const lat = runLatency(doc);
      entries.push({
        runId: doc.run.id,
        startedAt: doc.run.startedAt,
        provider: doc.run.provider,
        simulated: doc.run.simulated,
        timeScale: doc.run.timeScale,
        scenarios: doc.scenarios.length,
        executions: doc.totals.executions,
        successRate: doc.totals.successRate,
        p50: lat.p50,
        p95: lat.p95,
        totalCost: doc.totals.totalCost,
        gitCommit: doc.run.gitCommit,
        file,
      });
    } catch (err) {
      opts.onWarning?.(
        `skipping ${isClaudeForceError(err) ? err.toLine() : `${file}: ${(err as Error).message}`}`,
      );
    }
  }
  entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
  return opts.last !== undefined ? entries.slice(-opts.last) : entries;
}
