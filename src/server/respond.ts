/**
 * Sends one planned generation response, JSON or streamed, injecting the request's fault. Text is
 * streamed on the plan's schedule: token i is due at (ttft + i * interTokenMs) * timeScale after
 * the request arrived; every tick writes all tokens that are due as one delta, so a fast pace
 * batches several tokens per write instead of arming a timer per token.
 */
import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { ResponsePlan } from "../simulation/plan.js";
import { type FaultRule, faultMs } from "./fault-spec.js";
import { ApiError, type GenerationRequest, type Protocol, type ReplyContext } from "./wire.js";

/** Shortest gap between two writes of one stream. */
const MIN_TICK_MS = 5;

export interface Exchange {
  res: ServerResponse;
  protocol: Protocol;
  req: GenerationRequest;
  ctx: ReplyContext;
  plan: ResponsePlan;
  fault: FaultRule | null;
  timeScale: number;
  /** Aborted when the client goes away or the server closes. */
  signal: AbortSignal;
  requestId: string;
  /** Appended to error messages (the echo-key option); usually "". */
  echo: string;
  /** performance.now() when the request arrived. */
  arrived: number;
  /** Set once the full response (JSON or the stream's final event) has been sent. */
  completed?: boolean;
}

/** Resolves true after ms, false if the signal aborted first. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  // No timer for nothing: at time scale 0 a timer per request would cap throughput.
  if (ms <= 0) return !signal.aborted;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, protocol: Protocol, err: ApiError, requestId: string): void {
  sendJson(res, err.status, protocol.errorBody(err, requestId), { "request-id": requestId, ...err.headers });
}

/** Splits text into n contiguous pieces (one per output token). */
export function splitTokens(text: string, n: number): string[] {
  const count = Math.max(1, Math.min(n, text.length || 1));
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(text.slice(Math.round((i * text.length) / count), Math.round(((i + 1) * text.length) / count)));
  return out;
}

function httpFault(x: Exchange): ApiError | null {
  const f = x.fault;
  if (!f) return null;
  if (f.kind === "429") {
    const ms = faultMs(f) ?? 0;
    return new ApiError(429, "rate_limit_error", `mock rate limit: too many requests${x.echo}`, {
      "retry-after": String(Math.ceil(ms / 1000)),
      "retry-after-ms": String(ms),
    });
  }
  if (f.kind === "529") return new ApiError(529, "overloaded_error", `mock overload${x.echo}`);
  if (f.kind === "500") return new ApiError(500, "api_error", `mock internal server error${x.echo}`);
  return null;
}

/** Flushes what was written, then cuts the connection without a clean end. */
async function resetConnection(res: ServerResponse): Promise<void> {
  if (res.headersSent) await new Promise<void>((resolve) => res.write("", () => resolve()));
  res.socket?.destroy();
}

export async function respond(x: Exchange): Promise<void> {
  const { fault } = x;
  if (fault?.kind === "slow-first-byte") {
    if (!(await pause(faultMs(fault) ?? 0, x.signal))) return;
    x.arrived = performance.now();
  }
  const error = httpFault(x);
  // Rate limits and overload are decided at the edge, before any generation: reply at once.
  if (error) return sendError(x.res, x.protocol, error, x.requestId);
  return x.req.stream ? respondStream(x) : respondJson(x);
}

async function respondJson(x: Exchange): Promise<void> {
  const { plan, fault, signal } = x;
  const total = plan.totalMs * x.timeScale;
  if (fault?.kind === "reset") {
    if (await pause(total / 2, signal)) await resetConnection(x.res);
    return;
  }
  if (!(await pause(total - (performance.now() - x.arrived), signal))) return;
  if (fault?.kind === "stall") {
    const ms = faultMs(fault);
    if (ms === null) return waitForAbort(signal);
    if (!(await pause(ms, signal))) return;
  }
  if (fault?.kind === "error") {
    // A non-streaming reply has no stream to break: the same failure arrives as its HTTP status.
    const overloaded = (fault.errorType ?? "overloaded_error") === "overloaded_error";
    const err = overloaded
      ? new ApiError(529, "overloaded_error", `mock overload${x.echo}`)
      : new ApiError(500, "api_error", `mock internal server error${x.echo}`);
    return sendError(x.res, x.protocol, err, x.requestId);
  }
  if (fault?.kind === "malformed") {
    const text = JSON.stringify(x.protocol.json(x.ctx, plan));
    x.res.writeHead(200, { "content-type": "application/json", "request-id": x.requestId });
    x.res.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  sendJson(x.res, 200, x.protocol.json(x.ctx, plan), { "request-id": x.requestId });
  x.completed = true;
}

async function respondStream(x: Exchange): Promise<void> {
  const { res, protocol, ctx, plan, fault, signal } = x;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "request-id": x.requestId,
  });
  res.write(protocol.streamStart(ctx));

  const pieces = splitTokens(plan.text, plan.outputTokens);
  const midStream = fault && ["error", "reset", "stall", "malformed"].includes(fault.kind);
  const cut = midStream ? Math.max(1, Math.floor(pieces.length / 2)) : pieces.length;
  let origin = x.arrived;
  const dueAt = (i: number) => origin + (plan.ttftMs + i * plan.interTokenMs) * x.timeScale;

  const emit = async (from: number, to: number): Promise<boolean> => {
    let i = from;
    while (i < to) {
      const now = performance.now();
      let batch = "";
      while (i < to && dueAt(i) <= now) batch += pieces[i++];
      if (batch) res.write(protocol.streamText(ctx, batch));
      if (i < to && !(await pause(Math.max(MIN_TICK_MS, dueAt(i) - performance.now()), signal))) return false;
    }
    return !signal.aborted;
  };

  if (!(await emit(0, cut))) return;
  if (midStream && fault) {
    switch (fault.kind) {
      case "error": {
        const type = fault.errorType ?? "overloaded_error";
        const message = type === "overloaded_error" ? "mock overload" : "mock internal server error";
        res.end(protocol.streamError(ctx, type, `${message}${x.echo}`));
        return;
      }
      case "reset":
        return resetConnection(res);
      case "malformed":
        res.end(protocol.malformed());
        return;
      case "stall": {
        const ms = faultMs(fault);
        if (ms === null) return waitForAbort(signal);
        const before = performance.now();
        if (!(await pause(ms, signal))) return;
        // Resume on the same pace, shifted by the stall.
        origin += performance.now() - before;
        break;
      }
    }
  }
  if (!(await emit(cut, pieces.length))) return;
  res.end(protocol.streamEnd(ctx, plan));
  x.completed = true;
}
