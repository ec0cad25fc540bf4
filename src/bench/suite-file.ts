/**
 * Custom suite files (YAML or JSON), validated with zod. Errors name the file, the line, the key
 * path, what was expected and what was found (the same formatter as the config files).
 */
import { extname } from "node:path";
import { z } from "zod";
import { readConfigSource } from "../config/source.js";
import { validateSection } from "../config/validate.js";
import { ClaudeForceError } from "../errors.js";

const validRegex = (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};

const ASSERTION_KINDS = "contains, regex, jsonSchema, maxLatencyMs, maxCostUsd";

const assertionSchema = z
  .strictObject({
    contains: z.string().min(1).optional(),
    regex: z.string().min(1).refine(validRegex, "not a valid regular expression").optional(),
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
    maxLatencyMs: z.number().positive().optional(),
    maxCostUsd: z.number().nonnegative().optional(),
  })
  .refine((a) => Object.keys(a).length === 1, `each assertion has exactly one of ${ASSERTION_KINDS}`);

const common = {
  iterations: z.int().min(1).max(100_000).optional(),
  warmup: z.int().min(0).optional(),
  model: z.string().min(1).optional(),
  concurrency: z.int().min(1).max(1000).optional(),
  /** k for pass@k and pass^k (default: the scenario's iterations). */
  k: z.int().min(1).optional(),
};

const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    agent: z.string().min(1).optional(),
    workflow: z.string().min(1).optional(),
    task: z.string().min(1),
    assert: z.array(assertionSchema).optional(),
    ...common,
  })
  .refine(
    (s) => (s.agent === undefined) !== (s.workflow === undefined),
    "a scenario names exactly one of agent or workflow",
  );

export const suiteSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    defaults: z.strictObject(common).optional(),
    scenarios: z.array(scenarioSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.scenarios.forEach((sc, i) => {
      if (seen.has(sc.name))
        ctx.addIssue({
          code: "custom",
          path: ["scenarios", i, "name"],
          message: `duplicate scenario name '${sc.name}'`,
        });
      seen.add(sc.name);
    });
  });

export type SuiteFile = z.output<typeof suiteSchema>;
export type SuiteScenario = SuiteFile["scenarios"][number];

export interface LoadedSuite {
  file: string;
  suite: SuiteFile;
  /** 1-based line of a key path such as `scenarios.2.agent`, for errors raised after validation. */
  lineOf(keyPath: string): number | undefined;
}

export async function loadSuite(file: string): Promise<LoadedSuite> {
  const kind = extname(file).toLowerCase() === ".json" ? "json" : "yaml";
  let source: Awaited<ReturnType<typeof readConfigSource>>;
  try {
    source = await readConfigSource(file, kind);
  } catch (err) {
    throw asInput(err);
  }
  if (!source)
    throw new ClaudeForceError("INPUT", "suite file not found", {
      file,
      hint: "see examples/my-suite.yaml for the format",
    });
  try {
    const suite = validateSection(suiteSchema, source.data, file, "", source.lineOf);
    return { file, suite, lineOf: source.lineOf };
  } catch (err) {
    throw asInput(err);
  }
}

/** Suite files are inputs, not configuration: same message, INPUT code. */
function asInput(err: unknown): unknown {
  if (err instanceof ClaudeForceError && err.code === "CONFIG")
    return new ClaudeForceError("INPUT", err.message.replace("config file", "suite file"), err.details, {
      cause: err,
    });
  return err;
}
