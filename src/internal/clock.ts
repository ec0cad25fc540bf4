/**
 * Time source. Durations use the monotonic clock (performance.now()); the simulated provider and
 * schedules sleep through a Clock so tests can substitute virtual time.
 */
import { setTimeout as delay } from "node:timers/promises";

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  /** Sleep for ms (resolves early with an AbortError rejection if the signal aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0) {
      if (signal?.aborted) throw signal.reason ?? new Error("aborted");
      return;
    }
    await delay(ms, undefined, signal ? { signal } : undefined);
  },
};

/** A virtual clock: sleep advances time instantly. Useful for calibration tests at time scale 1. */
export function virtualClock(start = 0): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
