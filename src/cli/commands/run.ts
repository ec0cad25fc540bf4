import type { Command } from "commander";
import { addRunOptions, parsePositiveInteger, type RunFlags } from "../common.js";

export function register(program: Command): void {
  addRunOptions(
    program
      .command("run")
      .description("run one agent on a task and print its output, model choice, tokens, cost and latency")
      .argument("<agent>", "agent name (see: claude-force agents list)")
      .argument("[task...]", 'the task; "-" reads it from stdin')
      .option("--max-tokens <n>", "maximum output tokens", parsePositiveInteger),
  )
    .addHelpText(
      "after",
      '\nExample:\n  claude-force run python-expert "Explain list comprehensions in Python"',
    )
    .action(async (agent: string, task: string[], _opts, cmd: Command) => {
      const { runAgentCommand } = await import("../run-agent.js");
      await runAgentCommand(agent, task, cmd.optsWithGlobals<RunFlags & { maxTokens?: number }>());
    });
}
