/**
 * `claude-force report`: render a saved run as the HTML dashboard, Markdown, JUnit, CSV or JSON.
 * Flags only here; the action lazily imports the report library.
 */
import { once } from "node:events";
import { dirname, join, resolve } from "node:path";
import { type Command, Option } from "commander";

const DEFAULT_INPUT = "benchmarks/results/latest.json";

interface ReportFlags {
  format: "html" | "md" | "junit" | "csv" | "json";
  out?: string;
  baseline?: string;
  allowMismatch?: boolean;
  json?: boolean;
  project: string;
}

/** Write to stdout honouring back-pressure (a CSV can be large). */
async function writeStdout(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
}

export function register(program: Command): void {
  program
    .command("report")
    .description(
      "render a saved run: HTML dashboard, Markdown (PR comment), JUnit XML, executions CSV or JSON",
    )
    .argument("[results]", `results JSON (default: ${DEFAULT_INPUT} under the project)`)
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["html", "md", "junit", "csv", "json"])
        .default("html"),
    )
    .option(
      "-o, --out <file>",
      "output file (default: dashboard.html beside the results for html, stdout otherwise)",
    )
    .option("--baseline <file>", "compare against this baseline results file and include the diff")
    .option("--allow-mismatch", "compare with --baseline even when the runs' fingerprints differ")
    .option(
      "--json",
      "with html or --out: print {format, file, runId, bytes}; otherwise same as --format json",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  claude-force report                       # dashboard.html beside latest.json\n" +
        "  claude-force report --format md --baseline benchmarks/baseline.json > comment.md\n" +
        "  claude-force report run.json --format junit --out junit.xml",
    )
    .action(async (results: string | undefined, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ReportFlags>();
      const [{ Output }, report, { mkdir, stat, writeFile }] = await Promise.all([
        import("../output.js"),
        import("../../report/index.js"),
        import("node:fs/promises"),
      ]);
      const input = results ? resolve(results) : resolve(flags.project, DEFAULT_INPUT);
      const format = flags.json && !flags.out && flags.format !== "html" ? "json" : flags.format;
      const out = new Output({ json: flags.json });
      const doc = await report.readResultsDocument(input);

      let comparison = null;
      if (flags.baseline) {
        const { compareResults, loadBaseline } = await import("../../regress/index.js");
        const baselineFile = resolve(flags.baseline);
        comparison = compareResults(await loadBaseline(baselineFile), doc, {
          baselineFile,
          allowMismatch: flags.allowMismatch,
        });
      }

      const target = flags.out
        ? resolve(flags.out)
        : format === "html"
          ? join(dirname(input), "dashboard.html")
          : null;
      if (format === "csv") {
        const rows = report.csvSource(doc, await report.executionsFileFor(input, doc.run.id));
        if (!target) {
          for await (const line of report.csvLines(rows)) await writeStdout(line);
          return;
        }
        await mkdir(dirname(target), { recursive: true });
        await report.writeCsvFile(target, rows);
      } else {
        const history =
          format === "html"
            ? await report.loadHistory(dirname(input), {
                last: report.HISTORY_RUNS,
                onWarning: (m) => out.note(`warning: ${m}`),
              })
            : [];
        const text = report.renderText(doc, format, { history, comparison });
        if (!target) {
          await writeStdout(text);
          return;
        }
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text, "utf8");
      }
      const bytes = (await stat(target)).size;
      out.data({ format, file: target, runId: doc.run.id, bytes });
      out.line(
        `wrote ${format} report for run ${doc.run.id}${doc.run.simulated ? " (SIMULATED provider)" : ""}: ${target}`,
      );
      if (comparison && !comparison.passed)
        out.note(
          `baseline comparison: ${comparison.regressions} regression(s), ${comparison.budgetFailures} budget failure(s)`,
        );
    });
}
