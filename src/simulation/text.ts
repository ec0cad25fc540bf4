/**
 * Plausible synthetic output: markdown with headings, bullet points and a code block that fit the
 * task kind and the agent. It starts with a `[simulated response]` marker so it can never be
 * mistaken for a real model's answer. Bodies are built once per (agent, kind, variant) and cached;
 * each call only picks how many whole sections fit the planned output length, so generating text
 * stays cheap at hundreds of thousands of calls per second.
 */
import type { TaskKind } from "../providers/types.js";
import { CHARS_PER_TOKEN } from "./tokens.js";

export const SIMULATED_MARKER = "[simulated response]";
export const TEXT_VARIANTS = 3;

interface KindVocabulary {
  title: string;
  intro: string[];
  points: string[];
  closing: string;
}

const VOCABULARY: Record<TaskKind, KindVocabulary> = {
  explain: {
    title: "Explanation",
    intro: [
      "Here is how this works, step by step.",
      "In short: the construct trades a loop for a single expression.",
      "The idea is simpler than it looks; the example below shows it.",
    ],
    points: [
      "The expression is evaluated once per element of the input.",
      "An optional condition filters elements before they are transformed.",
      "The result is built eagerly; use a generator expression for large inputs.",
      "Readability drops quickly when conditions nest, so prefer a plain loop then.",
      "Names bound inside the expression do not leak into the enclosing scope.",
    ],
    closing: "Try the example with a small input and print the intermediate values.",
  },
  review: {
    title: "Code review",
    intro: [
      "Overall the change is sound; a few issues are worth fixing before merging.",
      "The logic is correct for the common case; edge cases need attention.",
      "Good structure. The comments below are ordered by severity.",
    ],
    points: [
      "High: input is not validated before use, so malformed data raises deep in the call stack.",
      "Medium: the function mixes I/O and computation, which makes it hard to test.",
      "Medium: errors are swallowed silently; log or re-raise them with context.",
      "Low: a few names are ambiguous (`data`, `tmp`); name them for what they hold.",
      "Low: missing type hints on the public functions.",
      "Tests: add a case for the empty input and for the largest expected input.",
    ],
    closing: "Suggested next step: address the high-severity item and add the two tests.",
  },
  refactor: {
    title: "Refactoring plan",
    intro: [
      "The refactor below keeps behaviour identical while separating concerns.",
      "I split the work into small, independently testable steps.",
      "The main change is extracting pure functions from the I/O layer.",
    ],
    points: [
      "Extract the parsing logic into a pure function with explicit inputs and outputs.",
      "Replace the mutable shared state with values passed through the call chain.",
      "Introduce a small interface at the boundary so the storage can be swapped in tests.",
      "Remove duplicated branches by table-driving the dispatch.",
      "Keep the public signatures stable; deprecate the old helpers instead of deleting them.",
      "Run the existing tests after each step; each step is a separate commit.",
    ],
    closing: "After these steps the module is shorter and each function has one job.",
  },
  design: {
    title: "Design proposal",
    intro: [
      "The design below favours simple, well-understood components.",
      "Here is a proposal with the main resources, flows and trade-offs.",
      "This design keeps the first version small and leaves room to grow.",
    ],
    points: [
      "Resources are nouns with stable identifiers; actions map to HTTP verbs.",
      "Validation happens at the edge and returns structured, documented errors.",
      "Pagination uses opaque cursors so clients never depend on offsets.",
      "Authentication uses short-lived tokens; authorisation is checked per resource.",
      "Writes are idempotent where clients may retry (an idempotency key header).",
      "Observability: request ids, structured logs and latency histograms from day one.",
    ],
    closing: "Open questions: expected traffic, consistency needs and the retention policy.",
  },
  docs: {
    title: "Documentation",
    intro: [
      "Below is a draft you can drop into the project's docs.",
      "This documentation covers purpose, usage, parameters and examples.",
      "A concise reference first, then a worked example.",
    ],
    points: [
      "Purpose: one sentence on what it does and when to use it.",
      "Parameters: every argument with its type, default and constraints.",
      "Returns: the shape of the result, including the error cases.",
      "Example: a minimal, copy-pasteable call with its output.",
      "Notes: performance characteristics and thread-safety.",
    ],
    closing: "Keep the examples under test so the documentation stays true.",
  },
  debug: {
    title: "Debugging analysis",
    intro: [
      "The symptom points at a state problem rather than a logic error.",
      "Here is the most likely root cause and how to confirm it.",
      "I would narrow this down in three steps.",
    ],
    points: [
      "Reproduce with the smallest input that still fails and keep it as a test.",
      "The value is read before it is initialised on the error path.",
      "Check the boundary: the loop stops one element early when the list is empty.",
      "Add an assertion where the invariant should hold to fail fast.",
      "Confirm the fix by running the new test before and after the change.",
    ],
    closing: "Root cause, fix and regression test belong in the same commit.",
  },
  test: {
    title: "Test plan",
    intro: [
      "Here are the tests, grouped by behaviour.",
      "The suite below covers the happy path, edge cases and failures.",
      "Each test checks one behaviour and names it.",
    ],
    points: [
      "Happy path: a typical input produces the documented output.",
      "Edge cases: empty input, a single element, the maximum size.",
      "Failure cases: invalid input raises a clear error.",
      "Property: the output length never exceeds the input length.",
      "Regression: the bug reported last week stays fixed.",
    ],
    closing: "Run the suite in CI on every pull request.",
  },
  general: {
    title: "Response",
    intro: [
      "Here is a short answer followed by the details.",
      "A practical approach, with an example.",
      "Below are the main points and a sketch.",
    ],
    points: [
      "Start from the simplest thing that could work and measure it.",
      "Make the trade-offs explicit so reviewers can challenge them.",
      "Automate the repetitive part; keep the judgement calls manual.",
      "Document the decision and the alternatives considered.",
    ],
    closing: "Happy to go deeper on any of these points.",
  },
};

