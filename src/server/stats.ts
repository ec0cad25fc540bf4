/** Counters the mock server keeps, returned by `stats()` and printed when the CLI stops. */
import type { MockFaultKind } from "./fault-spec.js";

export type Endpoint = "messages" | "count_tokens" | "chat_completions" | "other";

export interface ServerStats {
  /** Every HTTP request received. */
  requests: number;
  byEndpoint: Record<Endpoint, number>;
  /** Valid generation requests (messages + chat completions): the numbers fault schedules count. */
  generations: number;
  /** Responses by HTTP status; "none" when the connection was cut before any headers. */
  responses: Record<string, number>;
  faults: Partial<Record<MockFaultKind, number>>;
  /** Streams that reached their final event, and streams cut short (fault or client gone). */
  streams: { completed: number; interrupted: number };
  outputTokens: number;
}

export function emptyStats(): ServerStats {
  return {
    requests: 0,
    byEndpoint: { messages: 0, count_tokens: 0, chat_completions: 0, other: 0 },
    generations: 0,
    responses: {},
    faults: {},
    streams: { completed: 0, interrupted: 0 },
    outputTokens: 0,
  };
}

/** A deep copy, so callers can keep a snapshot while the server goes on counting. */
export function snapshot(s: ServerStats): ServerStats {
  return structuredClone(s);
}
