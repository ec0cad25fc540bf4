/** Reading a V8 sampling heap profile: the allocation sites that account for the most sampled bytes. */
import { displayName } from "./cpu-analysis.js";
import type { AllocationSite, HeapProfile, HeapProfileNode } from "./types.js";

const MB = 1024 * 1024;

export function topAllocations(profile: HeapProfile, n = 10): AllocationSite[] {
  const bySite = new Map<string, { node: HeapProfileNode; bytes: number }>();
  const stack = [profile.head];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const c of node.children) stack.push(c);
    if (node.selfSize === 0) continue;
    const f = node.callFrame;
    const key = `${f.functionName}\u0000${f.url}\u0000${f.lineNumber}\u0000${f.columnNumber}`;
    const acc = bySite.get(key);
    if (acc) acc.bytes += node.selfSize;
    else bySite.set(key, { node, bytes: node.selfSize });
  }
  return [...bySite.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n)
    .map(({ node, bytes }) => ({
      functionName: displayName(node.callFrame),
      url: node.callFrame.url,
      line: node.callFrame.lineNumber >= 0 ? node.callFrame.lineNumber + 1 : null,
      selfMb: bytes / MB,
    }));
}
