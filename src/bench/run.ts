/**
 * runBenchmarks: the built-in suite (`claude-force bench`), measuring the guide's four benchmark
 * types in one run: latency and cost per scenario, throughput for each concurrency level, agent
 * selection and routing accuracy, plus the harness's own resource use.
 */
import type { Runtime } from "../orchestrator/runtime.js";
import { LatencyRecorder } from "../stats/latency.js";
import { measureThroughputLevel } from "./load.js";
import { startResourceMonitor } from "./resources.js";
import { BUILTIN_SCENARIOS, type ScenarioDef, selectScenarios } from "./scenarios.js";
import { type BenchCallbacks, BenchSession } from "./session.js";
import type { AccuracyResult, ResultsDocument, ThroughputLevel } from "./types.js";

export interface RunBenchmarksOptions extends BenchCallbacks {
  /** Built-in scenario names (default: all). */
  scenarios?: string[];
  /** Recorded iterations per scenario (default 10: enough samples for the regression rank test). */
  iterations?: number;
  /** Unrecorded warmup iterations per scenario (default 1). */
  warmup?: number;
  /**
   * One level runs the scenarios at that concurrency and measures throughput there; a ladder runs
   * the scenarios one at a time and measures throughput at every level (default [1, 5, 10, 20]).
   */
  concurrency?: number[];
  /** Tasks per throughput level (default max(10, 4 × level)). */
  throughputTasks?: number;
  /** Run the accuracy benchmark (default true). */
  accuracy?: boolean;
  /** Overrides every scenario's model (the --model flag). */
  model?: string;
  /** Write results files here (none when absent). */
  outputDir?: string;
  command?: string;
}

export const DEFAULT_ITERATIONS = 10;
export const DEFAULT_WARMUP = 1;
export const DEFAULT_LADDER = [1, 5, 10, 20];

export function defaultThroughputTasks(concurrency: number): number {
  return Math.max(10, 4 * concurrency);
}

export async function runBenchmarks(
  runtime: Runtime,
  opts: RunBenchmarksOptions = {},
): Promise<ResultsDocument> {
  const defs = selectScenarios(opts.scenarios);
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  const warmup = opts.warmup ?? DEFAULT_WARMUP;
  const ladder = opts.concurrency && opts.concurrency.length > 0 ? opts.concurrency : DEFAULT_LADDER;
  const scenarioConcurrency = ladder.length === 1 ? ladder[0]! : 1;
  const session = new BenchSession(runtime, { ...opts, command: opts.command ?? "bench" });
  const monitor = startResourceMonitor();
  try {
    for (const def of defs) {
      if (session.aborted) break;
      await session.runScenario({
        def,
        iterations,
        warmup,
        concurrency: scenarioConcurrency,
        model: opts.model,
      });
    }
    const throughput: ThroughputLevel[] = [];
    const probe = throughputScenario(defs);
    for (const concurrency of ladder) {
      if (session.aborted) break;
      throughput.push(await throughputLevel(session, probe, concurrency, opts));
    }
    let accuracy: AccuracyResult | null = null;
    if (opts.accuracy !== false && !session.aborted)
      accuracy = { ...(await measureAccuracy(runtime)), taskSuccessRate: session.scenarioSuccessRate() };
    return session.finish({ throughput, accuracy, resources: monitor.stop() });
  } catch (err) {
    monitor.stop();
    session.abandon();
    throw err;
  }
}

/** Throughput runs the simplest selected agent scenario (simple_task by default). */
function throughputScenario(defs: ScenarioDef[]): ScenarioDef {
  return defs.find((d) => d.kind === "agent") ?? BUILTIN_SCENARIOS[0]!;
}

async function throughputLevel(
  session: BenchSession,
  def: ScenarioDef,
  concurrency: number,
  opts: RunBenchmarksOptions,
): Promise<ThroughputLevel> {
  const tasks = opts.throughputTasks ?? defaultThroughputTasks(concurrency);
  const scenario = `throughput@c${concurrency}`;
  const model = opts.model ?? def.model;
  const orch = session.runtime.orchestrator;
  // Live figures for the progress display only; the level's statistics come from measureThroughputLevel.
  const live = new LatencyRecorder({ maxSamples: 0 });
  let done = 0;
  let ok = 0;
  let cost = 0;
  return measureThroughputLevel(session.runtime, {
    concurrency,
    tasks,
    signal: session.signal,
    job: async ({ index, signal }) => {
      const r = await orch.executeAgent(def.agent!, def.task, {
        model,
        scenario,
        iteration: index + 1,
        signal,
      });
      if (session.recordExecution("throughput", index + 1, r.record)) {
        done++;
        cost += r.cost ?? 0;
        if (r.success) {
          ok++;
          live.record(r.record.e2eMs);
        }
        const s = live.stats();
        session.progress("throughput", scenario, tasks, {
          done,
          successes: ok,
          failures: done - ok,
          p50: s.p50,
          p95: s.p95,
          cost,
        });
      }
      return r;
    },
  });
}

/**
 * Agent-selection and routing accuracy of this project's agents and routing keywords, with the
 * lexical selector; `taskSuccessRate` is filled in by the caller from the executions it ran.
 */
export async function measureAccuracy(runtime: Runtime, dataset?: string): Promise<AccuracyResult> {
  const [{ benchmarkAccuracy }, { createLexicalSelector }] = await Promise.all([
    import("./accuracy.js"),
    import("../selection/index.js"),
  ]);
  const agents = runtime.project.agents.list();
  return benchmarkAccuracy({
    selector: createLexicalSelector(agents),
    dataset,
    routing: runtime.project.config.routing,
    agents: agents.map((a) => a.name),
  });
}
