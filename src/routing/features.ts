/**
 * What the learnt tier model sees of a task: the rule router's weighed signals and decision (so
 * the model starts from the rules and learns where to overrule them), the words and word pairs of
 * the request's prose (pasted code and logs say what the task is about, not how big it is), how it
 * opens, and its shape (length, question, code).
 */
import { analyse } from "../selection/tokenize.js";
import { type ClassifyOptions, classifySignals, type TierSignals, tierSignals } from "./rules.js";

/**
 * The prose of a task: without fenced blocks and without lines that look like pasted code or
 * logs (indented, ending in a brace or semicolon, opening with a bracket). The request may come
 * before or after what was pasted.
 */
export function requestText(task: string): string {
  return task
    .replace(/```[\s\S]*?(?:```|$)/g, "\n")
    .split("\n")
    .filter((line) => !/^(?: {2,}|\t)/.test(line) && !/[{};]\s*$/.test(line) && !/^\s*[<[{]/.test(line))
    .join("\n")
    .trim();
}

export function tierFeatures(
  task: string,
  opts: ClassifyOptions = {},
  signals: TierSignals = tierSignals(task, opts),
): Map<string, number> {
  const f = new Map<string, number>([["bias", 1]]);
  f.set(`rule:${classifySignals(signals).complexity}`, 1);
  f.set("critical", Math.min(signals.critical.total, 3));
  f.set("simple", Math.min(signals.simple.total, 3));
  f.set("substantial", Math.min(signals.substantial.total, 3));
  for (const l of signals.critical.labels) f.set(`c:${l}`, 1);
  for (const l of signals.simple.labels) f.set(`s:${l}`, 1);
  for (const l of signals.substantial.labels) f.set(`d:${l}`, 1);

  const request = requestText(task);
  f.set("request words", Math.log1p(request.split(/\s+/).length) / 4);
  f.set("task words", Math.log1p(task.split(/\s+/).length) / 4);
  if (request.includes("?")) f.set("question", 1);
  if (/```|\n {2,}|\n\t|`/.test(task)) f.set("code", 1);

  const terms = analyse(request).map((t) => t.term);
  for (const t of terms) f.set(`w:${t}`, 1);
  for (let i = 0; i + 1 < terms.length; i++) f.set(`b:${terms[i]} ${terms[i + 1]}`, 1);
  const opening = request.toLowerCase().match(/[a-z']+/g) ?? [];
  if (opening[0]) f.set(`open:${opening[0]}`, 1);
  if (opening[1]) f.set(`open:${opening[0]} ${opening[1]}`, 1);
  return f;
}