type Lang = "python" | "typescript" | "sql" | "yaml";

function languageOf(agent: string): Lang {
  if (/python|data-engineer|ai-engineer|bug/.test(agent)) return "python";
  if (/database|sql/.test(agent)) return "sql";
  if (/devops|deploy|cloud|infra/.test(agent)) return "yaml";
  return "typescript";
}

const CODE: Record<Lang, (kind: TaskKind, n: number) => string> = {
  python: (kind, n) =>
    `\`\`\`python\ndef ${kind}_step_${n}(items: list[int]) -> list[int]:\n    """Simulated example (${kind} task)."""\n    return [x * 2 for x in items if x % 2 == 0]\n\`\`\``,
  typescript: (kind, n) =>
    `\`\`\`ts\nexport function ${kind}Step${n}(items: number[]): number[] {\n  // Simulated example (${kind} task).\n  return items.filter((x) => x % 2 === 0).map((x) => x * 2);\n}\n\`\`\``,
  sql: (kind, n) =>
    `\`\`\`sql\n-- Simulated example (${kind} task, part ${n}).\nCREATE INDEX IF NOT EXISTS idx_orders_customer ON orders (customer_id, created_at);\nSELECT customer_id, count(*) FROM orders GROUP BY customer_id;\n\`\`\``,
  yaml: (kind, n) =>
    `\`\`\`yaml\n# Simulated example (${kind} task, part ${n}).\nsteps:\n  - name: build\n    run: npm ci && npm run build\n  - name: test\n    run: npm test\n\`\`\``,
};

// Enough sections for ~3,000 output tokens; longer plans reuse the full body.
const MAX_SECTIONS = 30;

interface Body {
  sections: string[];
  /** ends[i] = length of sections 0..i joined. */
  ends: number[];
  /** Joined prefixes, filled on first use: prefixes[n] = first n sections. */
  prefixes: Array<string | undefined>;
}

const cache = new Map<string, Body>();

function buildBody(agent: string, kind: TaskKind, variant: number): Body {
  const v = VOCABULARY[kind];
  const lang = languageOf(agent);
  const rotate = (i: number) => v.points[(i + variant) % v.points.length] as string;
  const sections: string[] = [
    `${v.intro[variant % v.intro.length]}\n`,
    `### Key points\n\n${[0, 1, 2].map((i) => `- ${rotate(i)}`).join("\n")}\n`,
    `### Example\n\n${CODE[lang](kind, 1)}\n`,
  ];
  for (let n = 2; sections.length < MAX_SECTIONS - 1; n++) {
    const details = [0, 1, 2, 3].map((i) => `- ${rotate(n + i)}`).join("\n");
    sections.push(`### Details (${n - 1})\n\n${details}\n\n${CODE[lang](kind, n)}\n`);
  }
  sections.push(`### Next steps\n\n${v.closing}\n`);
  const ends: number[] = [];
  let total = 0;
  for (const s of sections) {
    total += s.length + 1;
    ends.push(total);
  }
  return { sections, ends, prefixes: [] };
}

function bodyFor(agent: string, kind: TaskKind, variant: number): Body {
  const key = `${agent}\u0000${kind}\u0000${variant}`;
  let body = cache.get(key);
  if (!body) {
    body = buildBody(agent, kind, variant);
    cache.set(key, body);
  }
  return body;
}

export interface SyntheticTextInput {
  agent: string | undefined;
  kind: TaskKind;
  tierLabel: string;
  outputTokens: number;
  variant: number;
}

export function syntheticText(input: SyntheticTextInput): string {
  const agent = input.agent ?? "assistant";
  const body = bodyFor(agent, input.kind, input.variant % TEXT_VARIANTS);
  const budget = input.outputTokens * CHARS_PER_TOKEN;
  let count = 1;
  while (count < body.sections.length && (body.ends[count] as number) <= budget) count++;
  const header = `${SIMULATED_MARKER} ${input.tierLabel} as ${agent}; synthetic text, not a model's answer.\n\n## ${VOCABULARY[input.kind].title}\n\n`;
  let prefix = body.prefixes[count];
  if (prefix === undefined) {
    prefix = body.sections.slice(0, count).join("\n");
    body.prefixes[count] = prefix;
  }
  return header + prefix;
}
