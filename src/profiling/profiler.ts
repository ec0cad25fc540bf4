/**
 * startProfiling: profile this process over a window through the inspector (no flags, no child
 * process). CPU: `Profiler` → `<name>.cpuprofile` (Chrome DevTools, speedscope) and a flame graph
 * `<name>.flame.html`; heap: `HeapProfiler` sampling → `<name>.heapprofile` (DevTools' Memory tab).
 * Always: peak RSS and heap, event-loop delay and CPU time (the bench resource monitor) and GC
 * pauses. The returned summary is plain JSON, ready for ResultsDocument.profile.
 *
 *   const prof = await startProfiling({ cpu: true, heap: true, outDir, name: runId });
 *   ... the work ...
 *   doc.profile = { ...(await prof.stop()) };
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { startResourceMonitor } from "../bench/resources.js";
import { topSelfTime } from "./cpu-analysis.js";
import { renderFlameGraph } from "./flamegraph.js";
import { startGcMonitor } from "./gc.js";
import { topAllocations } from "./heap-analysis.js";
import type { CpuProfile, HeapProfile, Profiler, ProfileSummary, ProfilingOptions } from "./types.js";

/** File names stay inside outDir whatever the caller passes as a name. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "") || "profile";
}

export async function startProfiling(opts: ProfilingOptions): Promise<Profiler> {
  const cpu = opts.cpu ?? true;
  const heap = opts.heap ?? false;
  const outDir = resolve(opts.outDir);
  const name = safeName(opts.name);
  await mkdir(outDir, { recursive: true });

  const session = cpu || heap ? new Session() : null;
  session?.connect();
  if (session && cpu) {
    await session.post("Profiler.enable");
    if (opts.samplingIntervalUs)
      await session.post("Profiler.setSamplingInterval", { interval: opts.samplingIntervalUs });
    await session.post("Profiler.start");
  }
  if (session && heap) {
    await session.post("HeapProfiler.enable");
    // Keep objects already collected too: a profile of what the run allocated, not what survived it.
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 32 * 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  const resources = startResourceMonitor({ intervalMs: opts.memoryIntervalMs ?? 50 });
  const gc = startGcMonitor();
  const wall0 = performance.now();
  let done: Promise<ProfileSummary> | null = null;

  const finish = async (): Promise<ProfileSummary> => {
    const durationMs = performance.now() - wall0;
    const usage = resources.stop();
    const gcStats = gc.stop();
    const files: ProfileSummary["files"] = {};
    let samples: number | null = null;
    let idleMs: number | null = null;
    let topSelf: ProfileSummary["cpu"]["topSelfTime"] = [];
    let topAlloc: ProfileSummary["topAllocations"] = [];
    let cpuProfile: CpuProfile | null = null;
    let heapProfile: HeapProfile | null = null;
    try {
      // Stop both samplers before any processing, so neither records our own file writing.
      if (session && cpu) {
        cpuProfile = ((await session.post("Profiler.stop")) as unknown as { profile: CpuProfile }).profile;
        await session.post("Profiler.disable");
      }
      if (session && heap) {
        heapProfile = (
          (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: HeapProfile }
        ).profile;
        await session.post("HeapProfiler.disable");
      }
    } finally {
      session?.disconnect();
    }
    if (cpuProfile) {
      files.cpuprofile = join(outDir, `${name}.cpuprofile`);
      await writeFile(files.cpuprofile, JSON.stringify(cpuProfile));
      files.flamegraph = join(outDir, `${name}.flame.html`);
      await writeFile(files.flamegraph, renderFlameGraph(cpuProfile, name));
      const top = topSelfTime(cpuProfile, 10);
      samples = cpuProfile.samples?.length ?? null;
      idleMs = top.idleMs;
      topSelf = top.top;
    }
    if (heapProfile) {
      files.heapprofile = join(outDir, `${name}.heapprofile`);
      await writeFile(files.heapprofile, JSON.stringify(heapProfile));
      topAlloc = topAllocations(heapProfile, 10);
    }
    return {
      name,
      durationMs,
      files,
      cpu: {
        userMs: usage.cpuUserMs,
        systemMs: usage.cpuSystemMs,
        utilisation: usage.cpuUtilisation,
        samples,
        idleMs,
        topSelfTime: topSelf,
      },
      topAllocations: topAlloc,
      peakRssMb: usage.peakRssMb,
      peakHeapMb: usage.peakHeapMb,
      eventLoopDelayMs: usage.eventLoopDelayMs,
      gc: gcStats,
    };
  };

  return {
    stop(): Promise<ProfileSummary> {
      done ??= finish();
      return done;
    },
  };
}
