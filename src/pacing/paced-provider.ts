/**
 * A Provider that waits for the pacer before each call. Tokens are reserved up front the way
 * Anthropic's limiter counts them (input estimate + max_tokens) and settled with the real usage
 * afterwards. The wait is reported on the result (`pacingWaitMs`) and through `onWait`, also for
 * calls that then fail, so callers can book it as client-side queueing.
 */
import { classifyError } from "../providers/errors.js";
import {
  type Provider,
  ProviderError,
  type ProviderRequest,
  type ProviderResult,
  type Usage,
} from "../providers/types.js";
import { estimateRequestTokens } from "../simulation/tokens.js";
import type { Pacer } from "./pacer.js";

export interface PacedProviderOptions {
  /** Tokens to reserve for a request (default: estimated input + maxTokens). */
  estimate?: (req: ProviderRequest) => number;
  /** Called after every wait (also 0 ms ones), before the request is sent. */
  onWait?: (waitedMs: number, req: ProviderRequest) => void;
}

export function defaultEstimate(req: ProviderRequest): number {
  return estimateRequestTokens(req.system, req.messages) + req.maxTokens;
}

/** Tokens the limiter bills: input, output and cache writes (cache reads do not count). */
export function billedTokens(usage: Usage, fallback: number): number {
  if (usage.input === null && usage.output === null) return fallback;
  return (usage.input ?? 0) + (usage.output ?? 0) + (usage.cacheWrite5m ?? 0) + (usage.cacheWrite1h ?? 0);
}

export function pacedProvider(inner: Provider, pacer: Pacer, opts: PacedProviderOptions = {}): Provider {
  const estimate = opts.estimate ?? defaultEstimate;
  return {
    info: inner.info,
    close: inner.close ? () => inner.close!() : undefined,
    async complete(req: ProviderRequest): Promise<ProviderResult> {
      const reserved = estimate(req);
      let waited: number;
      try {
        waited = await pacer.acquire(reserved, req.signal);
      } catch (err) {
        throw new ProviderError("cancelled", "request cancelled while waiting for the rate limiter", {
          cause: err,
        });
      }
      opts.onWait?.(waited, req);
      try {
        const result = await inner.complete(req);
        pacer.settle(billedTokens(result.usage, reserved), reserved);
        return { ...result, pacingWaitMs: waited };
      } catch (err) {
        const error = classifyError(err);
        // A request the server started on consumed its input; one rejected up front consumed nothing.
        const started = error.timings?.firstEvent != null;
        pacer.settle(started ? estimateRequestTokens(req.system, req.messages) : 0, reserved);
        throw error;
      }
    },
  };
}
