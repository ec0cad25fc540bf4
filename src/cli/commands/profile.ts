/**
 * `claude-force profile -- <command...>`: run any claude-force command in this process under the
 * profiler (CPU profile + flame graph, heap sampling, peak memory, event-loop delay, GC pauses).
 * The wrapped command's own output is untouched; the profile report goes to stderr (or, with
 * --json, as one JSON document on stdout after the command's output).
 */
import type { Command } from "commander";

interface ProfileFlags {
  cpu?: boolean;
  heap?: boolean;
  out?: string;
  name?: string;
  json?: boolean;
  project: string;
}

const DEFAULT_OUT = "benchmarks/profiles";

export function register(program: Command): void {
  program
    .command("profile")
    .description("run a claude-force command under the CPU/heap profiler and report where its time went")
    .argument("<command...>", "the command to profile, after -- (e.g. -- bench run --quick)")
    .option("--cpu", "record a CPU profile and flame graph (default when neither --cpu nor --heap)")
    .option("--heap", "record a sampling heap profile")
    .option("-o, --out <dir>", `where the profile files go (default: ${DEFAULT_OUT} under the project)`)
    .option("--name <name>", "base name of the files (default: <time>-<command>)")
    .option("--json", "print the profile summary as JSON on stdout")
    .addHelpText(
      "after",
      "\nFiles: <name>.cpuprofile (Chrome DevTools, speedscope), <name>.flame.html, <name>.heapprofile\n" +
        "(DevTools Memory tab).\n\nExamples:\n" +
        "  claude-force profile -- bench run --provider sim --time-scale 0\n" +
        "  claude-force profile --heap --out /tmp/prof -- bench load --rate 500 --duration 5s",
    )
    .action(async (command: string[], _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ProfileFlags>();
      const [{ Output }, { startProfiling, formatProfileSummary }, { resolve }, { main }, { newRunId }] =
        await Promise.all([
          import("../output.js"),
          import("../../profiling/index.js"),
          import("node:path"),
          import("../main.js"),
          import("../../internal/ids.js"),
        ]);
      const out = new Output({ json: flags.json });
      const cpu = flags.cpu === true || flags.heap !== true;
      const name = flags.name ?? `${newRunId().slice(0, 15)}-${command.slice(0, 2).join("-")}`;
      const outDir = flags.out ? resolve(flags.out) : resolve(flags.project, DEFAULT_OUT);

      const profiler = await startProfiling({ cpu, heap: flags.heap === true, outDir, name });
      // In-process, through the normal entry point: the profile sees exactly what the command does.
      const code = await main([process.argv[0] ?? "node", "claude-force", "-C", flags.project, ...command]);
      const summary = await profiler.stop();

      out.data({ command, exitCode: code, profile: summary });
      if (!out.json) for (const line of formatProfileSummary(summary)) out.note(line);
      process.exitCode = code;
    });
}
