import { ClaudeForceError } from "../errors.js";
import type { RunFlags } from "./common.js";
import { fmtMs, fmtUsd, Output } from "./output.js";
import { executionFootnote } from "./run-agent.js";
import { interruptController, openRuntime, readTask } from "./runtime.js";

export async function runWorkflowCommand(
  name: string,
  taskArg: string | string[] | undefined,
  flags: Record<string, unknown>,
): Promise<void> {
  const f = flags as unknown as RunFlags;
  const out = new Output({ json: f.json });
  const task = await readTask(taskArg);
  if (!task)
    throw new ClaudeForceError("USAGE", "no task given", {
      hint: 'pass it as an argument or pipe it with "-"',
    });
  const runtime = await openRuntime(f, "workflow run", out);
  const intr = interruptController(out);
  try {
    const wf = runtime.project.workflows.get(name);
    out.line(`${out.c.bold(`workflow ${wf.name}`)} · ${wf.steps.length} steps`);
    const result = await runtime.orchestrator.runWorkflow(name, task, {
      signal: intr.signal,
      onStep: (s) =>
        out.line(`  Step ${s.position}/${wf.steps.length}: ${s.agent.padEnd(28)} ${executionFootnote(s)}`),
    });
    if (out.json) {
      out.data({ runId: runtime.runId, provider: runtime.providerInfo, ...result });
    } else {
      out.line("");
      if (result.success) out.line(result.output);
      else {
        const failed = result.steps[result.steps.length - 1];
        out.line(
          out.c.red(`✗ stopped at step ${result.failedAt} (${failed?.agent}): ${failed?.errors.join("; ")}`),
        );
      }
      out.line("");
      out.line(
        out.c.dim(`total ${fmtMs(result.totalMs)} · cost ${fmtUsd(result.cost, 6)} · run ${runtime.runId}`),
      );
    }
    if (!result.success) process.exitCode = 1;
  } finally {
    intr.dispose();
    await runtime.close();
  }
}
