/**
 * Our own retry loop (the SDKs run with maxRetries 0) so every attempt is observed and recorded:
 * exponential backoff with full jitter, the server's retry-after honoured (capped), and no retry
 * for kinds that cannot succeed (auth, invalid request, spend limit, cancelled).
 */
import { type Clock, realClock } from "../internal/clock.js";
import { classifyError } from "./errors.js";
import { type AttemptRecord, ProviderError, type ProviderResult } from "./types.js";

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest retry-after we honour; a longer one is waited for this long. */
  retryAfterCapMs?: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryAfterCapMs: 60_000,
};

export interface RetryOptions {
  clock?: Clock;
  signal?: AbortSignal;
  onAttempt?: (a: AttemptRecord) => void;
  /** Uniform [0,1) source for jitter (tests pin it). */
  random?: () => number;
}

export interface RetryOutcome {
  result: ProviderResult | null;
  error: ProviderError | null;
  attempts: AttemptRecord[];
}

/** Backoff before attempt `attempt + 1` after `err` failed attempt `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  err: ProviderError,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = random() * ceiling;
  if (err.retryAfterMs === null) return jittered;
  const cap = policy.retryAfterCapMs ?? DEFAULT_RETRY_POLICY.retryAfterCapMs ?? Number.POSITIVE_INFINITY;
  // Never earlier than the server asked (up to the cap).
  return Math.max(Math.min(err.retryAfterMs, cap), jittered);
}

function definedOnly(p: Partial<RetryPolicy>): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
}

export async function withRetry(
  fn: (attempt: number, signal?: AbortSignal) => Promise<ProviderResult>,
  policyIn: Partial<RetryPolicy> = {},
  opts: RetryOptions = {},
): Promise<RetryOutcome> {
  // Missing fields take the defaults, so callers can pass just what config sets.
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(policyIn) };
  const clock = opts.clock ?? realClock;
  const random = opts.random ?? Math.random;
  const { signal } = opts;
  const attempts: AttemptRecord[] = [];
  const t0 = clock.now();
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  let backoffMs = 0;

  const record = (a: AttemptRecord) => {
    attempts.push(a);
    opts.onAttempt?.(a);
  };

  for (let attempt = 1; ; attempt++) {
    const start = clock.now();
    let error: ProviderError;
    try {
      if (signal?.aborted) throw new ProviderError("cancelled", "request cancelled");
      const result = await fn(attempt, signal);
      const t = result.timings;
      record({
        attempt,
        success: true,
        errorType: null,
        errorMessage: null,
        status: null,
        startOffsetMs: start - t0,
        durationMs: clock.now() - start,
        ttftMs: t.firstText !== null ? t.firstText - t.start : null,
        backoffMs,
      });
      return { result, error: null, attempts };
    } catch (err) {
      error = classifyError(err);
    }
    const t = error.timings;
    record({
      attempt,
      success: false,
      errorType: error.kind,
      errorMessage: error.message,
      status: error.status,
      startOffsetMs: start - t0,
      durationMs: clock.now() - start,
      ttftMs: t?.firstText != null && t.start != null ? t.firstText - t.start : null,
      backoffMs,
    });
    if (!error.retryable || attempt >= maxAttempts || signal?.aborted)
      return { result: null, error, attempts };

    backoffMs = backoffDelay(attempt, error, policy, random);
    try {
      await clock.sleep(backoffMs, signal);
    } catch {
      // Aborted while backing off: the last real error is less useful than "cancelled".
    }
    if (signal?.aborted)
      return { result: null, error: new ProviderError("cancelled", "request cancelled"), attempts };
  }
}
