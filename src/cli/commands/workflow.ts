import type { Command } from "commander";
import { addRunOptions } from "../common.js";

interface Flags {
  json?: boolean;
  project: string;
}

export function register(program: Command): void {
  const workflow = program
    .command("workflow")
    .description("multi-agent workflows: each step's output is handed to the next agent");

  workflow
    .command("list")
    .description("list the built-in and configured workflows")
    .option("--json", "print machine-readable JSON on stdout")
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags>();
      const [{ loadProject }, { Output }] = await Promise.all([
        import("../../config/index.js"),
        import("../output.js"),
      ]);
      const out = new Output({ json: flags.json });
      const project = await loadProject(flags.project);
      const list = project.workflows.list();
      if (out.json) {
        out.data({ workflows: list });
        return;
      }
      const nameW = Math.max(4, ...list.map((w) => w.name.length));
      const agentsW = Math.max(
        20,
        (process.stdout.columns || 120) - nameW - "STEPS".length - "builtin".length - 6,
      );
      out.table(
        ["NAME", "STEPS", "SOURCE", "AGENTS"],
        list.map((w) => {
          const chain = w.steps.map((s) => s.agent).join(" → ");
          return [
            w.name,
            w.steps.length,
            w.source,
            chain.length > agentsW ? `${chain.slice(0, agentsW - 1)}…` : chain,
          ];
        }),
      );
    });

  workflow
    .command("show")
    .description("show a workflow's steps, agents and per-step tasks")
    .argument("<name>", "workflow name")
    .option("--json", "print machine-readable JSON on stdout")
    .action(async (name: string, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Flags>();
      const [{ loadProject }, { Output }] = await Promise.all([
        import("../../config/index.js"),
        import("../output.js"),
      ]);
      const out = new Output({ json: flags.json });
      const project = await loadProject(flags.project);
      const wf = project.workflows.get(name);
      if (out.json) {
        out.data(wf);
        return;
      }
      out.line(`${out.c.bold(wf.name)}  ${out.c.dim(wf.source)}`);
      out.line(wf.description);
      out.line("");
      wf.steps.forEach((s, i) => {
        out.line(`${String(i + 1).padStart(2)}. ${out.c.cyan(s.agent)}`);
        out.line(`    ${s.task ?? out.c.dim("(the request as given)")}`);
      });
    });

  addRunOptions(
    workflow
      .command("run")
      .description("run a workflow on a task, step by step")
      .argument("<name>", "workflow name (see: claude-force workflow list)")
      .argument("[task...]", 'the task; "-" reads it from stdin'),
  )
    .addHelpText(
      "after",
      '\nExample:\n  claude-force workflow run code-quality-check "def add(a, b): return a + b"',
    )
    .action(async (name: string, task: string[], _opts, cmd: Command) =>
      (await import("../workflow-run.js")).runWorkflowCommand(name, task, cmd.optsWithGlobals()),
    );
}
