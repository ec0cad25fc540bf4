/**
 * Multinomial naive Bayes over string features, with Laplace (add-alpha) smoothing and an optional
 * uniform prior. Small on purpose: it trains on a few hundred short texts in milliseconds, so the
 * selector and router can fit it when they are built instead of shipping opaque weights.
 */

export interface Example {
  features: readonly string[];
  label: string;
  /** How much this example counts (default 1): agent descriptions count more than one task. */
  weight?: number;
}

export interface NaiveBayesOptions {
  /** Add-alpha smoothing (default 0.5). */
  alpha?: number;
  /** Ignore class frequencies (default false): a label's share of the examples is not evidence. */
  uniformPrior?: boolean;
}

export interface NaiveBayes {
  readonly labels: readonly string[];
  /** log P(label) + sum of log P(feature | label) for each label, in `labels` order. */
  logScores(features: readonly string[]): Float64Array;
}

export function trainNaiveBayes(examples: readonly Example[], opts: NaiveBayesOptions = {}): NaiveBayes {
  const alpha = opts.alpha ?? 0.5;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(labels.length);
  const docs = new Float64Array(labels.length);
  for (const e of examples) {
    const c = index.get(e.label)!;
    const w = e.weight ?? 1;
    docs[c]! += w;
    for (const f of e.features) {
      let row = counts.get(f);
      if (!row) {
        row = new Float64Array(labels.length);
        counts.set(f, row);
      }
      row[c]! += w;
      totals[c]! += w;
    }
  }
  const vocab = counts.size;
  const allDocs = docs.reduce((a, b) => a + b, 0);
  const prior = labels.map((_, c) =>
    opts.uniformPrior ? 0 : Math.log((docs[c]! + alpha) / (allDocs + alpha * labels.length)),
  );
  const denom = labels.map((_, c) => Math.log(totals[c]! + alpha * (vocab + 1)));
  // Per-feature log-likelihoods are computed once, so scoring is lookups and additions.
  const logLik = new Map<string, Float64Array>();
  for (const [f, row] of counts)
    logLik.set(
      f,
      Float64Array.from(row, (n, c) => Math.log(n + alpha) - denom[c]!),
    );
  return {
    labels,
    logScores(features) {
      const out = Float64Array.from(prior);
      for (const f of features) {
        const row = logLik.get(f);
        if (!row) continue; // out of vocabulary: ignored, as usual for naive Bayes on text
        for (let c = 0; c < out.length; c++) out[c]! += row[c]!;
      }
      return out;
    },
  };
}

/** Softmax of log scores: posterior probabilities that sum to 1. */
export function posterior(logScores: Float64Array): Float64Array {
  const max = Math.max(...logScores);
  const exp = Float64Array.from(logScores, (s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
