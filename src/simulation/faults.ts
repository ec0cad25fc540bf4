/**
 * Fault injection shared by the sim provider and the mock server: one uniform draw per request
 * decides whether it fails and how, so fault sequences are as reproducible as latencies.
 */
import type { Rng } from "./rng.js";

export interface FaultRates {
  /** Probability of a 500 api_error. */
  errorRate?: number;
  /** Probability of a 429 rate_limit_error (with retry-after). */
  rateLimitRate?: number;
  /** Probability of a 529 overloaded_error. */
  overloadedRate?: number;
  /** retry-after sent with simulated 429s, ms (default 1000). */
  retryAfterMs?: number;
}

export type FaultKind = "server" | "rate_limit" | "overloaded";

export interface Fault {
  kind: FaultKind;
  status: 500 | 429 | 529;
  /** Anthropic error type for the response body. */
  type: "api_error" | "rate_limit_error" | "overloaded_error";
  message: string;
  retryAfterMs: number | null;
}

export const DEFAULT_RETRY_AFTER_MS = 1000;

export function validateFaultRates(f: FaultRates): void {
  const rates = [f.errorRate ?? 0, f.rateLimitRate ?? 0, f.overloadedRate ?? 0];
  if (rates.some((r) => !(r >= 0 && r <= 1)) || rates.reduce((a, b) => a + b, 0) > 1)
    throw new RangeError("fault rates must be between 0 and 1 and sum to at most 1");
}

export function hasFaults(f: FaultRates | undefined): boolean {
  return Boolean(f && ((f.errorRate ?? 0) > 0 || (f.rateLimitRate ?? 0) > 0 || (f.overloadedRate ?? 0) > 0));
}

/** Draws once from rng; returns the fault to inject, or null. */
export function drawFault(rng: Rng, f: FaultRates): Fault | null {
  const u = rng.next();
  const rl = f.rateLimitRate ?? 0;
  const ov = f.overloadedRate ?? 0;
  const er = f.errorRate ?? 0;
  if (u < rl)
    return {
      kind: "rate_limit",
      status: 429,
      type: "rate_limit_error",
      message: "simulated rate limit: too many requests",
      retryAfterMs: f.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS,
    };
  if (u < rl + ov)
    return {
      kind: "overloaded",
      status: 529,
      type: "overloaded_error",
      message: "simulated overload",
      retryAfterMs: null,
    };
  if (u < rl + ov + er)
    return {
      kind: "server",
      status: 500,
      type: "api_error",
      message: "simulated internal server error",
      retryAfterMs: null,
    };
  return null;
}
