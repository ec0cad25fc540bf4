/**
 * Descriptions written the Claude Code way say where a task does NOT belong: "Not for documenting
 * an existing API (use api-documenter)". Such a clause is evidence against its own agent and for
 * the named one, so the selector indexes it as a penalty here and as a referral there.
 */

export interface DescriptionParts {
  /** The description without its "not for ..." clauses. */
  positive: string;
  /** Each clause's text and the agents it points to. */
  referrals: Array<{ text: string; to: string[] }>;
}

const CLAUSE = /\bnot for\s+([^()]+?)\s*\(use\s+([a-z0-9-]+(?:\s+or\s+[a-z0-9-]+)?)[^)]*\)/gi;

export function splitDescription(description: string): DescriptionParts {
  const referrals: DescriptionParts["referrals"] = [];
  const positive = description.replace(CLAUSE, (_all, text: string, to: string) => {
    referrals.push({ text, to: to.split(/\s+or\s+/).map((s) => s.trim()) });
    return " ";
  });
  return { positive, referrals };
}
