/**
 * The numbers behind the simulated Claude. Latency = time to first token (lognormal, grows a little
 * with prompt length) + output tokens / output speed (lognormal). Output length depends on the
 * task kind and, mildly, on the agent.
 *
 * Calibration target (the guide's reference latencies, end-to-end medians at time scale 1):
 * Haiku explaining code 2-4 s, Sonnet reviewing 4-6 s, Opus refactoring 8-15 s. With the numbers
 * below the medians are about 3.1 s, 5.0 s and 11 s (test/simulation/calibration.test.ts checks).
 * TTFT and speed are in the range public latency trackers report for these tiers.
 */
import type { TaskKind, Tier } from "../providers/types.js";

export interface TierProfile {
  ttftMedianMs: number;
  ttftSigma: number;
  /** Extra TTFT per input token (prefill), ms. */
  prefillMsPerToken: number;
  tokensPerSecondMedian: number;
  tokensPerSecondSigma: number;
  /** Multiplies output length: larger models write a little more. */
  verbosity: number;
}

export const TIER_PROFILES: Readonly<Record<Tier, TierProfile>> = {
  haiku: {
    ttftMedianMs: 600,
    ttftSigma: 0.35,
    prefillMsPerToken: 0.02,
    tokensPerSecondMedian: 120,
    tokensPerSecondSigma: 0.12,
    verbosity: 1,
  },
  sonnet: {
    ttftMedianMs: 1000,
    ttftSigma: 0.35,
    prefillMsPerToken: 0.04,
    tokensPerSecondMedian: 70,
    tokensPerSecondSigma: 0.12,
    verbosity: 1,
  },
  opus: {
    ttftMedianMs: 1800,
    ttftSigma: 0.35,
    prefillMsPerToken: 0.08,
    tokensPerSecondMedian: 45,
    tokensPerSecondSigma: 0.12,
    verbosity: 1.05,
  },
};

/** Unknown model ids (e.g. a local model behind the mock server) are simulated as Sonnet. */
export const DEFAULT_TIER: Tier = "sonnet";

export interface LengthProfile {
  medianTokens: number;
  sigma: number;
}

export const OUTPUT_LENGTH: Readonly<Record<TaskKind, LengthProfile>> = {
  explain: { medianTokens: 300, sigma: 0.25 },
  review: { medianTokens: 280, sigma: 0.25 },
  refactor: { medianTokens: 400, sigma: 0.25 },
  design: { medianTokens: 520, sigma: 0.25 },
  docs: { medianTokens: 420, sigma: 0.25 },
  debug: { medianTokens: 320, sigma: 0.25 },
  test: { medianTokens: 450, sigma: 0.25 },
  general: { medianTokens: 260, sigma: 0.35 },
};

// Agents whose job is writing long artefacts answer at more length; reviewers and
// investigators are terser. Matched against the agent name; first match wins.
const AGENT_LENGTH_FACTORS: ReadonlyArray<[RegExp, number]> = [
  [/writer|document|api-documenter/, 1.15],
  [/architect|designer/, 1.1],
  [/reviewer|investigator|specialist/, 0.92],
];

export function agentLengthFactor(agent: string | undefined): number {
  if (!agent) return 1;
  for (const [re, f] of AGENT_LENGTH_FACTORS) if (re.test(agent)) return f;
  return 1;
}
