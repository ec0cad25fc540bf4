/**
 * The frame every `bench` command shares: its common options (output, report, compare, limits,
 * queue, profile) and `runBench`, which opens the runtime, runs the command's body with progress,
 * Ctrl-C and run limits, then prints, writes reports, compares with a baseline and sets the exit
 * code. Heavy modules are imported inside functions so `--help` stays fast.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import type { LoadedRun } from "../bench/resume.js";
import type { PlanParams } from "../bench/resume-plan.js";
import type { ResultsDocument } from "../bench/types.js";
import type { ClaudeForceConfig } from "../config/schema.js";
import type { DistributedSummary } from "../distributed/types.js";
import { ClaudeForceError } from "../errors.js";
import type { Runtime } from "../orchestrator/runtime.js";
import type { ProfileSummary } from "../profiling/types.js";
import type { Comparison } from "../regress/types.js";
import { addRunOptions, parseDuration, parsePositive, type RunFlags } from "./common.js";
import { fmtMs, type Output } from "./output.js";
import type { ProgressReporter } from "./progress.js";
import { pacingLabel } from "./runtime.js";

/** Simulated time compression for bench: the default suite finishes in about 20 s on 2 cores. */
export const BENCH_TIME_SCALE = 0.03;
export const DEFAULT_OUTPUT = "benchmarks/results";

export interface OutputFlags {
  output: string;
  report?: boolean;
  compare?: string;
  maxDuration?: number;
  maxCost?: number;
  /** Redis URL: executions run on `claude-force worker` processes (docs/distributed.md). */
  queue?: string;
  /** Profile the harness itself: cpu, heap or all. */
  profile?: "cpu" | "heap" | "all";
}
export type Flags = RunFlags & OutputFlags;

export interface BenchContext {
  runtime: Runtime;
  out: Output;
  signal: AbortSignal;
  progress: ProgressReporter;
  outputDir: string;
}

export function addOutputOptions(cmd: Command): Command {
  return addLimitOptions(
    addRunOptions(cmd)
      .option(
        "-o, --output <dir>",
        `results folder (default: ${DEFAULT_OUTPUT}/ under the project)`,
        DEFAULT_OUTPUT,
      )
      .option("--report", "also write the HTML dashboard and a Markdown report next to the results")
      .option("--compare <baseline>", "compare the run with a baseline results file; exit 1 on a regression")
      .option(QUEUE_FLAG, QUEUE_HELP)
      .addOption(
        new Option(
          "--profile <kind>",
          "profile claude-force itself during the run: .cpuprofile + flame graph, heap profile, GC, event loop",
        ).choices(["cpu", "heap", "all"]),
      ),
  );
}

export const QUEUE_FLAG = "--queue <url>";
export const QUEUE_HELP =
  "run the executions on `claude-force worker` processes through this Redis queue (redis://host:6379/0)";

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option(
      "--max-duration <d>",
      "stop the run after this long (e.g. 90s, 10m), keeping what finished (resumable)",
      parseDuration,
    )
    .option(
      "--max-cost <usd>",
      "stop before the run could spend more than this many USD (worst case per request)",
      parsePositive,
    );
}

async function startProfiler(kind: "cpu" | "heap" | "all", outDir: string, runId: string) {
  const { startProfiling } = await import("../profiling/index.js");
  return startProfiling({ cpu: kind !== "heap", heap: kind !== "cpu", outDir, name: `${runId}.profile` });
}

/**
 * Route every execution through the Redis queue. The run id keys the jobs, so a resumed run (same
 * id) collects what workers already finished instead of running it again.
 */
async function attachQueueOrClose(
  runtime: Runtime,
  flags: Flags,
  out: Output,
  resume: boolean,
): Promise<{ summary(): DistributedSummary }> {
  const { attachQueue } = await import("../distributed/index.js");
  try {
    const handle = await attachQueue(runtime, flags.queue as string, {
      model: flags.model,
      argv: process.argv.slice(2),
      resume,
      onWarning: (m) => out.note(`warning: ${m}`),
    });
    out.note(`executions go to the workers on ${redactUrl(flags.queue as string)}`);
    return handle;
  } catch (err) {
    await runtime.close();
    throw err;
  }
}

/** redis://user:password@host → redis://user:***@host, for messages. */
function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@");
}

