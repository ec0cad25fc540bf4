import { ClaudeForceError } from "../errors.js";
import type { ExecuteResult } from "../orchestrator/types.js";
import type { RunFlags } from "./common.js";
import { fmtMs, fmtUsd, Output } from "./output.js";
import { interruptController, openRuntime, readTask } from "./runtime.js";

export async function runAgentCommand(
  agent: string,
  taskParts: string[],
  flags: RunFlags & { maxTokens?: number },
): Promise<void> {
  const out = new Output({ json: flags.json });
  const task = await readTask(taskParts);
  if (!task)
    throw new ClaudeForceError("USAGE", "no task given", {
      hint: 'pass it as an argument or pipe it with "-"',
    });
  const runtime = await openRuntime(flags, "run", out);
  const intr = interruptController(out);
  try {
    const result = await runtime.orchestrator.executeAgent(agent, task, {
      maxTokens: flags.maxTokens,
      signal: intr.signal,
    });
    if (out.json) out.data({ runId: runtime.runId, provider: runtime.providerInfo, ...result });
    else printExecution(out, agent, result);
    if (!result.success) process.exitCode = 1;
  } finally {
    intr.dispose();
    await runtime.close();
  }
}

export function printExecution(out: Output, agent: string, r: ExecuteResult): void {
  const c = out.c;
  out.line(`${c.bold(agent)} · ${r.model} · ${c.dim(r.routing.reason)}`);
  out.line("");
  if (r.success) out.line(r.output);
  else out.line(c.red(`✗ failed (${r.record.errorType}): ${r.errors.join("; ")}`));
  out.line("");
  out.line(c.dim(executionFootnote(r)));
}

/** "✓ 2.9s · TTFT 610ms · 412 in / 380 out tokens · $0.0023 · 1 attempt" */
export function executionFootnote(r: ExecuteResult): string {
  const u = r.usage;
  const tokens = `${u.input ?? "?"} in / ${u.output ?? "?"} out tokens${u.cacheRead ? ` (${u.cacheRead} cached)` : ""}`;
  return [
    `${r.success ? "✓" : "✗"} ${fmtMs(r.record.e2eMs)}`,
    `TTFT ${fmtMs(r.record.ttftMs)}`,
    tokens,
    fmtUsd(r.cost, 6),
    `${r.attempts.length} attempt${r.attempts.length === 1 ? "" : "s"}`,
  ].join(" · ");
}
