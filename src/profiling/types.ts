/**
 * Profiling contracts: the V8 profile formats we read (a subset of the DevTools protocol types)
 * and the JSON-serialisable summary a profiled run produces (it goes into ResultsDocument.profile).
 */

export interface ProfilingOptions {
  /** Record a CPU profile (`<name>.cpuprofile` and `<name>.flame.html`). Default true. */
  cpu?: boolean;
  /** Record a sampling heap profile (`<name>.heapprofile`). Default false. */
  heap?: boolean;
  outDir: string;
  /** Base name of the files written. */
  name: string;
  /** CPU sampling interval in µs (V8's default is 1000). */
  samplingIntervalUs?: number;
  /** Memory sampling period for peak RSS and heap, ms (default 50). */
  memoryIntervalMs?: number;
}

export interface Profiler {
  /** Stop every collector, write the files and summarise. Call once. */
  stop(): Promise<ProfileSummary>;
}

/** One function's share of the samples (self time: the function itself was on top of the stack). */
export interface FunctionTime {
  functionName: string;
  /** Script URL (file:// path, node:internal name) or "" for V8 pseudo-frames like (program). */
  url: string;
  /** 1-based line, or null when V8 reports none. */
  line: number | null;
  selfMs: number;
  /** Share of the profile's non-idle time (0..1). */
  selfShare: number;
}

export interface AllocationSite {
  functionName: string;
  url: string;
  line: number | null;
  /** Bytes sampled at this site (sampled, so approximate). */
  selfMb: number;
}

export interface GcStats {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Pauses by kind: minor (scavenge), major (mark-compact), incremental, weakcb. */
  byKind: Record<string, { count: number; totalMs: number }>;
}

/** A type alias, not an interface, so it is assignable to ResultsDocument.profile (a record). */
export type ProfileSummary = {
  name: string;
  /** Wall time between start and stop. */
  durationMs: number;
  /** Absolute paths of the files written (only the kinds that were recorded). */
  files: { cpuprofile?: string; flamegraph?: string; heapprofile?: string };
  cpu: {
    userMs: number;
    systemMs: number;
    /** CPU time / wall time (1.0 = one core busy). */
    utilisation: number;
    /** From the CPU profile: samples taken and time V8 saw the thread idle. */
    samples: number | null;
    idleMs: number | null;
    /** Top 10 functions by self time (idle excluded); empty without a CPU profile. */
    topSelfTime: FunctionTime[];
  };
  /** Top 10 allocation sites by sampled bytes; empty without a heap profile. */
  topAllocations: AllocationSite[];
  peakRssMb: number;
  peakHeapMb: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  gc: GcStats;
};

/** V8 CPU profile (DevTools protocol `Profiler.Profile`). */
export interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  /** 0-based. */
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** µs, monotonic. */
  startTime: number;
  endTime: number;
  samples?: number[];
  /** µs between consecutive samples (the first is relative to startTime). */
  timeDeltas?: number[];
}

/** V8 sampling heap profile (DevTools protocol `HeapProfiler.SamplingHeapProfile`). */
export interface HeapProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  id: number;
  children: HeapProfileNode[];
}

export interface HeapProfile {
  head: HeapProfileNode;
  samples: Array<{ size: number; nodeId: number; ordinal: number }>;
}
