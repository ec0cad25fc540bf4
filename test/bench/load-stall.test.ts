/**
 * Acceptance test of issue 3: coordinated omission. The same 100 requests against a loopback
 * server that freezes for 1 s once, through a real HTTP transport: the open loop shows the stall in
 * its p99, the closed loop hides it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTest } from "../../src/bench/load.js";
import { createRuntime, type Runtime } from "../../src/orchestrator/runtime.js";
import type { Provider, ProviderResult } from "../../src/providers/types.js";

const USAGE = { input: 100, output: 200, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };

/**
 * A loopback server that freezes once: the `stallAt`-th request starts a `stallMs` stall during
 * which every response (that one and all arriving meanwhile) is held, like a GC pause or a
 * saturated upstream. Other requests answer after `normalMs`.
 */
async function stallingServer(opts: { stallAt: number; stallMs: number; normalMs: number }) {
  let count = 0;
  let stallUntil = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = performance.now();
      if (++count === opts.stallAt) stallUntil = now + opts.stallMs;
      setTimeout(() => res.end("ok"), Math.max(opts.normalMs, stallUntil - now));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    reset() {
      count = 0;
      stallUntil = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tiny real-transport provider: one POST per completion over a keep-alive agent. */
function httpProvider(url: string): Provider {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  return {
    info: { name: "anthropic", simulated: false, baseUrl: url },
    complete(req) {
      const start = performance.now();
      return new Promise<ProviderResult>((resolve, reject) => {
        const r = http.request(url, { method: "POST", agent, signal: req.signal }, (res) => {
          const first = performance.now();
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            text += c;
          });
          res.on("end", () =>
            resolve({
              text,
              usage: USAGE,
              timings: { start, firstEvent: first, firstText: first, end: performance.now() },
              model: req.model,
              stopReason: "end_turn",
            }),
          );
        });
        r.on("error", reject);
        r.end(JSON.stringify({ model: req.model }));
      });
    },
    async close() {
      agent.destroy();
    },
  };
}

let projectDir: string;
let rt: Runtime | null = null;

beforeAll(async () => {
  projectDir = await mkdtemp(join(tmpdir(), "cf-stall-"));
});
afterAll(async () => {
  await rt?.close();
  await rm(projectDir, { recursive: true, force: true });
});

describe("coordinated omission: a server that stalls for 1 s once", () => {
  it("shows the stall in the open-loop p99 and hides it from the closed-loop p99", async () => {
    const server = await stallingServer({ stallAt: 10, stallMs: 1000, normalMs: 5 });
    try {
      rt = await createRuntime({
        project: projectDir,
        command: "bench",
        providerOverride: httpProvider(server.url),
        track: false,
      });
      const slo = { e2eMs: 500 };
      // Same load for both: 100 requests. Open loop at 40/s; closed loop, one client at a time.
      const [open] = await loadTest(rt, { mode: "open", rate: 40, durationMs: 2500, slo });
      server.reset();
      const [closed] = await loadTest(rt, { mode: "closed", count: 100, concurrency: 1, slo });

      expect(open!.completed).toBe(100);
      expect(closed!.completed).toBe(100);
      // Both runs hit the stall...
      expect(open!.latency.max).toBeGreaterThanOrEqual(990);
      expect(closed!.latency.max).toBeGreaterThanOrEqual(990);
      // ...but only the open loop, whose arrivals kept coming during the stall, shows it in p99:
      // ~40 requests arrived during that second, each measured from its intended start.
      expect(open!.latency.p99).toBeGreaterThanOrEqual(900);
      expect(open!.latency.p90).toBeGreaterThan(500);
      // The closed-loop client stopped sending while it waited: one slow sample, p99 stays normal.
      expect(closed!.latency.p99).toBeLessThan(200);
      expect(open!.goodput!.share).toBeLessThan(0.9);
      expect(closed!.goodput!.share).toBeGreaterThanOrEqual(0.98);
    } finally {
      await server.close();
    }
  });
});
