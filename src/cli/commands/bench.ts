/**
 * `claude-force bench` and its subcommands. Flags only here; each action lazily imports the bench
 * library (so --help stays instant), runs it with progress on stderr, prints the summaries through
 * Output, writes results (and with --report the dashboard), and with --compare gates on a baseline.
 * Every run writes its plan first, so `bench resume <run-id>` can finish it after a crash, a Ctrl-C
 * or a run limit (--max-duration, --max-cost).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { LoadedRun } from "../../bench/resume.js";
import type { PlanParams } from "../../bench/resume-plan.js";
import type { ResultsDocument } from "../../bench/types.js";
import { ClaudeForceError } from "../../errors.js";
import type { Runtime } from "../../orchestrator/runtime.js";
import type { ProfileSummary } from "../../profiling/types.js";
import type { Comparison } from "../../regress/types.js";
import {
  addRunOptions,
  collect,
  parseDuration,
  parseInteger,
  parseIntList,
  parsePositive,
  parsePositiveInteger,
  type RunFlags,
} from "../common.js";
import { fmtMs, type Output } from "../output.js";
import type { ProgressReporter } from "../progress.js";
import { pacingLabel } from "../runtime.js";
import { registerRegressionCommands } from "./bench-compare.js";

/** Simulated time compression for bench: the default suite finishes in ~15 s on 2 cores. */
const BENCH_TIME_SCALE = 0.03;
const DEFAULT_OUTPUT = "benchmarks/results";

