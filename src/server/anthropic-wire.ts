/** The Anthropic Messages API front end: request validation, JSON replies and SSE events. */
import { estimateRequestTokens } from "../simulation/tokens.js";
import {
  ApiError,
  contentText,
  type GenerationRequest,
  isRecord,
  type Protocol,
  parseMessages,
} from "./wire.js";

const invalid = (message: string) => new ApiError(400, "invalid_request_error", message);

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

export function anthropicErrorType(status: number): string {
  return ERROR_TYPES[status] ?? "api_error";
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function systemText(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = contentText(value);
  if (text === null) throw invalid("system: expected a string or a list of text blocks");
  return text;
}

function parseCommon(body: unknown): { model: string; system: string; messages: Array<{ content: string }> } {
  if (!isRecord(body)) throw invalid("request body must be a JSON object");
  if (body.model === undefined) throw invalid("model: Field required");
  if (typeof body.model !== "string" || body.model.trim() === "")
    throw invalid("model: expected a non-empty string");
  const system = systemText(body.system);
  const messages = parseMessages(body.messages, ["user", "assistant"], invalid);
  return { model: body.model, system, messages };
}

/** POST /v1/messages/count_tokens: the same estimate the simulation bills. */
export function countTokens(body: unknown): { input_tokens: number } {
  const { system, messages } = parseCommon(body);
  return { input_tokens: estimateRequestTokens(system, messages) };
}

export const anthropicProtocol: Protocol = {
  name: "anthropic",

  parse(body): GenerationRequest {
    const common = parseCommon(body);
    const b = body as Record<string, unknown>;
    if (b.max_tokens === undefined) throw invalid("max_tokens: Field required");
    if (typeof b.max_tokens !== "number" || !Number.isInteger(b.max_tokens) || b.max_tokens < 1)
      throw invalid("max_tokens: expected an integer >= 1");
    return { ...common, maxTokens: b.max_tokens, stream: b.stream === true, includeUsage: true };
  },

  errorBody(err, requestId) {
    return { type: "error", error: { type: err.type, message: err.message }, request_id: requestId };
  },

  streamStart(ctx) {
    return (
      sse("message_start", {
        type: "message_start",
        message: {
          id: ctx.id,
          type: "message",
          role: "assistant",
          model: ctx.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: ctx.inputTokens,
            output_tokens: 1,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
          },
        },
      }) +
      sse("content_block_start", {
        type: "content_block_start",
        index: 0,
        content_block: { type: "text", text: "" },
      }) +
      sse("ping", { type: "ping" })
    );
  },

  streamText(_ctx, text) {
    return sse("content_block_delta", {
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text },
    });
  },

  streamEnd(_ctx, plan) {
    return (
      sse("content_block_stop", { type: "content_block_stop", index: 0 }) +
      sse("message_delta", {
        type: "message_delta",
        delta: { stop_reason: plan.stopReason, stop_sequence: null },
        usage: { output_tokens: plan.outputTokens },
      }) +
      sse("message_stop", { type: "message_stop" })
    );
  },

  streamError(_ctx, type, message) {
    return sse("error", { type: "error", error: { type, message } });
  },

  malformed() {
    // A doubled comma: broken JSON inside a well-framed SSE event.
    return 'event: content_block_delta\ndata: {"type":"content_block_delta",,"index":0}\n\n';
  },

  json(ctx, plan) {
    return {
      id: ctx.id,
      type: "message",
      role: "assistant",
      model: ctx.model,
      content: [{ type: "text", text: plan.text }],
      stop_reason: plan.stopReason,
      stop_sequence: null,
      usage: {
        input_tokens: ctx.inputTokens,
        output_tokens: plan.outputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    };
  },
};
