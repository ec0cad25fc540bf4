// Client-side pacing: requests-per-minute and tokens-per-minute token buckets around a Provider.
export {
  billedTokens,
  defaultEstimate,
  type PacedProviderOptions,
  pacedProvider,
} from "./paced-provider.js";
export { createPacer, type Pacer, type PacerOptions, type PacerStats } from "./pacer.js";
export { TokenBucket } from "./token-bucket.js";
