/**
 * The harness's own footprint during a run: CPU time and utilisation, peak RSS and heap, and
 * event-loop delay. A load generator that saturates its own core or stalls its event loop
 * measures itself, not the provider, so every throughput level and load result carries these.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ResourceUsage } from "./types.js";

const MB = 1024 * 1024;
const LOOP_RESOLUTION_MS = 10;

export interface ResourceMonitor {
  /** Stop sampling and return usage since start (call once). */
  stop(): ResourceUsage;
}

export function startResourceMonitor(opts: { intervalMs?: number } = {}): ResourceMonitor {
  const intervalMs = Math.max(10, opts.intervalMs ?? 100);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref(); // never keep the process alive just to sample
  // 10 ms resolution: fine enough to see a blocked loop, cheap enough to leave on.
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  let stopped: ResourceUsage | null = null;

  return {
    stop(): ResourceUsage {
      if (stopped) return stopped;
      clearInterval(timer);
      loop.disable();
      sample();
      const cpu = process.cpuUsage(cpu0);
      const wallMs = performance.now() - wall0;
      const userMs = cpu.user / 1000;
      const systemMs = cpu.system / 1000;
      // The histogram records whole timer intervals in ns (resolution + delay), NaN when empty.
      const ms = (ns: number) =>
        Number.isFinite(ns) && loop.count > 0 ? Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) : 0;
      stopped = {
        cpuUserMs: userMs,
        cpuSystemMs: systemMs,
        cpuUtilisation: wallMs > 0 ? (userMs + systemMs) / wallMs : 0,
        peakRssMb: peakRss / MB,
        peakHeapMb: peakHeap / MB,
        eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      };
      return stopped;
    },
  };
}
