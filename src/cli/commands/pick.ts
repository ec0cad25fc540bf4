import type { Command } from "commander";
import { parsePositiveInteger } from "../common.js";

interface PickFlags {
  top: number;
  json?: boolean;
  project: string;
}

export function register(program: Command): void {
  program
    .command("pick")
    .description(
      "rank the agents best suited to a task (built-in and project agents), with a score and reason",
    )
    .argument("<task...>", "the task, in plain words")
    .option("-t, --top <n>", "how many agents to show", parsePositiveInteger, 3)
    .option("--json", "print machine-readable JSON on stdout")
    .addHelpText("after", '\nExample:\n  claude-force pick "Design a REST API for a todo application"')
    .action(async (words: string[], _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<PickFlags>();
      const [{ loadProject }, { createLexicalSelector }, { Output }] = await Promise.all([
        import("../../config/project.js"),
        import("../../selection/lexical.js"),
        import("../output.js"),
      ]);
      const task = words.join(" ");
      const project = await loadProject(flags.project);
      const agents = project.agents.list();
      const ranked = createLexicalSelector(agents).rank(task, { top: flags.top });
      const out = new Output({ json: flags.json });
      out.data({ task, selector: "lexical-bm25", agentsConsidered: agents.length, results: ranked });
      if (ranked.length === 0) {
        out.line(
          `no agent matched this task among ${agents.length} agents; describe it with more technical detail`,
        );
        return;
      }
      out.table(
        ["#", "agent", "score", "why"],
        ranked.map((r, i) => [i + 1, out.c.bold(r.agent), r.score.toFixed(2), r.reason]),
        ["right", "left", "right", "left"],
      );
      out.line(
        out.c.dim(
          `ranked ${agents.length} agents (lexical BM25); run it: claude-force run ${ranked[0]!.agent} "..."`,
        ),
      );
    });
}
