/**
 * The default selector: BM25 (minisearch) over each agent's name, description, domains, the
 * "not for X (use Y)" referrals other agents make to it, and its body, with the concept lexicon's
 * concepts indexed beside the words (so "session cookie" meets "authentication"). A task's score is
 * the sum of its terms' BM25 scores, so each term's per-agent scores are asked of minisearch once
 * and memoised: a query is then a tokenisation and a few map lookups (microseconds), which keeps
 * `pick` and the accuracy benchmark far below the 1 ms budget even on a busy machine.
 *
 * When labelled tasks are available for some of the agents (by default the shipped accuracy
 * dataset), a naive Bayes model learnt from them plus every agent's description adds its posterior
 * to the normalised BM25 score (see learnt.ts). Agents nobody labelled still compete through BM25.
 */
import MiniSearch from "minisearch";
import { conceptsOf } from "./concepts.js";
import { createLearntScorer } from "./learnt.js";
import { splitDescription } from "./referrals.js";
import { analyse, nameText, tokenize } from "./tokenize.js";
import { shippedExamples, type TrainingExample } from "./training.js";
import type { AgentSelector, RankedAgent, RankOptions, SelectableAgent } from "./types.js";

export interface LexicalSelectorOptions {
  /** Field weights (defaults in DEFAULT_BOOST). */
  boost?: Partial<Record<Field, number>>;
  /** How much a match on an agent's own "not for ..." clauses subtracts (0 disables). */
  penalty?: number;
  /**
   * Extra weight for terms that few agents match: a term's score is multiplied by
   * 1 + specificity * ln(agents / agents matching it). BM25's own IDF is flat over a couple of dozen
   * documents, so without this "find" and "users" outvote "Firestore" and "Lighthouse".
   */
  specificity?: number;
  /** BM25 parameters (minisearch's defaults: k 1.2, b 0.7, d 0.5). */
  bm25?: { k: number; b: number; d: number };
  /**
   * Labelled tasks to learn from (default: the shipped accuracy dataset); null for BM25 alone.
   * Examples whose agent is not among `agents` are ignored.
   */
  examples?: readonly TrainingExample[] | null;
}

type Field = "name" | "description" | "domains" | "referrals" | "body";
const FIELDS: Field[] = ["name", "description", "domains", "referrals", "body"];

/** Chosen on the tuning split of data/accuracy (a broad plateau; see its README). */
export const DEFAULT_BOOST: Readonly<Record<Field, number>> = {
  name: 2,
  description: 2,
  domains: 2,
  referrals: 1,
  body: 0.2,
};
export const DEFAULT_PENALTY = 0.3;
export const DEFAULT_SPECIFICITY = 1;

/**
 * Weight of the learnt posterior (0..1) against BM25 normalised to the best agent (0..1), chosen by
 * 5-fold CV (0.3-0.7 is a plateau); and the posterior an agent needs to be listed without any
 * lexical match, so a confident model can still name an agent whose description shares no word.
 */
const LEARNT_WEIGHT = 0.5;
const MIN_LEARNT_PROBABILITY = 0.2;
/** Concept matches count more than one word's: they stand for a whole family of terms (5-fold CV). */
const CONCEPT_WEIGHT = 1.5;

/** Index-time analyser: the terms, then the concepts they evoke ("@security"). */
function withConcepts(text: string): string[] {
  const analysed = analyse(text);
  return [...analysed.map((a) => a.term), ...conceptsOf(analysed).map((c) => `@${c}`)];
}

/** Query-time analyser: like withConcepts, keeping each term's surface word for the reason. */
function analyseWithConcepts(task: string): Array<{ term: string; word: string }> {
  const analysed = analyse(task);
  const concepts = conceptsOf(analysed).map((c) => ({ term: `@${c}`, word: c }));
  return [...analysed, ...concepts];
}

/**
 * What pasted material (code, logs, a list after the first line break) weighs against the request
 * itself: a task's first line says what is wanted ("turn these commits into a changelog"), the
 * pasted lines mostly say what it is about (5-fold CV).
 */
const PASTED_WEIGHT = 0.5;

function weighedTerms(task: string): Array<{ term: string; word: string; weight: number }> {
  const text = task.trim();
  const cut = text.indexOf("\n");
  if (cut < 0) return analyseWithConcepts(text).map((t) => ({ ...t, weight: 1 }));
  return [
    ...analyseWithConcepts(text.slice(0, cut)).map((t) => ({ ...t, weight: 1 })),
    ...analyseWithConcepts(text.slice(cut)).map((t) => ({ ...t, weight: PASTED_WEIGHT })),
  ];
}

/** Bound on memoised terms, so a long-lived process fed arbitrary text cannot grow without limit. */
const MAX_CACHED_TERMS = 20_000;

interface Doc {
  id: number;
  name: string;
  description: string;
  domains: string;
  referrals: string;
  body: string;
}

/** One term's contribution to one agent: BM25 score and the fields it matched in. */
interface Hit {
  doc: number;
  score: number;
  fields: string[];
}

