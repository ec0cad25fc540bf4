/**
 * The accuracy benchmark: agent-selection top-1/top-3 and tier-routing accuracy on labelled tasks,
 * per split, with confusion matrices, the misses and the selector's latency. By default it reads
 * data/accuracy/tasks.jsonl (the tuning split: the selector learns from it, so it is in-sample) and
 * data/accuracy/held-out.jsonl (written separately and never trained on: the honest measure), plus a
 * cross-validated figure over the tuning tasks (see data/accuracy/README.md).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ClaudeForceError } from "../errors.js";
import { type ClassifyOptions, type Complexity, classifyComplexity } from "../routing/classify.js";
import { crossValidateSelector } from "../selection/cross-validate.js";
import { isLexicalSelector } from "../selection/lexical.js";
import type { AgentSelector } from "../selection/types.js";
import { fleissAgreement, majorityLabel } from "../stats/agreement.js";
import { percentile } from "../stats/percentile.js";
import type { AccuracyResult, AccuracySplit, ConfusionCell } from "./types.js";

export const ACCURACY_TARGETS = { top1: 0.9, top3: 0.98, tier: 0.9 } as const;

/** The tuning dataset shipped with the package (same relative path from src/bench and dist/bench). */
export function defaultAccuracyDataset(): string {
  return fileURLToPath(new URL("../../data/accuracy/tasks.jsonl", import.meta.url));
}

/** The held-out dataset beside it: every task in it counts as held-out, whatever its `split` says. */
export function defaultHeldOutDataset(): string {
  return fileURLToPath(new URL("../../data/accuracy/held-out.jsonl", import.meta.url));
}

/**
 * The writer batch of a task in the shipped dataset, from its id: t001-t209 and t210-t272 (the
 * first writer, early and late), then one batch per id letter (b, h, k, m, n, p, ...: one writer
 * each). Grouping by batch keeps a writer's phrasing out of both sides of a validation split.
 */
export function datasetBatch(id: string): string {
  const t = /^t(\d+)$/.exec(id);
  if (t) return Number(t[1]) <= 209 ? "t001-t209" : "t210-t272";
  return `${id[0] ?? "?"}-batch`;
}

/** Timed selector calls behind the latency percentiles, spread over the tasks. */
const LATENCY_CALLS = 5000;

/** Folds and seed of the cross-validated figure (data/accuracy/README.md reports the same). */
const CV_FOLDS = 5;
const CV_SEED = 1;

const SPLITS = ["tuning", "held-out"] as const;
const TierSchema = z.enum(["simple", "standard", "critical"]);
const TaskSchema = z.strictObject({
  id: z.string().min(1),
  task: z.string().trim().min(1),
  expected: z.array(z.string().min(1)).min(1),
  /** With `tierVotes`, their majority (a tie goes to the first vote). */
  tier: TierSchema,
  /** Independent annotators' tiers, the task writer's first (data/accuracy/README.md). */
  tierVotes: z.array(TierSchema).min(2).optional(),
  split: z.enum(SPLITS),
});
/** A file whose split is fixed by its role (held-out.jsonl) may omit `split`. */
const TaskSchemaAnySplit = TaskSchema.extend({ split: z.string().optional() });
export type LabelledTask = z.infer<typeof TaskSchema>;
export type Split = LabelledTask["split"];

/**
 * Parse a JSONL dataset. Errors name the file, the 1-based line and the key. When `agents` is
 * given, every expected agent must be one of them (catches typos in labels).
 */
export function parseAccuracyDataset(
  text: string,
  file: string,
  agents?: string[],
  /** Every task's split, overriding the file's (held-out.jsonl is held out by construction). */
  split?: Split,
): LabelledTask[] {
  const known = agents ? new Set(agents) : null;
  const ids = new Set<string>();
  const tasks: LabelledTask[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new ClaudeForceError("INPUT", "not valid JSON", { file, line, found: (e as Error).message });
    }
    const parsed = (split ? TaskSchemaAnySplit : TaskSchema).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ClaudeForceError("INPUT", issue.message, {
        file,
        line,
        keyPath: issue.path.join(".") || undefined,
        hint: 'each line is {"id","task","expected":[agents],"tier":"simple|standard|critical","split":"tuning|held-out"}',
      });
    }
    const t = { ...parsed.data, split: split ?? (parsed.data.split as Split) };
    if (t.tierVotes && majorityLabel(t.tierVotes) !== t.tier)
      throw new ClaudeForceError("INPUT", "tier is not the majority of tierVotes", {
        file,
        line,
        keyPath: "tier",
        expected: majorityLabel(t.tierVotes),
        found: t.tier,
        hint: "a tie goes to the first vote (the task writer's)",
      });
    if (ids.has(t.id))
      throw new ClaudeForceError("INPUT", `duplicate task id '${t.id}'`, { file, line, keyPath: "id" });
    ids.add(t.id);
    const unknown = known ? t.expected.filter((a) => !known.has(a)) : [];
    if (unknown.length > 0) {
      throw new ClaudeForceError("INPUT", `unknown agent '${unknown[0]}'`, {
        file,
        line,
        keyPath: "expected",
        hint: "expected agents must be among the loaded agents",
      });
    }
    tasks.push(t);
  });
  if (tasks.length === 0) throw new ClaudeForceError("INPUT", "dataset has no tasks", { file });
  return tasks;
}

