/**
 * The features the learnt models see: analysed terms (stemmed, stop words dropped), bigrams of
 * consecutive terms ("connect pool" is not "connect" and "pool"), and the concepts the lexicon finds
 * ("@security"). Each feature counts once per text: in short tasks, repetition is style, not signal.
 */
import { conceptsOf } from "./concepts.js";
import { analyse } from "./tokenize.js";

export function textFeatures(text: string): string[] {
  const analysed = analyse(text);
  const terms = analysed.map((t) => t.term);
  const out = new Set<string>(terms);
  for (let i = 1; i < terms.length; i++) out.add(`${terms[i - 1]} ${terms[i]}`);
  for (const c of conceptsOf(analysed)) out.add(`@${c}`);
  return [...out];
}
