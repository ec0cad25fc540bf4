/**
 * The mock server's fault plan: which generation requests fail, and how. A request gets at most one
 * fault. Scheduled rules (every=N, req=I-J) are checked first, in the order written; otherwise one
 * uniform draw from the request's seeded rng picks among the rate rules (rates sum to at most 1),
 * so a seed reproduces the same fault sequence.
 *
 * Compact syntax (the `--faults` flag), comma-separated `KIND:TRIGGER[@PARAM]` items:
 *   429:0.1,529:0.05,reset:0.02,stall:0.01@5000ms,slow-first-byte:0.1@2s,malformed:0.01,500:every=10
 */
import { ClaudeForceError } from "../errors.js";

export const MOCK_FAULT_KINDS = [
  "429",
  "529",
  "500",
  "error",
  "reset",
  "stall",
  "slow-first-byte",
  "malformed",
] as const;
export type MockFaultKind = (typeof MOCK_FAULT_KINDS)[number];

export type FaultTrigger =
  | { rate: number }
  /** Requests N, 2N, 3N, ... (1-based generation request numbers). */
  | { every: number }
  /** Requests from..to inclusive (1-based). */
  | { from: number; to: number };

export type InStreamErrorType = "overloaded_error" | "api_error";

export interface FaultRule {
  kind: MockFaultKind;
  trigger: FaultTrigger;
  /**
   * 429: retry-after in ms (default 1000). stall: pause in ms, null = forever (default).
   * slow-first-byte: delay before the response headers in ms (default 2000). Wall-clock ms: fault
   * durations are not scaled by the time scale, so a test can pick them against its own timeouts.
   */
  ms?: number | null;
  /** error: the in-stream error type (default overloaded_error). */
  errorType?: InStreamErrorType;
}

export type FaultSpec = readonly FaultRule[];

export const DEFAULT_FAULT_MS: Partial<Record<MockFaultKind, number | null>> = {
  "429": 1000,
  stall: null,
  "slow-first-byte": 2000,
};

export const FAULT_SPEC_HELP = `KIND:TRIGGER[@PARAM], comma-separated. KIND: ${MOCK_FAULT_KINDS.join(" | ")}.
TRIGGER: a probability 0..1 (e.g. 0.1), every=N (requests N, 2N, ...), or req=I or req=I-J
(1-based request numbers). PARAM: 429@250ms (retry-after), stall@5000ms or stall@forever,
slow-first-byte@2s, error@overloaded or error@api (in-stream error type).
Example: 429:0.1,529:0.05,reset:0.02,stall:0.01@5000ms,slow-first-byte:0.1@2000ms,malformed:0.01,500:every=10`;

function bad(item: string, message: string, expected: string): ClaudeForceError {
  return new ClaudeForceError("USAGE", `invalid fault '${item}': ${message}`, {
    keyPath: "--faults",
    expected,
    found: JSON.stringify(item),
    hint: "see `claude-force mock-server --help` or docs/reliability.md",
  });
}

/** "250ms", "2s", "1.5s" or a bare number of ms. */
function parseMs(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * (m[2] === "s" ? 1000 : 1);
}

function parseTrigger(item: string, text: string): FaultTrigger {
  const every = /^every=(\d+)$/.exec(text);
  if (every) {
    const n = Number(every[1]);
    if (n < 1) throw bad(item, "every=N needs N >= 1", "every=N with N >= 1");
    return { every: n };
  }
  const range = /^req=(\d+)(?:-(\d+))?$/.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to < from)
      throw bad(item, "request range must be 1-based and ascending", "req=I-J, 1 <= I <= J");
    return { from, to };
  }
  if (/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) {
    const rate = Number(text);
    if (rate > 1) throw bad(item, "a probability must be between 0 and 1", "a rate like 0.1");
    return { rate };
  }
  throw bad(item, `unknown trigger '${text}'`, "a rate 0..1, every=N, or req=I-J");
}

