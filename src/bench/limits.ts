/**
 * Run limits: a wall-clock budget (--max-duration) and a cost cap (--max-cost). Reaching either
 * stops the run through `signal`, as Ctrl-C does: nothing new starts, a partial document is written
 * marked incomplete, with the reason in `run.stopReason`. The duration limit aborts in-flight work.
 *
 * The cost cap never lets a request start that could take the run over it: every attempt (retries
 * included) first reserves its worst case, priced from the price book with the estimated input and
 * the full max_tokens of output, and in-flight reservations count as spent until the real usage is
 * known. A request that fits only once in-flight ones settle waits for them (concurrency narrows
 * near the cap); one that cannot fit even then stops the run, after the requests in flight (already
 * paid for) have finished. A run can therefore stop a little below the cap, never above it.
 */
import type { Pricer } from "../orchestrator/orchestrator.js";
import { classifyError } from "../providers/errors.js";
import { type Provider, ProviderError, type ProviderRequest, type Usage } from "../providers/types.js";
import { estimateRequestTokens } from "../simulation/tokens.js";

/** The abort reason a limit uses, so callers can tell it from a Ctrl-C. */
export class RunLimitReached extends Error {
  override readonly name = "RunLimitReached";
}

export const COST_CAP_REASON = "cost cap reached";
export const DURATION_REASON = "max duration reached";

/**
 * Input tokens are estimated (~10% error, see simulation/tokens.ts); a margin keeps the worst case
 * a true upper bound.
 */
const INPUT_MARGIN = 1.25;

export interface RunLimitsOptions {
  maxDurationMs?: number;
  maxCostUsd?: number;
  /** Cost this run already spent before (a resumed run): it counts against the cap. */
  spentUsd?: number;
}

export interface RunLimits {
  /** Aborted (with a RunLimitReached reason) when a limit is reached. */
  readonly signal: AbortSignal;
  /** Wraps a provider so each attempt is checked against the cost cap before it is sent. */
  wrapProvider(provider: Provider, prices: Pricer): Provider;
  /** Starts the --max-duration clock (call when the work starts, not when flags are parsed). */
  start(): void;
  /** Cost spent so far (including `spentUsd`), USD. */
  spentUsd(): number;
  dispose(): void;
}

const usageOf = (input: number, output: number): Usage => ({
  input,
  output,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
});

/** Upper bound of what one attempt can cost: estimated input (with margin) plus max_tokens of output. */
export function worstCaseCost(prices: Pricer, req: ProviderRequest): number | null {
  const input = Math.ceil(estimateRequestTokens(req.system, req.messages) * INPUT_MARGIN);
  return prices.cost(req.model, usageOf(input, req.maxTokens));
}

export function createRunLimits(opts: RunLimitsOptions = {}): RunLimits {
  const ac = new AbortController();
  const cap = opts.maxCostUsd ?? null;
  let spent = opts.spentUsd ?? 0;
  let reserved = 0;
  let timer: NodeJS.Timeout | null = null;
  // Requests waiting for in-flight reservations to be released.
  let waiters: Array<() => void> = [];
  const released = () => {
    const wake = waiters;
    waiters = [];
    for (const w of wake) w();
  };
  const nextRelease = (signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        signal?.removeEventListener("abort", done);
        resolve();
      };
      // stop() wakes every waiter too, through released().
      waiters.push(done);
      signal?.addEventListener("abort", done, { once: true });
    });

  const stop = (reason: string) => {
    if (!ac.signal.aborted) ac.abort(new RunLimitReached(reason));
    released();
  };
  const refuse = (detail: string): never => {
    stop(COST_CAP_REASON);
    throw new ProviderError("cancelled", `${COST_CAP_REASON}: ${detail}`);
  };
  let stopping = false;

  return {
    signal: ac.signal,
    wrapProvider(inner, prices) {
      if (cap === null) return inner;
      return {
        info: inner.info,
        close: inner.close ? () => inner.close!() : undefined,
        async complete(req) {
          const worst = worstCaseCost(prices, req);
          if (worst === null) return refuse(`no price for model ${req.model}, so its cost cannot be bounded`);
          for (;;) {
            if (ac.signal.aborted || req.signal?.aborted)
              throw new ProviderError("cancelled", "request cancelled: the run is stopping");
            if (!stopping && spent + reserved + worst <= cap) break;
            if (!stopping && spent + worst > cap) {
              // Stop scheduling, but let the requests in flight (already paid for) finish first.
              stopping = true;
              const detail = `$${spent.toFixed(4)} spent, the next request could cost $${worst.toFixed(4)} (cap $${cap})`;
              while (reserved > 0 && !req.signal?.aborted) await nextRelease(req.signal);
              stop(COST_CAP_REASON);
              throw new ProviderError("cancelled", `${COST_CAP_REASON}: ${detail}`);
            }
            await nextRelease(req.signal);
          }
          const hold = worst;
          reserved += hold;
          try {
            const result = await inner.complete(req);
            spent += prices.cost(result.model, result.usage) ?? hold;
            return result;
          } catch (err) {
            // A request the server started on bills its input even when it then fails.
            if (classifyError(err).timings?.firstEvent != null)
              spent +=
                prices.cost(req.model, usageOf(estimateRequestTokens(req.system, req.messages), 0)) ?? 0;
            throw err;
          } finally {
            reserved -= hold;
            released();
          }
        },
      };
    },
    start() {
      if (opts.maxDurationMs === undefined || timer) return;
      timer = setTimeout(() => stop(DURATION_REASON), opts.maxDurationMs);
      timer.unref();
    },
    spentUsd: () => spent,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