export async function loadAccuracyDataset(
  file = defaultAccuracyDataset(),
  agents?: string[],
  split?: Split,
): Promise<LabelledTask[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new ClaudeForceError("INPUT", "cannot read the accuracy dataset", {
      file,
      found: (e as Error).message,
    });
  }
  return parseAccuracyDataset(text, file, agents, split);
}

export interface AccuracyOptions {
  selector: AgentSelector;
  /** JSONL path; default the shipped tuning dataset plus the held-out one (`heldOutDataset`). */
  dataset?: string;
  /** Held-out JSONL read beside the default tuning dataset (default data/accuracy/held-out.jsonl). */
  heldOutDataset?: string;
  /** Cross-validate the default selector over the tuning tasks (default true; about 1 s). */
  crossValidate?: boolean;
  /** Extra routing keywords (config `routing`). */
  routing?: ClassifyOptions;
  /** Names the selector can return; expected agents outside this list are a dataset error. */
  agents?: string[];
  /** Timed rank() calls per task for the latency percentiles (default: enough for about 5,000 calls, at least 1). */
  latencyRepeats?: number;
}

interface Outcome {
  task: LabelledTask;
  predicted: string[];
  tier: Complexity;
}

function splitStats(outcomes: Outcome[]): AccuracySplit {
  const n = outcomes.length;
  const rate = (hits: number) => (n === 0 ? 0 : hits / n);
  const hit = (o: Outcome, k: number) => o.predicted.slice(0, k).some((a) => o.task.expected.includes(a));
  const stats: AccuracySplit = {
    tasks: n,
    top1: rate(outcomes.filter((o) => hit(o, 1)).length),
    top3: rate(outcomes.filter((o) => hit(o, 3)).length),
    tierAccuracy: rate(outcomes.filter((o) => o.tier === o.task.tier).length),
  };
  const labels = tierLabelStats(outcomes);
  if (labels) stats.tierLabels = labels;
  return stats;
}

/**
 * For tasks labelled by several annotators: how far they agree, and the router against each one
 * alone. Only tasks with the most common number of votes count, so the columns line up.
 */
function tierLabelStats(outcomes: Outcome[]): AccuracySplit["tierLabels"] {
  const voted = outcomes.filter((o) => o.task.tierVotes);
  if (voted.length === 0) return undefined;
  const sizes = new Map<number, number>();
  for (const o of voted) sizes.set(o.task.tierVotes!.length, (sizes.get(o.task.tierVotes!.length) ?? 0) + 1);
  const annotators = [...sizes].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const rows = voted.filter((o) => o.task.tierVotes!.length === annotators);
  const agreement = fleissAgreement(rows.map((o) => o.task.tierVotes!));
  const unanimous = rows.filter((o) => o.task.tierVotes!.every((v) => v === o.task.tierVotes![0]));
  const share = (of: Outcome[], label: (o: Outcome) => string) =>
    of.length === 0 ? 0 : of.filter((o) => o.tier === label(o)).length / of.length;
  return {
    tasks: rows.length,
    annotators,
    agreement: agreement.observed,
    fleissKappa: agreement.kappa,
    unanimous: unanimous.length,
    tierOnUnanimous: share(unanimous, (o) => o.task.tier),
    tierVsAnnotator: Array.from({ length: annotators }, (_, i) => share(rows, (o) => o.task.tierVotes![i]!)),
  };
}

function confusion(pairs: Array<[string, string]>): ConfusionCell[] {
  const counts = new Map<string, ConfusionCell>();
  for (const [expected, predicted] of pairs) {
    const key = `${expected}\u0000${predicted}`;
    const cell = counts.get(key) ?? { expected, predicted, count: 0 };
    cell.count += 1;
    counts.set(key, cell);
  }
  return [...counts.values()].sort((a, b) => a.expected.localeCompare(b.expected) || b.count - a.count);
}

