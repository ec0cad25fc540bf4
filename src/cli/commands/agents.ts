import { type Command, Option } from "commander";
import type { AgentDefinition } from "../../agents/types.js";

interface ListFlags {
  json?: boolean;
  source?: AgentDefinition["source"];
  user?: boolean;
  project: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, Math.max(1, width - 1))}…` : s;
}

export function register(program: Command): void {
  const agents = program
    .command("agents")
    .description("list and inspect agents: the built-in pack, .claude/agents/ and agents declared in config");

  agents
    .command("list")
    .description("list every loaded agent with its model and where it came from")
    .addOption(
      new Option("--source <source>", "only agents from this source").choices([
        "builtin",
        "project",
        "user",
        "config",
      ]),
    )
    .option("--user", "also load ~/.claude/agents/")
    .option("--json", "print machine-readable JSON on stdout")
    .action(async (_opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags>();
      const [{ loadProject }, { Output }] = await Promise.all([
        import("../../config/index.js"),
        import("../output.js"),
      ]);
      const out = new Output({ json: flags.json });
      const includeUser = flags.user || flags.source === "user";
      const project = await loadProject(flags.project, { includeUser });
      const list = project.agents.list().filter((a) => !flags.source || a.source === flags.source);
      for (const p of project.agents.problems)
        out.note(`${out.c.yellow("warning:")} skipped agent: ${p.toLine()}`);
      if (out.json) {
        out.data({
          agents: list.map((a) => ({
            name: a.name,
            model: a.model,
            source: a.source,
            file: a.file,
            description: a.description,
            tools: a.tools,
          })),
          overridden: project.agents.overridden,
          problems: project.agents.problems.map((p) => ({ message: p.toLine(), ...p.details })),
        });
        return;
      }
      const rows = list.map((a) => [a.name, a.model ?? "-", a.source, oneLine(a.description)]);
      const nameW = Math.max(4, ...rows.map((r) => r[0]!.length));
      const modelW = Math.max(5, ...rows.map((r) => r[1]!.length));
      const used = nameW + modelW + "project".length + 3 * 2;
      const descW = Math.max(20, (process.stdout.columns || 120) - used);
      out.table(
        ["NAME", "MODEL", "SOURCE", "DESCRIPTION"],
        rows.map(([n, m, s, d]) => [n!, m!, s!, clip(d!, descW)]),
      );
      const overrides = project.agents.overridden.length;
      out.line(
        out.c.dim(
          `${list.length} agent(s)${overrides ? `; ${overrides} override(s) (a later source replaces an earlier one with the same name)` : ""}`,
        ),
      );
    });

  agents
    .command("show")
    .description("show one agent: frontmatter, tools and system prompt")
    .argument("<name>", "agent name")
    .option("--user", "also load ~/.claude/agents/")
    .option("--json", "print machine-readable JSON on stdout")
    .action(async (name: string, _opts, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags>();
      const [{ loadProject }, { Output }, { stringify }] = await Promise.all([
        import("../../config/index.js"),
        import("../output.js"),
        import("yaml"),
      ]);
      const out = new Output({ json: flags.json });
      const project = await loadProject(flags.project, { includeUser: flags.user });
      const agent = project.agents.get(name);
      if (out.json) {
        out.data(agent);
        return;
      }
      const c = out.c;
      out.line(`${c.bold(agent.name)}  ${c.dim(`${agent.source} · ${agent.file}`)}`);
      out.line(`model:       ${agent.model ?? "(not set: routing decides)"}`);
      out.line(`tools:       ${agent.tools.length ? agent.tools.join(", ") : "(all)"}`);
      if (agent.disallowedTools.length) out.line(`disallowed:  ${agent.disallowedTools.join(", ")}`);
      if (agent.domains?.length) out.line(`domains:     ${agent.domains.join(", ")}`);
      if (agent.priority !== undefined) out.line(`priority:    ${agent.priority}`);
      out.line(`description: ${oneLine(agent.description)}`);
      for (const w of agent.warnings ?? []) out.note(`${c.yellow("warning:")} ${agent.file}: ${w}`);
      if (Object.keys(agent.frontmatter).length > 0) {
        out.heading("Frontmatter");
        out.line(stringify(agent.frontmatter).trimEnd());
      }
      out.heading("System prompt");
      out.line(agent.systemPrompt || c.dim("(empty)"));
      if (agent.contract) {
        out.heading("Contract");
        out.line(agent.contract);
      }
    });
}
