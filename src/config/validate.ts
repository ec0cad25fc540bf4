/**
 * Turns zod issues into one ClaudeForceError("CONFIG") naming the file, line, key path, what was
 * expected and what was found. Exported so other modules (regression rules, budgets) validate
 * their own config sections with the same messages.
 */
import type { z } from "zod";
import { ClaudeForceError } from "../errors.js";
import { describeValue } from "./format.js";
import { didYouMean } from "./suggest.js";

/** Finds the 1-based line of a dotted key path in the file being validated. */
export type LineOf = (keyPath: string) => number | undefined;

type Segment = string | number;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  errors?: Issue[][];
  issues?: Issue[];
}

interface Explained {
  path: Segment[];
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let d = def(cur); d.innerType; d = def(cur)) cur = d.innerType;
  return cur;
}

/** Keys a strict object at `path` accepts (for did-you-mean on unknown keys). */
function knownKeys(schema: z.ZodType, path: Segment[]): string[] {
  let nodes = [unwrap(schema)];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const n of nodes) {
      const d = def(n);
      if (d.type === "object" && typeof seg === "string" && d.shape?.[seg]) next.push(unwrap(d.shape[seg]));
      else if (d.type === "record" && d.valueType) next.push(unwrap(d.valueType));
      else if (d.type === "array" && d.element) next.push(unwrap(d.element));
      else if (d.type === "union") next.push(...(d.options ?? []).map(unwrap));
    }
    nodes = next.flatMap((n) => (def(n).type === "union" ? (def(n).options ?? []).map(unwrap) : [n]));
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(def(n).shape ?? {})))];
}

function valueAt(root: unknown, path: Segment[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return cur;
}

const TYPE_WORDS: Record<string, string> = {
  array: "a list",
  object: "a mapping",
  string: "a string",
  number: "a number",
  boolean: "true or false",
};
const typeWord = (t: string | undefined) => (t ? (TYPE_WORDS[t] ?? t) : "?");

function bound(issue: Issue): string {
  const n = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  const op = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
  if (issue.origin === "array")
    return issue.code === "too_small" ? `at least ${n} item(s)` : `at most ${n} item(s)`;
  if (issue.origin === "string")
    return issue.code === "too_small" ? "a non-empty string" : `at most ${n} characters`;
  return `a number ${op} ${n}`;
}

/**
 * The issue to report: the first, except that a missing key next to an unknown key is reported as
 * the unknown key (`agnt:` for `agent:` is a typo, and the did-you-mean says so).
 */
function pick(issues: Issue[], root: unknown, base: Segment[]): Issue {
  const first = issues[0]!;
  if (first.code !== "invalid_type" || valueAt(root, [...base, ...(first.path as Segment[])]) !== undefined)
    return first;
  const parent = first.path.slice(0, -1).join("\u0000");
  return issues.find((i) => i.code === "unrecognized_keys" && i.path.join("\u0000") === parent) ?? first;
}

/** Paths here are relative to the validated value. */
function explain(schema: z.ZodType, root: unknown, issue: Issue, base: Segment[]): Explained {
  const path = [...base, ...(issue.path as Segment[])];
  const value = valueAt(root, path);
  const found = describeValue(value);
  switch (issue.code) {
    case "invalid_union": {
      const branches = (issue.errors ?? []).filter((b) => b.length > 0);
      const shallow = branches.every(
        (b) => b.length === 1 && b[0]!.code === "invalid_type" && b[0]!.path.length === 0,
      );
      if (shallow)
        return {
          path,
          message: "wrong type",
          expected: branches.map((b) => typeWord(b[0]!.expected)).join(" or "),
          found,
        };
      // The branch that got furthest into the value is the one the user meant.
      const depth = (b: Issue[]) =>
        Math.max(...b.map((i) => i.path.length + (i.code === "invalid_type" ? 0 : 1)));
      const best = [...branches].sort((a, b) => depth(b) - depth(a))[0]!;
      return explain(schema, root, pick(best, root, path), path);
    }
    case "invalid_key":
      return {
        path,
        message: "invalid name",
        expected: issue.issues?.[0]?.message ?? "a valid name",
        found: `"${String(path.at(-1))}"`,
      };
    case "unrecognized_keys": {
      const key = issue.keys?.[0] ?? "?";
      const known = knownKeys(schema, path);
      return {
        path: [...path, key],
        message: `unknown key '${key}'`,
        expected: known.length > 0 ? `one of ${known.join(", ")}` : "no other keys",
        hint: didYouMean(key, known) || undefined,
      };
    }
    case "invalid_type":
      return value === undefined
        ? { path, message: "missing required key", expected: typeWord(issue.expected), found: "nothing" }
        : { path, message: "wrong type", expected: typeWord(issue.expected), found };
    case "invalid_value":
      return { path, message: "invalid value", expected: `one of ${(issue.values ?? []).join(", ")}`, found };
    case "too_small":
    case "too_big":
      return { path, message: "value out of range", expected: bound(issue), found };
    case "invalid_format":
      return {
        path,
        message: "invalid value",
        expected: issue.format === "url" ? "a URL such as https://api.anthropic.com" : issue.message,
        found,
      };
    default:
      return { path, message: issue.message, found };
  }
}

/**
 * Validate `value` (found at `keyPath` in `file`) against `schema`; return the parsed value or throw
 * one CONFIG error for the first problem (the count of others goes in the hint).
 */
export function validateSection<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  keyPath: string,
  lineOf?: LineOf,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues as unknown as Issue[];
  const e = explain(schema, value, pick(issues, value, []), []);
  const fullPath = [...(keyPath ? [keyPath] : []), ...e.path].join(".");
  const more = issues.length > 1 ? `${issues.length - 1} more problem(s) after this one` : undefined;
  return throwConfig(e.message, {
    file,
    line: lineOf?.(fullPath),
    keyPath: fullPath || undefined,
    expected: e.expected,
    found: e.found,
    hint: [e.hint, more].filter(Boolean).join("; ") || undefined,
  });
}

function throwConfig(message: string, details: ConstructorParameters<typeof ClaudeForceError>[2]): never {
  throw new ClaudeForceError("CONFIG", message, details);
}