/** Time rank() per task; returns per-call microseconds. */
function measureLatency(selector: AgentSelector, tasks: LabelledTask[], repeats: number): number[] {
  for (const t of tasks) selector.rank(t.task); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const t of tasks) {
      const start = performance.now();
      selector.rank(t.task, { top: 3 });
      samples.push((performance.now() - start) * 1000);
    }
  }
  return samples.sort((a, b) => a - b);
}

/** Score a selector and the tier router against labelled tasks (no I/O: for tests and callers). */
export function evaluateAccuracy(
  tasks: LabelledTask[],
  opts: Pick<AccuracyOptions, "selector" | "routing" | "latencyRepeats"> & { dataset?: string },
): AccuracyResult {
  const outcomes: Outcome[] = tasks.map((task) => ({
    task,
    predicted: opts.selector.rank(task.task, { top: 3 }).map((r) => r.agent),
    tier: classifyComplexity(task.task, opts.routing).complexity,
  }));
  const of = (split: Split) => outcomes.filter((o) => o.task.split === split);
  const latency = measureLatency(
    opts.selector,
    tasks,
    opts.latencyRepeats ?? Math.max(1, Math.ceil(LATENCY_CALLS / Math.max(1, tasks.length))),
  );
  const round = (us: number) => Math.round(us * 10) / 10;
  return {
    dataset: opts.dataset ?? "(in memory)",
    tuning: splitStats(of("tuning")),
    heldOut: splitStats(of("held-out")),
    all: splitStats(outcomes),
    targets: { ...ACCURACY_TARGETS },
    confusion: confusion(outcomes.map((o) => [o.task.expected[0]!, o.predicted[0] ?? "(none)"])),
    misses: outcomes
      .filter((o) => !o.task.expected.includes(o.predicted[0] ?? ""))
      .map((o) => ({
        id: o.task.id,
        task: o.task.task,
        expected: o.task.expected,
        predicted: o.predicted,
        split: o.task.split,
      })),
    tierConfusion: confusion(outcomes.map((o) => [o.task.tier, o.tier])),
    tierMisses: outcomes
      .filter((o) => o.tier !== o.task.tier)
      .map((o) => ({
        id: o.task.id,
        task: o.task.task,
        expected: o.task.tier,
        predicted: o.tier,
        split: o.task.split,
      })),
    selectionLatencyUs: { p50: round(percentile(latency, 50)), p99: round(percentile(latency, 99)) },
    taskSuccessRate: null,
  };
}

/**
 * Load the dataset and score the selector and router on it. With no `dataset`, that is tasks.jsonl
 * (tuning) plus held-out.jsonl (held-out; noted when absent), and, when the selector can say which
 * agents it ranks (the lexical one can), 5-fold cross-validation of the default selector over the
 * tuning tasks.
 */
export async function benchmarkAccuracy(opts: AccuracyOptions): Promise<AccuracyResult> {
  if (opts.dataset !== undefined) {
    const tasks = await loadAccuracyDataset(opts.dataset, opts.agents);
    return evaluateAccuracy(tasks, { ...opts, dataset: opts.dataset });
  }
  const tuningFile = defaultAccuracyDataset();
  const heldOutFile = opts.heldOutDataset ?? defaultHeldOutDataset();
  const tuning = await loadAccuracyDataset(tuningFile, opts.agents, "tuning");
  const heldOut = existsSync(heldOutFile)
    ? await loadAccuracyDataset(heldOutFile, opts.agents, "held-out")
    : null;
  const result = evaluateAccuracy([...tuning, ...(heldOut ?? [])], {
    ...opts,
    dataset: heldOut ? `${tuningFile} + ${heldOutFile}` : tuningFile,
  });
  const notes = [
    "tuning = tasks.jsonl, which the selector and the tier model learn from (in-sample); held-out = held-out.jsonl, never trained on",
  ];
  if (!heldOut)
    notes.push(`no held-out tasks: ${heldOutFile} does not exist, so only in-sample numbers are shown`);
  const agents =
    opts.crossValidate !== false && isLexicalSelector(opts.selector) ? opts.selector.agents : null;
  if (agents) {
    const cv = crossValidateSelector([...agents], tuning, { folds: CV_FOLDS, seed: CV_SEED });
    result.crossValidation = {
      folds: cv.folds,
      seed: CV_SEED,
      tasks: cv.tasks,
      top1: cv.top1,
      top3: cv.top3,
    };
  }
  result.note = notes.join("; ");
  return result;
}
