/**
 * Suite assertions on an execution's output, latency and cost. A failed assertion turns the
 * execution into a failure with errorType "assertion" in the benchmark results. (The tracker has
 * already recorded the provider-level outcome by then; the results file is where assertions live.)
 */
import type { ErrorKind } from "../providers/types.js";

/** One assertion: exactly one of these keys is set (the suite schema enforces it). */
export interface Assertion {
  contains?: string;
  regex?: string;
  jsonSchema?: Record<string, unknown>;
  maxLatencyMs?: number;
  maxCostUsd?: number;
}

export interface Observed {
  output: string;
  e2eMs: number;
  cost: number | null;
}

/** Returns null when every assertion holds, else why the first one failed. */
export type Checker = (o: Observed) => string | null;

export interface CheckOutcome {
  success: boolean;
  errorType: ErrorKind | null;
  error: string | null;
}

/** Compile assertions once (regexes, JSON Schemas) and return a checker. */
export async function compileAssertions(list: readonly Assertion[]): Promise<Checker> {
  const checks: Checker[] = [];
  for (const a of list) {
    if (a.contains !== undefined) {
      const needle = a.contains;
      checks.push((o) =>
        o.output.includes(needle) ? null : `output does not contain ${JSON.stringify(needle)}`,
      );
    } else if (a.regex !== undefined) {
      const re = new RegExp(a.regex, "m");
      checks.push((o) => (re.test(o.output) ? null : `output does not match /${a.regex}/`));
    } else if (a.jsonSchema !== undefined) {
      checks.push(await jsonSchemaCheck(a.jsonSchema));
    } else if (a.maxLatencyMs !== undefined) {
      const max = a.maxLatencyMs;
      checks.push((o) => (o.e2eMs <= max ? null : `latency ${o.e2eMs.toFixed(0)}ms > maxLatencyMs ${max}`));
    } else if (a.maxCostUsd !== undefined) {
      const max = a.maxCostUsd;
      checks.push((o) =>
        o.cost === null
          ? "cost unknown (no price for the model), cannot check maxCostUsd"
          : o.cost <= max
            ? null
            : `cost $${o.cost.toFixed(6)} > maxCostUsd ${max}`,
      );
    }
  }
  return (o) => {
    for (const c of checks) {
      const failure = c(o);
      if (failure) return failure;
    }
    return null;
  };
}

async function jsonSchemaCheck(schema: Record<string, unknown>): Promise<Checker> {
  // Loaded only when a suite uses a JSON Schema assertion.
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const validate = new Ajv2020({ allErrors: false, strict: false }).compile(schema);
  return (o) => {
    const json = extractJson(o.output);
    if (json === undefined) return "output is not JSON (nor holds a ```json block)";
    if (validate(json)) return null;
    const e = validate.errors?.[0];
    return `output JSON is not valid against the schema: ${e ? `${e.instancePath || "/"} ${e.message}` : "invalid"}`;
  };
}

/** The output parsed as JSON, or the first fenced ```json block in it; undefined when neither parses. */
export function extractJson(output: string): unknown {
  const candidates = [output.trim()];
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(output);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  for (const c of candidates) {
    try {
      return JSON.parse(c);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Apply a checker to a provider-level result: a provider failure stays as it was. */
export function judge(
  checker: Checker | null,
  providerOk: boolean,
  providerError: { errorType: ErrorKind | null; error: string | null },
  observed: Observed,
): CheckOutcome {
  if (!providerOk) return { success: false, ...providerError };
  const failure = checker?.(observed) ?? null;
  return failure
    ? { success: false, errorType: "assertion", error: failure }
    : { success: true, errorType: null, error: null };
}

/**
 * pass@k: the chance that at least one of k attempts drawn from the n made succeeds, and pass^k:
 * the chance that all k do (unbiased estimators over n attempts with c successes).
 */
export function passAtK(n: number, c: number, kWanted: number): number {
  if (n === 0) return 0;
  const k = Math.min(kWanted, n);
  if (n - c < k) return 1;
  // 1 - C(n-c, k) / C(n, k), as a product to stay exact for large n.
  let ratio = 1;
  for (let i = n - c + 1; i <= n; i++) ratio *= 1 - k / i;
  return 1 - ratio;
}

export function passHatK(n: number, c: number, kWanted: number): number {
  const k = Math.min(kWanted, n);
  if (n === 0 || c < k) return 0;
  // C(c, k) / C(n, k)
  let ratio = 1;
  for (let i = 0; i < k; i++) ratio *= (c - i) / (n - i);
  return ratio;
}
