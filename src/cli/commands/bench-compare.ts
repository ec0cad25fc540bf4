/**
 * `bench baseline save` and `bench compare`, plus `compareAfterRun` for `bench --compare FILE`.
 * Exit codes: 0 no regression, 1 regression or budget failure, 2 usage or input error (thrown as
 * ClaudeForceError and mapped by the entry point). The regression library is imported lazily.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { ResultsDocument } from "../../bench/types.js";
import { ClaudeForceError } from "../../errors.js";
import { redact } from "../../internal/redact.js";
import type { AnyResults } from "../../regress/baseline.js";
import type { BudgetConfig } from "../../regress/config.js";
import type { Comparison } from "../../regress/types.js";
import { colorEnabled, Output } from "../output.js";

const BASELINE_FILE = "benchmarks/baseline.json";
const LATEST_RESULTS = "benchmarks/results/latest.json";
const FORMATS = ["table", "md", "junit", "json"] as const;
export type ComparisonFormat = (typeof FORMATS)[number];

export interface CompareRunOptions {
  strict?: boolean;
  alpha?: number;
  allowMismatch?: boolean;
  /** Format written to `out` (or printed when there is no `out`); default table. */
  format?: ComparisonFormat;
  out?: string;
  /** The caller prints a JSON document on stdout: the comparison table goes to stderr instead. */
  json?: boolean;
  /** Project root whose config supplies the `regression` and `budgets` sections (default: cwd). */
  project?: string;
  /** Receives the comparison (bench --report puts it into the dashboard and Markdown). */
  onComparison?: (comparison: Comparison) => void;
  /** Config sections already at hand (skips reading the project config). */
  config?: {
    regression?: unknown;
    budgets?: unknown;
    file?: string;
    lineOf?: (keyPath: string) => number | undefined;
  };
}

/** Compare a finished run with a baseline file, print the result, return the exit code (0 or 1). */
export async function compareAfterRun(
  doc: ResultsDocument,
  baselineFile: string,
  opts: CompareRunOptions = {},
): Promise<number> {
  const { loadBaseline } = await import("../../regress/baseline.js");
  const stdout: Stdout = opts.json ? "stderr" : opts.out ? "table" : (opts.format ?? "table");
  return gate(doc, await loadBaseline(baselineFile), baselineFile, opts, stdout);
}

/** What goes to the terminal: a format on stdout, or the table on stderr when stdout is taken. */
type Stdout = ComparisonFormat | "stderr";

async function gate(
  current: ResultsDocument,
  baseline: AnyResults,
  baselineFile: string,
  opts: CompareRunOptions,
  stdout: Stdout,
): Promise<number> {
  const { compareResults, parseRegressionConfig } = await import("../../regress/index.js");
  const config = opts.config ?? (await projectConfig(opts.project ?? process.cwd()));
  const source = { file: config.file, lineOf: config.lineOf };
  const settings = parseRegressionConfig(config.regression, source);
  const comparison = compareResults(baseline, current, {
    rules: settings.rules,
    budgets: config.budgets as BudgetConfig | undefined,
    alpha: opts.alpha ?? settings.alpha,
    strict: opts.strict ?? settings.strict,
    allowMismatch: opts.allowMismatch,
    baselineFile,
    configSource: source,
  });
  opts.onComparison?.(comparison);
  await present(comparison, opts, stdout);
  return comparison.passed ? 0 : 1;
}

async function projectConfig(project: string): Promise<NonNullable<CompareRunOptions["config"]>> {
  const { loadConfig } = await import("../../config/load.js");
  const loaded = await loadConfig(project);
  const where = loaded.locate("regression") ?? loaded.locate("budgets");
  return {
    regression: loaded.config.regression,
    budgets: loaded.config.budgets,
    file: where?.file,
    lineOf: (keyPath) => loaded.locate(keyPath)?.line,
  };
}

