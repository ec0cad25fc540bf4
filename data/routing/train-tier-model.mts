/**
 * Retrains the learnt tier model on data/accuracy/tasks.jsonl and writes data/routing/tier-model.json
 * (run after changing the dataset, the rules or the features: `npm run train:tier`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { defaultAccuracyDataset, parseAccuracyDataset } from "../../src/bench/accuracy.js";
import { SHIPPED_TIER_MODEL, trainTierModel } from "../../src/routing/learnt.js";

const file = defaultAccuracyDataset();
const text = readFileSync(file, "utf8");
const started = performance.now();
const model = trainTierModel(parseAccuracyDataset(text, file), text);
writeFileSync(SHIPPED_TIER_MODEL, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${model.trainedOn.tasks} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s; ${Object.keys(model.weights).length} weights → ${SHIPPED_TIER_MODEL}`,
);