interface OutputFlags {
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
type Flags = RunFlags & OutputFlags;

interface BenchContext {
  runtime: Runtime;
  out: Output;
  signal: AbortSignal;
  progress: ProgressReporter;
  outputDir: string;
}

function addOutputOptions(cmd: Command): Command {
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

const QUEUE_FLAG = "--queue <url>";
const QUEUE_HELP =
  "run the executions on `claude-force worker` processes through this Redis queue (redis://host:6379/0)";

function addLimitOptions(cmd: Command): Command {
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

const nonNegative = (v: string) => {
  const n = parseInteger(v);
  if (n < 0) throw new InvalidArgumentError(`expected an integer >= 0, found '${v}'`);
  return n;
};

/** "ttft=2000,e2e=8s" → { ttftMs: 2000, e2eMs: 8000 } (bare numbers are ms). */
export function parseSlo(value: string): { ttftMs?: number; e2eMs?: number } {
  const out: { ttftMs?: number; e2eMs?: number } = {};
  for (const part of value.split(",")) {
    const [key, raw] = part.split("=").map((s) => s.trim());
    if (!raw || (key !== "ttft" && key !== "e2e"))
      throw new InvalidArgumentError(
        `expected ttft=<ms>,e2e=<ms> (e.g. ttft=2000,e2e=8000), found '${value}'`,
      );
    const ms = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : parseDuration(raw);
    if (key === "ttft") out.ttftMs = ms;
    else out.e2eMs = ms;
  }
  return out;
}

export function register(program: Command): void {
  const bench = addOutputOptions(program.command("bench"))
    .description("benchmark agents: latency, cost, throughput and selection accuracy (the built-in suite)")
    .option(
      "-s, --scenario <name>",
      "run only this scenario (repeatable): simple_task, medium_task, complex_task, workflow_test",
      collect,
      [],
    )
    .option("-n, --iterations <n>", "recorded iterations per scenario (default 10)", parsePositiveInteger)
    .option("--warmup <n>", "unrecorded warmup iterations per scenario (default 1)", nonNegative)
    .option(
      "-c, --concurrency <levels>",
      "one level (scenarios run at it) or a throughput ladder such as 1,5,10,20 (default 1,5,10,20)",
      parseIntList,
    )
    .option(
      "--throughput-tasks <n>",
      "tasks per throughput level (default max(10, 4 x level))",
      parsePositiveInteger,
    )
    .option("--no-accuracy", "skip the agent-selection accuracy benchmark")
    .enablePositionalOptions()
    .addHelpText(
      "after",
      `
Defaults: 4 scenarios x (1 warmup + 10 iterations), throughput ladder 1,5,10,20, accuracy on the
shipped dataset. With the simulated provider the time scale is ${BENCH_TIME_SCALE} (override with --time-scale 1 for
real-time latencies); the whole suite takes about 20 s. The config's bench: section
(iterations, warmup, concurrency, timeScale, output) sets other defaults; flags win. Results: <output>/<run-id>.json, latest.json,
<run-id>.executions.jsonl and <run-id>.plan.json (what \`bench resume <run-id>\` needs after a crash,
a Ctrl-C or a --max-duration / --max-cost stop).

Examples:
  claude-force bench --report
  claude-force bench --scenario simple_task --iterations 10
  claude-force bench agent python-expert "Explain list comprehensions in Python" -n 10
  claude-force bench workflow code-quality-check -n 5
  claude-force bench suite examples/my-suite.yaml
  claude-force bench load --tasks 100 --concurrency 10
  claude-force bench load --rate 20 --duration 30s --arrival poisson
  claude-force bench accuracy
  claude-force bench --max-cost 2 --max-duration 10m --rpm 50
  claude-force bench resume 20261126-134501-a1b2`,
    )
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<
        Flags & {
          scenario: string[];
          iterations?: number;
          warmup?: number;
          concurrency?: number[];
          throughputTasks?: number;
          accuracy: boolean;
        }
      >();
      // The config's bench section supplies defaults; flags win.
      const cfg = await benchConfig(flags.project);
      flags.iterations ??= cfg?.iterations;
      flags.warmup ??= cfg?.warmup;
      flags.concurrency ??= cfg?.concurrency;
      const params: PlanParams = {
        command: "bench",
        scenarios: flags.scenario,
        iterations: flags.iterations,
        warmup: flags.warmup,
        concurrency: flags.concurrency,
        throughputTasks: flags.throughputTasks,
        accuracy: flags.accuracy,
      };
      await runBench(
        cmd,
        flags,
        "bench",
        async (ctx) => {
          const { runBenchmarks } = await import("../../bench/run.js");
          return runBenchmarks(ctx.runtime, {
            scenarios: flags.scenario,
            iterations: flags.iterations,
            warmup: flags.warmup,
            concurrency: flags.concurrency,
            throughputTasks: flags.throughputTasks,
            accuracy: flags.accuracy,
            model: flags.model,
            outputDir: ctx.outputDir,
            signal: ctx.signal,
            onProgress: (e) => ctx.progress.update(e),
          });
        },
        { plan: params },
      );
    });

  addOutputOptions(bench.command("agent"))
    .description("benchmark one agent on one task: a line per iteration, then latency, tokens and cost")
    .argument("<agent>", "agent name")
    .argument("<task>", "the task text")
    .option("-n, --iterations <n>", "iterations (default 10)", parsePositiveInteger)
    .option("--warmup <n>", "unrecorded warmup iterations (default 0)", nonNegative)
    .action(async (agent: string, task: string, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags & { iterations?: number; warmup?: number }>();
      await runBench(
        cmd,
        flags,
        "bench agent",
        async (ctx) => {
          const [{ benchmarkAgent }, print] = await Promise.all([
            import("../../bench/agent.js"),
            import("../bench-print.js"),
          ]);
          const n = flags.iterations ?? 10;
          ctx.out.line(`Benchmarking: ${agent}`);
          ctx.out.line(`Task: ${task.length > 50 ? `${task.slice(0, 50)}...` : task}`);
          ctx.out.line(`Iterations: ${n}\n`);
          const doc = await benchmarkAgent(ctx.runtime, agent, task, {
            iterations: n,
            warmup: flags.warmup,
            model: flags.model,
            outputDir: ctx.outputDir,
            signal: ctx.signal,
            onIteration: (e) => print.printIteration(ctx.out, e),
          });
          if (doc.scenarios[0]) print.printAgentSummary(ctx.out, doc.scenarios[0]);
          return doc;
        },
        {
          summary: false,
          plan: {
            command: "bench agent",
            agent,
            task,
            iterations: flags.iterations ?? 10,
            warmup: flags.warmup,
          },
        },
      );
    });

  addOutputOptions(bench.command("workflow"))
    .description(
      "benchmark a workflow: per-step timings and cost, total time, slowest step, hand-off overhead",
    )
    .argument("<name>", "workflow name")
    .argument("[task]", "the request the workflow works on (default: a real code-quality task)")
    .option("-n, --iterations <n>", "iterations (default 5)", parsePositiveInteger)
    .action(async (name: string, task: string | undefined, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags & { iterations?: number }>();
      await runBench(
        cmd,
        flags,
        "bench workflow",
        async (ctx) => {
          const [{ benchmarkWorkflow }, print] = await Promise.all([
            import("../../bench/agent.js"),
            import("../bench-print.js"),
          ]);
          const n = flags.iterations ?? 5;
          ctx.out.line(`Benchmarking workflow: ${name}`);
          ctx.out.line(`Iterations: ${n}\n`);
          const doc = await benchmarkWorkflow(ctx.runtime, name, {
            iterations: n,
            task,
            model: flags.model,
            outputDir: ctx.outputDir,
            signal: ctx.signal,
            onStep: (s, i) => print.printWorkflowStep(ctx.out, s, i, n),
            onIteration: (e) => print.printWorkflowIteration(ctx.out, e),
          });
          if (doc.scenarios[0]) print.printWorkflowSteps(ctx.out, doc.scenarios[0]);
          return doc;
        },
        {
          summary: false,
          plan: { command: "bench workflow", workflow: name, task, iterations: flags.iterations ?? 5 },
        },
      );
    });

  addOutputOptions(bench.command("suite"))
    .description("run a custom YAML/JSON suite of scenarios with optional output assertions (pass@k, pass^k)")
    .argument("<file>", "suite file, e.g. examples/my-suite.yaml")
    .option("-n, --iterations <n>", "override every scenario's iterations", parsePositiveInteger)
    .addHelpText("after", "\nExit code 1 when an execution failed an assertion. Format: docs/benchmarks.md")
    .action(async (file: string, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags & { iterations?: number }>();
      const { fileHash } = await import("../../bench/resume-plan.js");
      const suiteFile = resolve(file);
      const plan: PlanParams = {
        command: "bench suite",
        file: suiteFile,
        fileHash: existsSync(suiteFile) ? fileHash(suiteFile) : "",
        iterations: flags.iterations,
      };
      await runBench(
        cmd,
        flags,
        "bench suite",
        async (ctx) => {
          const [{ runSuite }, print] = await Promise.all([
            import("../../bench/suite.js"),
            import("../bench-print.js"),
          ]);
          const doc = await runSuite(ctx.runtime, file, {
            iterations: flags.iterations,
            model: flags.model,
            outputDir: ctx.outputDir,
            signal: ctx.signal,
            onScenario: (s) =>
              ctx.out.heading(`Scenario ${s.index + 1}/${s.count}: ${s.name} (${s.iterations} iterations)`),
            onIteration: (e) => print.printIteration(ctx.out, e),
          });
          if (doc.scenarios.some((s) => (s.errors.assertion ?? 0) > 0)) process.exitCode = 1;
          return doc;
        },
        { plan },
      );
    });

  addOutputOptions(bench.command("load"))
    .description(
      "load test: closed loop (--tasks N --concurrency C|ladder) or open loop (--rate R --duration D)",
    )
    .option("--agent <name>", "agent to load (default python-expert)")
    .option(
      "--task <text>",
      "task text (repeatable; cycled); default: ten real Python questions",
      collect,
      [],
    )
    .option("--tasks <n>", "closed loop: tasks per level (default 100)", parsePositiveInteger)
    .option(
      "-c, --concurrency <levels>",
      "closed loop: one level or a ladder such as 1,5,10,20 (default 10)",
      parseIntList,
    )
    .option("--rate <r>", "open loop: arrivals per second", parsePositive)
    .option("--duration <d>", "open loop: arrival window such as 30s or 2m (default 10s)", parseDuration)
    .addOption(
      new Option("--arrival <kind>", "open loop: arrival process")
        .choices(["constant", "poisson"])
        .default("constant"),
    )
    .option(
      "--max-in-flight <m>",
      "open loop: cap on concurrent requests (later arrivals queue)",
      parsePositiveInteger,
    )
    .option("--slo <spec>", "goodput SLOs in ms, e.g. ttft=2000,e2e=8000", parseSlo)
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<
        Flags & {
          agent?: string;
          task?: string[];
          tasks?: number;
          concurrency?: number[];
          rate?: number;
          duration?: number;
          arrival: "constant" | "poisson";
          maxInFlight?: number;
          slo?: { ttftMs?: number; e2eMs?: number };
        }
      >();
      await runBench(
        cmd,
        flags,
        "bench load",
        async (ctx) => {
          const [{ loadTest }, { BenchSession }, { startResourceMonitor }] = await Promise.all([
            import("../../bench/load.js"),
            import("../../bench/session.js"),
            import("../../bench/resources.js"),
          ]);
          const session = new BenchSession(ctx.runtime, {
            command: "bench load",
            outputDir: ctx.outputDir,
            signal: ctx.signal,
          });
          const monitor = startResourceMonitor();
          const levels = flags.concurrency ?? [10];
          let level = 0;
          let lastDone = 0;
          const open = flags.rate !== undefined;
          try {
            const results = await loadTest(ctx.runtime, {
              mode: open ? "open" : "closed",
              agent: flags.agent,
              tasks: flags.task,
              count: flags.tasks,
              concurrency: levels,
              rate: flags.rate,
              durationMs: flags.duration,
              arrival: flags.arrival,
              maxInFlight: flags.maxInFlight,
              slo: flags.slo,
              seed: ctx.runtime.providerInfo.seed,
              signal: ctx.signal,
              onExecution: (r) => session.recordExecution("load", r.record.iteration ?? 0, r.record),
              onProgress: (p) => {
                if (p.done < lastDone) level++;
                lastDone = p.done;
                const scenario = open
                  ? `open ${flags.arrival} ${flags.rate}/s`
                  : `closed c=${levels[level] ?? "?"}`;
                ctx.progress.update({
                  phase: "load",
                  scenario,
                  total: p.total ?? 0, // Poisson arrivals: the count is not known ahead
                  done: p.done,
                  successes: p.successes,
                  failures: p.done - p.successes,
                  p50: p.p50,
                  p95: p.p95,
                  cost: p.cost,
                });
              },
            });
            return session.finish({ load: results, resources: monitor.stop() });
          } catch (err) {
            monitor.stop();
            session.abandon();
            throw err;
          }
        },
        { plan: { command: "bench load" } },
      );
    });

  addOutputOptions(bench.command("accuracy"))
    .description("agent-selection (top-1, top-3, confusion) and tier-routing accuracy on a labelled dataset")
    .option("--dataset <file>", "labelled dataset (default: the shipped one)")
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags & { dataset?: string }>();
      await runBench(
        cmd,
        flags,
        "bench accuracy",
        async (ctx) => {
          const [{ measureAccuracy }, { BenchSession }] = await Promise.all([
            import("../../bench/run.js"),
            import("../../bench/session.js"),
          ]);
          const session = new BenchSession(ctx.runtime, {
            command: "bench accuracy",
            outputDir: ctx.outputDir,
            signal: ctx.signal,
          });
          const accuracy = await measureAccuracy(ctx.runtime, flags.dataset);
          return session.finish({ accuracy });
        },
        { plan: { command: "bench accuracy" } },
      );
    });

  registerResume(bench);
  registerRegressionCommands(bench);
}

