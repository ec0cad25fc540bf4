import { readFileSync } from "node:fs";
import { selfTimesUs } from "../src/profiling/index.js";
const p = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const self = selfTimesUs(p);
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
let total = 0;
for (const [id, us] of self) {
  const n: any = byId.get(id); if (n.callFrame.functionName === "(idle)") continue;
  total += us;
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const cf = (byId.get(cur) as any).callFrame;
    const key = `${cf.functionName || "(anon)"} ${cf.url.split("/").slice(-2).join("/")}:${cf.lineNumber + 1}`;
    if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + us); }
    cur = parent.get(cur);
  }
}
console.log("total busy ms", (total / 1000).toFixed(0));
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40))) console.log((v / 1000).toFixed(1).padStart(8), k);
