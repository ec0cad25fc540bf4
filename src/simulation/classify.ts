/** Cheap keyword classifiers the simulation uses to shape its output. */
import type { TaskKind, Tier } from "../providers/types.js";

/** Tier from a model id by its family name; null for non-Claude or unknown ids. */
export function tierOfModel(modelId: string): Tier | null {
  const id = modelId.toLowerCase();
  if (id.includes("haiku")) return "haiku";
  if (id.includes("sonnet")) return "sonnet";
  if (id.includes("opus")) return "opus";
  return null;
}

// Order matters: the first matching rule wins, so the more specific kinds come first
// ("write tests for this bug fix" is a test task, "refactor and explain" a refactor).
const RULES: ReadonlyArray<[TaskKind, RegExp]> = [
  ["test", /\b(unit[- ]?tests?|tests?\b|pytest|jest|playwright|test cases?|coverage)/i],
  ["refactor", /\b(refactor\w*|restructur\w*|rewrite|clean ?up|moderni[sz]e|migrat\w*|optimi[sz]e)/i],
  ["debug", /\b(debug\w*|bug|fix\w*|error|exception|crash\w*|stack ?trace|fail\w*|broken|root cause)/i],
  ["review", /\b(review\w*|audit\w*|critique|assess\w*|check (?:this|the|my)|feedback|vulnerab\w*)/i],
  ["design", /\b(design\w*|architect\w*|schema|plan\b|system for|api for|propose|scal\w*)/i],
  ["docs", /\b(document\w*|docs?\b|readme|docstrings?|changelog|guide|tutorial|openapi)/i],
  ["explain", /\b(explain\w*|what (?:is|are|does)|how (?:does|do)|why|describe|understand|summari[sz]e)/i],
];

export function classifyTaskKind(task: string): TaskKind {
  for (const [kind, re] of RULES) if (re.test(task)) return kind;
  return "general";
}
