/**
 * Multinomial logistic regression over sparse named features, trained by stochastic gradient
 * descent with L2 shrinkage. Deterministic: examples are visited in the order given and nothing is
 * random, so the same data always gives the same weights (the shipped tier model is checked
 * against a fresh training in the tests).
 */

export type Features = ReadonlyMap<string, number>;

export interface LogisticOptions {
  /** Passes over the data (default 60). */
  epochs?: number;
  /** L2 strength per update (default 0.01). */
  l2?: number;
  /** Initial step, decayed as rate / (1 + 0.05 * epoch) (default 0.2). */
  rate?: number;
}

export interface LogisticModel {
  labels: readonly string[];
  /** feature -> one weight per label, in `labels` order. */
  weights: ReadonlyMap<string, readonly number[]>;
}

function scores(weights: ReadonlyMap<string, ArrayLike<number>>, f: Features, k: number): number[] {
  const z = new Array<number>(k).fill(0);
  for (const [name, value] of f) {
    const w = weights.get(name);
    if (w) for (let j = 0; j < k; j++) z[j]! += w[j]! * value;
  }
  return z;
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export function trainLogistic(
  examples: ReadonlyArray<{ features: Features; label: string }>,
  labels: readonly string[],
  opts: LogisticOptions = {},
): LogisticModel {
  const { epochs = 60, l2 = 0.01, rate = 0.2 } = opts;
  const k = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  // Features become dense integer ids once, so each update touches flat arrays, not map entries.
  const names: string[] = [];
  const ids = new Map<string, number>();
  const rows = examples.map(({ features, label }) => {
    const y = labelIndex.get(label);
    if (y === undefined) throw new RangeError(`unknown label '${label}'`);
    const idx = new Int32Array(features.size);
    const val = new Float64Array(features.size);
    let n = 0;
    for (const [name, value] of features) {
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        ids.set(name, id);
        names.push(name);
      }
      idx[n] = id;
      val[n++] = value;
    }
    return { idx, val, y };
  });
  const w = new Float64Array(names.length * k);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + 0.05 * epoch);
    for (const { idx, val, y } of rows) {
      z.fill(0);
      for (let i = 0; i < idx.length; i++) for (let j = 0; j < k; j++) z[j]! += w[idx[i]! * k + j]! * val[i]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < k; j++) max = Math.max(max, z[j]!);
      let sum = 0;
      for (let j = 0; j < k; j++) {
        z[j] = Math.exp(z[j]! - max);
        sum += z[j]!;
      }
      for (let i = 0; i < idx.length; i++) {
        const base = idx[i]! * k;
        for (let j = 0; j < k; j++) {
          const g = (z[j]! / sum - (j === y ? 1 : 0)) * val[i]! + l2 * w[base + j]!;
          w[base + j]! -= step * g;
        }
      }
    }
  }
  return {
    labels: [...labels],
    weights: new Map(names.map((name, i) => [name, Array.from(w.subarray(i * k, (i + 1) * k))])),
  };
}

/** Class probabilities, in `model.labels` order. */
export function predictLogistic(model: LogisticModel, features: Features): number[] {
  return softmax(scores(model.weights, features, model.labels.length));
}
