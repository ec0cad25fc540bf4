/**
 * The rule-based tier classifier (simple → Haiku, standard → Sonnet, critical → Opus), used alone
 * with `routing.classifier: rules` and as the learnt model's main input otherwise (classify.ts).
 * It weighs keyword signals rather than taking the first match: critical signals add up (a weak
 * one needs company), simple signals are cancelled by signs of substantial work, and a negated
 * signal ("not in production") does not count. Besides keywords it reads a few forms: a short
 * general-knowledge question and an imperative scoped to pasted material ("... in this function")
 * are simple, a request listing several deliverables is substantial. Quoted and inline-code text
 * does not count towards the length that marks a long, substantial task.
 */
import { CRITICAL_SIGNALS, SIMPLE_SIGNALS, type Signal, STANDARD_SIGNALS } from "./signals.js";

export type Complexity = "simple" | "standard" | "critical";

export interface ClassifyOptions {
  /** Extra keywords (config `routing.simpleKeywords`), each a full signal on its own. */
  simpleKeywords?: string[];
  /** Extra keywords (config `routing.criticalKeywords`), each a full signal on its own. */
  criticalKeywords?: string[];
  /**
   * "learnt" (default): the shipped model trained on data/accuracy/tasks.jsonl, which reads the
   * rules' signals among its features; "rules": the hand-written rules alone.
   */
  classifier?: "learnt" | "rules";
}

export interface Classification {
  complexity: Complexity;
  /** Names the matched signals, e.g. "critical (matched: production, migrate)". */
  reason: string;
}

