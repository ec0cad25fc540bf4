// Profiling of claude-force's own runtime: CPU and heap profiles, flame graphs, memory, event loop, GC.

export { callTree, selfTimesUs, type TreeFrame, topSelfTime } from "./cpu-analysis.js";
export { renderFlameGraph } from "./flamegraph.js";
export { type GcMonitor, startGcMonitor } from "./gc.js";
export { topAllocations } from "./heap-analysis.js";
export { startProfiling } from "./profiler.js";
export { formatProfileSummary } from "./summary-text.js";
export * from "./types.js";