function parseParam(item: string, kind: MockFaultKind, param: string | undefined): Partial<FaultRule> {
  if (param === undefined) return {};
  switch (kind) {
    case "error": {
      if (param === "overloaded" || param === "overloaded_error") return { errorType: "overloaded_error" };
      if (param === "api" || param === "api_error") return { errorType: "api_error" };
      throw bad(item, `unknown in-stream error type '${param}'`, "error@overloaded or error@api");
    }
    case "stall": {
      if (param === "forever") return { ms: null };
      const ms = parseMs(param);
      if (ms === null)
        throw bad(item, `bad stall duration '${param}'`, "stall@5000ms, stall@5s or stall@forever");
      return { ms };
    }
    case "429":
    case "slow-first-byte": {
      const ms = parseMs(param);
      if (ms === null) throw bad(item, `bad duration '${param}'`, `${kind}@250ms or ${kind}@2s`);
      return { ms };
    }
    default:
      throw bad(item, `${kind} takes no @parameter`, `${kind}:TRIGGER`);
  }
}

/** Parses the compact `--faults` string. An empty string means no faults. */
export function parseFaultSpec(text: string): FaultSpec {
  const rules: FaultRule[] = [];
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const m = /^([a-z0-9-]+):([^@]+)(?:@(.+))?$/.exec(item);
    if (!m) throw bad(item, "expected KIND:TRIGGER[@PARAM]", "e.g. 429:0.1 or stall:every=5@2s");
    const kind = m[1] as MockFaultKind;
    if (!MOCK_FAULT_KINDS.includes(kind))
      throw bad(item, `unknown fault kind '${m[1]}'`, MOCK_FAULT_KINDS.join(" | "));
    rules.push({ kind, trigger: parseTrigger(item, m[2]!), ...parseParam(item, kind, m[3]) });
  }
  validateFaultSpec(rules);
  return rules;
}

/** Checks a programmatic spec the same way the parser does (rates in range, summing to <= 1). */
export function validateFaultSpec(spec: FaultSpec): void {
  let total = 0;
  for (const r of spec) {
    if (!MOCK_FAULT_KINDS.includes(r.kind))
      throw new ClaudeForceError("USAGE", `unknown fault kind '${r.kind}'`, {
        keyPath: "faults",
        expected: MOCK_FAULT_KINDS.join(" | "),
      });
    if ("rate" in r.trigger) {
      if (!(r.trigger.rate >= 0 && r.trigger.rate <= 1))
        throw new ClaudeForceError("USAGE", `fault rate for ${r.kind} must be between 0 and 1`, {
          keyPath: "faults",
          found: String(r.trigger.rate),
        });
      total += r.trigger.rate;
    }
    if (r.ms !== undefined && r.ms !== null && !(r.ms >= 0 && Number.isFinite(r.ms)))
      throw new ClaudeForceError("USAGE", `fault duration for ${r.kind} must be a finite number of ms >= 0`, {
        keyPath: "faults",
        found: String(r.ms),
      });
  }
  if (total > 1 + 1e-9)
    throw new ClaudeForceError("USAGE", "fault rates add up to more than 1", {
      keyPath: "--faults",
      expected: "rates summing to at most 1 (a request gets at most one fault)",
      found: total.toFixed(3),
    });
}

/** The fault for 1-based generation request `index`, given one uniform draw `u` in [0, 1). */
export function pickFault(spec: FaultSpec, index: number, u: number): FaultRule | null {
  for (const r of spec) {
    const t = r.trigger;
    if ("every" in t && index % t.every === 0) return r;
    if ("from" in t && index >= t.from && index <= t.to) return r;
  }
  let acc = 0;
  for (const r of spec) {
    if (!("rate" in r.trigger)) continue;
    acc += r.trigger.rate;
    if (u < acc) return r;
  }
  return null;
}

/** The rule's duration parameter, with the kind's default. */
export function faultMs(rule: FaultRule): number | null {
  return rule.ms !== undefined ? rule.ms : (DEFAULT_FAULT_MS[rule.kind] ?? null);
}

/** Canonical spec string (for banners and stats). */
export function formatFaultSpec(spec: FaultSpec): string {
  return spec
    .map((r) => {
      const t = r.trigger;
      const trig = "rate" in t ? String(t.rate) : "every" in t ? `every=${t.every}` : `req=${t.from}-${t.to}`;
      const ms = r.ms === undefined ? "" : r.ms === null ? "@forever" : `@${r.ms}ms`;
      const type = r.errorType ? `@${r.errorType === "api_error" ? "api" : "overloaded"}` : "";
      return `${r.kind}:${trig}${ms}${type}`;
    })
    .join(",");
}