/** The `bench:` section of the project config (iterations, warmup, concurrency, timeScale, output). */
export function benchConfig(project: string) {
  // Read once per command: both the command and the frame ask for it.
  let cached = benchConfigs.get(project);
  if (!cached) {
    cached = import("../config/load.js").then(
      async ({ loadConfig }) => (await loadConfig(project)).config.bench,
    );
    benchConfigs.set(project, cached);
  }
  return cached;
}
const benchConfigs = new Map<string, Promise<ClaudeForceConfig["bench"]>>();

/** The default folder lives under the project; an explicit --output is relative to where you are. */
export function resultsDir(cmd: Command, project: string, output: string): string {
  return cmd.getOptionValueSource("output") === "default" ? resolve(project, output) : resolve(output);
}

/** Fail before a (possibly long, possibly paid) run, not after it. */
function checkBaseline(file: string, outputDir: string): void {
  if (!existsSync(file))
    throw new ClaudeForceError("INPUT", "baseline file not found", {
      file,
      hint: "save one with `claude-force bench baseline save`",
    });
  if (resolve(file) === resolve(outputDir, "latest.json"))
    throw new ClaudeForceError("USAGE", "--compare points at the latest.json this run will overwrite", {
      file,
      hint: "save a baseline first (`claude-force bench baseline save`) and compare with benchmarks/baseline.json",
    });
}

/**
 * The frame every bench command shares: runtime and banner, Ctrl-C handling, progress on stderr,
 * then the summaries, reports, comparison and exit code. A run stopped early still prints and
 * writes what it finished (the document says incomplete, and why) and exits 130 after Ctrl-C, 1
 * after a run limit (--max-duration, --max-cost).
 */
export async function runBench(
  cmd: Command,
  flags: Flags,
  command: string,
  body: (ctx: BenchContext) => Promise<ResultsDocument>,
  opts: {
    summary?: boolean;
    /** What to write into <run-id>.plan.json (a new run). */
    plan?: PlanParams;
    /** A resumed run: its id, and the cost it already spent (counts against --max-cost). */
    resume?: LoadedRun;
    outputDir?: string;
  } = {},
): Promise<void> {
  const [
    { Output, isInteractive },
    { openRuntime, interruptController },
    { createProgress },
    print,
    { createRunLimits },
  ] = await Promise.all([
    import("./output.js"),
    import("./runtime.js"),
    import("./progress.js"),
    import("./bench-print.js"),
    import("../bench/limits.js"),
  ]);
  const out = new Output({ json: flags.json });
  const cfg = await benchConfig(flags.project);
  if (cfg?.output && cmd.getOptionValueSource("output") === "default") flags.output = cfg.output;
  flags.timeScale ??= cfg?.timeScale;
  const outputDir = opts.outputDir ?? resultsDir(cmd, flags.project, flags.output);
  if (flags.compare) checkBaseline(flags.compare, outputDir);
  const limits = createRunLimits({
    maxCostUsd: flags.maxCost,
    maxDurationMs: flags.maxDuration,
    spentUsd: opts.resume?.state.spentUsd,
  });
  const runtime = await openRuntime(flags, command, out, {
    defaultTimeScale: BENCH_TIME_SCALE,
    runId: opts.resume?.plan.runId,
    wrapProvider: (p, prices) => limits.wrapProvider(p, prices),
  });
  const queue = flags.queue ? await attachQueueOrClose(runtime, flags, out, Boolean(opts.resume)) : null;
  const intr = interruptController(out);
  const interactive = isInteractive();
  const progress = createProgress({ interactive, quiet: out.json && !interactive });
  let doc: ResultsDocument;
  const profiler = flags.profile ? await startProfiler(flags.profile, outputDir, runtime.runId) : null;
  try {
    if (opts.plan) await writeRunPlan(runtime, outputDir, opts.plan, flags);
    limits.start();
    const signal = AbortSignal.any([intr.signal, limits.signal]);
    doc = await body({ runtime, out, signal, progress, outputDir });
    if (profiler) doc.profile = await profiler.stop();
    if (queue) doc.distributed = queue.summary();
    if (profiler || queue) {
      // The session already wrote the document: write it again with what only the frame knows.
      const { ResultsWriter } = await import("../bench/results-writer.js");
      ResultsWriter.open(outputDir, doc.run.id).writeDocument(doc);
    }
  } finally {
    progress.stop();
    intr.dispose();
    limits.dispose();
    await runtime.close();
  }

  if (opts.summary !== false) print.printDocument(out, doc);
  else {
    // agent and workflow printed their own guide-style summary as they went.
    print.printRunHeader(out, doc);
    print.printTotals(out, doc);
  }
  await printRunNotes(out, doc);
  const jsonl = resolve(outputDir, `${doc.run.id}.executions.jsonl`);
  const files: Record<string, string | undefined> = {
    results: resolve(outputDir, `${doc.run.id}.json`),
    latest: resolve(outputDir, "latest.json"),
    executions: existsSync(jsonl) ? jsonl : undefined,
  };
  // Compare before writing reports, so the dashboard and Markdown carry the baseline diff.
  let comparison: Comparison | null = null;
  let compareCode = 0;
  if (flags.compare && !doc.run.incomplete) {
    const { compareAfterRun } = await import("./commands/bench-compare.js");
    compareCode = await compareAfterRun(doc, flags.compare, {
      json: flags.json,
      project: flags.project,
      onComparison: (c) => {
        comparison = c;
      },
    });
  }
  if (flags.report) {
    const { writeReports } = await import("../report/index.js");
    const written = await writeReports(doc, {
      outDir: outputDir,
      formats: ["html", "md"],
      executionsFile: files.executions,
      comparison,
    });
    files.dashboard = written.html;
    files.markdown = written.md;
  }
  print.printFiles(out, files);
  out.data(doc);
  if (doc.run.incomplete) {
    // A run limit is the run's own budget: exit 1 (not finished). Ctrl-C is 130, as for any command.
    const byLimit = limits.signal.aborted && !intr.signal.aborted;
    const canResume = existsSync(resolve(outputDir, `${doc.run.id}.plan.json`));
    out.note(
      `run ${byLimit ? `stopped (${doc.run.stopReason})` : "interrupted"}: the results above cover the executions that finished` +
        (canResume ? `; finish it with: claude-force bench resume ${doc.run.id}` : ""),
    );
    process.exitCode = byLimit ? 1 : 130;
    return;
  }
  if (compareCode !== 0) process.exitCode = compareCode;
}

