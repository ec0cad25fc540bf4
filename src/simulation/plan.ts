/**
 * planResponse: one draw from the simulated Claude for one request. Pure: everything random comes
 * from the rng passed in, so a seeded rng gives the same plan every time. The sim provider sleeps
 * according to the plan; the mock server (issue 6) streams according to it.
 */
import type { TaskKind, Tier } from "../providers/types.js";
import { agentLengthFactor, DEFAULT_TIER, OUTPUT_LENGTH, TIER_PROFILES } from "./profiles.js";
import type { Rng } from "./rng.js";
import { syntheticText, TEXT_VARIANTS } from "./text.js";

export interface PlanInput {
  model: string;
  /** Tier to simulate; null/undefined means an unknown model, simulated as DEFAULT_TIER. */
  tier?: Tier | null;
  taskKind: TaskKind;
  agent?: string;
  inputTokens: number;
  rng: Rng;
  /** The request's max_tokens: output is capped there (stop reason max_tokens). */
  maxTokens?: number;
}

export interface ResponsePlan {
  tier: Tier;
  taskKind: TaskKind;
  inputTokens: number;
  /** Time to first text token, ms at time scale 1. */
  ttftMs: number;
  outputTokens: number;
  tokensPerSecond: number;
  /** Mean gap between output tokens after the first (1000 / tokensPerSecond). */
  interTokenMs: number;
  /** Time from the first token to the last. */
  outputMs: number;
  /** ttftMs + outputMs: the end-to-end latency at time scale 1. */
  totalMs: number;
  stopReason: "end_turn" | "max_tokens";
  text: string;
}

export function planResponse(input: PlanInput): ResponsePlan {
  const { rng, taskKind } = input;
  const tier = input.tier ?? DEFAULT_TIER;
  const profile = TIER_PROFILES[tier];
  const length = OUTPUT_LENGTH[taskKind];

  // Draw order is fixed (TTFT, speed, length, text variant) so plans are reproducible.
  const ttftMs =
    rng.lognormal(profile.ttftMedianMs, profile.ttftSigma) + input.inputTokens * profile.prefillMsPerToken;
  const tokensPerSecond = rng.lognormal(profile.tokensPerSecondMedian, profile.tokensPerSecondSigma);
  const wanted = Math.max(
    1,
    Math.round(
      rng.lognormal(length.medianTokens, length.sigma) * profile.verbosity * agentLengthFactor(input.agent),
    ),
  );
  const variant = rng.int(0, TEXT_VARIANTS - 1);

  const cap =
    input.maxTokens !== undefined && input.maxTokens > 0 ? input.maxTokens : Number.POSITIVE_INFINITY;
  const outputTokens = Math.min(wanted, cap);
  const interTokenMs = 1000 / tokensPerSecond;
  // The first token arrives at TTFT; the remaining ones follow at the output speed.
  const outputMs = (outputTokens - 1) * interTokenMs;
  return {
    tier,
    taskKind,
    inputTokens: input.inputTokens,
    ttftMs,
    outputTokens,
    tokensPerSecond,
    interTokenMs,
    outputMs,
    totalMs: ttftMs + outputMs,
    stopReason: wanted > cap ? "max_tokens" : "end_turn",
    text: syntheticText({
      agent: input.agent,
      kind: taskKind,
      tierLabel: `simulated ${tier} (${input.model})`,
      outputTokens,
      variant,
    }),
  };
}
