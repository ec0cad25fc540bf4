/**
 * Client-side pacing: requests-per-minute and tokens-per-minute buckets, so a run stays under an
 * account's limits instead of collecting 429s. Callers are served first come, first served; the
 * time each one waited is returned so it can be reported (it is client-side queueing, not latency).
 */
import { ClaudeForceError } from "../errors.js";
import { type Clock, realClock } from "../internal/clock.js";
import { TokenBucket } from "./token-bucket.js";

export interface PacerOptions {
  /** Requests per minute; omitted = unlimited. */
  rpm?: number;
  /** Tokens (input + output) per minute; omitted = unlimited. */
  tpm?: number;
  clock?: Clock;
}

export interface PacerStats {
  acquired: number;
  /** Acquisitions that had to wait at all. */
  delayed: number;
  totalWaitMs: number;
  maxWaitMs: number;
}

export interface Pacer {
  readonly rpm: number | null;
  readonly tpm: number | null;
  /** Waits for a request slot and `estimatedTokens`; resolves to the ms waited. Rejects on abort. */
  acquire(estimatedTokens: number, signal?: AbortSignal): Promise<number>;
  /** Corrects the token bucket once the real usage is known (refunds or charges the difference). */
  settle(actualTokens: number, estimatedTokens: number): void;
  stats(): PacerStats;
}

// Float rounding can leave a wait of a few ns after sleeping exactly the computed time.
const EPSILON_MS = 1e-6;

function checkLimit(value: number | undefined, flag: string): number | null {
  if (value === undefined) return null;
  if (!(value > 0) || !Number.isFinite(value))
    throw new ClaudeForceError("USAGE", `${flag} must be a positive number`, {
      keyPath: flag,
      expected: "a number > 0",
      found: String(value),
    });
  return value;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("aborted", "AbortError");
}

export function createPacer(opts: PacerOptions): Pacer {
  const rpm = checkLimit(opts.rpm, "--rpm");
  const tpm = checkLimit(opts.tpm, "--tpm");
  const clock = opts.clock ?? realClock;
  const requests = rpm === null ? null : new TokenBucket(rpm, clock.now());
  const tokens = tpm === null ? null : new TokenBucket(tpm, clock.now());
  const stats: PacerStats = { acquired: 0, delayed: 0, totalWaitMs: 0, maxWaitMs: 0 };
  // FIFO: each acquisition starts waiting when the previous one has its slot.
  let tail: Promise<void> = Promise.resolve();

  const waitTurn = async (estimated: number, signal?: AbortSignal): Promise<void> => {
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      const now = clock.now();
      const wait = Math.max(requests?.waitFor(1, now) ?? 0, tokens?.waitFor(estimated, now) ?? 0);
      if (wait <= EPSILON_MS) {
        requests?.take(1, now);
        tokens?.take(estimated, now);
        return;
      }
      await clock.sleep(wait, signal);
    }
  };

  return {
    rpm,
    tpm,
    async acquire(estimatedTokens, signal) {
      const start = clock.now();
      const estimated = Math.max(0, estimatedTokens);
      const turn = tail.then(() => waitTurn(estimated, signal));
      tail = turn.catch(() => {});
      await turn;
      const waited = clock.now() - start;
      stats.acquired++;
      // Sub-millisecond gaps are promise scheduling, not pacing.
      if (waited >= 1) stats.delayed++;
      stats.totalWaitMs += waited;
      stats.maxWaitMs = Math.max(stats.maxWaitMs, waited);
      return waited;
    },
    settle(actualTokens, estimatedTokens) {
      tokens?.adjust(estimatedTokens - actualTokens, clock.now());
    },
    stats: () => ({ ...stats }),
  };
}