async function writeRunPlan(runtime: Runtime, outputDir: string, params: PlanParams, flags: Flags) {
  const [{ planRun }, { writePlan }] = await Promise.all([
    import("../bench/resume.js"),
    import("../bench/resume-plan.js"),
  ]);
  const plan = await planRun(runtime, params, {
    model: flags.model,
    timeoutMs: flags.timeout,
    rpm: flags.rpm,
    tpm: flags.tpm,
    track: flags.track,
    maxCostUsd: flags.maxCost,
    maxDurationMs: flags.maxDuration,
  });
  writePlan(outputDir, plan);
}

/** Why the run stopped, client-side pacing, and per scenario the 429s and backoff the retries met. */
async function printRunNotes(out: Output, doc: ResultsDocument): Promise<void> {
  if (doc.run.stopReason) out.line(out.c.yellow(`stopped early: ${doc.run.stopReason}`));
  if (doc.distributed) {
    const d = doc.distributed;
    const workers = Object.entries(d.workers)
      .map(([w, n]) => `${w} ${n} (clock ${fmtMs(d.clockOffsets[w] ?? null)})`)
      .join(", ");
    out.line(`workers: ${workers || "none"}; coordination overhead ${fmtMs(d.coordinationMs)} per execution`);
  }
  if (doc.profile) {
    const { formatProfileSummary } = await import("../profiling/index.js");
    out.heading("Profile of claude-force itself");
    for (const line of formatProfileSummary(doc.profile as ProfileSummary)) out.line(line);
  }
  const p = doc.pacing;
  if (p)
    out.line(
      `pacing (${pacingLabel(p.rpm, p.tpm)}): ` +
        `${p.delayed} of ${p.requests} requests delayed, ${fmtMs(p.totalWaitMs)} waited in total (max ${fmtMs(p.maxWaitMs)})`,
    );
  const retried = doc.scenarios.filter(
    (s) => s.retries && (s.retries.retries > 0 || s.retries.rateLimited > 0),
  );
  if (retried.length === 0) return;
  out.heading("Retries");
  out.table(
    ["scenario", "429s", "retries", "backoff"],
    retried.map((s) => [s.name, s.retries!.rateLimited, s.retries!.retries, fmtMs(s.retries!.backoffMs)]),
    ["left", "right", "right", "right"],
  );
}
