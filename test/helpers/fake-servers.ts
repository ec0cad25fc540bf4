/**
 * Fake Anthropic Messages and OpenAI chat-completions servers for tests: plain node:http on
 * 127.0.0.1, port 0, speaking the real wire formats (JSON and SSE) so the official SDKs can be
 * pointed at them. Each request consumes the next scripted step (the last step repeats).
 *
 *   const srv = await startFakeAnthropic([fake.status(429, { retryAfter: 0.05 }), fake.ok("hi")]);
 *   new AnthropicProvider({ apiKey: "sk-ant-test-...", baseUrl: srv.url });
 *   const oai = await startFakeOpenAI([fake.ok("hi")]);  // oai.url ends in /v1, like OpenAI's
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { anthropicErrorType } from "../../src/server/anthropic-wire.js";

export interface FakeUsage {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
}

export type FakeStep =
  | {
      kind: "ok";
      text: string;
      usage?: FakeUsage;
      /** OpenAI: send no usage chunk. Anthropic: send usage objects without token counts. */
      omitUsage?: boolean;
      model?: string;
      /** Number of text deltas the text is split into (default 3). */
      chunks?: number;
      /** Wait before the first text delta, ms (after message_start / the role chunk). */
      firstTextDelayMs?: number;
      stopReason?: string;
      /** Anthropic: also send an event type this code has never heard of (the API may add some). */
      unknownEvent?: boolean;
    }
  | {
      kind: "status";
      status: number;
      /** retry-after header value: seconds (number) or an HTTP date (string). */
      retryAfter?: number | string;
      retryAfterMs?: number;
      type?: string;
      message?: string;
    }
  | { kind: "streamError"; type: string; message?: string; afterText?: string }
  | { kind: "drop"; afterText?: string }
  | { kind: "stall"; afterText?: string };

export const fake = {
  ok: (
    text: string,
    usage?: FakeUsage,
    extra: Partial<Extract<FakeStep, { kind: "ok" }>> = {},
  ): FakeStep => ({
    kind: "ok",
    text,
    usage,
    ...extra,
  }),
  status: (
    status: number,
    opts: { retryAfter?: number | string; retryAfterMs?: number; type?: string; message?: string } = {},
  ): FakeStep => ({ kind: "status", status, ...opts }),
  streamError: (type: string, message?: string, afterText?: string): FakeStep => ({
    kind: "streamError",
    type,
    message,
    afterText,
  }),
  /** Destroys the socket after sending part of the stream. */
  drop: (afterText = "partial "): FakeStep => ({ kind: "drop", afterText }),
  /** Sends part of the stream, then nothing (until the client gives up or the server closes). */
  stall: (afterText = "partial "): FakeStep => ({ kind: "stall", afterText }),
  omitUsage: (text: string): FakeStep => ({ kind: "ok", text, omitUsage: true }),
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeServer {
  /** Base URL to give the SDK (Anthropic: origin; OpenAI: origin + /v1). */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Script = FakeStep[] | ((req: RecordedRequest, index: number) => FakeStep);

const DEFAULT_USAGE: Required<FakeUsage> = {
  input: 12,
  output: 7,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function splitText(text: string, n: number): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / Math.max(1, n));
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      try {
        resolve(raw ? JSON.parse(raw) : null);
      } catch {
        resolve(raw);
      }
    });
  });
}

function errorHeaders(step: Extract<FakeStep, { kind: "status" }>): Record<string, string> {
  const h: Record<string, string> = { "content-type": "application/json", "request-id": "req_fake" };
  if (step.retryAfter !== undefined) h["retry-after"] = String(step.retryAfter);
  if (step.retryAfterMs !== undefined) h["retry-after-ms"] = String(step.retryAfterMs);
  return h;
}

async function startServer(
  script: Script,
  prefix: string,
  handle: (step: FakeStep, rec: RecordedRequest, res: ServerResponse) => Promise<void>,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const rec: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: await readBody(req),
    };
    const index = requests.length;
    requests.push(rec);
    const step =
      typeof script === "function" ? script(rec, index) : script[Math.min(index, script.length - 1)];
    if (!step) {
      res.writeHead(500).end("no scripted step");
      return;
    }
    await handle(step, rec, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Anthropic Messages API

function anthropicSse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function anthropicStart(res: ServerResponse, model: string, usage: Record<string, unknown>): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "request-id": "req_fake",
  });
  anthropicSse(res, "message_start", {
    type: "message_start",
    message: {
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage,
    },
  });
  anthropicSse(res, "content_block_start", {
    type: "content_block_start",
    index: 0,
    content_block: { type: "text", text: "" },
  });
}

function anthropicDelta(res: ServerResponse, text: string): void {
  anthropicSse(res, "content_block_delta", {
    type: "content_block_delta",
    index: 0,
    delta: { type: "text_delta", text },
  });
}

