/** `claude-force bench resume <run-id>`: finish an interrupted, killed or limit-stopped run. */
import type { Command } from "commander";
import {
  addLimitOptions,
  DEFAULT_OUTPUT,
  type Flags,
  type OutputFlags,
  QUEUE_FLAG,
  QUEUE_HELP,
  resultsDir,
  runBench,
} from "../bench-frame.js";
import { parseInteger, parsePositive } from "../common.js";

export function registerResume(bench: Command): void {
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
