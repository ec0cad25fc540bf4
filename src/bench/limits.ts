/**
 * Run limits: a wall-clock budget (--max-duration) and a cost cap (--max-cost). Reaching either
 * stops the run the way Ctrl-C does (nothing new starts, in-flight work is aborted, a partial
 * document is written marked incomplete) with the reason in `run.stopReason`.
 *
 * The cost cap never lets a request start that could take the run over it: every attempt (retries
 * included) first reserves its worst case, priced from the price book with the estimated input and
 * the full max_tokens of output, and in-flight reservations count as spent until the real usage is
 * known. A run can therefore stop a little below the cap, never above it.
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

  const stop = (reason: string) => {
    if (!ac.signal.aborted) ac.abort(new RunLimitReached(reason));
  };
  const refuse = (detail: string): never => {
    stop(COST_CAP_REASON);
    throw new ProviderError("cancelled", `${COST_CAP_REASON}: ${detail}`);
  };

  return {
    signal: ac.signal,
    wrapProvider(inner, prices) {
      if (cap === null) return inner;
      return {
        info: inner.info,
        close: inner.close ? () => inner.close!() : undefined,
        async complete(req) {
          if (ac.signal.aborted) refuse("the run already stopped");
          const worst = worstCaseCost(prices, req);
          if (worst === null) refuse(`no price for model ${req.model}, so its cost cannot be bounded`);
          else if (spent + reserved + worst > cap)
            refuse(
              `$${spent.toFixed(4)} spent, $${reserved.toFixed(4)} in flight, the next request could cost $${worst.toFixed(4)} (cap $${cap})`,
            );
          const hold = worst ?? 0;
          reserved += hold;
          try {
            const result = await inner.complete(req);
            spent += prices.cost(result.model, result.usage) ?? hold;
            return result;
          } catch (err) {
            // A request the server started on bills its input even when it then fails.
            if (classifyError(err).timings?.firstEvent != null)
              spent += prices.cost(req.model, usageOf(estimateRequestTokens(req.system, req.messages), 0)) ?? 0;
            throw err;
          } finally {
            reserved -= hold;
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
