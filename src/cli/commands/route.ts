import type { Command } from "commander";

interface RouteFlags {
  model?: string;
  agent?: string;
  json?: boolean;
  project: string;
}

export function register(program: Command): void {
  program
    .command("route")
    .description("show which model tier and model a task would be routed to, and why (calls no model)")
    .argument("<task...>", "the task, in plain words")
    .option("-m, --model <model>", "haiku | sonnet | opus | <full model id> | auto")
    .option("-a, --agent <name>", "route as this agent would run it (honours its frontmatter model)")
    .option("--json", "print machine-readable JSON on stdout")
    .addHelpText(
      "after",
      '\nExamples:\n  claude-force route "Fix the typo in the README heading"\n  claude-force route --agent python-expert "Migrate the production database"',
    )
    .action(async (words: string[], _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<RouteFlags>();
      const [{ loadProject }, { routeModel }, { Output }] = await Promise.all([
        import("../../config/project.js"),
        import("../../routing/model.js"),
        import("../output.js"),
      ]);
      const task = words.join(" ");
      const project = await loadProject(flags.project);
      const agent = flags.agent ? project.agents.get(flags.agent) : null;
      const decision = routeModel({
        task,
        modelFlag: flags.model,
        agentModel: agent?.model ?? null,
        agentName: agent?.name,
        defaultModel: project.config.defaultModel,
        modelMap: project.config.models,
        keywords: project.config.routing,
      });
      const out = new Output({ json: flags.json });
      out.data({ task, agent: agent?.name ?? null, ...decision });
      out.table(
        ["tier", "model", "chosen by", "complexity", "reason"],
        [
          [
            decision.tier ?? "-",
            out.c.bold(decision.model),
            decision.source,
            decision.complexity ?? "-",
            decision.reason,
          ],
        ],
      );
    });
}
