// The fault-injecting Claude-compatible mock server (Anthropic Messages + OpenAI chat completions).
export {
  DEFAULT_FAULT_MS,
  FAULT_SPEC_HELP,
  type FaultRule,
  type FaultSpec,
  type FaultTrigger,
  faultMs,
  formatFaultSpec,
  type InStreamErrorType,
  MOCK_FAULT_KINDS,
  type MockFaultKind,
  parseFaultSpec,
  pickFault,
  validateFaultSpec,
} from "./fault-spec.js";
export { MAX_BODY_BYTES, type MockServer, type MockServerOptions, startMockServer } from "./server.js";
export type { Endpoint, ServerStats } from "./stats.js";
