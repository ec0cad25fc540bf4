/**
 * The embedded simulated Claude. Each request gets its own rng from the seed and a per-request key
 * (hints.seedKey, else a counter), plans a response with the shared simulation model and waits
 * TTFT and output time, scaled by `timeScale` (0 = no waiting at all, for overhead benchmarks).
 * Everything it returns is labelled simulated through `info.simulated`.
 */
import { type Clock, realClock } from "../internal/clock.js";
import { classifyTaskKind, tierOfModel } from "../simulation/classify.js";
import { drawFault, type FaultRates, hasFaults, validateFaultRates } from "../simulation/faults.js";
import { planResponse } from "../simulation/plan.js";
import { createRng } from "../simulation/rng.js";
import { estimateRequestTokens } from "../simulation/tokens.js";
import {
  type Provider,
  ProviderError,
  type ProviderInfo,
  type ProviderRequest,
  type ProviderResult,
  type Timings,
} from "./types.js";

export interface SimProviderOptions {
  seed?: number;
  /** Wall-clock compression: 1 = the real-time model of Claude, 0.01 = 100x faster, 0 = no waits. */
  timeScale?: number;
  clock?: Clock;
  faults?: FaultRates;
}

export const DEFAULT_SIM_SEED = 42;

export class SimProvider implements Provider {
  readonly info: ProviderInfo;
  private readonly seed: number;
  private readonly timeScale: number;
  private readonly clock: Clock;
  private readonly faults: FaultRates | undefined;
  private counter = 0;

  constructor(opts: SimProviderOptions = {}) {
    this.seed = opts.seed ?? DEFAULT_SIM_SEED;
    this.timeScale = opts.timeScale ?? 1;
    if (!(this.timeScale >= 0) || !Number.isFinite(this.timeScale))
      throw new RangeError(`timeScale must be a finite number >= 0, got ${opts.timeScale}`);
    this.clock = opts.clock ?? realClock;
    if (opts.faults) validateFaultRates(opts.faults);
    this.faults = hasFaults(opts.faults) ? opts.faults : undefined;
    this.info = { name: "sim", simulated: true, timeScale: this.timeScale, seed: this.seed };
  }

  async complete(req: ProviderRequest): Promise<ProviderResult> {
    const clock = this.clock;
    const start = clock.now();
    const timings: Timings = { start, firstEvent: null, firstText: null, end: start };
    if (req.signal?.aborted) throw new ProviderError("cancelled", "request cancelled", { timings });

    const key = req.hints?.seedKey ?? String(this.counter++);
    const rng = createRng(`${this.seed}:${key}`);
    const hints = req.hints;
    const lastUser = req.messages.at(-1)?.content ?? "";
    const inputTokens = estimateRequestTokens(req.system, req.messages);

    const fault = this.faults ? drawFault(rng, this.faults) : null;
    const plan = planResponse({
      model: req.model,
      tier: hints?.tier ?? tierOfModel(req.model),
      taskKind: hints?.taskKind ?? classifyTaskKind(lastUser),
      agent: hints?.agent,
      inputTokens,
      rng,
      maxTokens: req.maxTokens,
    });

    if (fault) {
      // A real API rejects before streaming; model that as a TTFT-sized wait.
      await this.wait(plan.ttftMs, start, req, timings);
      throw new ProviderError(fault.kind, `${fault.status} ${fault.type}: ${fault.message}`, {
        status: fault.status,
        retryAfterMs: fault.retryAfterMs,
        timings: { ...timings, end: clock.now() },
      });
    }

    await this.wait(plan.ttftMs, start, req, timings);
    timings.firstEvent = clock.now();
    timings.firstText = timings.firstEvent;
    await this.wait(plan.totalMs, start, req, timings);
    timings.end = clock.now();
    return {
      text: plan.text,
      usage: {
        input: inputTokens,
        output: plan.outputTokens,
        cacheRead: 0,
        cacheWrite5m: 0,
        cacheWrite1h: 0,
      },
      timings,
      model: req.model,
      stopReason: plan.stopReason,
    };
  }

  /** Sleeps until `untilMs` (model time since start) scaled, honouring abort and timeout. */
  private async wait(untilMs: number, start: number, req: ProviderRequest, timings: Timings): Promise<void> {
    if (this.timeScale === 0) return;
    const target = start + untilMs * this.timeScale;
    const deadline = req.timeoutMs !== undefined && req.timeoutMs > 0 ? start + req.timeoutMs : Infinity;
    const wakeAt = Math.min(target, deadline);
    const ms = wakeAt - this.clock.now();
    try {
      if (ms > 0) await this.clock.sleep(ms, req.signal);
    } catch {
      // clock.sleep rejects only on abort; handled below.
    }
    if (req.signal?.aborted)
      throw new ProviderError("cancelled", "request cancelled", {
        timings: { ...timings, end: this.clock.now() },
      });
    if (target > deadline)
      throw new ProviderError("timeout", `request timed out after ${req.timeoutMs} ms`, {
        timings: { ...timings, end: this.clock.now() },
      });
  }
}
