/**
 * Token estimate used when no tokenizer is available (the sim provider, the mock server).
 *
 * Claude's tokenizer is not public. Anthropic's own rule of thumb is ~3.5 characters per token for
 * English; source code and markdown, with more punctuation and short identifiers, land slightly
 * lower per token while prose with long words lands higher. 3.6 chars/token keeps a mixed
 * prompt (agent system prompt in prose plus a code snippet) within ~10% of what the API bills,
 * which is close enough for simulated cost and TTFT, and costs O(1) per call.
 */
export const CHARS_PER_TOKEN = 3.6;

export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  return Math.max(1, Math.ceil(text.length / CHARS_PER_TOKEN));
}

/** Per-message framing the Messages API adds (role markers etc.), a small constant. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** Input tokens of a Messages API request: system prompt plus every message, with framing. */
export function estimateRequestTokens(system: string, messages: ReadonlyArray<{ content: string }>): number {
  let total = estimateTokens(system);
  for (const m of messages) total += estimateTokens(m.content) + MESSAGE_OVERHEAD_TOKENS;
  return total;
}
