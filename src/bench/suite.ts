/**
 * runSuite: a custom YAML/JSON suite of scenarios with optional output assertions. Assertions
 * decide success; pass@k and pass^k summarise the repeated attempts of each scenario.
 */
import { ClaudeForceError } from "../errors.js";
import type { Runtime } from "../orchestrator/runtime.js";
import { compileAssertions } from "./assertions.js";
import { type BenchCallbacks, BenchSession, type IterationEvent } from "./session.js";
import { type LoadedSuite, loadSuite } from "./suite-file.js";
import type { ResultsDocument } from "./types.js";

export interface RunSuiteOptions extends BenchCallbacks {
  /** Overrides every scenario's iterations. */
  iterations?: number;
  /** Overrides every scenario's model (the --model flag). */
  model?: string;
  outputDir?: string;
  onIteration?: (e: IterationEvent) => void;
  /** Called before each scenario starts (the CLI prints a heading). */
  onScenario?: (info: { name: string; index: number; count: number; iterations: number }) => void;
}

/** Suite scenarios default to 5 iterations, no warmup, one at a time. */
export const SUITE_DEFAULTS = { iterations: 5, warmup: 0, concurrency: 1 };

export async function runSuite(
  runtime: Runtime,
  file: string,
  opts: RunSuiteOptions = {},
): Promise<ResultsDocument> {
  const loaded = await loadSuite(file);
  checkNames(runtime, loaded);
  const { suite } = loaded;
  const d = suite.defaults ?? {};
  const session = new BenchSession(runtime, { ...opts, command: "bench suite" });
  try {
    for (const [index, s] of suite.scenarios.entries()) {
      if (session.aborted) break;
      const iterations = opts.iterations ?? s.iterations ?? d.iterations ?? SUITE_DEFAULTS.iterations;
      opts.onScenario?.({ name: s.name, index, count: suite.scenarios.length, iterations });
      await session.runScenario({
        def: {
          name: s.name,
          description: s.description ?? "",
          kind: s.agent !== undefined ? "agent" : "workflow",
          agent: s.agent,
          workflow: s.workflow,
          task: s.task,
          model: s.model ?? d.model,
        },
        iterations,
        warmup: s.warmup ?? d.warmup ?? SUITE_DEFAULTS.warmup,
        concurrency: s.concurrency ?? d.concurrency ?? SUITE_DEFAULTS.concurrency,
        model: opts.model,
        checker: s.assert?.length ? await compileAssertions(s.assert) : null,
        k: s.k ?? d.k ?? iterations,
        hashExtra: s.assert ?? null,
        onIteration: opts.onIteration,
      });
    }
    return session.finish();
  } catch (err) {
    session.abandon();
    throw err;
  }
}

/** Unknown agents and workflows are reported at their line in the suite file, before anything runs. */
function checkNames(runtime: Runtime, loaded: LoadedSuite): void {
  const { agents, workflows } = runtime.project;
  loaded.suite.scenarios.forEach((s, i) => {
    const [key, value, registry] =
      s.agent !== undefined ? ["agent", s.agent, agents] : ["workflow", s.workflow!, workflows];
    try {
      registry.get(value);
    } catch (err) {
      if (!(err instanceof ClaudeForceError)) throw err;
      const keyPath = `scenarios.${i}.${key}`;
      throw new ClaudeForceError("INPUT", err.message, {
        ...err.details,
        file: loaded.file,
        line: loaded.lineOf(keyPath),
        keyPath,
      });
    }
  });
}
