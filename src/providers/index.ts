/**
 * Provider resolution and construction. The provider modules are light: each SDK is imported only
 * when its provider sends the first request, so the sim path and `--help` never load one.
 */
import { ClaudeForceError } from "../errors.js";
import type { Clock } from "../internal/clock.js";
import { registerSecret } from "../internal/redact.js";
import type { FaultRates } from "../simulation/faults.js";
import { AnthropicProvider, DEFAULT_ANTHROPIC_BASE_URL } from "./anthropic.js";
import { DEFAULT_OPENAI_BASE_URL, OpenAIProvider, PLACEHOLDER_API_KEY } from "./openai.js";
import { SimProvider } from "./sim.js";
import type { Provider, ProviderName } from "./types.js";

export { AnthropicProvider, type AnthropicProviderOptions, mergeAnthropicUsage } from "./anthropic.js";
export { createDeadline, type Deadline } from "./deadline.js";
export { classifyError, kindOfStatus, parseRetryAfter } from "./errors.js";
export {
  DEFAULT_OPENAI_BASE_URL,
  OpenAIProvider,
  type OpenAIProviderOptions,
  openaiUsage,
  PLACEHOLDER_API_KEY,
} from "./openai.js";
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type RetryOptions,
  type RetryOutcome,
  type RetryPolicy,
  withRetry,
} from "./retry.js";
export { DEFAULT_SIM_SEED, SimProvider, type SimProviderOptions } from "./sim.js";
export * from "./types.js";

export const PROVIDER_NAMES: readonly ProviderName[] = ["sim", "anthropic", "openai"];

export function isProviderName(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name);
}

/** Which provider to use and why: --provider, then config, then anthropic if a key is set, else sim. */
export function resolveProviderName(opts: { flag?: string; config?: string; env?: NodeJS.ProcessEnv }): {
  name: ProviderName;
  reason: string;
} {
  const env = opts.env ?? process.env;
  const check = (value: string, from: string): ProviderName => {
    const v = value.trim().toLowerCase();
    if (isProviderName(v)) return v;
    throw new ClaudeForceError("USAGE", `unknown provider '${value}'`, {
      keyPath: from === "--provider" ? undefined : "provider",
      expected: PROVIDER_NAMES.join(" | "),
      found: value,
      hint: `set ${from} to one of ${PROVIDER_NAMES.join(", ")}`,
    });
  };
  if (opts.flag) return { name: check(opts.flag, "--provider"), reason: "--provider flag" };
  if (opts.config) return { name: check(opts.config, "the config's provider"), reason: "config file" };
  if (env.ANTHROPIC_API_KEY) return { name: "anthropic", reason: "ANTHROPIC_API_KEY is set" };
  return { name: "sim", reason: "no ANTHROPIC_API_KEY: using the simulated provider" };
}

export interface CreateProviderOptions {
  name: ProviderName;
  baseUrl?: string;
  apiKey?: string;
  seed?: number;
  timeScale?: number;
  faults?: FaultRates;
  clock?: Clock;
  fetch?: typeof fetch;
  env?: NodeJS.ProcessEnv;
}

export async function createProvider(opts: CreateProviderOptions): Promise<Provider> {
  const env = opts.env ?? process.env;
  switch (opts.name) {
    case "sim": {
      try {
        return new SimProvider({
          seed: opts.seed,
          timeScale: opts.timeScale,
          clock: opts.clock,
          faults: opts.faults,
        });
      } catch (err) {
        throw new ClaudeForceError("USAGE", (err as Error).message, {}, { cause: err });
      }
    }
    case "anthropic": {
      const apiKey = opts.apiKey ?? env.ANTHROPIC_API_KEY;
      if (!apiKey)
        throw new ClaudeForceError("PROVIDER", "ANTHROPIC_API_KEY is not set", {
          hint: "export ANTHROPIC_API_KEY=... to call Claude, or use --provider sim for the simulated provider",
        });
      registerSecret(apiKey);
      return new AnthropicProvider({
        apiKey,
        baseUrl: opts.baseUrl ?? env.ANTHROPIC_BASE_URL ?? DEFAULT_ANTHROPIC_BASE_URL,
        fetch: opts.fetch,
        clock: opts.clock,
      });
    }
    case "openai": {
      const apiKey = opts.apiKey ?? env.OPENAI_API_KEY;
      registerSecret(apiKey);
      return new OpenAIProvider({
        apiKey: apiKey ?? PLACEHOLDER_API_KEY,
        baseUrl: opts.baseUrl ?? env.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL,
        fetch: opts.fetch,
        clock: opts.clock,
      });
    }
    default:
      throw new ClaudeForceError("USAGE", `unknown provider '${String(opts.name)}'`, {
        expected: PROVIDER_NAMES.join(" | "),
      });
  }
}
