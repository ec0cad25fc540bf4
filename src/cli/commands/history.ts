/** `claude-force history`: saved runs over time with their key metrics. */
import { resolve } from "node:path";
import type { Command } from "commander";
import { parsePositiveInteger } from "../common.js";

const DEFAULT_DIR = "benchmarks/results";

interface HistoryFlags {
  last?: number;
  dir: string;
  json?: boolean;
  project: string;
}

export function register(program: Command): void {
  program
    .command("history")
    .description(
      "list saved benchmark runs over time: date, run id, provider, executions, success, p50, p95, cost, commit",
    )
    .option("-n, --last <n>", "show only the newest N runs", parsePositiveInteger)
    .option("--dir <dir>", `results folder (default: ${DEFAULT_DIR} under the project)`)
    .option("--json", "print the runs as JSON")
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<HistoryFlags>();
      const [{ Output, fmtMs, fmtPct, fmtUsd }, { loadHistory }] = await Promise.all([
        import("../output.js"),
        import("../../report/history.js"),
      ]);
      const out = new Output({ json: flags.json });
      const dir = flags.dir ? resolve(flags.dir) : resolve(flags.project, DEFAULT_DIR);
      const runs = await loadHistory(dir, { last: flags.last, onWarning: (m) => out.note(`warning: ${m}`) });
      out.data(runs);
      if (runs.length === 0) {
        out.line(`no saved runs in ${dir} (run claude-force bench to create one)`);
        return;
      }
      out.table(
        ["date", "run", "provider", "executions", "success", "p50", "p95", "cost", "commit"],
        runs.map((r) => [
          r.startedAt.replace("T", " ").slice(0, 19),
          r.runId,
          r.simulated ? `${r.provider} (SIMULATED)` : r.provider,
          r.executions,
          fmtPct(r.successRate),
          fmtMs(r.p50),
          fmtMs(r.p95),
          fmtUsd(r.totalCost),
          r.gitCommit ? r.gitCommit.slice(0, 10) : "-",
        ]),
        ["left", "left", "left", "right", "right", "right", "right", "right", "left"],
      );
      if (runs.some((r) => r.simulated))
        out.line(
          out.c.dim("SIMULATED runs come from claude-force's model of Claude, not real measurements."),
        );
    });
}
