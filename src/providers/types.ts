/**
 * The provider contract. Every provider (sim, anthropic, openai) takes one request and returns
 * text, usage and timings, or throws a ProviderError with a classified kind. Retrying is NOT the
 * provider's job: `withRetry` (providers/retry.ts) wraps `complete` so every attempt is observed.
 */
export type Tier = "haiku" | "sonnet" | "opus";
export const TIERS: readonly Tier[] = ["haiku", "sonnet", "opus"] as const;

export type ProviderName = "sim" | "anthropic" | "openai";

/** Token usage. `null` means unknown (a server did not report it) and is never coerced to 0. */
export interface Usage {
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheWrite5m: number | null;
  cacheWrite1h: number | null;
}

/** Monotonic timestamps in ms (performance.now()) for one attempt. */
export interface Timings {
  start: number;
  /** First byte/event of the response (message_start or first SSE chunk). */
  firstEvent: number | null;
  /** First content text delta: TTFT is firstText - start. */
  firstText: number | null;
  end: number;
}

export type ErrorKind =
  | "rate_limit" // 429
  | "spend_limit" // 429 that says a spend/billing limit was reached: never retried
  | "overloaded" // 529 or in-stream overloaded_error
  | "server" // other 5xx or in-stream api_error
  | "timeout" // request exceeded its timeout or the stream stalled
  | "connection" // reset, refused, DNS, dropped mid-stream
  | "invalid_request" // 400, 404, 413, 422: the request itself is wrong
  | "auth" // 401, 403
  | "stream" // malformed stream / protocol error
  | "cancelled" // aborted by us (Ctrl-C, run limit)
  | "assertion" // the output failed a suite assertion (set by bench, not providers)
  | "unknown";

export const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  "rate_limit",
  "overloaded",
  "server",
  "timeout",
  "connection",
  "stream",
]);

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/** What kind of work a task is; the simulation uses it to shape output length. */
export type TaskKind = "explain" | "review" | "refactor" | "design" | "docs" | "debug" | "test" | "general";

export interface ProviderRequest {
  /** Full model id (e.g. claude-haiku-4-5). */
  model: string;
  system: string;
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (covers a stalled stream too). */
  timeoutMs?: number;
  /** Hints for the simulation; real providers ignore them. */
  hints?: { agent?: string; taskKind?: TaskKind; tier?: Tier; seedKey?: string };
}

export interface ProviderResult {
  text: string;
  usage: Usage;
  timings: Timings;
  /** Model id the server says it used. */
  model: string;
  stopReason: string | null;
  /** Time spent waiting for client-side pacing (--rpm/--tpm) before the request was sent, ms. */
  pacingWaitMs?: number;
}

export interface ProviderInfo {
  name: ProviderName;
  /** True for the embedded simulation: every output built from it must say so. */
  simulated: boolean;
  baseUrl?: string;
  /** Sim only: wall-clock compression (1 = real-time model of Claude). */
  timeScale?: number;
  seed?: number;
}

export interface Provider {
  readonly info: ProviderInfo;
  complete(req: ProviderRequest): Promise<ProviderResult>;
  close?(): Promise<void>;
}

export class ProviderError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | null;
  /** Server-advised wait before retrying (retry-after), in ms. */
  readonly retryAfterMs: number | null;
  /** Timings observed before the failure, when any. */
  readonly timings: Partial<Timings> | null;

  constructor(
    kind: ErrorKind,
    message: string,
    opts: {
      status?: number | null;
      retryAfterMs?: number | null;
      timings?: Partial<Timings> | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.timings = opts.timings ?? null;
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

/** One attempt inside an execution (an execution retries until success or a final error). */
export interface AttemptRecord {
  attempt: number; // 1-based
  success: boolean;
  errorType: ErrorKind | null;
  errorMessage: string | null;
  status: number | null;
  /** ms from the execution's start to this attempt's start. */
  startOffsetMs: number;
  durationMs: number;
  ttftMs: number | null;
  /** Time slept before this attempt (backoff or retry-after). */
  backoffMs: number;
}

export const EMPTY_USAGE: Usage = { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
export const UNKNOWN_USAGE: Usage = {
  input: null,
  output: null,
  cacheRead: null,
  cacheWrite5m: null,
  cacheWrite1h: null,
};
