/**
 * 2. Load generation: our provider path (AnthropicProvider = official SDK, on the fast keep-alive
 * transport) against autocannon, both closed-loop with the same connection count, against the
 * same mock server process (zero delay). Requests are the streaming Messages calls the provider
 * makes. Also measured, for the record: the same provider on Node's global fetch.
 */
import type { ProviderRequest } from "../src/providers/types.js";
import { startServerProcess } from "./server-process.js";
import { median } from "./sim-runtime.js";
import { atLeast, metric, type PerfBenchmark, type PerfResult } from "./types.js";

const CONNECTIONS = 50;
const API_KEY = "sk-ant-perf-0000000000000000";
const REQUEST: ProviderRequest = {
  model: "claude-haiku-4-5",
  system: "You are a terse assistant.",
  messages: [{ role: "user", content: "Explain Python decorators in one paragraph." }],
  maxTokens: 64,
};

interface LoopResult {
  rate: number;
  errors: number;
  /** This process's CPU time per completed request (user + system), µs. */
  cpuUs: number;
}

/** `CONNECTIONS` workers calling `one` back to back for `durationMs`. */
async function closedLoop(one: () => Promise<unknown>, durationMs: number): Promise<LoopResult> {
  let done = 0;
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        try {
          await one();
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    rate: done / ((performance.now() - start) / 1000),
    errors,
    cpuUs: (cpu.user + cpu.system) / Math.max(1, done),
  };
}

export const loadgen: PerfBenchmark = {
  id: "loadgen",
  title: "Load generation against the mock server vs autocannon",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const durationMs = opts.quick ? 3000 : 8000;
    const rounds = opts.quick ? 1 : 3;
    const { default: autocannon } = await import("autocannon");
    const server = await startServerProcess(opts.root, { timeScale: 0, seed: 1 });
    const fastFetch = opts.lib.fastFetch.createFastFetch();
    try {
      const fast = new opts.lib.anthropic.AnthropicProvider({
        apiKey: API_KEY,
        baseUrl: server.url,
        fetch: fastFetch,
      });
      const global = new opts.lib.anthropic.AnthropicProvider({ apiKey: API_KEY, baseUrl: server.url });
      // The body the SDK sends for REQUEST, so both generators ask the server for the same work.
      const body = JSON.stringify({
        model: REQUEST.model,
        max_tokens: REQUEST.maxTokens,
        system: REQUEST.system,
        messages: REQUEST.messages,
        stream: true,
      });
      const viaProvider = () => fast.complete(REQUEST);
      const headers = {
        "content-type": "application/json",
        "x-api-key": API_KEY,
        "anthropic-version": "2023-06-01",
      };
      // The transport alone: the same request and the whole SSE body, without the SDK.
      const viaFetch = async () =>
        (await fastFetch(`${server.url}/v1/messages`, { method: "POST", headers, body })).text();
      await closedLoop(viaProvider, 500); // warm-up: JIT, sockets
      const ac: number[] = [];
      const acCpu: number[] = [];
      const ours: number[] = [];
      const oursCpu: number[] = [];
      let errors = 0;
      for (let r = 0; r < rounds; r++) {
        const cpu0 = process.cpuUsage();
        const res = await autocannon({
          url: `${server.url}/v1/messages`,
          connections: CONNECTIONS,
          duration: durationMs / 1000,
          method: "POST",
          headers,
          body,
        });
        const cpu = process.cpuUsage(cpu0);
        if (res.non2xx > 0 || res.errors > 0)
          throw new Error(`autocannon saw ${res.non2xx} non-2xx, ${res.errors} errors`);
        ac.push(res.requests.total / res.duration);
        acCpu.push((cpu.user + cpu.system) / Math.max(1, res.requests.total));
        const mine = await closedLoop(viaProvider, durationMs);
        errors += mine.errors;
        ours.push(mine.rate);
        oursCpu.push(mine.cpuUs);
        opts.log(
          `  round ${r + 1}: autocannon ${ac[r]!.toFixed(0)} req/s (${acCpu[r]!.toFixed(0)} µs CPU/req), provider + fast fetch ${mine.rate.toFixed(0)} req/s (${mine.cpuUs.toFixed(0)} µs CPU/req)`,
        );
      }
      const shortMs = Math.min(durationMs, 3000);
      const transport = await closedLoop(viaFetch, shortMs);
      const onGlobal = await closedLoop(() => global.complete(REQUEST), shortMs);
      opts.log(
        `  fast fetch alone ${transport.rate.toFixed(0)} req/s (${transport.cpuUs.toFixed(0)} µs CPU/req); provider on the global fetch ${onGlobal.rate.toFixed(0)} req/s (${onGlobal.cpuUs.toFixed(0)} µs CPU/req)`,
      );
      const acRate = median(ac);
      const ourRate = median(ours);
      const globalRate = onGlobal.rate;
      return {
        id: "loadgen",
        title: this.title,
        reference: `autocannon 9 with ${CONNECTIONS} connections on the same server and request`,
        metrics: [
          metric("requests per second, provider + fast fetch", "req/s", ourRate, acRate, null),
          metric("ratio to autocannon", "x", ourRate / acRate, 1, atLeast(0.5)),
          metric("ratio to autocannon, provider on Node's global fetch", "x", globalRate / acRate, 1, null),
          metric("client CPU per request, provider + fast fetch", "µs", median(oursCpu), median(acCpu), null),
          metric(
            "client CPU per request, fast fetch alone (no SDK)",
            "µs",
            transport.cpuUs,
            median(acCpu),
            null,
          ),
          metric(
            "client CPU per request, provider on the global fetch",
            "µs",
            onGlobal.cpuUs,
            median(acCpu),
            null,
          ),
          metric("failed requests", "", errors + transport.errors + onGlobal.errors, null, null),
        ],
        params: {
          connections: CONNECTIONS,
          durationMs,
          rounds,
          server: "mock-server process, time scale 0",
          stream: true,
        },
        limits: [
          "Both generators share the machine with the server process; on two cores the server's own CPU use caps both.",
        ],
        details: { autocannon: ac, autocannonCpuUs: acCpu, ours, oursCpuUs: oursCpu, transport, onGlobal },
        durationMs: performance.now() - t0,
      };
    } finally {
      fastFetch.close();
      await server.stop();
    }
  },
};
