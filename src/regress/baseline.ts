/**
 * Reading and writing baselines. A baseline is a results document copied aside; the guide's own
 * format (`{timestamp, scenarios: [{name, summary}]}`, no run metadata) is accepted as a legacy
 * baseline. Every problem with a file is an INPUT error that names the file and what is wrong.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { RESULTS_SCHEMA_VERSION, type ResultsDocument } from "../bench/types.js";
import { ClaudeForceError } from "../errors.js";
import { MAX_RESULTS_BYTES, readTextFile } from "../internal/files.js";
import { redact } from "../internal/redact.js";

export const DEFAULT_BASELINE_FILE = "benchmarks/baseline.json";
export const DEFAULT_RESULTS_FILE = "benchmarks/results/latest.json";

/** The guide's results shape: scenario summaries only. */
export interface LegacyResults {
  timestamp?: string;
  scenarios: Array<{ name: string; summary: Record<string, unknown> }>;
}

export type AnyResults = ResultsDocument | LegacyResults;

export function isLegacy(doc: AnyResults): doc is LegacyResults {
  return !("run" in doc) || !("schemaVersion" in doc);
}

const scenarioShape = z.looseObject({ name: z.string(), summary: z.record(z.string(), z.unknown()) });
const legacySchema = z.looseObject({ scenarios: z.array(scenarioShape) });
const documentSchema = z.looseObject({
  schemaVersion: z.number(),
  run: z.looseObject({
    id: z.string(),
    provider: z.string(),
    simulated: z.boolean(),
    timeScale: z.number().nullable(),
    modelMap: z.record(z.string(), z.string()),
  }),
  scenarios: z.array(
    z.looseObject({
      name: z.string(),
      summary: z.record(z.string(), z.unknown()),
      samples: z.array(z.number()).optional(),
      definitionHash: z.string().optional(),
    }),
  ),
});

type Role = "baseline" | "results";

/** Load a baseline file (a results document or the guide's legacy format). */
export function loadBaseline(file: string): Promise<AnyResults> {
  return loadResultsFile(file, "baseline");
}

/** Load and validate a results document (or a legacy one); `role` only shapes the messages. */
export async function loadResultsFile(file: string, role: Role = "results"): Promise<AnyResults> {
  const text = await readTextFile(file, {
    what: `${role} file`,
    maxBytes: MAX_RESULTS_BYTES,
    hint:
      role === "baseline"
        ? "create one with claude-force bench baseline save (after a claude-force bench run)"
        : "run claude-force bench first, or pass the results file to compare",
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ClaudeForceError("INPUT", `${role} file is not valid JSON: ${(err as Error).message}`, {
      file,
      hint: role === "baseline" ? "save it again with claude-force bench baseline save" : undefined,
    });
  }
  return validateResults(json, file, role);
}

/** Check that a parsed value is a results document (current schema) or a legacy guide document. */
export function validateResults(json: unknown, file: string | undefined, role: Role = "results"): AnyResults {
  const isObject = typeof json === "object" && json !== null && !Array.isArray(json);
  if (isObject && !("schemaVersion" in json) && !("run" in json)) {
    const legacy = legacySchema.safeParse(json);
    if (legacy.success) return json as LegacyResults;
    throw notResults(file, role, legacy.error.issues[0]);
  }
  if (isObject && "schemaVersion" in json && json.schemaVersion !== RESULTS_SCHEMA_VERSION)
    throw new ClaudeForceError("INPUT", `${role} file has an unsupported schemaVersion`, {
      file,
      keyPath: "schemaVersion",
      expected: String(RESULTS_SCHEMA_VERSION),
      found: JSON.stringify(json.schemaVersion),
      hint: "re-run the benchmark with this version of claude-force and save a new baseline",
    });
  const full = documentSchema.safeParse(json);
  if (full.success) return json as ResultsDocument;
  throw notResults(file, role, full.error.issues[0]);
}

function notResults(
  file: string | undefined,
  role: Role,
  issue: z.core.$ZodIssue | undefined,
): ClaudeForceError {
  return new ClaudeForceError("INPUT", `${role} file is not a claude-force results document`, {
    file,
    keyPath: issue?.path.length ? issue.path.join(".") : undefined,
    expected:
      "a results JSON written by claude-force bench (or the guide's {timestamp, scenarios:[{name, summary}]})",
    found: issue?.message,
  });
}

export interface SavedBaseline {
  file: string;
  runId: string | null;
  scenarios: string[];
  warnings: string[];
}

/** Copy a results document (or a results file) to the baseline location. */
export async function saveBaseline(
  results: ResultsDocument | string,
  out = DEFAULT_BASELINE_FILE,
): Promise<SavedBaseline> {
  const doc: AnyResults = typeof results === "string" ? await loadResultsFile(results) : results;
  const warnings: string[] = [];
  if (isLegacy(doc))
    warnings.push("legacy results (no fingerprint): comparisons will check only the guide's three metrics");
  else if (doc.run.incomplete)
    warnings.push("the run was incomplete (interrupted or limited): numbers may be partial");
  await mkdir(dirname(out), { recursive: true });
  // Write then rename, so an interrupted save never leaves a half-written baseline behind.
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, redact(`${JSON.stringify(doc, null, 2)}\n`), "utf8");
  await rename(tmp, out);
  return {
    file: out,
    runId: isLegacy(doc) ? null : doc.run.id,
    scenarios: doc.scenarios.map((s) => s.name),
    warnings,
  };
}
