/**
 * 3. Streaming: 2,000 concurrent streams at ~50 tokens/s each against the mock server process
 * (Opus profile, median 45 tokens/s, at time scale 0.9), read by AnthropicProvider itself (the
 * official SDK sends the request, sse.ts reads the events) on the fast transport. Every text delta
 * is time-stamped on arrival by the provider's event observer; TTFT counts from the provider's start.
 *
 * The server's schedule is re-derived from its plan: each response is planned from
 * rng(`seed:index`) with the index in the message id, exactly as the server does, and checked
 * (text and output tokens must match the plan, or the stream is not used). Then
 *   TTFT error = measured TTFT - plan TTFT x scale     (includes request transit and server parsing)
 *   ITL error  = (t_k - t_first) - (token_k - token_first) x plan inter-token gap x scale
 * where token_k is the last token delta k carries (the server batches tokens that are due together).
 */

import { Agent, request } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { AnthropicProvider } from "../src/providers/anthropic.js";
import type { ProviderRequest } from "../src/providers/types.js";
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
  provider: AnthropicProvider,
  server: ServerProcess,
  level: { streams: number; windowMs: number; rampMs: number; maxTokens: number },
): Promise<LevelResult> {
  const { streams, windowMs, rampMs, maxTokens } = level;
  const records: StreamRecord[] = [];
  let failures = 0;
  const request: ProviderRequest = {
    model: MODEL,
    system: SYSTEM,
    messages: [{ role: "user", content: TASK }],
    maxTokens,
    timeoutMs: 120_000,
  };
  const one = async () => {
    let index = -1;
    let length = 0;
    const deltas: Array<[number, number]> = [];
    // The provider's clock is performance.now(), the same as the window's.
    const result = await provider.stream(request, (event, at) => {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
        length += event.delta.text.length;
        deltas.push([at, length]);
      } else if (event.type === "message_start") {
        index = Number(/(\d+)$/.exec(event.message.id)?.[1] ?? -1);
      }
    });
    records.push({
      index,
      start: result.timings.start,
      deltas,
      text: result.text,
      outputTokens: result.usage.output,
    });
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

/**
 * The transport floor: the same streams read by bare node:http (keep-alive, no SSE parsing, no
 * SDK), CPU per body chunk (the server writes one delta per chunk). What the provider's CPU per
 * delta compares with: node's HTTP client and the kernel's per-packet work, not claude-force.
 */
async function transportFloor(
  url: string,
  level: { streams: number; windowMs: number; rampMs: number; maxTokens: number },
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: level.streams });
  const body = JSON.stringify({
    model: MODEL,
    max_tokens: level.maxTokens,
    system: SYSTEM,
    messages: [{ role: "user", content: TASK }],
    stream: true,
  });
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "x-api-key": "sk-ant-perf-0000000000000000",
    "anthropic-version": "2023-06-01",
  };
  let chunks = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(`${url}/v1/messages`, { method: "POST", headers, agent }, (res) => {
        res.on("data", () => {
          chunks++;
        });
        res.on("end", resolve);
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  const cpu0 = process.cpuUsage();
  const end = performance.now() + level.rampMs + level.windowMs;
  try {
    await Promise.all(
      Array.from({ length: level.streams }, async (_, i) => {
        await sleep((i * level.rampMs) / level.streams);
        while (performance.now() < end) await one();
      }),
    );
  } finally {
    agent.destroy();
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / Math.max(1, chunks);
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
      const provider = new opts.lib.anthropic.AnthropicProvider({
        apiKey: "sk-ant-perf-0000000000000000",
        baseUrl: server.url,
        fetch: fastFetch,
      });
      // Warm-up (SDK import, JIT), so the light level's CPU per delta compares with the floor's.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          provider.stream({
            model: MODEL,
            system: SYSTEM,
            messages: [{ role: "user", content: TASK }],
            maxTokens: 30,
          }),
        ),
      );
      const results: LevelResult[] = [];
      for (const level of levels) {
        const r = await measureLevel(opts.lib, provider, server, level);
        results.push(r);
        opts.log(
          `  ${r.streams} streams: ${r.measured} measured, ${r.eventsPerSecond.toFixed(0)} events/s; |TTFT error| p50 ${r.ttftErr.p50.toFixed(2)} p99 ${r.ttftErr.p99.toFixed(2)} ms; |ITL error| p50 ${r.itlErr.p50.toFixed(2)} p99 ${r.itlErr.p99.toFixed(2)} ms; client ${r.clientCores.toFixed(2)} cores (${r.cpuUsPerEvent.toFixed(0)} µs/event), server ${r.serverCores?.toFixed(2) ?? "?"} cores; loop p99 ${r.loopP99.toFixed(1)} ms; unverified ${r.unverified}, failed ${r.failures}`,
        );
      }
      const light = results[0]!;
      const full = results[1]!;
      const floorUs = await transportFloor(server.url, levels[0]!);
      opts.log(
        `  transport floor (bare node:http, ${light.streams} streams): ${floorUs.toFixed(1)} µs CPU per chunk`,
      );
      const n = full.streams.toLocaleString("en-US");
      return {
        id: "streaming",
        title: this.title,
        reference:
          "the mock server's own schedule for each response, re-derived from its seeded plan; for CPU, bare node:http reading the same streams",
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
          metric(
            `client CPU per text delta (provider + fast fetch), ${light.streams} streams`,
            "µs",
            light.cpuUsPerEvent,
            floorUs,
            null,
          ),
          metric(`client CPU per text delta, ${n} streams`, "µs", full.cpuUsPerEvent, floorUs, null),
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
          transport: "AnthropicProvider on the fast fetch",
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
