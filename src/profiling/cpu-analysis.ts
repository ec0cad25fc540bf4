/**
 * Reading a V8 CPU profile: self time per node from the sample timeline, the top functions by self
 * time, and a merged call tree (same function under the same parent = one frame) for flame graphs.
 */
import type { CallFrame, CpuProfile, FunctionTime } from "./types.js";

/** V8 pseudo-frames: "(idle)" is the thread waiting, not work, so shares exclude it. */
const IDLE = "(idle)";
const ROOT = "(root)";

/** Self time in µs per node id, from samples and timeDeltas (hit counts when there are none). */
export function selfTimesUs(profile: CpuProfile): Map<number, number> {
  const out = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // Sample i lasts until sample i+1 is taken; the last one until the profile ends.
    let t = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i]!;
      const next = i + 1 < samples.length ? t + deltas[i + 1]! : profile.endTime;
      const id = samples[i]!;
      out.set(id, (out.get(id) ?? 0) + Math.max(0, next - t));
    }
    return out;
  }
  const hits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const perHit = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
  for (const n of profile.nodes) if (n.hitCount) out.set(n.id, n.hitCount * perHit);
  return out;
}

function frameKey(f: CallFrame): string {
  return `${f.functionName}\u0000${f.url}\u0000${f.lineNumber}\u0000${f.columnNumber}`;
}

export function displayName(f: CallFrame): string {
  return f.functionName || "(anonymous)";
}

/** Top `n` functions by self time, idle excluded; shares are of non-idle time. */
export function topSelfTime(profile: CpuProfile, n = 10): { top: FunctionTime[]; idleMs: number } {
  const self = selfTimesUs(profile);
  const byFn = new Map<string, { frame: CallFrame; us: number }>();
  let idleUs = 0;
  let busyUs = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    if (node.callFrame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const key = frameKey(node.callFrame);
    const acc = byFn.get(key);
    if (acc) acc.us += us;
    else byFn.set(key, { frame: node.callFrame, us });
  }
  const top = [...byFn.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map(({ frame, us }) => ({
      functionName: displayName(frame),
      url: frame.url,
      line: frame.lineNumber >= 0 ? frame.lineNumber + 1 : null,
      selfMs: us / 1000,
      selfShare: busyUs > 0 ? us / busyUs : 0,
    }));
  return { top, idleMs: idleUs / 1000 };
}

/** A frame of the merged call tree; times in µs. */
export interface TreeFrame {
  name: string;
  url: string;
  line: number | null;
  selfUs: number;
  totalUs: number;
  children: TreeFrame[];
}

/**
 * The call tree with identical frames under one parent merged and children sorted by name, which
 * is the flame graph convention (x order carries no time meaning). Idle time is left out.
 */
export function callTree(profile: CpuProfile): TreeFrame {
  const self = selfTimesUs(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const rootNode = profile.nodes.find((n) => !childIds.has(n.id));
  const root: TreeFrame = { name: "all", url: "", line: null, selfUs: 0, totalUs: 0, children: [] };
  if (!rootNode) return root;

  // Iterative walk: deep recursion in the profiled code must not overflow our stack.
  const stack: Array<{ id: number; into: TreeFrame }> = [];
  for (const c of rootNode.children ?? []) stack.push({ id: c, into: root });
  root.selfUs = rootNode.callFrame.functionName === ROOT ? 0 : (self.get(rootNode.id) ?? 0);
  const index = new Map<TreeFrame, Map<string, TreeFrame>>();
  while (stack.length > 0) {
    const { id, into } = stack.pop()!;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === IDLE) continue;
    let kids = index.get(into);
    if (!kids) {
      kids = new Map();
      index.set(into, kids);
    }
    const key = frameKey(node.callFrame);
    let frame = kids.get(key);
    if (!frame) {
      const cf = node.callFrame;
      frame = {
        name: displayName(cf),
        url: cf.url,
        line: cf.lineNumber >= 0 ? cf.lineNumber + 1 : null,
        selfUs: 0,
        totalUs: 0,
        children: [],
      };
      kids.set(key, frame);
      into.children.push(frame);
    }
    frame.selfUs += self.get(id) ?? 0;
    for (const c of node.children ?? []) stack.push({ id: c, into: frame });
  }
  sumTotals(root);
  return root;
}

function sumTotals(root: TreeFrame): void {
  // Post-order without recursion: visit order reversed gives children before parents.
  const order: TreeFrame[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const f = stack.pop()!;
    order.push(f);
    for (const c of f.children) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const f = order[i]!;
    f.totalUs = f.selfUs + f.children.reduce((a, c) => a + c.totalUs, 0);
    f.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