export function startFakeAnthropic(script: Script): Promise<FakeServer> {
  return startServer(script, "", async (step, rec, res) => {
    const body = (rec.body ?? {}) as { model?: string; stream?: boolean };
    const model = body.model ?? "claude-sonnet-4-5";
    if (rec.method !== "POST" || !rec.path.startsWith("/v1/messages")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: "not_found_error", message: "not found" } }));
      return;
    }
    if (step.kind === "status") {
      res.writeHead(step.status, errorHeaders(step));
      res.end(
        JSON.stringify({
          type: "error",
          error: {
            type: step.type ?? anthropicErrorType(step.status),
            message: step.message ?? `fake ${step.status}`,
          },
          request_id: "req_fake",
        }),
      );
      return;
    }
    const u = { ...DEFAULT_USAGE, ...(step.kind === "ok" ? step.usage : {}) };
    const omit = step.kind === "ok" && step.omitUsage;
    const startUsage = omit
      ? { input_tokens: null, output_tokens: null }
      : {
          input_tokens: u.input,
          output_tokens: 1,
          cache_read_input_tokens: u.cacheRead,
          cache_creation_input_tokens: u.cacheWrite5m + u.cacheWrite1h,
          cache_creation: {
            ephemeral_5m_input_tokens: u.cacheWrite5m,
            ephemeral_1h_input_tokens: u.cacheWrite1h,
          },
        };

    if (step.kind === "ok" && body.stream !== true) {
      res.writeHead(200, { "content-type": "application/json", "request-id": "req_fake" });
      res.end(
        JSON.stringify({
          id: "msg_fake",
          type: "message",
          role: "assistant",
          model: step.model ?? model,
          content: [{ type: "text", text: step.text }],
          stop_reason: step.stopReason ?? "end_turn",
          stop_sequence: null,
          usage: { ...startUsage, output_tokens: omit ? null : u.output },
        }),
      );
      return;
    }

    anthropicStart(res, step.kind === "ok" ? (step.model ?? model) : model, startUsage);
    anthropicSse(res, "ping", { type: "ping" });
    if (step.kind === "ok") {
      if (step.firstTextDelayMs) await sleep(step.firstTextDelayMs);
      for (const part of splitText(step.text, step.chunks ?? 3)) {
        anthropicDelta(res, part);
        if (step.unknownEvent) anthropicSse(res, "future_event", { type: "future_event", detail: { x: 1 } });
      }
      anthropicSse(res, "content_block_stop", { type: "content_block_stop", index: 0 });
      anthropicSse(res, "message_delta", {
        type: "message_delta",
        delta: { stop_reason: step.stopReason ?? "end_turn", stop_sequence: null },
        usage: omit ? { output_tokens: null } : { output_tokens: u.output },
      });
      anthropicSse(res, "message_stop", { type: "message_stop" });
      res.end();
      return;
    }
    if (step.afterText) anthropicDelta(res, step.afterText);
    if (step.kind === "streamError") {
      anthropicSse(res, "error", {
        type: "error",
        error: { type: step.type, message: step.message ?? `fake in-stream ${step.type}` },
      });
      res.end();
    } else if (step.kind === "drop") {
      // Let the partial events reach the client, then cut the connection without a clean end.
      await new Promise<void>((r) => res.write("", () => r()));
      res.socket?.destroy();
    }
    // "stall": keep the response open; close() ends it.
  });
}

// ---------------------------------------------------------------------------------------------
// OpenAI chat completions

function openaiChunk(model: string, delta: Record<string, unknown>, finish: string | null = null): string {
  const chunk = {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_764_000_000,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export function startFakeOpenAI(script: Script): Promise<FakeServer> {
  return startServer(script, "/v1", async (step, rec, res) => {
    const body = (rec.body ?? {}) as {
      model?: string;
      stream?: boolean;
      stream_options?: { include_usage?: boolean };
    };
    const model = body.model ?? "llama3.2";
    if (rec.method !== "POST" || !rec.path.startsWith("/v1/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error", code: null } }));
      return;
    }
    if (step.kind === "status") {
      res.writeHead(step.status, errorHeaders(step));
      res.end(
        JSON.stringify({
          error: {
            message: step.message ?? `fake ${step.status}`,
            type: step.type ?? (step.status === 429 ? "rate_limit_exceeded" : "server_error"),
            param: null,
            code: null,
          },
        }),
      );
      return;
    }
    const u = { ...DEFAULT_USAGE, ...(step.kind === "ok" ? step.usage : {}) };
    const usage = {
      prompt_tokens: u.input + u.cacheRead,
      completion_tokens: u.output,
      total_tokens: u.input + u.cacheRead + u.output,
      prompt_tokens_details: { cached_tokens: u.cacheRead },
    };
    if (step.kind === "ok" && body.stream !== true) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: 1_764_000_000,
          model: step.model ?? model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: step.text },
              finish_reason: step.stopReason ?? "stop",
            },
          ],
          ...(step.omitUsage ? {} : { usage }),
        }),
      );
      return;
    }
    const m = step.kind === "ok" ? (step.model ?? model) : model;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(openaiChunk(m, { role: "assistant", content: "" }));
    if (step.kind === "ok") {
      if (step.firstTextDelayMs) await sleep(step.firstTextDelayMs);
      for (const part of splitText(step.text, step.chunks ?? 3)) res.write(openaiChunk(m, { content: part }));
      res.write(openaiChunk(m, {}, step.stopReason ?? "stop"));
      if (!step.omitUsage && body.stream_options?.include_usage) {
        const final = {
          id: "chatcmpl-fake",
          object: "chat.completion.chunk",
          created: 1_764_000_000,
          model: m,
          choices: [],
          usage,
        };
        res.write(`data: ${JSON.stringify(final)}\n\n`);
      }
      res.end("data: [DONE]\n\n");
      return;
    }
    if (step.afterText) res.write(openaiChunk(m, { content: step.afterText }));
    if (step.kind === "streamError") {
      res.end(
        `data: ${JSON.stringify({ error: { message: step.message ?? "fake in-stream error", type: step.type } })}\n\n`,
      );
    } else if (step.kind === "drop") {
      await new Promise<void>((r) => res.write("", () => r()));
      res.socket?.destroy();
    }
  });
}
