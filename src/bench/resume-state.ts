/**
 * What an interrupted run already finished, read back from its `<run-id>.executions.jsonl`.
 *
 * A line is written with one write(2) as each execution finishes, so after a crash or `kill -9`
 * only the last line can be partial: it is ignored here (and cut off by ResultsWriter before new
 * lines are appended). An agent iteration is finished unless our own stop cancelled it; a workflow
 * iteration is finished when its last line (the one carrying `workflowMs`) is there, that is when
 * every step ran or one failed. Lines of the same workflow iteration are contiguous (written in one
 * synchronous loop), so a group cut short by a crash is simply superseded by the re-run.
 */
import { readFileSync } from "node:fs";
import { ClaudeForceError } from "../errors.js";
import type { ExecutionRecord } from "../tracking/types.js";
import type { Outcome } from "./aggregate.js";
import type { Phase } from "./session.js";

/** One JSONL line: the tracker's record with the bench verdict over it, plus resume data. */
export interface ExecutionLine extends ExecutionRecord {
  phase: Phase;
  /** The provider's own success (`success` is the bench verdict, assertions included). */
  providerSuccess: boolean;
  /** Attempts answered with a 429. */
  rateLimited?: number;
  /** Workflow steps: time from the previous step's end to this step's provider call. */
  handoffMs?: number;
  /** The last line of a workflow iteration: the whole workflow's time. */
  workflowMs?: number;
}

export interface ResumeState {
  /** Scenario → iteration → its finished lines (one for an agent, the steps for a workflow). */
  scenarios: Map<string, Map<number, ExecutionLine[]>>;
  /** Cost of every execution the run made so far (warmups and throughput too): it was spent. */
  spentUsd: number;
  /** When the run first started (the document keeps the original start). */
  startedAt?: Date;
  /** Set by `bench resume`: the document says it merges more than one process. */
  resumed?: boolean;
}

export function readExecutionLines(file: string): ExecutionLine[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ClaudeForceError("INPUT", `cannot read the executions file: ${(err as Error).message}`, {
      file,
    });
  }
  const parts = text.split("\n");
  parts.pop(); // "" after the final newline, or a line a crash cut short
  const out: ExecutionLine[] = [];
  parts.forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ClaudeForceError("INPUT", "executions file has a line that is not JSON", {
        file,
        line: i + 1,
      });
    }
    if (!isLine(value))
      throw new ClaudeForceError("INPUT", "executions file has a line that is not an execution", {
        file,
        line: i + 1,
        expected: "an object with phase, scenario and iteration",
      });
    out.push(value);
  });
  return out;
}

function isLine(v: unknown): v is ExecutionLine {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.phase === "string" && typeof o.success === "boolean" && "scenario" in o && "iteration" in o;
}

export function resumeStateOf(lines: readonly ExecutionLine[]): ResumeState {
  const scenarios = new Map<string, Map<number, ExecutionLine[]>>();
  const pending = new Map<string, ExecutionLine[]>();
  let spentUsd = 0;
  for (const line of lines) {
    spentUsd += line.cost ?? 0;
    if (line.phase !== "scenario" || line.scenario === null || line.iteration === null) continue;
    const done = scenarios.get(line.scenario) ?? new Map<number, ExecutionLine[]>();
    if (done.has(line.iteration)) continue; // finished already: a later line is a stray duplicate
    if (line.workflow === null) {
      if (line.errorType !== "cancelled") done.set(line.iteration, [line]);
    } else {
      const key = `${line.scenario}\u0000${line.iteration}`;
      const group = line.workflowPosition === 1 ? [] : (pending.get(key) ?? []);
      group.push(line);
      pending.set(key, group);
      if (line.workflowMs === undefined) continue;
      pending.delete(key);
      const complete = group.length === line.workflowPosition && line.errorType !== "cancelled";
      if (complete) done.set(line.iteration, group);
    }
    if (done.size > 0) scenarios.set(line.scenario, done);
  }
  return { scenarios, spentUsd };
}

/** The execution record inside a line: the provider's outcome, not the bench verdict. */
export function recordOf(line: ExecutionLine): ExecutionRecord {
  const { phase: _p, providerSuccess, rateLimited: _r, handoffMs: _h, workflowMs: _w, ...rest } = line;
  const ok = providerSuccess ?? line.success;
  return {
    ...rest,
    success: ok,
    errorType: ok ? null : line.errorType,
    errorMessage: ok ? null : line.errorMessage,
  };
}

/** The bench verdict a line carries. */
export function outcomeOfLine(line: ExecutionLine): Outcome {
  return { success: line.success, errorType: line.errorType, error: line.errorMessage };
}
