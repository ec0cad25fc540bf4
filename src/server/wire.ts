/**
 * What the two front ends (Anthropic Messages, OpenAI chat completions) have in common: a parsed
 * generation request, an API error, and the per-protocol encoders the response driver calls.
 */
import type { ResponsePlan } from "../simulation/plan.js";

/** A request in protocol-neutral form: only what the simulation model needs. */
export interface GenerationRequest {
  model: string;
  system: string;
  messages: Array<{ content: string }>;
  maxTokens: number | undefined;
  stream: boolean;
  /** OpenAI: stream_options.include_usage (Anthropic always reports usage). */
  includeUsage: boolean;
}

/** An HTTP error reply; each front end renders it in its own error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly headers: Record<string, string>;

  constructor(status: number, type: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.headers = headers;
  }
}

/** Identity of one response, shared by every event of its stream. */
export interface ReplyContext {
  id: string;
  model: string;
  inputTokens: number;
  /** Unix seconds (OpenAI `created`). */
  created: number;
  includeUsage: boolean;
}

export interface Protocol {
  name: "anthropic" | "openai";
  /** Validates a parsed JSON body; throws ApiError(400) naming the missing/bad field. */
  parse(body: unknown): GenerationRequest;
  errorBody(err: ApiError, requestId: string): unknown;
  /** Events sent as soon as the stream opens (before the first text). */
  streamStart(ctx: ReplyContext): string;
  streamText(ctx: ReplyContext, text: string): string;
  streamEnd(ctx: ReplyContext, plan: ResponsePlan): string;
  /** An error event inside an open stream. */
  streamError(ctx: ReplyContext, type: "overloaded_error" | "api_error", message: string): string;
  /** A syntactically broken event. */
  malformed(): string;
  json(ctx: ReplyContext, plan: ResponsePlan): unknown;
}

/** Text of a message `content`: a string, or the text blocks of a content-block array. */
export function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return null;
  let out = "";
  for (const block of content) {
    if (typeof block !== "object" || block === null) return null;
    const text = (block as { text?: unknown }).text;
    if (typeof text === "string") out += text;
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Messages array → text contents, or an ApiError naming the first bad entry. */
export function parseMessages(
  value: unknown,
  roles: readonly string[],
  invalid: (message: string) => ApiError,
): Array<{ role: string; content: string }> {
  if (value === undefined) throw invalid("messages: Field required");
  if (!Array.isArray(value) || value.length === 0) throw invalid("messages: expected a non-empty list");
  return value.map((m, i) => {
    if (!isRecord(m)) throw invalid(`messages.${i}: expected an object`);
    if (typeof m.role !== "string" || !roles.includes(m.role))
      throw invalid(`messages.${i}.role: expected one of ${roles.join(", ")}`);
    const content = m.content === null && m.role !== "user" ? "" : contentText(m.content);
    if (content === null)
      throw invalid(`messages.${i}.content: expected a string or a list of content blocks`);
    return { role: m.role, content };
  });
}
