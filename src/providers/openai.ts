/**
 * OpenAI-compatible chat completions (Ollama, vLLM, llama.cpp, LM Studio, OpenAI) through the
 * official `openai` client, streaming with `include_usage`. Servers that send no usage chunk give
 * unknown (null) token counts, never 0.
 *
 * Base URL: option, then OPENAI_BASE_URL, then Ollama's local endpoint; this provider exists for
 * local OpenAI-compatible servers, and api.openai.com is one OPENAI_BASE_URL away.
 * API key: option, then OPENAI_API_KEY, then a placeholder that local servers ignore.
 *
 * The SDK builds and sends the request and raises HTTP errors as its error types; the 2xx event
 * stream is read by sse.ts rather than the SDK's Stream (see anthropic.ts for why), with the SDK's
 * rules: `[DONE]` ends it, and a chunk carrying `error` becomes the SDK's APIError.
 */
import type OpenAI from "openai";
import type { APIError } from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions/completions.js";
import { type Clock, realClock } from "../internal/clock.js";
import { registerSecret } from "../internal/redact.js";
import { createDeadline } from "./deadline.js";
import { classifyError } from "./errors.js";
import { fastFetchInit } from "./fast-fetch.js";
import { readSse } from "./sse.js";
import {
  type Provider,
  type ProviderInfo,
  type ProviderRequest,
  type ProviderResult,
  type Timings,
  UNKNOWN_USAGE,
  type Usage,
} from "./types.js";

export const DEFAULT_OPENAI_BASE_URL = "http://127.0.0.1:11434/v1";
export const PLACEHOLDER_API_KEY = "not-needed";

export interface OpenAIProviderOptions {
  baseUrl?: string;
  apiKey?: string;
  fetch?: typeof fetch;
  clock?: Clock;
}

interface Sdk {
  client: OpenAI;
  APIError: typeof APIError;
}

/** Maps an OpenAI usage object to ours; cached prompt tokens are reported as cache reads. */
export function openaiUsage(u: ChatCompletionChunk["usage"] | null | undefined): Usage {
  if (!u) return { ...UNKNOWN_USAGE };
  const cached = u.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input: typeof u.prompt_tokens === "number" ? u.prompt_tokens - cached : null,
    output: typeof u.completion_tokens === "number" ? u.completion_tokens : null,
    cacheRead: cached,
    // OpenAI-style APIs do not bill cache writes separately.
    cacheWrite5m: 0,
    cacheWrite1h: 0,
  };
}

export class OpenAIProvider implements Provider {
  readonly info: ProviderInfo;
  private readonly opts: OpenAIProviderOptions;
  private readonly apiKey: string;
  private readonly clock: Clock;
  private sdk: Promise<Sdk> | null = null;

  constructor(opts: OpenAIProviderOptions = {}) {
    this.opts = opts;
    this.apiKey = opts.apiKey ?? process.env.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY;
    registerSecret(this.apiKey === PLACEHOLDER_API_KEY ? undefined : this.apiKey);
    this.clock = opts.clock ?? realClock;
    const baseUrl = opts.baseUrl ?? process.env.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL;
    this.info = { name: "openai", simulated: false, baseUrl };
  }

  private getSdk(): Promise<Sdk> {
    this.sdk ??= import("openai").then(({ default: OpenAIClient, APIError }) => ({
      client: new OpenAIClient({
        apiKey: this.apiKey,
        baseURL: this.info.baseUrl ?? null,
        maxRetries: 0,
        logLevel: "off",
        ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      }),
      APIError,
    }));
    return this.sdk;
  }

  async complete(req: ProviderRequest): Promise<ProviderResult> {
    const { client, APIError: SdkApiError } = await this.getSdk();
    const clock = this.clock;
    const timings: Timings = { start: clock.now(), firstEvent: null, firstText: null, end: 0 };
    const deadline = createDeadline(req.signal, req.timeoutMs);
    let text = "";
    let model = req.model;
    let stopReason: string | null = null;
    let usage: Usage = { ...UNKNOWN_USAGE };
    let done = false;
    try {
      const response = await client.chat.completions
        .create(
          {
            model: req.model,
            // max_tokens rather than max_completion_tokens: every compatible server accepts it.
            max_tokens: req.maxTokens,
            messages: [
              ...(req.system ? [{ role: "system" as const, content: req.system }] : []),
              ...req.messages,
            ],
            ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: deadline.signal, maxRetries: 0, fetchOptions: fastFetchInit() },
        )
        .asResponse();
      await readSse(response, (name, data) => {
        if (done) return;
        if (data.startsWith("[DONE]")) {
          done = true;
          return;
        }
        // Assistants-API `thread.*` events never come from chat completions.
        if (name?.startsWith("thread.")) return;
        const now = clock.now();
        const chunk = JSON.parse(data) as ChatCompletionChunk & { error?: object };
        if (chunk.error) throw new SdkApiError(undefined, chunk.error, undefined, response.headers);
        timings.firstEvent ??= now;
        if (chunk.model) model = chunk.model;
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (delta) {
          timings.firstText ??= now;
          text += delta;
        }
        if (choice?.finish_reason) stopReason = choice.finish_reason;
        if (chunk.usage) usage = openaiUsage(chunk.usage);
      });
      timings.end = clock.now();
      deadline.check(timings);
      return { text, usage, timings, model, stopReason };
    } catch (err) {
      timings.end = clock.now();
      throw deadline.reason(timings) ?? classifyError(err, timings);
    } finally {
      deadline.dispose();
    }
  }
}