function registerResume(bench: Command): void {
  addLimitOptions(bench.command("resume"))
    .description(
      "finish an interrupted, killed or limit-stopped run: skip what it finished, run the rest, write one document",
    )
    .argument("<run-id>", "the run id a bench run printed (its files are <output>/<run-id>.*)")
    .option(
      "-o, --output <dir>",
      `results folder of the run (default: ${DEFAULT_OUTPUT}/ under the project)`,
      DEFAULT_OUTPUT,
    )
    .option("--report", "also write the HTML dashboard and a Markdown report next to the results")
    .option("--timeout <ms>", "per-request timeout in ms (default: the run's)", parseInteger)
    .option("--rpm <n>", "client-side pacing in requests per minute (default: the run's)", parsePositive)
    .option("--tpm <n>", "client-side pacing in tokens per minute (default: the run's)", parsePositive)
    .option("--json", "print machine-readable JSON on stdout")
    .option(QUEUE_FLAG, `${QUEUE_HELP}; finished jobs are collected from the queue, not run again`)
    .addHelpText(
      "after",
      `
Runs with the run's own settings (provider, model, seed, time scale, limits); flags given here
override the limits, pacing and timeout. Iterations finished before are kept, not run again.

Example:
  claude-force bench resume 20261126-134501-a1b2 --max-cost 5`,
    )
    .action(async (runId: string, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<
        OutputFlags & {
          project: string;
          json?: boolean;
          timeout?: number;
          rpm?: number;
          tpm?: number;
          queue?: string;
        }
      >();
      const outputDir = resultsDir(cmd, flags.project, flags.output);
      const { loadRun, executePlan } = await import("../../bench/resume.js");
      const loaded = loadRun(outputDir, runId);
      const { plan } = loaded;
      const r = plan.runtime;
      const runFlags: Flags = {
        provider: r.provider,
        model: r.model ?? undefined,
        baseUrl: r.baseUrl ?? undefined,
        seed: r.seed ?? undefined,
        timeScale: r.timeScale ?? undefined,
        timeout: flags.timeout ?? r.timeoutMs ?? undefined,
        rpm: flags.rpm ?? r.rpm ?? undefined,
        tpm: flags.tpm ?? r.tpm ?? undefined,
        track: r.track,
        json: flags.json,
        project: plan.project,
        output: outputDir,
        report: flags.report,
        maxCost: flags.maxCost ?? plan.limits.maxCostUsd ?? undefined,
        maxDuration: flags.maxDuration ?? plan.limits.maxDurationMs ?? undefined,
        queue: flags.queue,
      };
      await runBench(
        cmd,
        runFlags,
        plan.params.command,
        async (ctx) => {
          ctx.out.line(
            `Resuming run ${runId} (${plan.params.command}): ${loaded.finished} of ${loaded.planned} iterations already finished`,
          );
          const doc = await executePlan(ctx.runtime, plan, {
            outputDir: ctx.outputDir,
            signal: ctx.signal,
            resume: loaded.state,
            onProgress: (e) => ctx.progress.update(e),
          });
          // As `bench suite` itself: exit 1 when an execution failed an assertion.
          if (doc.scenarios.some((s) => (s.errors.assertion ?? 0) > 0)) process.exitCode = 1;
          return doc;
        },
        { resume: loaded, outputDir },
      );
    });
}

