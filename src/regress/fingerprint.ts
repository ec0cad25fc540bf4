/**
 * Are two runs comparable? Lists every difference in what makes numbers comparable: provider,
 * simulated or real, model mapping, time scale, and the definition of each scenario both runs have.
 * The seed is deliberately not compared: reruns with another seed are exactly what noise-aware
 * comparison is for.
 */
import type { ResultsDocument } from "../bench/types.js";

export function fingerprintDifferences(baseline: ResultsDocument, current: ResultsDocument): string[] {
  const diffs: string[] = [];
  const b = baseline.run;
  const c = current.run;
  if (b.provider !== c.provider) diffs.push(`provider: baseline ${b.provider}, current ${c.provider}`);
  if (b.simulated !== c.simulated)
    diffs.push(`simulated: baseline ${label(b.simulated)}, current ${label(c.simulated)}`);
  if ((b.timeScale ?? null) !== (c.timeScale ?? null))
    diffs.push(`time scale: baseline ${b.timeScale ?? "none"}, current ${c.timeScale ?? "none"}`);
  const keys = [...new Set([...Object.keys(b.modelMap), ...Object.keys(c.modelMap)])].sort();
  for (const k of keys) {
    const bm = b.modelMap[k];
    const cm = c.modelMap[k];
    if (bm !== cm) diffs.push(`model mapping ${k}: baseline ${bm ?? "(none)"}, current ${cm ?? "(none)"}`);
  }
  const baseHashes = new Map(baseline.scenarios.map((s) => [s.name, s.definitionHash]));
  for (const s of current.scenarios) {
    const bh = baseHashes.get(s.name);
    if (bh !== undefined && s.definitionHash !== undefined && bh !== s.definitionHash)
      diffs.push(
        `scenario ${s.name}: definition changed (task, agent/workflow, model or iterations; hash ${bh} -> ${s.definitionHash})`,
      );
  }
  return diffs;
}

function label(simulated: boolean): string {
  return simulated ? "simulated" : "real";
}
