/**
 * 7. Open loop: `loadTest` at 1,000 constant arrivals/s for 10 s on the zero-latency sim, tracked
 * (journal). Achieved rate and queue wait (actual start - intended start) from the load result.
 * Reference: the same schedule (`runOpenLoop`) with jobs that do nothing, i.e. the timer floor.
 */
import { simRuntime } from "./sim-runtime.js";
import { below, metric, type PerfBenchmark, type PerfResult } from "./types.js";

const RATE = 1000;

export const openloop: PerfBenchmark = {
  id: "openloop",
  title: "Open loop: 1,000 arrivals/s for 10 s",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const durationMs = opts.quick ? 3000 : 10_000;
    const floor = await opts.lib.schedule.runOpenLoop({
      rate: RATE,
      durationMs,
      arrival: "constant",
      job: async () => {},
    });
    const floorWait = floor.queueWait.stats();
    const runtime = await simRuntime(opts.workDir, "openloop", { track: true, lib: opts.lib });
    let result: Awaited<ReturnType<typeof opts.lib.load.loadTest>>[number];
    try {
      [result] = (await opts.lib.load.loadTest(runtime, {
        mode: "open",
        rate: RATE,
        durationMs,
        arrival: "constant",
      })) as [typeof result];
    } finally {
      await runtime.close();
    }
    const achieved = result.achievedRate ?? 0;
    const rateError = Math.abs(achieved - RATE) / RATE;
    opts.log(
      `  achieved ${achieved.toFixed(1)}/s, queue wait p50 ${result.queueWait.p50.toFixed(3)} ms p99 ${result.queueWait.p99.toFixed(3)} ms, late starts ${result.lateStarts}`,
    );
    return {
      id: "openloop",
      title: this.title,
      reference: "the same open-loop schedule with no-op jobs (the timer floor), measured just before",
      metrics: [
        metric("achieved arrival rate", "/s", achieved, floor.achievedRate ?? null, null),
        metric("rate error vs 1,000/s", "%", rateError * 100, null, below(1)),
        metric("queue wait p99", "ms", result.queueWait.p99, floorWait.p99, below(5)),
        metric("queue wait p50", "ms", result.queueWait.p50, floorWait.p50, null),
        metric("queue wait max", "ms", result.queueWait.max, floorWait.max, null),
        metric(
          "event-loop delay max during the run",
          "ms",
          result.resources.eventLoopDelayMs.max,
          null,
          null,
        ),
        metric("latency p99 from intended start", "ms", result.latency.p99, null, null),
      ],
      params: {
        rate: RATE,
        durationMs,
        arrival: "constant",
        provider: "sim, time scale 0",
        tracking: "journal",
      },
      limits: [
        "Arrival deadlines are fixed ahead on the monotonic clock (start + i/rate), so a late timer costs precision of single starts, never the rate; every due arrival is launched on each wake-up.",
      ],
      details: {
        started: result.tasks,
        completed: result.completed,
        lateStarts: result.lateStarts,
        dropped: result.dropped,
        eventLoopDelayMs: result.resources.eventLoopDelayMs,
        floorLateStarts: floor.lateStarts,
      },
      durationMs: performance.now() - t0,
    };
  },
};
