import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { ClaudeForceError } from "../../errors.js";
import type { MetricsFilter, MetricsSummary, PerformanceTracker } from "../../tracking/index.js";
// since.ts is tiny and DuckDB-free, so flags can be checked while commander parses them.
import { parseSince } from "../../tracking/since.js";
import { fmtMs, fmtPct, fmtUsd, Output } from "../output.js";

interface MetricsFlags {
  project: string;
  since?: Date;
  run?: string;
  agent?: string;
  db?: string;
  json?: boolean;
}

const EMPTY_HINT =
  'no executions recorded yet; try claude-force run python-expert "Explain list comprehensions"';

export function register(program: Command): void {
  const metrics = program
    .command("metrics")
    .description("what the performance tracker recorded: summary, per agent, costs, export")
    .addHelpText(
      "after",
      "\nExamples:\n  claude-force metrics summary --since 24h\n  claude-force metrics costs --run 20261126-134501-a1b2 --json\n  claude-force metrics export --format parquet --out metrics.parquet",
    );

  withFilters(metrics.command("summary"))
    .description("totals, success rate, latency percentiles, tokens and cost")
    .option("--agent <name>", "only this agent")
    .action(async (_opts, cmd: Command) => {
      const f = cmd.optsWithGlobals<MetricsFlags>();
      await withTracker(f, async (t, out) => printSummary(out, await t.summary(filterOf(f)), f));
    });

  withFilters(metrics.command("agents"))
    .description("executions, success rate, latency, tokens and cost per agent")
    .action(async (_opts, cmd: Command) => {
      const f = cmd.optsWithGlobals<MetricsFlags>();
      await withTracker(f, async (t, out) => {
        const agents = await t.byAgent(filterOf(f));
        out.data({ database: t.path, agents });
        if (agents.length === 0) return out.line(emptyLine(f));
        out.table(
          ["agent", "runs", "success", "mean", "p95", "tokens", "cost"],
          agents.map((a) => [
            a.agent,
            a.executions,
            fmtPct(a.success_rate),
            fmtMs(a.mean_ms),
            fmtMs(a.p95_ms),
            fmtInt(a.total_tokens),
            costCell(a.total_cost, a.executions_with_unknown_cost),
          ]),
          ["left", "right", "right", "right", "right", "right", "right"],
        );
        simulatedNote(
          out,
          agents.reduce((s, a) => s + a.simulated_executions, 0),
          agents.reduce((s, a) => s + a.executions, 0),
        );
      });
    });

  withFilters(metrics.command("costs"))
    .description("cost and tokens by agent and by model")
    .option("--agent <name>", "only this agent")
    .action(async (_opts, cmd: Command) => {
      const f = cmd.optsWithGlobals<MetricsFlags>();
      await withTracker(f, async (t, out) => {
        const { summary, agents: byAgent, models: byModel } = await t.overview(filterOf(f));
        out.data({
          database: t.path,
          total_cost: summary.total_cost,
          executions_with_unknown_cost: summary.executions_with_unknown_cost,
          by_agent: byAgent,
          by_model: byModel,
        });
        if (summary.total_executions === 0) return out.line(emptyLine(f));
        const headers = ["executions", "input tok", "output tok", "cost", "cost/run"];
        const cells = (g: (typeof byAgent)[number] | (typeof byModel)[number]) => [
          g.executions,
          fmtInt(g.input_tokens),
          fmtInt(g.output_tokens),
          costCell(g.total_cost, g.executions_with_unknown_cost),
          fmtUsd(perRun(g.total_cost, g.executions - g.executions_with_unknown_cost)),
        ];
        const align = ["left", "right", "right", "right", "right", "right"] as const;
        out.heading("By agent");
        out.table(
          ["agent", ...headers],
          byAgent.map((a) => [a.agent, ...cells(a)]),
          [...align],
        );
        out.heading("By model");
        out.table(
          ["model", ...headers],
          byModel.map((m) => [m.model, ...cells(m)]),
          [...align],
        );
        out.line("");
        out.line(`total ${costCell(summary.total_cost, summary.executions_with_unknown_cost)}`);
        simulatedNote(out, summary.simulated_executions, summary.total_executions);
      });
    });

  withFilters(metrics.command("export"))
    .description("write the recorded executions to a file (JSONL rows keep the original tool's field names)")
    .addOption(
      new Option("--format <format>", "file format")
        .choices(["csv", "jsonl", "parquet"])
        .makeOptionMandatory(),
    )
    .option("--out <file>", "output file (default: metrics-export.<format> in the current directory)")
    .option("--agent <name>", "only this agent")
    .action(async (_opts, cmd: Command) => {
      const f = cmd.optsWithGlobals<MetricsFlags & { format: "csv" | "jsonl" | "parquet"; out?: string }>();
      await withTracker(f, async (t, out) => {
        const result = await t.exportTo(f.format, f.out ?? `metrics-export.${f.format}`, filterOf(f));
        out.data({ database: t.path, format: f.format, ...result });
        out.line(`wrote ${result.rows} executions to ${result.path}`);
        if (result.rows === 0) out.line(emptyLine(f));
      });
    });
}

