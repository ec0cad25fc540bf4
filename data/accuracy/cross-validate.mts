/**
 * Prints the numbers in this folder's README: k-fold cross-validation of the default selector
 * (learnt part fitted on the training folds only) over tasks.jsonl, for several seeds, overall and
 * for batch 3 (t210-t272), plus the split results of the parts nothing was fitted to (BM25 with
 * the concept lexicon, and the tier router). Reads tasks.jsonl only.
 *
 *   node --import tsx data/accuracy/cross-validate.mts [--folds 5] [--seeds 1,2,3,4,5]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseAgentFile } from "../../src/agents/index.js";
import { builtinAgentsDir } from "../../src/agents/registry.js";
import { evaluateAccuracy, loadAccuracyDataset } from "../../src/bench/accuracy.js";
import { createLexicalSelector, crossValidateSelector, rates } from "../../src/selection/index.js";

const { values } = parseArgs({ options: { folds: { type: "string" }, seeds: { type: "string" } } });
const folds = Number(values.folds ?? 5);
const seeds = (values.seeds ?? "1,2,3,4,5").split(",").map(Number);

const dir = builtinAgentsDir();
const agents = readdirSync(dir)
  .filter((f) => f.endsWith(".md") && f !== "README.md")
  .map((f) => parseAgentFile(readFileSync(join(dir, f), "utf8"), join(dir, f), "builtin"));
const tasks = await loadAccuracyDataset(undefined, agents.map((a) => a.name));
const batch3 = (id: string) => Number(id.slice(1)) > 209;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const rows = seeds.map((seed) => {
  const cv = crossValidateSelector(agents, tasks, { folds, seed });
  return { seed, all: rates(cv.predictions), batch3: rates(cv.predictions.filter((p) => batch3(p.id))) };
});
const mean = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0) / rows.length;
console.log(`${folds}-fold cross-validation, ${tasks.length} tasks (top-1 / top-3; batch 3 = t210-t272)`);
for (const r of rows)
  console.log(`  seed ${r.seed}: all ${pct(r.all.top1)} / ${pct(r.all.top3)}   batch 3 ${pct(r.batch3.top1)} / ${pct(r.batch3.top3)}`);
console.log(
  `  mean:   all ${pct(mean((r) => r.all.top1))} / ${pct(mean((r) => r.all.top3))}   batch 3 ${pct(mean((r) => r.batch3.top1))} / ${pct(mean((r) => r.batch3.top3))}`,
);

const lexical = evaluateAccuracy(tasks, {
  selector: createLexicalSelector(agents, { examples: null }),
  latencyRepeats: 20,
});
console.log("Nothing fitted to tasks (BM25 + concept lexicon; tier router): top-1 / top-3 / tier");
for (const [name, s] of [
  ["tuning (t001-t209)", lexical.tuning],
  ["held-out (t210-t272)", lexical.heldOut],
] as const)
  console.log(`  ${name}: ${pct(s.top1)} / ${pct(s.top3)} / ${pct(s.tierAccuracy)}`);
const full = evaluateAccuracy(tasks, { selector: createLexicalSelector(agents), latencyRepeats: 20 });
console.log(
  `Default selector (learnt part trained on all tasks, in-sample): top-1 ${pct(full.all.top1)}, top-3 ${pct(full.all.top3)}; latency p50 ${full.selectionLatencyUs.p50} µs, p99 ${full.selectionLatencyUs.p99} µs`,
);
