/**
 * One AbortSignal for a provider attempt that fires on the caller's signal or on the per-attempt
 * timeout, remembering which one fired: SDK streams end quietly on abort, so the provider must
 * know afterwards whether it was a timeout (retryable) or a cancellation (not).
 */
import { ProviderError, type Timings } from "./types.js";

export interface Deadline {
  signal: AbortSignal;
  /** Throws the matching ProviderError if the attempt was aborted or timed out. */
  check(timings?: Partial<Timings>): void;
  /** The ProviderError for why the attempt was aborted, or null. */
  reason(timings?: Partial<Timings>): ProviderError | null;
  dispose(): void;
}

export function createDeadline(signal: AbortSignal | undefined, timeoutMs: number | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs !== undefined && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error("timeout"));
        }, timeoutMs)
      : null;
  const reason = (timings?: Partial<Timings>): ProviderError | null => {
    if (!controller.signal.aborted) return null;
    return timedOut
      ? new ProviderError("timeout", `request timed out after ${timeoutMs} ms`, { timings })
      : new ProviderError("cancelled", "request cancelled", { timings });
  };
  return {
    signal: controller.signal,
    reason,
    check: (timings) => {
      const r = reason(timings);
      if (r) throw r;
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