function withFilters(cmd: Command): Command {
  return cmd
    .option("--since <when>", "only executions since a look-back (30m, 24h, 7d) or an ISO date", since)
    .option("--run <id>", "only executions of this run id")
    .option("--db <path>", "metrics database to read (default: the project's, from config)")
    .option("--json", "print machine-readable JSON on stdout");
}

function since(value: string): Date {
  try {
    return parseSince(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof ClaudeForceError ? err.toLine() : String(err));
  }
}

function filterOf(f: MetricsFlags): MetricsFilter {
  return { since: f.since, runId: f.run, agent: f.agent };
}

async function withTracker(
  f: MetricsFlags,
  fn: (tracker: PerformanceTracker, out: Output) => Promise<void>,
): Promise<void> {
  const { PerformanceTracker } = await import("../../tracking/index.js");
  const out = new Output({ json: f.json });
  const root = resolve(f.project);
  let database = f.db !== undefined ? resolve(f.db) : undefined;
  if (database === undefined) {
    const { loadConfig } = await import("../../config/index.js");
    database = (await loadConfig(root)).config.tracking.database;
  }
  // No background ingestion: this process only reads, and exits as soon as it has answered.
  const tracker = await PerformanceTracker.open({
    projectRoot: root,
    database,
    mustExist: f.db !== undefined,
    ingestIntervalMs: 0,
  });
  try {
    await fn(tracker, out);
  } finally {
    await tracker.close();
  }
}

function printSummary(out: Output, s: MetricsSummary, f: MetricsFlags): void {
  out.data(s);
  if (s.total_executions === 0) {
    out.line(emptyLine(f));
    return;
  }
  const rows: Array<[string, string]> = [
    ["executions", `${s.total_executions} (${s.successful_executions} ok, ${s.failed_executions} failed)`],
    ["success rate", fmtPct(s.success_rate)],
    ["latency mean", fmtMs(s.avg_execution_time_ms)],
    [
      "latency p50/p95/p99",
      `${fmtMs(s.p50_execution_time_ms)} / ${fmtMs(s.p95_execution_time_ms)} / ${fmtMs(s.p99_execution_time_ms)}`,
    ],
    ["mean TTFT", fmtMs(s.avg_ttft_ms)],
    [
      "tokens in/out",
      `${fmtInt(s.total_input_tokens)} / ${fmtInt(s.total_output_tokens)}${
        s.executions_with_unknown_tokens > 0 ? ` (unknown for ${s.executions_with_unknown_tokens})` : ""
      }`,
    ],
    ["cache read/write", `${fmtInt(s.total_cache_read_tokens)} / ${fmtInt(s.total_cache_write_tokens)}`],
    ["total cost", costCell(s.total_cost, s.executions_with_unknown_cost)],
    ["cost per execution", fmtUsd(s.avg_cost_per_execution)],
  ];
  const errors = Object.entries(s.by_error_type);
  if (errors.length > 0) rows.push(["errors", errors.map(([k, n]) => `${k} ${n}`).join(", ")]);
  rows.push(["period", `${s.first_timestamp ?? "-"} .. ${s.last_timestamp ?? "-"}`]);
  out.table(["metric", "value"], rows);
  simulatedNote(out, s.simulated_executions, s.total_executions);
}

function simulatedNote(out: Output, simulated: number, total: number): void {
  if (simulated === 0) return;
  const which = simulated === total ? "all" : `${simulated} of ${total}`;
  out.line(
    out.c.yellow(
      `note: ${which} executions came from the SIMULATED provider (provider: sim), not real Claude measurements`,
    ),
  );
}

function emptyLine(f: MetricsFlags): string {
  return f.since || f.run || f.agent ? "no recorded executions match these filters" : EMPTY_HINT;
}

function costCell(cost: number, unknown: number): string {
  return unknown > 0 ? `${fmtUsd(cost)} (+${unknown} unpriced)` : fmtUsd(cost);
}

function perRun(cost: number, priced: number): number | null {
  return priced > 0 ? cost / priced : null;
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}
