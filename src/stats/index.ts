export { type Agreement, fleissAgreement, majorityLabel } from "./agreement.js";
export { type BootstrapOptions, bootstrapCI, bootstrapQuantileCIs } from "./bootstrap.js";
export {
  LatencyRecorder,
  type LatencyRecorderJSON,
  type LatencyRecorderOptions,
  MAX_RECORDABLE_MS,
} from "./latency.js";
export {
  describe,
  emptyStats,
  median,
  percentile,
  percentileRank,
  quantile,
  sortAscending,
} from "./percentile.js";
export { createRng, exponential, type Rng, randomInt, randomSeed } from "./prng.js";
export { Reservoir, shuffle } from "./reservoir.js";
