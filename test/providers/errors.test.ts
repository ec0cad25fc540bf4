import { describe, expect, it } from "vitest";
import { registerSecret } from "../../src/internal/redact.js";
import { classifyError, ProviderError, parseRetryAfter } from "../../src/providers/index.js";

/** Shaped like the SDKs' APIError: status, headers, parsed body in `error`, `type`. */
function apiError(
  status: number | undefined,
  type: string | null,
  message: string,
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(`${status ?? ""} ${message}`), {
    status,
    type,
    headers: new Headers(headers),
    error: { type: "error", error: { type, message } },
  });
}

function errWithCode(message: string, code?: string, cause?: unknown) {
  return Object.assign(new Error(message, { cause }), code ? { code } : {});
}

describe("classifyError", () => {
  it.each([
    [apiError(429, "rate_limit_error", "Number of requests has exceeded your rate limit"), "rate_limit"],
    [
      apiError(429, "rate_limit_error", "You have reached your specified API usage spend limit"),
      "spend_limit",
    ],
    [apiError(429, "rate_limit_error", "Your credit balance is too low"), "spend_limit"],
    [apiError(402, "billing_error", "payment required"), "spend_limit"],
    [apiError(529, "overloaded_error", "Overloaded"), "overloaded"],
    [apiError(500, "overloaded_error", "Overloaded"), "overloaded"],
    [apiError(500, "api_error", "Internal server error"), "server"],
    [apiError(503, null, "Service unavailable"), "server"],
    [apiError(408, null, "Request timeout"), "timeout"],
    [apiError(400, "invalid_request_error", "max_tokens: field required"), "invalid_request"],
    [apiError(404, "not_found_error", "model: claude-x"), "invalid_request"],
    [apiError(413, "request_too_large", "too large"), "invalid_request"],
    [apiError(422, null, "unprocessable"), "invalid_request"],
    [apiError(401, "authentication_error", "invalid x-api-key"), "auth"],
    [apiError(403, "permission_error", "forbidden"), "auth"],
    // In-stream error events carry no status, only the type.
    [apiError(undefined, "overloaded_error", "Overloaded"), "overloaded"],
    [apiError(undefined, "api_error", "boom"), "server"],
    [apiError(undefined, "rate_limit_error", "slow down"), "rate_limit"],
    [errWithCode("read ECONNRESET", "ECONNRESET"), "connection"],
    [errWithCode("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED"), "connection"],
    [errWithCode("socket hang up"), "connection"],
    [errWithCode("terminated", undefined, errWithCode("other side closed", "UND_ERR_SOCKET")), "connection"],
    [Object.assign(new Error("Connection error."), { name: "APIConnectionError" }), "connection"],
    [Object.assign(new Error("Request timed out."), { name: "APIConnectionTimeoutError" }), "timeout"],
    [errWithCode("headers timeout", "UND_ERR_HEADERS_TIMEOUT"), "timeout"],
    [Object.assign(new Error("This operation was aborted"), { name: "AbortError" }), "cancelled"],
    [new SyntaxError("Unexpected token < in JSON at position 0"), "stream"],
    ["something odd", "unknown"],
  ] as const)("%# -> %s", (err, kind) => {
    const e = classifyError(err);
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.kind).toBe(kind);
  });

  it("keeps status and retry-after, and marks retryability", () => {
    const e = classifyError(apiError(429, "rate_limit_error", "slow down", { "retry-after": "2" }));
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(2000);
    expect(e.retryable).toBe(true);
    expect(classifyError(apiError(429, "rate_limit_error", "spend limit reached")).retryable).toBe(false);
    expect(classifyError(apiError(401, "authentication_error", "bad key")).retryable).toBe(false);
  });

  it("passes ProviderErrors through unchanged", () => {
    const pe = new ProviderError("timeout", "t");
    expect(classifyError(pe)).toBe(pe);
  });

  it("never leaks an API key in the message", () => {
    const key = "sk-ant-test-abcdefghijklmnop1234";
    registerSecret(key);
    const e = classifyError(apiError(401, "authentication_error", `invalid x-api-key: ${key}`));
    expect(e.message).not.toContain(key);
    expect(e.message).toContain("[REDACTED]");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "3" }))).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after": "0.25" }))).toBe(250);
    expect(parseRetryAfter({ "retry-after-ms": "150", "retry-after": "9" })).toBe(150);
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(parseRetryAfter({ "retry-after": "Thu, 26 Nov 2026 12:00:05 GMT" }, now)).toBe(5000);
    expect(parseRetryAfter({ "retry-after": "Thu, 26 Nov 2026 11:00:00 GMT" }, now)).toBe(0);
  });

  it("returns null when absent or garbage", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter(new Headers())).toBeNull();
    expect(parseRetryAfter({ "retry-after": "soon" })).toBeNull();
    expect(parseRetryAfter({ "retry-after": "-1" })).toBeNull();
  });
});
