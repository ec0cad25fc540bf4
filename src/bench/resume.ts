/**
 * Resumable runs. A bench run writes `<run-id>.plan.json` when it starts and appends every finished
 * execution to `<run-id>.executions.jsonl`; `resumeRun` reads both back, re-creates the runtime with
 * the same settings and run id (same seed: the simulation replays per execution key; the tracker
 * records under the same run), skips the iterations already finished, runs the rest and writes a
 * document covering every iteration exactly once.
 *
 * What runs is pluggable: `executor` receives the runtime, the plan and the resume state, and the
 * local `executePlan` is the default. A distributed resume can pass its own (for example one that
 * attaches the run's queue to the runtime before delegating to `executePlan`).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ClaudeForceError } from "../errors.js";
import { createRuntime, type Runtime, type RuntimeOptions } from "../orchestrator/runtime.js";
import type { WorkflowStepResult } from "../orchestrator/types.js";
import { createRunLimits } from "./limits.js";
import { readResults } from "./results-writer.js";
import { fileHash, PLAN_VERSION, type PlanParams, type RunPlan, readPlan } from "./resume-plan.js";
import { type ResumeState, readExecutionLines, resumeStateOf } from "./resume-state.js";
import type { BenchCallbacks, IterationEvent } from "./session.js";
import type { ResultsDocument } from "./types.js";

export interface LoadedRun {
  plan: RunPlan;
  state: ResumeState;
  /** Iterations the plan's scenarios ask for. */
  planned: number;
  /** Of those, finished before this resume. */
  finished: number;
}

export interface ExecutePlanOptions extends BenchCallbacks {
  outputDir: string;
  onIteration?: (e: IterationEvent) => void;
  onStep?: (step: WorkflowStepResult, iteration: number) => void;
  onScenario?: (info: { name: string; index: number; count: number; iterations: number }) => void;
}

export type RunExecutor = (
  runtime: Runtime,
  plan: RunPlan,
  opts: ExecutePlanOptions,
) => Promise<ResultsDocument>;

const NOT_RESUMABLE: Partial<Record<PlanParams["command"], string>> = {
  "bench load": "a load measurement must run in one piece: start it again",
  "bench accuracy": "it makes no provider calls: start it again",
};

/** Read a run's plan and what it finished; refuse a run that cannot, or need not, be resumed. */
export function loadRun(outputDir: string, runId: string): LoadedRun {
  const dir = resolve(outputDir);
  const plan = readPlan(dir, runId);
  const why = NOT_RESUMABLE[plan.params.command];
  if (why) throw new ClaudeForceError("USAGE", `\`${plan.params.command}\` runs cannot be resumed: ${why}`);
  const docFile = join(dir, `${runId}.json`);
  const partial = existsSync(docFile) ? readResults(docFile) : null;
  if (partial && !partial.run.incomplete)
    throw new ClaudeForceError("USAGE", `run ${runId} already finished: there is nothing to resume`, {
      file: docFile,
    });
  const p = plan.params;
  if (p.command === "bench suite" && (!existsSync(p.file) || fileHash(p.file) !== p.fileHash))
    throw new ClaudeForceError("INPUT", "the suite file changed (or is gone) since the run started", {
      file: p.file,
      hint: "resuming would mix two different suites; start a new run instead",
    });
  const jsonl = join(dir, `${runId}.executions.jsonl`);
  const state: ResumeState = existsSync(jsonl)
    ? resumeStateOf(readExecutionLines(jsonl))
    : { scenarios: new Map(), spentUsd: 0 };
  // The partial document's start when there is one (Ctrl-C); the plan's after a kill.
  state.startedAt = new Date(partial?.run.startedAt ?? plan.createdAt);
  state.resumed = true;
  let planned = 0;
  let finished = 0;
  for (const s of plan.scenarios) {
    planned += s.iterations;
    for (const i of state.scenarios.get(s.name)?.keys() ?? []) if (i <= s.iterations) finished++;
  }
  return { plan, state, planned, finished };
}

/** The local executor: runs the plan's command in this process, skipping what `resume` says is done. */
export async function executePlan(
  runtime: Runtime,
  plan: RunPlan,
  opts: ExecutePlanOptions,
): Promise<ResultsDocument> {
  const p = plan.params;
  const model = plan.runtime.model ?? undefined;
  const common = { ...opts, model };
  switch (p.command) {
    case "bench": {
      const { runBenchmarks } = await import("./run.js");
      return runBenchmarks(runtime, {
        ...common,
        scenarios: p.scenarios,
        iterations: p.iterations,
        warmup: p.warmup,
        concurrency: p.concurrency,
        throughputTasks: p.throughputTasks,
        accuracy: p.accuracy,
        command: "bench",
      });
    }
    case "bench agent": {
      const { benchmarkAgent } = await import("./agent.js");
      return benchmarkAgent(runtime, p.agent, p.task, {
        ...common,
        iterations: p.iterations,
        warmup: p.warmup,
      });
    }
    case "bench workflow": {
      const { benchmarkWorkflow } = await import("./agent.js");
      return benchmarkWorkflow(runtime, p.workflow, { ...common, iterations: p.iterations, task: p.task });
    }
    case "bench suite": {
      const { runSuite } = await import("./suite.js");
      return runSuite(runtime, p.file, { ...common, iterations: p.iterations });
    }
    default:
      throw new ClaudeForceError("USAGE", `\`${p.command}\` runs cannot be resumed`);
  }
}

