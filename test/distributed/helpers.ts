/** Shared by the distributed tests: worker processes, temp projects and plans. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { specId } from "../../src/distributed/ids.js";
import type { DistributedPlan } from "../../src/distributed/types.js";
import { waitForLine } from "./redis-server.js";

const ENTRY = fileURLToPath(new URL("../helpers/cli-entry.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

export function tempProject(): Promise<string> {
  return mkdtemp(join(tmpdir(), "cf-dist-"));
}

/** `claude-force worker` as a separate process (from source, through tsx); resolves once it takes jobs. */
export async function spawnWorker(
  queueUrl: string,
  project: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; id: () => string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ["--import", TSX, ENTRY, "-C", project, "worker", "--queue", queueUrl, ...args],
    { env: { ...process.env, NO_COLOR: "1", CI: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const line = await waitForLine(child, /taking jobs from/, 20_000);
  const id = /worker (\S+) taking jobs/.exec(line)?.[1] ?? "";
  return { child, id: () => id, output: () => output };
}

/** Agent executions plus whole workflow runs: what a suite run hands to the queue. */
export function mixedPlan(runId: string, agents: number, workflows: number): DistributedPlan {
  const plan: DistributedPlan = [];
  for (let i = 1; i <= agents; i++)
    plan.push({
      id: specId(runId, "simple", i),
      kind: "agent",
      agent: "python-expert",
      task: "Explain what a Python list comprehension is and when a plain loop reads better.",
      scenario: "simple",
      iteration: i,
    });
  for (let i = 1; i <= workflows; i++)
    plan.push({
      id: specId(runId, "workflow", i),
      kind: "workflow",
      workflow: "code-quality-check",
      task: "Review this function for bugs: def f(xs): return sum(xs) / len(xs)",
      scenario: "workflow",
      iteration: i,
    });
  return plan;
}
