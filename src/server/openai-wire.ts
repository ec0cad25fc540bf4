/** The OpenAI chat-completions front end: request validation, JSON replies and streamed chunks. */
import type { ResponsePlan } from "../simulation/plan.js";
import {
  ApiError,
  type GenerationRequest,
  isRecord,
  type Protocol,
  parseMessages,
  type ReplyContext,
} from "./wire.js";

const invalid = (message: string) => new ApiError(400, "invalid_request_error", message);

// The in-stream error types the OpenAI SDK surfaces as APIError.type (classified without a status).
const STREAM_ERROR_TYPES = { overloaded_error: "overloaded_error", api_error: "server_error" } as const;

function finishReason(plan: ResponsePlan): string {
  return plan.stopReason === "max_tokens" ? "length" : "stop";
}

function usage(ctx: ReplyContext, plan: ResponsePlan) {
  return {
    prompt_tokens: ctx.inputTokens,
    completion_tokens: plan.outputTokens,
    total_tokens: ctx.inputTokens + plan.outputTokens,
    prompt_tokens_details: { cached_tokens: 0 },
  };
}

function chunk(ctx: ReplyContext, delta: Record<string, unknown>, finish: string | null = null): string {
  const data = {
    id: ctx.id,
    object: "chat.completion.chunk",
    created: ctx.created,
    model: ctx.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(data)}\n\n`;
}

function optionalInt(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
    throw invalid(`${key}: expected an integer >= 1`);
  return v;
}

export const openaiProtocol: Protocol = {
  name: "openai",

  parse(body): GenerationRequest {
    if (!isRecord(body)) throw invalid("request body must be a JSON object");
    if (typeof body.model !== "string" || body.model.trim() === "")
      throw invalid("model: a non-empty string is required");
    const all = parseMessages(body.messages, ["system", "developer", "user", "assistant", "tool"], invalid);
    const system = all
      .filter((m) => m.role === "system" || m.role === "developer")
      .map((m) => m.content)
      .join("\n");
    const messages = all.filter((m) => m.role !== "system" && m.role !== "developer");
    const opts = body.stream_options;
    return {
      model: body.model,
      system,
      messages,
      maxTokens: optionalInt(body, "max_completion_tokens") ?? optionalInt(body, "max_tokens"),
      stream: body.stream === true,
      includeUsage: isRecord(opts) && opts.include_usage === true,
    };
  },

  errorBody(err) {
    return { error: { message: err.message, type: err.type, param: null, code: null } };
  },

  streamStart(ctx) {
    return chunk(ctx, { role: "assistant", content: "" });
  },

  streamText(ctx, text) {
    return chunk(ctx, { content: text });
  },

  streamEnd(ctx, plan) {
    let out = chunk(ctx, {}, finishReason(plan));
    if (ctx.includeUsage) {
      const final = {
        id: ctx.id,
        object: "chat.completion.chunk",
        created: ctx.created,
        model: ctx.model,
        choices: [],
        usage: usage(ctx, plan),
      };
      out += `data: ${JSON.stringify(final)}\n\n`;
    }
    return `${out}data: [DONE]\n\n`;
  },

  streamError(_ctx, type, message) {
    return `data: ${JSON.stringify({ error: { message, type: STREAM_ERROR_TYPES[type], param: null, code: null } })}\n\n`;
  },

  malformed() {
    return 'data: {"id":"chatcmpl-mock",,"object":"chat.completion.chunk"}\n\n';
  },

  json(ctx, plan) {
    return {
      id: ctx.id,
      object: "chat.completion",
      created: ctx.created,
      model: ctx.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: plan.text },
          logprobs: null,
          finish_reason: finishReason(plan),
        },
      ],
      usage: usage(ctx, plan),
    };
  },
};