async function startProfiler(kind: "cpu" | "heap" | "all", outDir: string, runId: string) {
  const { startProfiling } = await import("../../profiling/index.js");
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
): Promise<void> {
  const { attachQueue } = await import("../../distributed/index.js");
  try {
    await attachQueue(runtime, flags.queue as string, {
      model: flags.model,
      argv: process.argv.slice(2),
      resume,
      onWarning: (m) => out.note(`warning: ${m}`),
    });
    out.note(`executions go to the workers on ${redactUrl(flags.queue as string)}`);
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
async function benchConfig(project: string) {
  const { loadConfig } = await import("../../config/load.js");
  return (await loadConfig(project)).config.bench;
}

/** The default folder lives under the project; an explicit --output is relative to where you are. */
function resultsDir(cmd: Command, project: string, output: string): string {
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
async function runBench(
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
    import("../output.js"),
    import("../runtime.js"),
    import("../progress.js"),
    import("../bench-print.js"),
    import("../../bench/limits.js"),
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
  if (flags.queue) await attachQueueOrClose(runtime, flags, out, Boolean(opts.resume));
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
    if (profiler) {
      doc.profile = await profiler.stop();
      // The session already wrote the document: write it again with the profile in it.
      const { ResultsWriter } = await import("../../bench/results-writer.js");
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
    const { compareAfterRun } = await import("./bench-compare.js");
    compareCode = await compareAfterRun(doc, flags.compare, {
      json: flags.json,
      project: flags.project,
      onComparison: (c) => {
        comparison = c;
      },
    });
  }
  if (flags.report) {
    const { writeReports } = await import("../../report/index.js");
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
    import("../../bench/resume.js"),
    import("../../bench/resume-plan.js"),
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
  if (doc.profile) {
    const { formatProfileSummary } = await import("../../profiling/index.js");
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
