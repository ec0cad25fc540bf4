/**
 * `<run-id>.plan.json`: written when a bench run starts, it holds what `bench resume` needs to run
 * the rest the same way: the command and its parameters, the effective provider settings (the seed
 * too, so the simulation replays per execution key), the limits, and the scenarios with their
 * iterations and concurrency. Together with the executions JSONL it is the whole resume state.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ClaudeForceError } from "../errors.js";
import { sha256Hex } from "../internal/ids.js";
import { redact } from "../internal/redact.js";

export const PLAN_VERSION = 1;

const count = z.int().min(0);
const runtimeSchema = z.object({
  provider: z.enum(["sim", "anthropic", "openai"]),
  seed: z.int().nullable(),
  timeScale: z.number().nonnegative().nullable(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  timeoutMs: z.int().positive().nullable(),
  rpm: z.number().positive().nullable(),
  tpm: z.number().positive().nullable(),
  track: z.boolean(),
});

const paramsSchema = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("bench"),
    scenarios: z.array(z.string()),
    iterations: count.optional(),
    warmup: count.optional(),
    concurrency: z.array(z.int().min(1)).optional(),
    throughputTasks: count.optional(),
    accuracy: z.boolean(),
  }),
  z.object({
    command: z.literal("bench agent"),
    agent: z.string(),
    task: z.string(),
    iterations: count,
    warmup: count.optional(),
  }),
  z.object({
    command: z.literal("bench workflow"),
    workflow: z.string(),
    task: z.string().optional(),
    iterations: count,
  }),
  z.object({
    command: z.literal("bench suite"),
    file: z.string(),
    /** sha256 of the suite file: a resume refuses a suite that changed. */
    fileHash: z.string(),
    iterations: count.optional(),
  }),
  z.object({ command: z.literal("bench load") }),
  z.object({ command: z.literal("bench accuracy") }),
]);

const planSchema = z.object({
  version: z.literal(PLAN_VERSION),
  runId: z.string().min(1),
  createdAt: z.string(),
  /** Absolute project root (agents, workflows, config). */
  project: z.string(),
  runtime: runtimeSchema,
  limits: z.object({
    maxCostUsd: z.number().positive().nullable(),
    maxDurationMs: z.number().positive().nullable(),
  }),
  params: paramsSchema,
  scenarios: z.array(
    z.object({ name: z.string(), iterations: count, warmup: count, concurrency: z.int().min(1) }),
  ),
  /** Room for other executors (a distributed run's queue, say); ignored by the local one. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

export type RunPlan = z.infer<typeof planSchema>;
export type PlanParams = RunPlan["params"];
export type PlanRuntime = RunPlan["runtime"];

export const planFile = (dir: string, runId: string) => join(resolve(dir), `${runId}.plan.json`);

/** Written atomically (temp file + rename): a crash leaves the old plan or the new one. */
export function writePlan(dir: string, plan: RunPlan): string {
  mkdirSync(resolve(dir), { recursive: true });
  const file = planFile(dir, plan.runId);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${redact(JSON.stringify(plan, null, 2))}\n`);
  renameSync(tmp, file);
  return file;
}

export function readPlan(dir: string, runId: string): RunPlan {
  const file = planFile(dir, runId);
  if (!existsSync(file))
    throw new ClaudeForceError("NOT_FOUND", `no run ${runId} to resume in ${resolve(dir)}`, {
      file,
      hint: "pass the run id a bench run printed, and --output if its results went elsewhere",
    });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ClaudeForceError("INPUT", `run plan is not JSON: ${(err as Error).message}`, { file });
  }
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaudeForceError("INPUT", `run plan is malformed: ${issue.message}`, {
      file,
      keyPath: issue.path.join("."),
    });
  }
  if (parsed.data.runId !== runId)
    throw new ClaudeForceError("INPUT", "run plan belongs to another run", {
      file,
      keyPath: "runId",
      expected: runId,
      found: parsed.data.runId,
    });
  return parsed.data;
}

export function fileHash(file: string): string {
  return sha256Hex(readFileSync(file));
}
