/**
 * 1. Overhead per execution: `AgentOrchestrator.executeAgent` on the zero-latency sim with a real
 * PerformanceTracker journal (routing, prompt, retry wrapper, cost, record, journal line) against
 * a bare loop calling the same provider with the same request. Rounds alternate between the two
 * and the median round counts, so a burst of load from elsewhere hits both sides alike.
 */
import type { ProviderRequest, ProviderResult } from "../src/providers/types.js";
import { AGENT, median, simRuntime, TASK } from "./sim-runtime.js";
import { atLeast, below, metric, type PerfBenchmark, type PerfResult } from "./types.js";

export const overhead: PerfBenchmark = {
  id: "overhead",
  title: "Overhead per execution (zero-latency sim, full path with tracking)",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const n = opts.quick ? 20_000 : 50_000;
    const rounds = opts.quick ? 3 : 5;
    const sim = new opts.lib.sim.SimProvider({ seed: 1, timeScale: 0 });
    let captured: ProviderRequest | null = null;
    // The orchestrator's exact request, captured once, is what the bare loop sends.
    const provider = {
      info: sim.info,
      complete(req: ProviderRequest): Promise<ProviderResult> {
        captured ??= req;
        return sim.complete(req);
      },
    };
    const runtime = await simRuntime(opts.workDir, "overhead", { track: true, provider, lib: opts.lib });
    const orch = runtime.orchestrator;
    try {
      const sample = await orch.executeAgent(AGENT, TASK, { iteration: 0 });
      const req = captured!;
      const prefix = req.hints?.seedKey?.replace(/\|[^|]*\|[^|]*$/, "") ?? "";

      const bare = async (count: number) => {
        const start = performance.now();
        for (let i = 0; i < count; i++)
          await sim.complete({ ...req, hints: { ...req.hints, seedKey: `${prefix}|${i}|${AGENT}` } });
        return performance.now() - start;
      };
      const full = async (count: number) => {
        const start = performance.now();
        for (let i = 0; i < count; i++) await orch.executeAgent(AGENT, TASK, { iteration: i });
        return performance.now() - start;
      };
      // The tracker's share: serialising the record to a JSON line and appending it to the journal.
      const recordOnly = (count: number) => {
        const start = performance.now();
        for (let i = 0; i < count; i++) runtime.tracker.record(sample.record, sample.attempts);
        return performance.now() - start;
      };
      // Warm both paths up so the JIT has compiled them before anything counts.
      await bare(n / 4);
      await full(n / 4);
      const bareMs: number[] = [];
      const fullMs: number[] = [];
      const recordMs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        bareMs.push(await bare(n));
        fullMs.push(await full(n));
        recordMs.push(recordOnly(n / 5));
        runtime.tracker.syncJournal();
      }
      const recordUs = (median(recordMs) * 1000) / (n / 5);
      const bareUs = (median(bareMs) * 1000) / n;
      const fullUs = (median(fullMs) * 1000) / n;
      const overheadUs = fullUs - bareUs;
      const perSecond = 1e6 / fullUs;
      opts.log(
        `  bare ${bareUs.toFixed(2)} µs/call, full ${fullUs.toFixed(2)} µs/exec, overhead ${overheadUs.toFixed(2)} µs (tracker.record ${recordUs.toFixed(2)} µs), ${perSecond.toFixed(0)} exec/s`,
      );
      return {
        id: "overhead",
        title: this.title,
        reference: "bare loop: the same SimProvider called directly with the orchestrator's request",
        metrics: [
          metric("overhead per execution", "µs", overheadUs, null, below(20)),
          metric("executions per second (full path)", "exec/s", perSecond, 1e6 / bareUs, atLeast(50_000)),
          metric("time per call", "µs", fullUs, bareUs, null),
          metric("of which tracker.record (JSON line + journal append)", "µs", recordUs, null, null),
        ],
        params: { executionsPerRound: n, rounds, concurrency: 1, tracking: "journal" },
        limits: [],
        details: { bareRoundsMs: bareMs, fullRoundsMs: fullMs, recordRoundsMs: recordMs },
        durationMs: performance.now() - t0,
      };
    } finally {
      await runtime.close();
    }
  },
};
