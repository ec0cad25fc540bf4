/**
 * Labelled tasks the selector learns from: by default the project's own accuracy dataset
 * (data/accuracy/tasks.jsonl, shipped in the package), read once per process. Only the task text
 * and its expected agents are used; a missing or unreadable file means no examples, and the
 * selector is then purely lexical.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface TrainingExample {
  task: string;
  /** Acceptable agents, best first; the learnt model uses the first. */
  expected: readonly string[];
}

/** Same relative path from src/selection and dist/selection. */
const SHIPPED = fileURLToPath(new URL("../../data/accuracy/tasks.jsonl", import.meta.url));

let shipped: TrainingExample[] | null = null;

export function shippedExamples(): readonly TrainingExample[] {
  shipped ??= readExamples(SHIPPED);
  return shipped;
}

function readExamples(file: string): TrainingExample[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const out: TrainingExample[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const v = JSON.parse(line) as { task?: unknown; expected?: unknown };
      if (typeof v.task === "string" && Array.isArray(v.expected) && typeof v.expected[0] === "string")
        out.push({ task: v.task, expected: v.expected.filter((a): a is string => typeof a === "string") });
    } catch {
      // The benchmark validates this file with clear errors; here a bad line only means one example fewer.
    }
  }
  return out;
}
