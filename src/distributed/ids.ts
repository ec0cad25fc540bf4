/** Deterministic identities: the same planned execution gets the same id in every attempt and resume. */
import { taskHash } from "../internal/ids.js";

/** `runId|scenario|iteration[|extra]`: what the brief calls the execution id of a spec. */
export function specId(runId: string, scenario: string, iteration: number, extra?: string | number): string {
  return [runId, scenario, String(iteration), ...(extra !== undefined ? [String(extra)] : [])].join("|");
}

/** BullMQ job ids may not contain ':' (its key separator); URI encoding is injective and removes it. */
export function jobIdOf(specIdValue: string): string {
  return encodeURIComponent(specIdValue);
}

/**
 * The tracker's execution id for a spec (and workflow step): 16 hex like a local id, but derived from
 * the spec id, so a resumed run that records the same execution again is a no-op (INSERT OR IGNORE).
 */
export function executionIdOf(specIdValue: string, step?: number): string {
  const key = step === undefined ? specIdValue : `${specIdValue}#${step}`;
  return taskHash(key);
}

/** The Redis key holding what a run needs to be resumed: its plan, or the command that made it. */
export function runKey(prefix: string, queue: string, runId: string, what: "plan" | "argv"): string {
  return `${prefix}:${queue}:run:${runId}:${what}`;
}
