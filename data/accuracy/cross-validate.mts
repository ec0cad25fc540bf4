/**
 * Prints the numbers in this folder's README, from tasks.jsonl only (never a held-out file):
 * 5-fold cross-validation of the default selector (learnt part fitted on the training folds only)
 * for several seeds, per writer batch; leave-one-batch-out selection and tier routing (the learnt
 * tier model trained on the other batches, against the hand-written rules); and per batch, the
 * parts nothing was fitted to (BM25 with the concept lexicon, and the rules).
 *
 *   node --import tsx data/accuracy/cross-validate.mts [--folds 5] [--seeds 1,2,3,4,5]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseAgentFile } from "../../src/agents/index.js";
import { builtinAgentsDir } from "../../src/agents/registry.js";
import {
  datasetBatch,
  defaultAccuracyDataset,
  evaluateAccuracy,
  loadAccuracyDataset,
} from "../../src/bench/accuracy.js";
import { classifyWith, ruleClassification, toLogisticModel, trainTierModel } from "../../src/routing/index.js";
import { createLexicalSelector, crossValidateSelector, rates } from "../../src/selection/index.js";

const { values } = parseArgs({ options: { folds: { type: "string" }, seeds: { type: "string" } } });
const folds = Number(values.folds ?? 5);
const seeds = (values.seeds ?? "1,2,3,4,5").split(",").map(Number);

const dir = builtinAgentsDir();
const agents = readdirSync(dir)
  .filter((f) => f.endsWith(".md") && f !== "README.md")
  .map((f) => parseAgentFile(readFileSync(join(dir, f), "utf8"), join(dir, f), "builtin"));
const tasks = await loadAccuracyDataset(
  defaultAccuracyDataset(),
  agents.map((a) => a.name),
);
const BATCHES = [...new Set(tasks.map((t) => datasetBatch(t.id)))];
const inBatch = (b: string) => tasks.filter((t) => datasetBatch(t.id) === b);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const share = (hits: number, n: number) => pct(n === 0 ? 0 : hits / n);

console.log(`${folds}-fold cross-validation, ${tasks.length} tasks (top-1 / top-3)`);
const rows = seeds.map((seed) => {
  const cv = crossValidateSelector(agents, tasks, { folds, seed });
  const per = BATCHES.map((b) => rates(cv.predictions.filter((p) => datasetBatch(p.id) === b)));
  return { seed, all: rates(cv.predictions), per };
});
const mean = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0) / rows.length;
for (const r of rows)
  console.log(
    `  seed ${r.seed}: all ${pct(r.all.top1)} / ${pct(r.all.top3)}   ${BATCHES.map((b, i) => `${b} ${pct(r.per[i]!.top1)} / ${pct(r.per[i]!.top3)}`).join("   ")}`,
  );
console.log(
  `  mean:   all ${pct(mean((r) => r.all.top1))} / ${pct(mean((r) => r.all.top3))}   ${BATCHES.map((b, i) => `${b} ${pct(mean((r) => r.per[i]!.top1))} / ${pct(mean((r) => r.per[i]!.top3))}`).join("   ")}`,
);

console.log(
  "Leave one batch out (selector's learnt part and the tier model trained on the other batches): top-1 / top-3 / tier (learnt) / tier (rules alone)",
);
let learntHits = 0;
let ruleHits = 0;
for (const b of BATCHES) {
  const test = inBatch(b);
  const train = tasks.filter((t) => datasetBatch(t.id) !== b);
  const selector = createLexicalSelector(agents, { examples: train });
  const r = evaluateAccuracy(test, { selector, routing: { classifier: "rules" }, latencyRepeats: 1 });
  const model = toLogisticModel(trainTierModel(train));
  const learnt = test.filter((t) => classifyWith(model, t.task).complexity === t.tier).length;
  const rules = test.filter((t) => ruleClassification(t.task).complexity === t.tier).length;
  learntHits += learnt;
  ruleHits += rules;
  console.log(
    `  ${b} (${test.length}): ${pct(r.all.top1)} / ${pct(r.all.top3)} / ${share(learnt, test.length)} / ${share(rules, test.length)}`,
  );
}
console.log(`  all (${tasks.length}): tier ${share(learntHits, tasks.length)} learnt / ${share(ruleHits, tasks.length)} rules`);

console.log("Nothing fitted to tasks (BM25 + concept lexicon; the rules alone): top-1 / top-3 / tier");
const lexical = createLexicalSelector(agents, { examples: null });
for (const b of [...BATCHES, "all"]) {
  const r = evaluateAccuracy(b === "all" ? tasks : inBatch(b), {
    selector: lexical,
    routing: { classifier: "rules" },
    latencyRepeats: 1,
  });
  const labels = r.all.tierLabels;
  const votes = labels
    ? `   (${labels.annotators} annotators: agreement ${pct(labels.agreement)}, kappa ${labels.fleissKappa?.toFixed(2)}; rules vs the writer alone ${pct(labels.tierVsAnnotator[0]!)})`
    : "";
  console.log(`  ${b}: ${pct(r.all.top1)} / ${pct(r.all.top3)} / ${pct(r.all.tierAccuracy)}${votes}`);
}
const full = evaluateAccuracy(tasks, { selector: createLexicalSelector(agents), latencyRepeats: 20 });
console.log(
  `Default selector and tier model (trained on all tasks, in-sample): top-1 ${pct(full.all.top1)}, top-3 ${pct(full.all.top3)}, tier ${pct(full.all.tierAccuracy)}; selection latency p50 ${full.selectionLatencyUs.p50} µs, p99 ${full.selectionLatencyUs.p99} µs`,
);
