/** A profile summary as terminal lines (pure; the CLI prints them). */
import { basename } from "node:path";
import type { ProfileSummary } from "./types.js";

const f1 = (x: number) => x.toFixed(1);

function where(url: string, line: number | null): string {
  if (!url) return "";
  const file = url.startsWith("file://") ? basename(url) : url;
  return ` ${file}${line !== null ? `:${line}` : ""}`;
}

export function formatProfileSummary(s: ProfileSummary): string[] {
  const lines = [
    `profile ${s.name}: ${f1(s.durationMs)} ms wall, CPU ${f1(s.cpu.userMs + s.cpu.systemMs)} ms (${(s.cpu.utilisation * 100).toFixed(0)}% of one core)`,
    `memory: peak RSS ${f1(s.peakRssMb)} MB, peak heap ${f1(s.peakHeapMb)} MB`,
    `event-loop delay: p50 ${s.eventLoopDelayMs.p50.toFixed(2)} ms, p99 ${s.eventLoopDelayMs.p99.toFixed(2)} ms, max ${s.eventLoopDelayMs.max.toFixed(2)} ms`,
    `GC: ${s.gc.count} pauses, ${f1(s.gc.totalMs)} ms total, longest ${s.gc.maxMs.toFixed(2)} ms`,
  ];
  if (s.cpu.topSelfTime.length > 0) {
    lines.push("top self time:");
    for (const t of s.cpu.topSelfTime)
      lines.push(
        `  ${f1(t.selfMs).padStart(8)} ms ${(t.selfShare * 100).toFixed(1).padStart(5)}%  ${t.functionName}${where(t.url, t.line)}`,
      );
  }
  if (s.topAllocations.length > 0) {
    lines.push("top allocation sites (sampled):");
    for (const a of s.topAllocations)
      lines.push(`  ${a.selfMb.toFixed(2).padStart(8)} MB  ${a.functionName}${where(a.url, a.line)}`);
  }
  const files = Object.entries(s.files);
  if (files.length > 0) {
    lines.push("files:");
    for (const [kind, path] of files) lines.push(`  ${kind.padEnd(11)} ${path}`);
  }
  return lines;
}
