/**
 * The selector's analyser, shared by indexing and queries: split on punctuation, kebab-case and
 * camelCase, lowercase, expand common tech abbreviations, drop stop words, Porter-stem.
 */
import { stemmer } from "stemmer";

/** English function words plus words every task or agent uses, which would only add noise. */
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
can could did do does doing don done down during each either etc every few for from further get got had has have having
he her here hers him his how however i if in into is it its itself just let like me more most my no nor not now of off on
once only or other our ours out over own please same she should so some such than that the their theirs them then there
these they this those through to too under until up us very was we were what when where which while who whom will
with would you your yours yourself want need needs help make makes using use used uses one two new way ways thing things
something really can't won't isn't it's i'm we're they're let's without within everyone everything
anyone anything non expert specialist`.split(/\s+/),
);

/** Abbreviations and spellings mapped to the words the agent descriptions use. */
const SYNONYMS = new Map<string, string>(
  Object.entries({
    k8s: "kubernetes",
    postgres: "postgresql",
    psql: "postgresql",
    pg: "postgresql",
    gcp: "google cloud",
    gke: "gke kubernetes",
    js: "javascript",
    ts: "typescript",
    nextjs: "next",
    py: "python",
    tf: "terraform",
    db: "database",
    a11y: "accessibility",
    e2e: "end-to-end",
    authn: "authentication",
    authz: "authorization",
    pr: "pull request",
    prs: "pull request",
    docs: "documentation",
    doc: "documentation",
    perf: "performance",
    ml: "machine learning",
    swagger: "swagger openapi",
    llms: "llm",
    genai: "llm",
    cwv: "core web vitals",
    gha: "github actions",
    dockerfile: "dockerfile docker",
    dockerfiles: "dockerfile docker",
    oauth2: "oauth",
    postmortem: "post-mortem",
    // Language keywords in pasted snippets point at the language.
    def: "def python",
    elif: "python",
    pytest: "pytest python",
  }),
);

/** Role words in agent names ("data-engineer", "claude-code-expert") say little about a task: "code" is in
 * most tasks. Not indexed from names (descriptions still carry them). */
export const NAME_ROLE_WORDS = new Set(["engineer", "developer", "expert", "specialist", "code"]);

/** Product names whose words mean something else alone ("code" is in most tasks; "Claude Code" is not). */
const PHRASES: Array<[RegExp, string]> = [
  [/\bclaude[\s-]+code\b/gi, "claudecode"],
  // Compounds whose parts are stop words or mean something else alone ("log" is logging).
  [/\bon[\s-]call\b/gi, "oncall"],
  [/\blog[\s-]?in\b/gi, "login"],
  [/\bsign[\s-]in\b/gi, "signin"],
  [/\bsign[\s-]up\b/gi, "signup"],
  [/\btwo[\s-]factor\b/gi, "2fa"],
  [/\bfew[\s-]shot\b/gi, "fewshot"],
  // Everyday ways of asking for a review.
  [/\b(?:look over|looking over|second opinion|feedback on|critique|sanity[- ]check)\b/gi, "review"],
];

function applyPhrases(text: string): string {
  let out = text;
  for (const [re, replacement] of PHRASES) out = out.replace(re, replacement);
  return out;
}

/** The indexable words of an agent name, without role words: "claude-code-expert" -> "claudecode". */
export function nameText(name: string): string {
  return applyPhrases(name.replace(/[-_]+/g, " "))
    .split(/\s+/)
    .filter((w) => !NAME_ROLE_WORDS.has(w))
    .join(" ");
}

function splitCamel(word: string): string[] {
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return parts.length > 1 ? [word, ...parts] : [word];
}

const stems = new Map<string, string>();

/** Stem one lowercase word (memoised: queries repeat the same vocabulary). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size < 50_000) stems.set(word, s);
  }
  return s;
}

/** Every indexable term of `text`, in order, with the surface word each came from. */
export function analyse(text: string): Array<{ term: string; word: string }> {
  const out: Array<{ term: string; word: string }> = [];
  for (const raw of applyPhrases(text).split(/[^A-Za-z0-9+#]+/)) {
    if (raw.length === 0) continue;
    for (const piece of splitCamel(raw)) {
      const lower = piece.toLowerCase();
      const expanded = SYNONYMS.get(lower)?.split(/[\s-]+/) ?? [lower];
      for (const w of expanded) {
        if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
        out.push({ term: stem(w), word: lower });
      }
    }
  }
  return out;
}

export function tokenize(text: string): string[] {
  return analyse(text).map((t) => t.term);
}
