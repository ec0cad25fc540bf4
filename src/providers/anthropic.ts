/**
 * Claude through the official SDK, streaming, with the SDK's own retries off (maxRetries 0) so
 * withRetry observes every attempt. Timings: start, first SSE event, first text delta, end.
 * Usage comes from message_start and is updated by message_delta (whose counts are cumulative).
 *
 * The SDK builds, authenticates and sends the request and turns HTTP errors into its error types;
 * the 2xx event stream is read by sse.ts rather than the SDK's Stream, whose web-stream and
 * async-iterator machinery cost ~20 µs of CPU per event (on fast fetch: the node stream, no web
 * stream at all). The event handling mirrors the SDK's:
 * `ping` and unnamed events are skipped, an `error` event becomes the SDK's APIError.
 */
import type Anthropic from "@anthropic-ai/sdk";
import type { APIError } from "@anthropic-ai/sdk";
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages/messages.js";
import { type Clock, realClock } from "../internal/clock.js";
import { registerSecret } from "../internal/redact.js";
import { createDeadline } from "./deadline.js";
import { classifyError } from "./errors.js";
import { fastFetchInit, isFastFetch } from "./fast-fetch.js";
import { readSse } from "./sse.js";
import {
  type Provider,
  ProviderError,
  type ProviderInfo,
  type ProviderRequest,
  type ProviderResult,
  type Timings,
  type Usage,
} from "./types.js";

export const DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";

export interface AnthropicProviderOptions {
  apiKey: string;
  /** Defaults to ANTHROPIC_BASE_URL, then the SDK's https://api.anthropic.com. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: Clock;
}

/** Sees each stream event with the clock time its bytes arrived (benchmarks time-stamp deltas). */
export type AnthropicEventObserver = (event: RawMessageStreamEvent, at: number) => void;

interface Sdk {
  client: Anthropic;
  APIError: typeof APIError;
}

interface UsageFields {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_creation?: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
}

/** Applies a usage object onto `u`: present fields win, absent ones keep the earlier value. */
export function mergeAnthropicUsage(u: Usage, f: UsageFields | null | undefined): void {
  if (!f) return;
  if (typeof f.input_tokens === "number") u.input = f.input_tokens;
  if (typeof f.output_tokens === "number") u.output = f.output_tokens;
  if (typeof f.cache_read_input_tokens === "number") u.cacheRead = f.cache_read_input_tokens;
  const split = f.cache_creation;
  if (
    split &&
    (typeof split.ephemeral_5m_input_tokens === "number" ||
      typeof split.ephemeral_1h_input_tokens === "number")
  ) {
    u.cacheWrite5m = split.ephemeral_5m_input_tokens ?? 0;
    u.cacheWrite1h = split.ephemeral_1h_input_tokens ?? 0;
  } else if (typeof f.cache_creation_input_tokens === "number") {
    // Without the split every write is the default 5-minute TTL.
    u.cacheWrite5m = f.cache_creation_input_tokens;
    u.cacheWrite1h ??= 0;
  }
}

export class AnthropicProvider implements Provider {
  readonly info: ProviderInfo;
  private readonly opts: AnthropicProviderOptions;
  private readonly clock: Clock;
  private readonly onFastFetch: boolean;
  private sdk: Promise<Sdk> | null = null;

  constructor(opts: AnthropicProviderOptions) {
    registerSecret(opts.apiKey);
    this.opts = opts;
    this.clock = opts.clock ?? realClock;
    this.onFastFetch = isFastFetch(opts.fetch);
    const baseUrl = opts.baseUrl ?? process.env.ANTHROPIC_BASE_URL ?? DEFAULT_ANTHROPIC_BASE_URL;
    this.info = { name: "anthropic", simulated: false, baseUrl };
  }

  private getSdk(): Promise<Sdk> {
    this.sdk ??= import("@anthropic-ai/sdk").then(({ default: AnthropicClient, APIError }) => ({
      client: new AnthropicClient({
        apiKey: this.opts.apiKey,
        baseURL: this.info.baseUrl ?? null,
        maxRetries: 0,
        // The SDK logs parse failures itself; library code must not print.
        logLevel: "off",
        ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      }),
      APIError,
    }));
    return this.sdk;
  }

  complete(req: ProviderRequest): Promise<ProviderResult> {
    return this.stream(req);
  }

  /** `complete`, also handing each event to `observe` as it arrives. */
  async stream(req: ProviderRequest, observe?: AnthropicEventObserver): Promise<ProviderResult> {
    const { client, APIError: SdkApiError } = await this.getSdk();
    const clock = this.clock;
    const timings: Timings = { start: clock.now(), firstEvent: null, firstText: null, end: 0 };
    const usage: Usage = {
      input: null,
      output: null,
      cacheRead: null,
      cacheWrite5m: null,
      cacheWrite1h: null,
    };
    const deadline = createDeadline(req.signal, req.timeoutMs);
    let text = "";
    let model = req.model;
    let stopReason: string | null = null;
    let stopped = false;
    try {
      // client.post rather than messages.create: create() console.warns on every call with a
      // deprecated model id, and library code must not print (a benchmark would print it 1000x).
      const response = await client
        .post("/v1/messages", {
          body: {
            model: req.model,
            max_tokens: req.maxTokens,
            system: req.system,
            messages: req.messages,
            ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
            stream: true,
          },
          stream: true,
          maxRetries: 0,
          // Fast fetch takes the signal in fetchOptions: the SDK's own signal plumbing costs ~50 µs
          // of CPU per request (see fast-fetch.ts). Any other fetch gets it through the SDK.
          ...(this.onFastFetch ? {} : { signal: deadline.signal }),
          fetchOptions: fastFetchInit(deadline.signal),
        })
        .asResponse();
      await readSse(response, (name, data) => {
        if (name === null || name === "ping") return;
        if (name === "error") {
          let body: unknown = data;
          try {
            body = JSON.parse(data);
          } catch {
            // Not JSON: the SDK keeps the raw text as the error body too.
          }
          // The APIError takes its `type` from the body's error.type, as the SDK's Stream passes it.
          throw new SdkApiError(undefined, body as object, undefined, response.headers);
        }
        if (!data) return;
        const now = clock.now();
        timings.firstEvent ??= now;
        const event = JSON.parse(data) as RawMessageStreamEvent;
        switch (event.type) {
          case "message_start":
            model = event.message.model || model;
            mergeAnthropicUsage(usage, event.message.usage);
            break;
          case "content_block_delta":
            if (event.delta.type === "text_delta") {
              timings.firstText ??= now;
              text += event.delta.text;
            }
            break;
          case "message_delta":
            stopReason = event.delta.stop_reason ?? stopReason;
            mergeAnthropicUsage(usage, event.usage);
            break;
          case "message_stop":
            stopped = true;
            break;
          default:
            // content_block_start/stop and event types newer than this code: nothing to record.
            break;
        }
        observe?.(event, now);
      });
      timings.end = clock.now();
      deadline.check(timings);
      if (usage.input !== null) {
        // The API omits (or nulls) cache counts when no caching happened: that is zero, not unknown.
        usage.cacheRead ??= 0;
        usage.cacheWrite5m ??= 0;
        usage.cacheWrite1h ??= 0;
      }
      if (!stopped) throw new ProviderError("connection", "stream ended before message_stop", { timings });
      return { text, usage, timings, model, stopReason };
    } catch (err) {
      timings.end = clock.now();
      throw deadline.reason(timings) ?? classifyError(err, timings);
    } finally {
      deadline.dispose();
    }
  }
}
