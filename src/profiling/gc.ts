/** GC pauses over a window, from `gc` performance entries (count, total, max, by kind). */
import { constants, type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";
import type { GcStats } from "./types.js";

const KIND_NAMES: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

export interface GcMonitor {
  /** Stop observing and return the pauses seen since start (call once). */
  stop(): GcStats;
}

export function startGcMonitor(): GcMonitor {
  const stats: GcStats = { count: 0, totalMs: 0, maxMs: 0, byKind: {} };
  const add = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      const kind = KIND_NAMES[(e as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? "other";
      stats.count++;
      stats.totalMs += e.duration;
      if (e.duration > stats.maxMs) stats.maxMs = e.duration;
      stats.byKind[kind] ??= { count: 0, totalMs: 0 };
      const k = stats.byKind[kind];
      k.count++;
      k.totalMs += e.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  return {
    stop(): GcStats {
      // Entries are delivered asynchronously: take the ones still queued before disconnecting.
      add(observer.takeRecords());
      observer.disconnect();
      return stats;
    },
  };
}
