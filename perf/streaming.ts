/**
 * 3. Streaming: 2,000 concurrent streams at ~50 tokens/s each against the mock server process
 * (Opus profile, median 45 tokens/s, at time scale 0.9), read through the official SDK on the fast
 * transport, the way AnthropicProvider reads them. Every text delta is time-stamped on arrival.
 *
 * The server's schedule is re-derived from its plan: each response is planned from
 * rng(`seed:index`) with the index in the message id, exactly as the server does, and checked
 * (text and output tokens must match the plan, or the stream is not used). Then
 *   TTFT error = measured TTFT - plan TTFT x scale     (includes request transit and server parsing)
 *   ITL error  = (t_k - t_first) - (token_k - token_first) x plan inter-token gap x scale
 * where token_k is the last token delta k carries (the server batches tokens that are due together).
 */

import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type Anthropic from "@anthropic-ai/sdk";
import type { Stream } from "@anthropic-ai/sdk/core/streaming.js";
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages/messages.js";
import type { Lib } from "./lib.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";
import { below, metric, type PerfBenchmark, type PerfResult } from "./types.js";

const SEED = 7;
const TIME_SCALE = 0.9; // Opus' median 45 tokens/s → 50 tokens/s
const MODEL = "claude-opus-4-5";
const SYSTEM = "You are a software architect.";
const TASK = "Design a rate limiter for a public API.";

interface StreamRecord {
  index: number;
  start: number;
  /** [arrival ms, cumulative text length] per text delta. */
  deltas: Array<[number, number]>;
  text: string;
  outputTokens: number | null;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

interface LevelResult {
  streams: number;
  measured: number;
  eventsPerSecond: number;
  ttftErr: { p50: number; p99: number };
  itlErr: { p50: number; p99: number };
  loopP99: number;
  cpuUsPerEvent: number;
  clientCores: number;
  serverCores: number | null;
  failures: number;
  unverified: number;
}

/** One level: `streams` clients, each opening the next stream as soon as one ends, for the window. */
async function measureLevel(
  lib: Lib,
  client: Anthropic,
  server: ServerProcess,
  level: { streams: number; windowMs: number; rampMs: number; maxTokens: number },
): Promise<LevelResult> {
  const { streams, windowMs, rampMs, maxTokens } = level;
  const records: StreamRecord[] = [];
  let failures = 0;
  const one = async () => {
    const rec: StreamRecord = {
      index: -1,
      start: performance.now(),
      deltas: [],
      text: "",
      outputTokens: null,
    };
    const stream = await client.post<Stream<RawMessageStreamEvent>>("/v1/messages", {
      body: {
        model: MODEL,
        max_tokens: maxTokens,
        system: SYSTEM,
        messages: [{ role: "user", content: TASK }],
        stream: true,
      },
      stream: true,
      maxRetries: 0,
      timeout: 120_000,
    });
    for await (const event of stream) {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
        rec.text += event.delta.text;
        rec.deltas.push([performance.now(), rec.text.length]);
      } else if (event.type === "message_start") {
        rec.index = Number(/(\d+)$/.exec(event.message.id)?.[1] ?? -1);
      } else if (event.type === "message_delta") {
        rec.outputTokens = event.usage.output_tokens;
      }
    }
    records.push(rec);
  };
  // Clients start spread over a ramp (a burst of thousands of requests at one instant would
  // measure the server's accept queue); only streams that start after it count.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const begin = performance.now();
  const cpu0 = process.cpuUsage();
  const serverCpu0 = server.cpuMs();
  const windowStart = begin + rampMs;
  const windowEnd = windowStart + windowMs;
  loop.enable();
  await Promise.all(
    Array.from({ length: streams }, async (_, i) => {
      await sleep((i * rampMs) / streams);
      while (performance.now() < windowEnd) {
        try {
          await one();
        } catch {
          failures++;
        }
      }
    }),
  );
  loop.disable();
  const wallMs = performance.now() - begin;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu1 = server.cpuMs();
  const allDeltas = records.reduce((a, r) => a + r.deltas.length, 0);

  // Sustained rate: deltas inside the window once every client is past its first TTFT.
  const steadyFrom = windowStart + Math.min(2500, windowMs / 3);
  let events = 0;
  for (const r of records) for (const [t] of r.deltas) if (t >= steadyFrom && t <= windowEnd) events++;
  const measured = records.filter((r) => r.start >= windowStart);

