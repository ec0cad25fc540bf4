/**
 * Turns anything a provider call can throw (SDK API errors, in-stream error events, undici socket
 * errors, aborts, JSON parse failures) into a ProviderError with a kind that decides retrying.
 * Classification looks at the HTTP status and the API's error `type`, not at SDK classes, so it
 * works the same for both SDKs, for in-stream errors (no status) and for the mock server.
 */
import { redact } from "../internal/redact.js";
import { type ErrorKind, ProviderError, type Timings } from "./types.js";

const SPEND_LIMIT =
  /spend(?:ing)?[ _-]?limit|billing|credit (?:balance|limit)|quota exceeded|exceeded your (?:current )?quota|insufficient[_ ]quota/i;

const TYPE_KINDS: Record<string, ErrorKind> = {
  rate_limit_error: "rate_limit",
  overloaded_error: "overloaded",
  api_error: "server",
  server_error: "server",
  timeout_error: "timeout",
  invalid_request_error: "invalid_request",
  not_found_error: "invalid_request",
  request_too_large: "invalid_request",
  authentication_error: "auth",
  permission_error: "auth",
  billing_error: "spend_limit",
  insufficient_quota: "spend_limit",
};

const CONNECTION_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);
const TIMEOUT_CODES = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);
const CONNECTION_MESSAGE =
  /socket hang up|\bterminated\b|other side closed|premature close|connection (?:error|reset|refused)/i;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  type?: unknown;
  code?: unknown;
  errorCode?: unknown;
  headers?: unknown;
  error?: unknown;
  cause?: unknown;
}

export function kindOfStatus(status: number, message: string): ErrorKind {
  if (status === 429) return SPEND_LIMIT.test(message) ? "spend_limit" : "rate_limit";
  if (status === 402) return "spend_limit";
  if (status === 529) return "overloaded";
  if (status === 408) return "timeout";
  if (status === 401 || status === 403) return "auth";
  if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422)
    return "invalid_request";
  if (status >= 500) return "server";
  return "unknown";
}

/** The API error `type`: SDK `.type`, or the body's `error.type` / `type`. */
function errorType(e: ErrorLike): string | null {
  if (typeof e.type === "string") return e.type;
  const body = e.error as { type?: unknown; error?: { type?: unknown } } | undefined;
  if (body && typeof body === "object") {
    if (typeof body.error?.type === "string") return body.error.type;
    if (typeof body.type === "string" && body.type !== "error") return body.type;
  }
  return null;
}

function causes(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = err;
  for (let depth = 0; depth < 6 && cur && typeof cur === "object"; depth++) {
    out.push(cur as ErrorLike);
    cur = (cur as ErrorLike).cause;
  }
  return out;
}

export function classifyError(err: unknown, timings?: Partial<Timings> | null): ProviderError {
  if (err instanceof ProviderError) return err;
  const chain = causes(err);
  const top = chain[0] ?? {};
  const message = redact(
    typeof top.message === "string" && top.message ? top.message : String(err ?? "unknown error"),
  );
  const status = typeof top.status === "number" ? top.status : null;
  const retryAfterMs = parseRetryAfter(top.headers);
  // The Anthropic SDK exposes a stable `errorCode` (e.g. *_spend_limit_reached); match on it too.
  const detail = typeof top.errorCode === "string" ? `${message} ${top.errorCode}` : message;
  const make = (kind: ErrorKind) =>
    new ProviderError(kind, message, { status, retryAfterMs, timings, cause: err });

  const name = typeof top.name === "string" ? top.name : "";
  if (name === "AbortError" || name === "APIUserAbortError") return make("cancelled");
  if (name === "APIConnectionTimeoutError" || name === "TimeoutError") return make("timeout");

  const type = errorType(top);
  if (status !== null) {
    const kind = kindOfStatus(status, detail);
    // The body's type can refine the status (500 + overloaded_error, 429 + insufficient_quota).
    if (kind === "server" && type === "overloaded_error") return make("overloaded");
    if (kind === "rate_limit" && type && TYPE_KINDS[type] === "spend_limit") return make("spend_limit");
    if (kind !== "unknown") return make(kind);
  }
  if (type) {
    const kind = TYPE_KINDS[type];
    if (kind === "rate_limit" && SPEND_LIMIT.test(detail)) return make("spend_limit");
    if (kind) return make(kind);
  }
  for (const c of chain) {
    const code = typeof c.code === "string" ? c.code : "";
    if (TIMEOUT_CODES.has(code)) return make("timeout");
    if (CONNECTION_CODES.has(code)) return make("connection");
    if (typeof c.message === "string" && CONNECTION_MESSAGE.test(c.message)) return make("connection");
    if (c.name === "APIConnectionError") return make("connection");
  }
  if (top instanceof SyntaxError || /JSON|Unexpected token|parse/i.test(message)) return make("stream");
  return make("unknown");
}

/**
 * Server-advised wait in ms from `retry-after-ms` (ms), or `retry-after` (seconds or an HTTP date).
 * Accepts a fetch Headers object or a plain record; null when absent or unparseable.
 */
export function parseRetryAfter(headers: unknown, now: number = Date.now()): number | null {
  const get = (name: string): string | null => {
    if (!headers || typeof headers !== "object") return null;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    const v = (headers as Record<string, unknown>)[name];
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
  };
  const ms = get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const ra = get("retry-after");
  if (ra === null || ra.trim() === "") return null;
  const seconds = Number(ra);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
