/**
 * The profile summary as the dashboard embeds it: code locations shortened and artifact paths cut
 * to their file names, so the page shows where time went without carrying the machine's absolute
 * paths (the profile files sit beside the results file the dashboard is written next to).
 */
import type { AllocationSite, FunctionTime, ProfileSummary } from "../../profiling/types.js";

export type ProfileFileKind = "flamegraph" | "cpuprofile" | "heapprofile";

type Located<T> = Omit<T, "url" | "line"> & {
  /** `dir/file.js:line`, `package/path.js:line` or a `node:` module; null for V8 pseudo-frames. */
  location: string | null;
};

export type DashboardProfile = Omit<ProfileSummary, "files" | "cpu" | "topAllocations"> & {
  files: Array<{ kind: ProfileFileKind; name: string }>;
  cpu: Omit<ProfileSummary["cpu"], "topSelfTime"> & { topSelfTime: Array<Located<FunctionTime>> };
  topAllocations: Array<Located<AllocationSite>>;
};

const FILE_KINDS: ProfileFileKind[] = ["flamegraph", "cpuprofile", "heapprofile"];
const NODE_MODULES = "/node_modules/";

/** A script URL made short and machine-independent; the line appended when V8 gave one. */
export function codeLocation(url: string, line: number | null): string | null {
  if (!url) return null;
  let where = url;
  if (url.startsWith("file://") || url.startsWith("/")) {
    const path = url.replace(/^file:\/\//, "");
    const nm = path.lastIndexOf(NODE_MODULES);
    // A dependency is named by its package; our own code by its folder and file.
    where = nm >= 0 ? path.slice(nm + NODE_MODULES.length) : path.split("/").slice(-2).join("/");
  }
  return line === null ? where : `${where}:${line}`;
}

/** The file name of a path written on any OS. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * `raw` is ResultsDocument.profile: written by src/profiling, but a hand-edited or older file may
 * lack parts. Lists and maps are guarded here (so rendering never throws); missing numbers reach
 * the page as absent and show as "-".
 */
export function dashboardProfile(raw: Record<string, unknown> | null | undefined): DashboardProfile | null {
  if (!raw || typeof raw !== "object") return null;
  const p = raw as Partial<ProfileSummary>;
  const files = (p.files ?? {}) as Record<string, unknown>;
  const locate = <T extends { url: string; line: number | null }>({ url, line, ...rest }: T) => ({
    ...rest,
    location: codeLocation(typeof url === "string" ? url : "", typeof line === "number" ? line : null),
  });
  return {
    name: String(p.name ?? ""),
    durationMs: p.durationMs as number,
    files: FILE_KINDS.flatMap((kind) => {
      const path = files[kind];
      return typeof path === "string" && path ? [{ kind, name: fileName(path) }] : [];
    }),
    cpu: {
      ...(p.cpu as ProfileSummary["cpu"]),
      topSelfTime: list<FunctionTime>(p.cpu?.topSelfTime).map(locate),
    },
    topAllocations: list<AllocationSite>(p.topAllocations).map(locate),
    peakRssMb: p.peakRssMb as number,
    peakHeapMb: p.peakHeapMb as number,
    eventLoopDelayMs: p.eventLoopDelayMs as ProfileSummary["eventLoopDelayMs"],
    gc: { ...(p.gc as ProfileSummary["gc"]), byKind: (p.gc?.byKind ?? {}) as ProfileSummary["gc"]["byKind"] },
  };
}
