/**
 * Agreement between annotators who each labelled the same items (Fleiss 1971). Used to say how
 * far a labelled dataset can be trusted: a classifier cannot be expected to agree with one
 * annotator more often than annotators agree with each other.
 */

export interface Agreement {
  items: number;
  /** Labels per item. */
  raters: number;
  /** Mean pairwise agreement: the chance that two annotators picked at random agree on an item. */
  observed: number;
  /** Agreement expected by chance from the overall label frequencies. */
  chance: number;
  /** Fleiss' kappa, (observed − chance) / (1 − chance); null when chance is 1 (one label only). */
  kappa: number | null;
}

/**
 * `labels[i]` holds item i's labels, one per annotator; every item needs the same number (at
 * least 2). Throws on ragged input rather than guessing.
 */
export function fleissAgreement(labels: readonly (readonly string[])[]): Agreement {
  const raters = labels[0]?.length ?? 0;
  if (raters < 2) throw new RangeError("agreement needs at least two labels per item");
  const totals = new Map<string, number>();
  let observedSum = 0;
  for (const item of labels) {
    if (item.length !== raters)
      throw new RangeError(`every item needs ${raters} labels, one has ${item.length}`);
    const counts = new Map<string, number>();
    for (const l of item) counts.set(l, (counts.get(l) ?? 0) + 1);
    let pairs = 0;
    for (const [l, c] of counts) {
      pairs += c * (c - 1);
      totals.set(l, (totals.get(l) ?? 0) + c);
    }
    observedSum += pairs / (raters * (raters - 1));
  }
  const items = labels.length;
  const observed = items === 0 ? 0 : observedSum / items;
  let chance = 0;
  for (const c of totals.values()) chance += (c / (items * raters)) ** 2;
  return { items, raters, observed, chance, kappa: chance >= 1 ? null : (observed - chance) / (1 - chance) };
}

/** The most frequent label; a tie goes to the earliest-listed label among the tied (the writer's). */
export function majorityLabel<T extends string>(labels: readonly T[]): T {
  if (labels.length === 0) throw new RangeError("no labels");
  const counts = new Map<T, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const best = Math.max(...counts.values());
  return labels.find((l) => counts.get(l) === best)!;
}