  const ttftErr: number[] = [];
  const itlErr: number[] = [];
  let unverified = 0;
  for (const r of measured) {
    const plan = lib.simulation.planResponse({
      model: MODEL,
      tier: lib.simulation.tierOfModel(MODEL),
      taskKind: lib.simulation.classifyTaskKind(TASK),
      inputTokens: lib.simulation.estimateRequestTokens(SYSTEM, [{ content: TASK }]),
      rng: lib.simulation.createRng(`${SEED}:${r.index}`),
      maxTokens,
    });
    if (
      r.index < 0 ||
      plan.text !== r.text ||
      plan.outputTokens !== r.outputTokens ||
      r.deltas.length === 0
    ) {
      unverified++;
      continue;
    }
    // Token index carried last by each delta, from the server's own split of the text.
    const ends: number[] = [];
    let len = 0;
    for (const piece of lib.serverRespond.splitTokens(plan.text, plan.outputTokens)) {
      len += piece.length;
      ends.push(len);
    }
    const tokenAt = new Map(ends.map((e, i) => [e, i]));
    const gap = plan.interTokenMs * TIME_SCALE;
    const [t0k, len0] = r.deltas[0]!;
    const first = tokenAt.get(len0) ?? 0;
    // TTFT is due when the first token is; the first delta may carry more than one.
    ttftErr.push(Math.abs(t0k - r.start - (plan.ttftMs * TIME_SCALE + first * gap)));
    for (let k = 1; k < r.deltas.length; k++) {
      const [t, l] = r.deltas[k]!;
      const tok = tokenAt.get(l);
      if (tok !== undefined) itlErr.push(Math.abs(t - t0k - (tok - first) * gap));
    }
  }
  ttftErr.sort((a, b) => a - b);
  itlErr.sort((a, b) => a - b);
  return {
    streams,
    measured: measured.length,
    eventsPerSecond: events / ((windowEnd - steadyFrom) / 1000),
    ttftErr: { p50: quantile(ttftErr, 0.5), p99: quantile(ttftErr, 0.99) },
    itlErr: { p50: quantile(itlErr, 0.5), p99: quantile(itlErr, 0.99) },
    loopP99: loop.count > 0 ? Math.max(0, loop.percentile(99) / 1e6 - 10) : 0,
    cpuUsPerEvent: (cpu.user + cpu.system) / Math.max(1, allDeltas),
    clientCores: (cpu.user + cpu.system) / 1000 / wallMs,
    serverCores: serverCpu0 !== null && serverCpu1 !== null ? (serverCpu1 - serverCpu0) / wallMs : null,
    failures,
    unverified,
  };
}

export const streaming: PerfBenchmark = {
  id: "streaming",
  title: "Streaming: 2,000 concurrent streams at 50 tokens/s",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const target = opts.quick ? 200 : 2000;
    // A light level first: the harness's error when the server is not the bottleneck.
    const levels = [
      { streams: opts.quick ? 50 : 200, windowMs: opts.quick ? 4000 : 8000 },
      { streams: target, windowMs: opts.quick ? 6000 : 15_000 },
    ].map((l) => ({ ...l, rampMs: 2000, maxTokens: opts.quick ? 120 : 200 }));
    const server = await startServerProcess(opts.root, { timeScale: TIME_SCALE, seed: SEED });
    const fastFetch = opts.lib.fastFetch.createFastFetch();
    try {
      const { default: AnthropicSdk } = await import("@anthropic-ai/sdk");
      const client: Anthropic = new AnthropicSdk({
        apiKey: "sk-ant-perf-0000000000000000",
        baseURL: server.url,
        maxRetries: 0,
        logLevel: "off",
        fetch: fastFetch,
      });
      const results: LevelResult[] = [];
      for (const level of levels) {
        const r = await measureLevel(opts.lib, client, server, level);
        results.push(r);
        opts.log(
          `  ${r.streams} streams: ${r.measured} measured, ${r.eventsPerSecond.toFixed(0)} events/s; |TTFT error| p50 ${r.ttftErr.p50.toFixed(2)} p99 ${r.ttftErr.p99.toFixed(2)} ms; |ITL error| p50 ${r.itlErr.p50.toFixed(2)} p99 ${r.itlErr.p99.toFixed(2)} ms; client ${r.clientCores.toFixed(2)} cores (${r.cpuUsPerEvent.toFixed(0)} µs/event), server ${r.serverCores?.toFixed(2) ?? "?"} cores; loop p99 ${r.loopP99.toFixed(1)} ms; unverified ${r.unverified}, failed ${r.failures}`,
        );
      }
      const light = results[0]!;
      const full = results[1]!;
      const n = full.streams.toLocaleString("en-US");
      return {
        id: "streaming",
        title: this.title,
        reference: "the mock server's own schedule for each response, re-derived from its seeded plan",
        metrics: [
          metric(
            `sustained text-delta events per second, ${n} streams`,
            "events/s",
            full.eventsPerSecond,
            null,
            null,
          ),
          metric(`TTFT measurement error p99, ${n} streams`, "ms", full.ttftErr.p99, null, below(5)),
          metric(`inter-token measurement error p99, ${n} streams`, "ms", full.itlErr.p99, null, below(5)),
          metric(`TTFT / inter-token error p50, ${n} streams`, "ms", full.ttftErr.p50, full.itlErr.p50, null),
          metric(
            `mock server CPU, ${n} streams (1 = one core)`,
            "cores",
            full.serverCores ?? Number.NaN,
            null,
            null,
          ),
          metric(`client CPU, ${n} streams (1 = one core)`, "cores", full.clientCores, null, null),
          metric("client CPU per text delta (SDK + fast fetch)", "µs", full.cpuUsPerEvent, null, null),
          metric(`client event-loop delay p99, ${n} streams`, "ms", full.loopP99, null, null),
          metric(`TTFT error p99, ${light.streams} streams`, "ms", light.ttftErr.p99, null, null),
          metric(`inter-token error p99, ${light.streams} streams`, "ms", light.itlErr.p99, null, null),
          metric(
            "failed or unverifiable streams",
            "",
            results.reduce((a, r) => a + r.failures + r.unverified, 0),
            null,
            null,
          ),
        ],
        params: {
          levels: levels.map((l) => l.streams).join(" then "),
          windowMs: levels.map((l) => l.windowMs).join(" / "),
          rampMs: 2000,
          maxTokens: levels[0]!.maxTokens,
          model: MODEL,
          timeScale: TIME_SCALE,
          transport: "official SDK on the fast fetch",
        },
        limits: [],
        details: { levels: results },
        durationMs: performance.now() - t0,
      };
    } finally {
      fastFetch.close();
      await server.stop();
    }
  },
};
