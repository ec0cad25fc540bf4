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
import type { PlanParams } from "../../bench/resume-plan.js";
import { addOutputOptions, BENCH_TIME_SCALE, benchConfig, type Flags, runBench } from "../bench-frame.js";
import {
  collect,
  parseDuration,
  parseInteger,
  parseIntList,
  parsePositive,
  parsePositiveInteger,
} from "../common.js";
import { registerRegressionCommands } from "./bench-compare.js";
import { registerResume } from "./bench-resume.js";

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