/** A signal with its pattern compiled (case-insensitive, at word boundaries). */
interface CompiledSignal extends Omit<Signal, "pattern"> {
  re: RegExp;
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

/** Other environments named beside production: the task configures environments (see Signal). */
const OTHER_ENVIRONMENTS = /\b(?:staging|sandbox|preview|dev|development)\b/i;
const ENVIRONMENT_FACTOR = 0.5;

/**
 * A short question with no reference to the asker's own system ("what does X do?", "409 or 412
 * for a stale ETag?") asks for general knowledge: explanatory, so simple. Questions about "our"
 * service, "my" code or "we" are about a real system and stay standard unless other signals say
 * otherwise.
 */
const QUESTION_OPENER = /^(?:what|which|why|how|when|where|is|are|does|do|should)\b|^[^.!?]+\?\s*$/i;
const OWN_SYSTEM = /\b(?:we|we're|our|ours|us|my|mine|me|i|i'm|i've)\b/i;
/** Requests in question form ("can you fix ...?", "could you review ...?") ask for work, not facts. */
const REQUEST = /^(?:can|could|would|will) you\b|\b(?:please|review|look over|feedback)\b/i;
const GENERAL_QUESTION_MAX_WORDS = 20;
const GENERAL_QUESTION_WEIGHT = 0.8;

function generalQuestion(text: string): boolean {
  const first = text.split("\n")[0]!.trim();
  if (!QUESTION_OPENER.test(first) || !first.includes("?")) return false;
  if (first.split(/\s+/).length > GENERAL_QUESTION_MAX_WORDS) return false;
  return !OWN_SYSTEM.test(firstSentence(first)) && !REQUEST.test(first);
}

/**
 * "How do I ...?" asks for instructions for one thing the asker will do (register an MCP server,
 * cache a method): explanatory, although it names the asker's own setup.
 */
const HOW_TO = /^how (?:do|can|would|should) i\b[^\n]*\?/i;

/**
 * An imperative acting on pasted material ("add type hints to this", "replace the loops in this
 * function") is scoped to that snippet: a small edit unless signs of substantial work say otherwise.
 */
const SCOPED_OBJECT =
  /\b(?:to|in|on|from|for) (?:this|these)\b|^\s*(?:convert|turn|translate|rewrite|port) (?:this|these)\b/i;
const SCOPED_EDIT_WEIGHT = 0.8;

function scopedEdit(text: string): boolean {
  const line = requestLine(text);
  return SCOPED_OBJECT.test(line) && !firstSentence(line).endsWith("?");
}

/** A request listing this many items (commas in its first line) asks for several deliverables. */
const ENUMERATION_COMMAS = 3;
const ENUMERATION_WEIGHT = 0.5;

/** Up to the first ".", "?" or "!" that ends a sentence (not "v2.1" or "status?,"). */
function firstSentence(line: string): string {
  return (line.match(/^.*?(?:[.?!](?=\s|$)|$)/)?.[0] ?? "").trim();
}

/** The first line without quoted or backticked text, which is pasted content, not the request. */
function requestLine(text: string): string {
  return text.split("\n")[0]!.replace(/"[^"]*"|`[^`]*`/g, "");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(signals: Signal[]): CompiledSignal[] {
  return signals.map(({ pattern, ...signal }) => ({
    ...signal,
    re: new RegExp(`\\b(?:${pattern})\\b`, "gi"),
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

/**
 * A word used as a code identifier ("router.delete(", "payment_id", the event "refund.issued")
 * names code, not an action.
 */
function inCode(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length, index + length + 2);
  return /[._]/.test(text[index - 1] ?? "") || /^[(_]|^\.\w/.test(after);
}

/** "Date-based versions like Stripe does": a name cited as an example is not the task's subject. */
function citedExample(text: string, index: number, length: number): boolean {
  return (
    /\blike\s+$/i.test(text.slice(0, index)) && /^\s+(?:does|do|did)\b/i.test(text.slice(index + length))
  );
}

/**
 * Matched signal labels and their summed weight. A signal's first word counts fully, each further
 * distinct word half ("authentication and authorization ... SSO" is stronger than "auth").
 */
function score(
  text: string,
  signals: CompiledSignal[],
  objectFactor = 1,
  environmentFactor = 1,
): { total: number; labels: string[] } {
  let total = 0;
  const labels: string[] = [];
  for (const s of signals) {
    const seen = new Set<string>();
    for (const m of text.matchAll(s.re)) {
      const word = m[0].toLowerCase();
      if (
        seen.has(word) ||
        (s.sqlKeyword && m[0] === m[0].toUpperCase()) ||
        negated(text, m.index) ||
        (s.object && inCode(text, m.index, word.length)) ||
        citedExample(text, m.index, word.length)
      )
        continue;
      const weight = s.weight * (s.object ? objectFactor : 1) * (s.environment ? environmentFactor : 1);
      total += seen.size === 0 ? weight : weight / 2;
      seen.add(word);
    }
    if (seen.size > 0) labels.push(s.label);
  }
  return { total, labels };
}

/** The weighed signals of a task, before the decision. */
export interface TierSignals {
  words: number;
  critical: { total: number; labels: string[] };
  simple: { total: number; labels: string[] };
  substantial: { total: number; labels: string[] };
}

export function tierSignals(task: string, opts: ClassifyOptions = {}): TierSignals {
  const text = task.trim();
  const simple = score(text, [...BUILTIN.simple, ...fromKeywords(opts.simpleKeywords)]);
  if (generalQuestion(text)) {
    simple.total += GENERAL_QUESTION_WEIGHT;
    simple.labels.push("general question");
  }
  if (HOW_TO.test(text)) {
    simple.total += GENERAL_QUESTION_WEIGHT;
    simple.labels.push("how-to question");
  }
  if (scopedEdit(text)) {
    simple.total += SCOPED_EDIT_WEIGHT;
    simple.labels.push("scoped edit");
  }
  const general = simple.labels.includes("general question");
  const substantial = score(
    text,
    general ? BUILTIN.standard.filter((s) => s.label !== "why") : BUILTIN.standard,
  );
  if ((requestLine(text).match(/,/g) ?? []).length >= ENUMERATION_COMMAS) {
    substantial.total += ENUMERATION_WEIGHT;
    substantial.labels.push("several deliverables");
  }
  return {
    // Quoted and backticked text is material to work on (a prompt to shorten, a snippet), not a
    // description of more work.
    words: text
      .split(/\n\s*\n|```/)[0]!
      .replace(/"[^"\n]*"|(?<!`)`[^`\n]+`(?!`)/g, " ")
      .split(/\s+/)
      .filter(Boolean).length,
    critical: score(
      text,
      [...BUILTIN.critical, ...fromKeywords(opts.criticalKeywords)],
      AUTHORING.test(text) ? AUTHORED_OBJECT_FACTOR : 1,
      OTHER_ENVIRONMENTS.test(text) ? ENVIRONMENT_FACTOR : 1,
    ),
    simple,
    substantial,
  };
}

export function ruleClassification(task: string, opts: ClassifyOptions = {}): Classification {
  return classifySignals(tierSignals(task, opts));
}

/** The rules' decision from already weighed signals (the learnt model's features reuse them). */
export function classifySignals({ words, critical, simple, substantial }: TierSignals): Classification {
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
