/**
 * The learnt tier model: logistic regression over `tierFeatures`, trained on the labelled tasks in
 * data/accuracy/tasks.jsonl and shipped as data/routing/tier-model.json (training takes about a
 * second, too slow to repeat on every `route`). `npm run train:tier` rewrites the file; a test
 * fails when it no longer matches the dataset or a fresh training.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sha256Hex } from "../internal/ids.js";
import { tierFeatures } from "./features.js";
import { type LogisticModel, type LogisticOptions, predictLogistic, trainLogistic } from "./logistic.js";
import type { Complexity, TierSignals } from "./rules.js";

export const TIER_LABELS: readonly Complexity[] = ["simple", "standard", "critical"];
/** Chosen by leave-one-writer-out validation (data/accuracy/README.md, round 7). */
export const TIER_MODEL_OPTIONS: Required<LogisticOptions> = { epochs: 60, l2: 0.01, rate: 0.2 };
/** Weights are stored to this many decimals; smaller ones are dropped. */
const DECIMALS = 5;

export interface TierModelFile {
  schemaVersion: 1;
  trainedOn: { tasks: number; sha256: string };
  options: Required<LogisticOptions>;
  labels: Complexity[];
  weights: Record<string, number[]>;
}

export interface TierPrediction {
  complexity: Complexity;
  /** Probability per tier. */
  probabilities: Record<Complexity, number>;
}

export const SHIPPED_TIER_MODEL = fileURLToPath(
  new URL("../../data/routing/tier-model.json", import.meta.url),
);

/** Train on labelled tasks (in the order given: training is deterministic). */
export function trainTierModel(
  tasks: ReadonlyArray<{ task: string; tier: Complexity }>,
  /** The dataset file's text, fingerprinted in the shipped model (omit for throwaway models). */
  datasetText = "",
  options: Required<LogisticOptions> = TIER_MODEL_OPTIONS,
): TierModelFile {
  const model = trainLogistic(
    tasks.map((t) => ({ features: tierFeatures(t.task), label: t.tier })),
    TIER_LABELS,
    options,
  );
  const scale = 10 ** DECIMALS;
  const weights: Record<string, number[]> = {};
  for (const [name, w] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rounded = w.map((x) => Math.round(x * scale) / scale);
    if (rounded.some((x) => x !== 0)) weights[name] = rounded;
  }
  return {
    schemaVersion: 1,
    trainedOn: { tasks: tasks.length, sha256: sha256Hex(datasetText) },
    options,
    labels: [...TIER_LABELS],
    weights,
  };
}

export function toLogisticModel(file: TierModelFile): LogisticModel {
  return { labels: file.labels, weights: new Map(Object.entries(file.weights)) };
}

/** `signals`: the task's rule signals when the caller has them already. */
export function predictTier(model: LogisticModel, task: string, signals?: TierSignals): TierPrediction {
  const p = predictLogistic(model, tierFeatures(task, {}, signals));
  const probabilities = Object.fromEntries(model.labels.map((l, i) => [l, p[i]!])) as Record<
    Complexity,
    number
  >;
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return { complexity: model.labels[best] as Complexity, probabilities };
}

let shipped: LogisticModel | null | undefined;

/** The shipped model, read once; null when the file is missing or unreadable (the rules then decide). */
export function shippedTierModel(): LogisticModel | null {
  if (shipped !== undefined) return shipped;
  try {
    const file = JSON.parse(readFileSync(SHIPPED_TIER_MODEL, "utf8")) as TierModelFile;
    shipped = file.schemaVersion === 1 ? toLogisticModel(file) : null;
  } catch {
    shipped = null;
  }
  return shipped;
}
