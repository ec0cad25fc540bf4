/**
 * The single CLI entry point. Commands are thin modules (src/cli/commands/*) that parse flags and
 * call the library; heavy modules are imported lazily inside actions so `--help` stays fast.
 * Every error ends here and is mapped to an exit code (see EXIT_CODES and the README).
 */
import { Command, CommanderError } from "commander";
import { ClaudeForceError, EXIT_CODES } from "../errors.js";
import { redact, registerEnvSecrets } from "../internal/redact.js";
import { VERSION } from "../version.js";
import { COMMANDS } from "./commands/index.js";

export function buildProgram(): Command {
  const program = new Command("claude-force")
    .description(
      "Run teams of Claude agents and measure them: latency, cost, throughput, routing, regressions.",
    )
    .version(VERSION, "-V, --version")
    .option("--debug", "show stack traces and internal detail on errors")
    .option("--no-color", "disable colour (NO_COLOR is honoured too)")
    .option("-C, --project <dir>", "project root (where .claude/ lives)", process.cwd())
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .exitOverride();
  for (const register of COMMANDS) register(program);
  program.addHelpText(
    "after",
    "\nExit codes: 0 ok, 1 regression or failed run, 2 usage/config/input error, 3 provider unavailable,\n70 internal error, 130 interrupted. Docs: README.md",
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  registerEnvSecrets();
  // `claude-force ... | head` closes the pipe early: that is not an error.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  const debug = argv.includes("--debug");
  if (argv.includes("--no-color")) process.env.NO_COLOR = "1";
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return reportError(err, debug);
  }
}

export function reportError(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // help and version are "errors" to commander; they already printed.
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0)
      return 0;
    return EXIT_CODES.USAGE;
  }
  if (err instanceof ClaudeForceError) {
    process.stderr.write(`claude-force: error: ${redact(err.toLine())}\n`);
    if (debug && err.stack) process.stderr.write(`${redact(err.stack)}\n`);
    if (debug && err.cause instanceof Error && err.cause.stack)
      process.stderr.write(`cause: ${redact(err.cause.stack)}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  process.stderr.write(`claude-force: internal error: ${redact(e.message)}\n`);
  if (debug && e.stack) process.stderr.write(`${redact(e.stack)}\n`);
  else process.stderr.write("(run again with --debug for the stack trace)\n");
  return EXIT_CODES.INTERNAL;
}