/** The runtime a plan ran with, re-created under the same run id. */
export function runtimeOptionsOf(plan: RunPlan): RuntimeOptions {
  const r = plan.runtime;
  return {
    project: plan.project,
    command: plan.params.command,
    runId: plan.runId,
    provider: r.provider,
    model: r.model ?? undefined,
    baseUrl: r.baseUrl ?? undefined,
    seed: r.seed ?? undefined,
    timeScale: r.timeScale ?? undefined,
    timeoutMs: r.timeoutMs ?? undefined,
    rpm: r.rpm ?? undefined,
    tpm: r.tpm ?? undefined,
    track: r.track,
  };
}

export interface ResumeRunOptions extends Omit<ExecutePlanOptions, "resume"> {
  executor?: RunExecutor;
  /** Override the plan's limits (a run stopped by its cost cap resumes with a higher one). */
  maxCostUsd?: number;
  maxDurationMs?: number;
  /** Override runtime settings (tests inject a provider); the run id always stays the plan's. */
  runtime?: Partial<RuntimeOptions>;
}

/** Resume run `runId` from the files in `opts.outputDir` and return its completed document. */
export async function resumeRun(runId: string, opts: ResumeRunOptions): Promise<ResultsDocument> {
  const { executor = executePlan, maxCostUsd, maxDurationMs, runtime: overrides, ...rest } = opts;
  const { plan, state } = loadRun(opts.outputDir, runId);
  const limits = createRunLimits({
    maxCostUsd: maxCostUsd ?? plan.limits.maxCostUsd ?? undefined,
    maxDurationMs: maxDurationMs ?? plan.limits.maxDurationMs ?? undefined,
    spentUsd: state.spentUsd,
  });
  const runtime = await createRuntime({
    ...runtimeOptionsOf(plan),
    ...overrides,
    runId: plan.runId,
    wrapProvider: (p, prices) => limits.wrapProvider(p, prices),
  });
  try {
    limits.start();
    const signal = rest.signal ? AbortSignal.any([rest.signal, limits.signal]) : limits.signal;
    return await executor(runtime, plan, { ...rest, signal, resume: state });
  } finally {
    limits.dispose();
    await runtime.close();
  }
}

export interface PlanSettings {
  /** The --model flag. */
  model?: string;
  timeoutMs?: number;
  rpm?: number;
  tpm?: number;
  track: boolean;
  maxCostUsd?: number;
  maxDurationMs?: number;
  /** Stored as `plan.extra` for a custom executor (e.g. the queue a distributed run used). */
  extra?: Record<string, unknown>;
}

/** The plan of a run about to start on `runtime` (its effective provider, seed and time scale). */
export async function planRun(
  runtime: Runtime,
  params: PlanParams,
  settings: PlanSettings,
): Promise<RunPlan> {
  const info = runtime.providerInfo;
  return {
    version: PLAN_VERSION,
    runId: runtime.runId,
    createdAt: new Date().toISOString(),
    project: runtime.project.root,
    runtime: {
      provider: info.name,
      seed: info.seed ?? null,
      timeScale: info.timeScale ?? null,
      baseUrl: info.baseUrl ?? null,
      model: settings.model ?? null,
      timeoutMs: settings.timeoutMs ?? null,
      rpm: settings.rpm ?? null,
      tpm: settings.tpm ?? null,
      track: settings.track,
    },
    limits: { maxCostUsd: settings.maxCostUsd ?? null, maxDurationMs: settings.maxDurationMs ?? null },
    params,
    scenarios: await plannedScenarios(params),
    ...(settings.extra ? { extra: settings.extra } : {}),
  };
}

async function plannedScenarios(p: PlanParams): Promise<RunPlan["scenarios"]> {
  switch (p.command) {
    case "bench": {
      const [{ selectScenarios }, run] = await Promise.all([import("./scenarios.js"), import("./run.js")]);
      const ladder = p.concurrency?.length ? p.concurrency : run.DEFAULT_LADDER;
      return selectScenarios(p.scenarios).map((d) => ({
        name: d.name,
        iterations: p.iterations ?? run.DEFAULT_ITERATIONS,
        warmup: p.warmup ?? run.DEFAULT_WARMUP,
        concurrency: ladder.length === 1 ? ladder[0]! : 1,
      }));
    }
    case "bench agent":
      return [{ name: p.agent, iterations: p.iterations, warmup: p.warmup ?? 0, concurrency: 1 }];
    case "bench workflow":
      return [{ name: p.workflow, iterations: p.iterations, warmup: 0, concurrency: 1 }];
    case "bench suite": {
      const [{ loadSuite }, { SUITE_DEFAULTS: def }] = await Promise.all([
        import("./suite-file.js"),
        import("./suite.js"),
      ]);
      const { suite } = await loadSuite(p.file);
      const d = suite.defaults ?? {};
      // Defaults as runSuite applies them.
      return suite.scenarios.map((s) => ({
        name: s.name,
        iterations: p.iterations ?? s.iterations ?? d.iterations ?? def.iterations,
        warmup: s.warmup ?? d.warmup ?? def.warmup,
        concurrency: s.concurrency ?? d.concurrency ?? def.concurrency,
      }));
    }
    default:
      return [];
  }
}
