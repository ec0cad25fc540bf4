/**
 * Secret scrubbing. Every string that leaves the process (results, reports, logs, errors, the
 * tracker database) passes through `redact` so an API key can never leak, even when an SDK echoes
 * it back in an error message.
 */
const KEY_PATTERNS: RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g, // Anthropic keys
  /sk-(?:proj-)?[A-Za-z0-9_-]{16,}/g, // OpenAI-style keys
  /(?<=(?:x-api-key|authorization|api[_-]?key)["']?\s*[:=]\s*["']?(?:Bearer\s+)?)[^\s"',}]{8,}/gi,
];

const known = new Set<string>();

/** Register a secret value (e.g. the key in use) so it is scrubbed wherever it appears. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 8) known.add(value);
}

export function registerEnvSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "CLAUDE_FORCE_API_KEY"])
    registerSecret(env[name]);
}

export function redact(text: string): string {
  let out = text;
  for (const s of known) out = out.split(s).join("[REDACTED]");
  for (const re of KEY_PATTERNS) out = out.replace(re, "[REDACTED]");
  return out;
}
