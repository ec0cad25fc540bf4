/**
 * k-fold cross-validation of the selector on labelled tasks: for each fold, the learnt part is
 * trained on the other folds only and the fold's tasks are ranked. This is the honest estimate for
 * tasks the model has not seen, since scoring the training tasks themselves is in-sample.
 */
import { createLexicalSelector, type LexicalSelectorOptions } from "./lexical.js";
import type { TrainingExample } from "./training.js";
import type { SelectableAgent } from "./types.js";

export interface LabelledExample extends TrainingExample {
  id: string;
}

export interface FoldPrediction {
  id: string;
  fold: number;
  /** The top 3 agents. */
  predicted: string[];
  top1: boolean;
  top3: boolean;
}

export interface CrossValidation {
  folds: number;
  tasks: number;
  top1: number;
  top3: number;
  predictions: FoldPrediction[];
}

/** FNV-1a, so fold membership depends only on the id and the seed (not on file order). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Fold (0..k-1) of each id: ids ordered by a seeded hash, then dealt round-robin (sizes differ by at most one). */
export function assignFolds(ids: readonly string[], k: number, seed = 1): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer >= 2, got ${k}`);
  const order = ids.map((id, i) => ({ i, h: hash(`${seed}:${id}`), id }));
  order.sort((a, b) => a.h - b.h || a.id.localeCompare(b.id));
  const folds = new Array<number>(ids.length);
  order.forEach(({ i }, rank) => {
    folds[i] = rank % k;
  });
  return folds;
}

/** Share of predictions with `top1` / `top3` set (0 when empty). */
export function rates(predictions: readonly FoldPrediction[]): { top1: number; top3: number } {
  const n = predictions.length;
  if (n === 0) return { top1: 0, top3: 0 };
  return {
    top1: predictions.filter((p) => p.top1).length / n,
    top3: predictions.filter((p) => p.top3).length / n,
  };
}

export function crossValidateSelector(
  agents: SelectableAgent[],
  tasks: readonly LabelledExample[],
  opts: { folds?: number; seed?: number; selector?: Omit<LexicalSelectorOptions, "examples"> } = {},
): CrossValidation {
  const k = opts.folds ?? 5;
  const fold = assignFolds(
    tasks.map((t) => t.id),
    k,
    opts.seed,
  );
  const predictions: FoldPrediction[] = [];
  for (let f = 0; f < k; f++) {
    const selector = createLexicalSelector(agents, {
      ...opts.selector,
      examples: tasks.filter((_, i) => fold[i] !== f),
    });
    tasks.forEach((t, i) => {
      if (fold[i] !== f) return;
      const predicted = selector.rank(t.task, { top: 3 }).map((r) => r.agent);
      predictions.push({
        id: t.id,
        fold: f,
        predicted,
        top1: t.expected.includes(predicted[0] ?? ""),
        top3: predicted.some((a) => t.expected.includes(a)),
      });
    });
  }
  return { folds: k, tasks: tasks.length, ...rates(predictions), predictions };
}
