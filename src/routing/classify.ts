/**
 * The hybrid orchestrator's tier classifier: simple → Haiku, standard → Sonnet, critical → Opus.
 * It weighs keyword signals rather than taking the first match: critical signals add up (a weak
 * one needs company), simple signals are cancelled by signs of substantial work, and a negated
 * signal ("not in production") does not count.
 */
import { CRITICAL_SIGNALS, SIMPLE_SIGNALS, type Signal, STANDARD_SIGNALS } from "./signals.js";

export type Complexity = "simple" | "standard" | "critical";

export interface ClassifyOptions {
  /** Extra keywords (config `routing.simpleKeywords`), each a full signal on its own. */
  simpleKeywords?: string[];
  /** Extra keywords (config `routing.criticalKeywords`), each a full signal on its own. */
  criticalKeywords?: string[];
}

export interface Classification {
  complexity: Complexity;
  /** Names the matched signals, e.g. "critical (matched: production, migrate)". */
  reason: string;
}

interface CompiledSignal {
  label: string;
  re: RegExp;
  weight: number;
  object?: boolean;
}

const NEGATION = /\b(?:no|not|never|without|don't|doesn't|isn't|aren't|non)\b/;
/** Words before a match that are checked for a negation ("not in production"). */
const NEGATION_WINDOW_WORDS = 3;
/** Tasks this long carry enough context to be more than a quick edit. */
const LONG_TASK_WORDS = 30;
const SHORT_TASK_WORDS = 6;
/** How much an acted-on word counts when the task only writes instructions about it. */
const AUTHORED_OBJECT_FACTOR = 0.5;

/**
 * The task writes something that only describes or exercises the thing: instructions for a model
 * (a prompt, subagent, hook, skill, CLAUDE.md) or tests and mocks.
 */
const AUTHORING =
  /\b(?:prompts?|subagents?|hooks?|skills?|slash commands?|claude\.md|(?:e2e|unit|integration|end-to-end|playwright|cypress) tests?|mock\w*|test (?:cards?|mode|data))\b/i;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(signals: Signal[]): CompiledSignal[] {
  return signals.map((s) => ({
    label: s.label,
    weight: s.weight,
    object: s.object,
    re: new RegExp(`\\b(?:${s.pattern})\\b`, "gi"),
  }));
}

function fromKeywords(keywords: string[] | undefined): CompiledSignal[] {
  return (keywords ?? [])
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
    .map((k) => ({
      label: k.toLowerCase(),
      weight: 1,
      re: new RegExp(`\\b${escapeRe(k).replace(/\s+/g, "\\s+")}(?:s|es|ed|ing)?\\b`, "gi"),
    }));
}

const BUILTIN = {
  critical: compile(CRITICAL_SIGNALS),
  simple: compile(SIMPLE_SIGNALS),
  standard: compile(STANDARD_SIGNALS),
};

function negated(text: string, index: number): boolean {
  const before = text.slice(0, index).split(/\s+/).filter(Boolean).slice(-NEGATION_WINDOW_WORDS).join(" ");
  return NEGATION.test(before.toLowerCase());
}

/** A word used as a code identifier ("router.delete(", "payment_id") names code, not an action. */
function inCode(text: string, index: number, length: number): boolean {
  return /[._]/.test(text[index - 1] ?? "") || /[(_]/.test(text[index + length] ?? "");
}

/**
 * Matched signal labels and their summed weight. A signal's first word counts fully, each further
 * distinct word half ("authentication and authorization ... SSO" is stronger than "auth").
 */
function score(
  text: string,
  signals: CompiledSignal[],
  objectFactor = 1,
): { total: number; labels: string[] } {
  let total = 0;
  const labels: string[] = [];
  for (const s of signals) {
    const seen = new Set<string>();
    for (const m of text.matchAll(s.re)) {
      const word = m[0].toLowerCase();
      if (seen.has(word) || negated(text, m.index) || inCode(text, m.index, word.length)) continue;
      const weight = s.object ? s.weight * objectFactor : s.weight;
      total += seen.size === 0 ? weight : weight / 2;
      seen.add(word);
    }
    if (seen.size > 0) labels.push(s.label);
  }
  return { total, labels };
}

/** The weighed signals of a task, before the decision (also the learnt tier model's features). */
export interface TierSignals {
  words: number;
  critical: { total: number; labels: string[] };
  simple: { total: number; labels: string[] };
  substantial: { total: number; labels: string[] };
}

export function tierSignals(task: string, opts: ClassifyOptions = {}): TierSignals {
  const text = task.trim();
  return {
    words: text.split(/\s+/).filter(Boolean).length,
    critical: score(
      text,
      [...BUILTIN.critical, ...fromKeywords(opts.criticalKeywords)],
      AUTHORING.test(text) ? AUTHORED_OBJECT_FACTOR : 1,
    ),
    simple: score(text, [...BUILTIN.simple, ...fromKeywords(opts.simpleKeywords)]),
    substantial: score(text, BUILTIN.standard),
  };
}

export function classifyComplexity(task: string, opts: ClassifyOptions = {}): Classification {
  const { words, critical, simple, substantial } = tierSignals(task, opts);
  if (critical.total >= 1) {
    return { complexity: "critical", reason: `critical (matched: ${critical.labels.join(", ")})` };
  }

  let simpleScore = simple.total - substantial.total;
  if (words <= SHORT_TASK_WORDS) simpleScore += 0.3;
  if (words > LONG_TASK_WORDS) simpleScore -= 0.5;
  if (simple.total > 0 && simpleScore >= 0.8) {
    const short = words <= SHORT_TASK_WORDS ? ", short task" : "";
    return { complexity: "simple", reason: `simple (matched: ${simple.labels.join(", ")}${short})` };
  }

  const why: string[] = [];
  if (substantial.labels.length > 0) why.push(`matched: ${substantial.labels.join(", ")}`);
  if (critical.labels.length > 0) why.push(`weak critical signals: ${critical.labels.join(", ")}`);
  if (simple.labels.length > 0) why.push(`outweighed simple signals: ${simple.labels.join(", ")}`);
  return {
    complexity: "standard",
    reason: `standard (${why.length > 0 ? why.join("; ") : "no simple or critical signals"})`,
  };
}