async function present(c: Comparison, opts: CompareRunOptions, stdout: Stdout): Promise<void> {
  const { renderComparisonJUnit, renderComparisonMarkdown, renderComparisonTable } = await import(
    "../../regress/format.js"
  );
  const render = (f: ComparisonFormat, color = false): string =>
    f === "md"
      ? renderComparisonMarkdown(c)
      : f === "junit"
        ? renderComparisonJUnit(c)
        : f === "json"
          ? `${JSON.stringify(c, null, 2)}\n`
          : renderComparisonTable(c, color);
  const out = new Output({ json: stdout === "json" });
  if (opts.out) {
    const format = opts.format ?? "table";
    await mkdir(dirname(opts.out), { recursive: true });
    await writeFile(opts.out, redact(render(format)), "utf8");
    out.note(`comparison (${format}) written to ${opts.out}`);
  }
  if (stdout === "stderr") out.note(render("table", colorEnabled(process.stderr)));
  else if (stdout === "json") out.data(c);
  else out.line(render(stdout, stdout === "table" && colorEnabled()));
}

function parseAlpha(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1))
    throw new InvalidArgumentError(`expected a number between 0 and 1, found '${value}'`);
  return n;
}

interface CompareFlags extends CompareRunOptions {
  baseline: string;
  project: string;
}

export function registerRegressionCommands(bench: Command): void {
  const baseline = bench.command("baseline").description("manage the regression baseline");
  baseline
    .command("save")
    .description("save a results file as the baseline that bench compare checks against")
    .argument("[results]", "results JSON to save", LATEST_RESULTS)
    .option("--out <file>", "where to write the baseline", BASELINE_FILE)
    .option("--json", "print machine-readable JSON on stdout")
    .action(async (results: string, flags: { out: string; json?: boolean }) => {
      const { saveBaseline } = await import("../../regress/baseline.js");
      const saved = await saveBaseline(results, flags.out);
      const out = new Output({ json: flags.json });
      for (const w of saved.warnings) out.note(`warning: ${w}`);
      out.data(saved);
      out.line(
        `baseline saved: ${saved.file} (${saved.runId ? `run ${saved.runId}, ` : ""}${saved.scenarios.length} scenario${saved.scenarios.length === 1 ? "" : "s"}: ${saved.scenarios.join(", ")})`,
      );
    });

  bench
    .command("compare")
    .description("compare a results file with the baseline; exit 1 on a regression or failed budget")
    .argument("[current]", "results JSON of the run to check", LATEST_RESULTS)
    .option("--baseline <file>", "baseline results JSON", BASELINE_FILE)
    .option("--strict", "judge latency on thresholds alone, without the significance test")
    .option("--alpha <p>", "significance level of the one-sided Mann-Whitney test (default 0.05)", parseAlpha)
    .option("--allow-mismatch", "compare runs whose provider, model map, time scale or scenarios differ")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--out <file>", "write the formatted comparison to a file (the table still prints)")
    .option("--json", "print the comparison as JSON on stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  claude-force bench compare --baseline benchmarks/baseline.json\n  claude-force bench compare benchmarks/results/latest.json --format md --out comparison.md",
    )
    .action(async (currentFile: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<CompareFlags>();
      const { isLegacy, loadBaseline, loadResultsFile } = await import("../../regress/baseline.js");
      const current = await loadResultsFile(currentFile, "results");
      if (isLegacy(current))
        throw new ClaudeForceError("INPUT", "results file has no run metadata (guide format)", {
          file: currentFile,
          expected: "a results JSON written by claude-force bench",
          hint: "the guide's format is accepted as a baseline only",
        });
      const stdout: Stdout = flags.json ? "json" : flags.out ? "table" : (flags.format ?? "table");
      const opts = {
        strict: flags.strict,
        alpha: flags.alpha,
        allowMismatch: flags.allowMismatch,
        format: flags.format,
        out: flags.out,
        project: flags.project,
      };
      const code = await gate(current, await loadBaseline(flags.baseline), flags.baseline, opts, stdout);
      if (code !== 0) process.exitCode = code;
    });
}
