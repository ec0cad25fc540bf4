/**
 * Prints the numbers in this folder's README, from tasks.jsonl only (never a held-out file):
 * 5-fold cross-validation of the default selector (learnt part fitted on the training folds only)
 * for several seeds, per batch; leave-one-batch-out selection (trained on the other batches); and
 * per batch, the parts nothing was fitted to (BM25 with the concept lexicon, and the tier router).
 *
 *   node --import tsx data/accuracy/cross-validate.mts [--folds 5] [--seeds 1,2,3,4,5]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseAgentFile } from "../../src/agents/index.js";
import { builtinAgentsDir } from "../../src/agents/registry.js";
import { defaultAccuracyDataset, evaluateAccuracy, loadAccuracyDataset } from "../../src/bench/accuracy.js";
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
const BATCHES = [
  "t001-t209",
  "t210-t272",
  "blind b001-b105",
  "blind h001-h084",
  "blind k001-k063",
  "blind m001-m063",
] as const;
const batchOf = (id: string) =>
  id.startsWith("m")
    ? BATCHES[5]
    : id.startsWith("k")
    ? BATCHES[4]
    : id.startsWith("h")
      ? BATCHES[3]
      : id.startsWith("b")
        ? BATCHES[2]
        : Number(id.slice(1)) <= 209
          ? BATCHES[0]
          : BATCHES[1];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`${folds}-fold cross-validation, ${tasks.length} tasks (top-1 / top-3)`);
const rows = seeds.map((seed) => {
  const cv = crossValidateSelector(agents, tasks, { folds, seed });
  const per = BATCHES.map((b) => rates(cv.predictions.filter((p) => batchOf(p.id) === b)));
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

console.log("Leave one batch out (learnt part trained on the other batches): top-1 / top-3");
for (const b of BATCHES) {
  const selector = createLexicalSelector(agents, { examples: tasks.filter((t) => batchOf(t.id) !== b) });
  const r = evaluateAccuracy(
    tasks.filter((t) => batchOf(t.id) === b),
    { selector, latencyRepeats: 1 },
  );
  console.log(`  ${b}: ${pct(r.all.top1)} / ${pct(r.all.top3)}`);
}

console.log("Nothing fitted to tasks (BM25 + concept lexicon; tier router): top-1 / top-3 / tier");
const lexical = createLexicalSelector(agents, { examples: null });
for (const b of [...BATCHES, "all"]) {
  const r = evaluateAccuracy(
    tasks.filter((t) => b === "all" || batchOf(t.id) === b),
    { selector: lexical, latencyRepeats: 1 },
  );
  console.log(`  ${b}: ${pct(r.all.top1)} / ${pct(r.all.top3)} / ${pct(r.all.tierAccuracy)}`);
}
const full = evaluateAccuracy(tasks, { selector: createLexicalSelector(agents), latencyRepeats: 20 });
console.log(
  `Default selector (learnt part trained on all tasks, in-sample): top-1 ${pct(full.all.top1)}, top-3 ${pct(full.all.top3)}; latency p50 ${full.selectionLatencyUs.p50} µs, p99 ${full.selectionLatencyUs.p99} µs`,
);
