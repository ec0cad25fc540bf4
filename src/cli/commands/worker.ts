import type { Command } from "commander";
import { parseInteger, parseNonNegative, parsePositiveInteger } from "../common.js";

interface WorkerFlags {
  queue: string;
  queueName?: string;
  concurrency: number;
  provider?: string;
  baseUrl?: string;
  seed?: number;
  timeScale?: number;
  timeout?: number;
  track: boolean;
  lockDuration?: number;
  quiet?: boolean;
  json?: boolean;
  project: string;
}

export function register(program: Command): void {
  program
    .command("worker")
    .description("execute benchmark jobs from a Redis queue (run one per machine; see docs/distributed.md)")
    .requiredOption("--queue <url>", "Redis URL, e.g. redis://host:6379/0")
    .option("--queue-name <name>", "queue name (default claude-force; must match the coordinator's)")
    .option("--concurrency <n>", "jobs run at once on this worker", parsePositiveInteger, 10)
    .option("--provider <name>", "sim | anthropic | openai (keys come from this machine's environment)")
    .option("--base-url <url>", "API base URL (also ANTHROPIC_BASE_URL / OPENAI_BASE_URL)")
    .option("--seed <n>", "sim seed (default: follow the coordinator's)", parseInteger)
    .option(
      "--time-scale <x>",
      "sim wall-clock compression (default: follow the coordinator's)",
      parseNonNegative,
    )
    .option("--timeout <ms>", "per-request timeout in ms", parseInteger)
    .option(
      "--track",
      "also record executions in this machine's metrics database (the coordinator always does)",
    )
    .option(
      "--lock-duration <ms>",
      "ms without a heartbeat before a job counts as stalled and is retried",
      parsePositiveInteger,
    )
    .option("--quiet", "no line per finished job")
    .option("--json", "print a JSON summary on stdout when the worker stops")
    .addHelpText(
      "after",
      `
Stops gracefully on Ctrl-C or SIGTERM (finishes the jobs in hand; a second signal abandons them and
they are retried by another worker).

Example:
  claude-force worker --queue redis://10.0.0.5:6379/0 --concurrency 20`,
    )
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<WorkerFlags>();
      const [{ Output, fmtMs }, { startWorker }] = await Promise.all([
        import("../output.js"),
        import("../../distributed/index.js"),
      ]);
      const out = new Output({ json: flags.json });
      const counts = { jobs: 0, ok: 0, failed: 0 };
      const worker = await startWorker({
        queueUrl: flags.queue,
        queueName: flags.queueName,
        concurrency: flags.concurrency,
        project: flags.project,
        provider: flags.provider,
        baseUrl: flags.baseUrl,
        seed: flags.seed,
        timeScale: flags.timeScale,
        timeoutMs: flags.timeout,
        track: flags.track === true,
        lockDurationMs: flags.lockDuration,
        onWarning: (m) => out.note(`warning: ${m}`),
        onJob: (j) => {
          counts.jobs++;
          if (j.ok) counts.ok++;
          else counts.failed++;
          if (!flags.quiet)
            out.line(`${j.ok ? "ok  " : "FAIL"} ${j.scenario} #${j.iteration} ${fmtMs(j.ms)}`);
        },
      });
      out.note(
        `worker ${worker.id} taking jobs from ${flags.queue.replace(/\/\/[^@/]*@/, "//***@")} ` +
          `(concurrency ${flags.concurrency}, clock offset to Redis ${worker.clockOffsetMs.toFixed(2)} ms)`,
      );
      await new Promise<void>((resolve) => {
        let signals = 0;
        const stop = () => {
          // A second signal abandons the jobs in hand: their locks expire and other workers rerun them.
          if (++signals > 1) process.exit(130);
          out.note("stopping: finishing the jobs in hand (signal again to abandon them)");
          void worker.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      out.data({ worker: worker.id, clockOffsetMs: worker.clockOffsetMs, ...counts });
    });
}