function buildDocs(agents: SelectableAgent[]): {
  docs: Doc[];
  negatives: Array<{ id: number; owner: number; text: string }>;
} {
  const byName = new Map(agents.map((a, i) => [a.name, i]));
  const referrals = agents.map(() => [] as string[]);
  const negatives: Array<{ id: number; owner: number; text: string }> = [];
  const docs = agents.map((a, id) => {
    const parts = splitDescription(a.description);
    for (const r of parts.referrals) {
      negatives.push({ id: negatives.length, owner: id, text: r.text });
      for (const to of r.to) referrals[byName.get(to) ?? -1]?.push(r.text);
    }
    return {
      id,
      name: nameText(a.name),
      description: parts.positive,
      domains: (a.domains ?? []).join(" "),
      referrals: "",
      body: a.systemPrompt ?? "",
    };
  });
  docs.forEach((d, i) => {
    d.referrals = (referrals[i] ?? []).join(" ");
  });
  return { docs, negatives };
}

/** Memoised single-term BM25 lookups against one minisearch index. */
function termScorer(
  index: MiniSearch,
  boost: Record<string, number>,
  bm25: LexicalSelectorOptions["bm25"],
  specificity: number,
  docOf: (id: number) => number,
) {
  const cache = new Map<string, Hit[]>();
  // The term is already analysed: keep minisearch from tokenising it again.
  const opts = {
    boost,
    ...(bm25 ? { bm25 } : {}),
    tokenize: (t: string) => [t],
    processTerm: (t: string) => t,
  };
  return (term: string): Hit[] => {
    let hits = cache.get(term);
    if (hits === undefined) {
      const results = index.search(term, opts);
      const weight = 1 + specificity * Math.log(index.documentCount / Math.max(1, results.length));
      hits = results.map((r) => ({
        doc: docOf(r.id as number),
        score: r.score * weight * (term.startsWith("@") ? CONCEPT_WEIGHT : 1),
        fields: r.match[term] ?? [],
      }));
      if (cache.size >= MAX_CACHED_TERMS) cache.clear();
      cache.set(term, hits);
    }
    return hits;
  };
}

/** The lexical selector also says which agents it ranks (the accuracy benchmark cross-validates over them). */
export interface LexicalSelector extends AgentSelector {
  readonly agents: readonly SelectableAgent[];
}

export function isLexicalSelector(selector: AgentSelector): selector is LexicalSelector {
  return Array.isArray((selector as Partial<LexicalSelector>).agents);
}

export function createLexicalSelector(
  agents: SelectableAgent[],
  opts: LexicalSelectorOptions = {},
): LexicalSelector {
  const boost = { ...DEFAULT_BOOST, ...opts.boost };
  const penalty = opts.penalty ?? DEFAULT_PENALTY;
  const { docs, negatives } = buildDocs(agents);
  const processTerm = (t: string) => t; // our tokenizer already normalises
  const index = new MiniSearch<Doc>({ fields: FIELDS, tokenize: withConcepts, processTerm });
  index.addAll(docs);
  const negIndex = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], tokenize, processTerm });
  negIndex.addAll(negatives);
  const specificity = opts.specificity ?? DEFAULT_SPECIFICITY;
  const positive = termScorer(index, boost, opts.bm25, specificity, (id) => id);
  const negative = termScorer(negIndex, {}, opts.bm25, 0, (id) => negatives[id]!.owner);
  const fieldRank = (f: string) => boost[f as Field] ?? 0;
  const learnt = createLearntScorer(agents, opts.examples === undefined ? shippedExamples() : opts.examples);

  return {
    agents,
    rank(task: string, rankOpts: RankOptions = {}): RankedAgent[] {
      const top = rankOpts.top ?? 3;
      const scores = new Float64Array(docs.length);
      const matched = docs.map(() => new Map<string, string[]>()); // surface word -> fields
      for (const { term, word, weight } of weighedTerms(task)) {
        for (const h of positive(term)) {
          scores[h.doc]! += h.score * weight;
          matched[h.doc]!.set(word, h.fields);
        }
        if (penalty > 0) for (const h of negative(term)) scores[h.doc]! -= h.score * penalty * weight;
      }
      const best = Math.max(0, ...scores);
      const probability = learnt?.posterior(task) ?? null;
      const ranked: Array<{ doc: number; score: number }> = [];
      scores.forEach((score, doc) => {
        const lexical = score > 0 && matched[doc]!.size > 0 ? score / best : 0;
        const p = probability?.[doc] ?? 0;
        if (lexical > 0 || p >= MIN_LEARNT_PROBABILITY)
          ranked.push({ doc, score: lexical + LEARNT_WEIGHT * p });
      });
      ranked.sort((a, b) => b.score - a.score || agents[a.doc]!.name.localeCompare(agents[b.doc]!.name));
      return ranked.slice(0, top).map(({ doc, score }) => ({
        agent: agents[doc]!.name,
        score: Math.round(score * 1000) / 1000,
        reason:
          matched[doc]!.size > 0
            ? explain(matched[doc]!, fieldRank)
            : "learnt: like tasks labelled for this agent",
      }));
    },
  };
}

/** The matched words, strongest field first: "matched: rest, api (name, description)". */
function explain(matched: Map<string, string[]>, fieldRank: (f: string) => number): string {
  const best = (fields: string[]) => Math.max(0, ...fields.map(fieldRank));
  const words = [...matched].sort((a, b) => best(b[1]) - best(a[1]));
  const fields = [...new Set(words.flatMap(([, f]) => f))].sort((a, b) => fieldRank(b) - fieldRank(a));
  return `matched: ${words
    .slice(0, 5)
    .map(([w]) => w)
    .join(", ")} (${fields.join(", ")})`;
}
