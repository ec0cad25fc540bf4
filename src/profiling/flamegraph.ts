/**
 * A self-contained flame graph (one HTML file, inline SVG and a few lines of inline script, no
 * external loads) built from a V8 CPU profile. Frames are laid out server-side; the script only
 * zooms (click a frame; click the bottom "all" frame to reset). Every profile string is HTML-escaped:
 * function names come from the profiled code and can contain anything, `<script>` included.
 */
import { escapeHtml } from "../internal/html.js";
import { callTree, type TreeFrame } from "./cpu-analysis.js";
import type { CpuProfile } from "./types.js";

const WIDTH = 1200;
const ROW = 17;
/** Frames narrower than this many pixels are dropped: invisible, and they bloat the file. */
const MIN_PX = 0.3;
const CHAR_PX = 7;

/** Own code warm, dependencies blue, Node internals green, V8 pseudo-frames grey. */
function color(f: TreeFrame): string {
  let h = 0;
  for (let i = 0; i < f.name.length; i++) h = (h * 31 + f.name.charCodeAt(i)) >>> 0;
  const v = h % 40;
  if (f.url === "") return `hsl(0,0%,${70 + (v % 15)}%)`;
  if (f.url.startsWith("node:")) return `hsl(${100 + v},45%,62%)`;
  if (f.url.includes("/node_modules/")) return `hsl(${195 + v},55%,66%)`;
  return `hsl(${10 + v},85%,${58 + (v % 10)}%)`;
}

function label(name: string, px: number): string {
  const fit = Math.floor((px - 6) / CHAR_PX);
  if (fit < 3) return "";
  return name.length <= fit ? name : `${name.slice(0, fit - 2)}..`;
}

interface Placed {
  f: TreeFrame;
  x: number;
  w: number;
  depth: number;
}

function layout(root: TreeFrame): { placed: Placed[]; maxDepth: number } {
  const placed: Placed[] = [];
  let maxDepth = 0;
  const total = root.totalUs || 1;
  const stack: Placed[] = [{ f: root, x: 0, w: 1, depth: 0 }];
  while (stack.length > 0) {
    const p = stack.pop()!;
    placed.push(p);
    if (p.depth > maxDepth) maxDepth = p.depth;
    let x = p.x;
    for (const c of p.f.children) {
      const w = c.totalUs / total;
      if (w * WIDTH >= MIN_PX) stack.push({ f: c, x, w, depth: p.depth + 1 });
      x += w;
    }
  }
  return { placed, maxDepth };
}

const SCRIPT = `
const svg=document.getElementById("fg"),W=${WIDTH},C=${CHAR_PX};
const gs=[...svg.querySelectorAll("g.f")];
function fit(n,px){const k=Math.floor((px-6)/C);return k<3?"":n.length<=k?n:n.slice(0,k-2)+".."}
function zoom(zx,zw,zd){for(const g of gs){const x=+g.dataset.x,w=+g.dataset.w,d=+g.dataset.d;
const e=1e-9,anc=d<zd&&x<=zx+e&&x+w>=zx+zw-e,inside=anc||(d>=zd&&x>=zx-e&&x+w<=zx+zw+e);
g.style.display=inside?"":"none";if(!inside)continue;
const nx=anc?0:(x-zx)/zw*W,nw=anc?W:w/zw*W,r=g.querySelector("rect"),t=g.querySelector("text");
r.setAttribute("x",nx);r.setAttribute("width",Math.max(nw-0.5,0.1));t.setAttribute("x",nx+3);t.textContent=fit(g.dataset.n,nw);}}
svg.addEventListener("click",e=>{const g=e.target.closest("g.f");if(!g)return;
if(+g.dataset.d===0)zoom(0,1,0);else zoom(+g.dataset.x,+g.dataset.w,+g.dataset.d);});
`;

/** The flame graph page for a CPU profile. */
export function renderFlameGraph(profile: CpuProfile, title: string): string {
  const root = callTree(profile);
  const { placed, maxDepth } = layout(root);
  const height = (maxDepth + 1) * ROW;
  const totalMs = root.totalUs / 1000;
  const frames = placed.map(({ f, x, w, depth }) => {
    const px = x * WIDTH;
    const pw = w * WIDTH;
    const y = (maxDepth - depth) * ROW;
    const ms = f.totalUs / 1000;
    const where = f.url ? ` ${f.url}${f.line !== null ? `:${f.line}` : ""}` : "";
    const tip = `${f.name} ${ms.toFixed(2)} ms (${((f.totalUs / (root.totalUs || 1)) * 100).toFixed(1)}%)${where}`;
    return (
      `<g class="f" data-x="${x}" data-w="${w}" data-d="${depth}" data-n="${escapeHtml(f.name)}">` +
      `<title>${escapeHtml(tip)}</title>` +
      `<rect x="${px.toFixed(2)}" y="${y}" width="${Math.max(pw - 0.5, 0.1).toFixed(2)}" height="${ROW - 1}" fill="${color(f)}"/>` +
      `<text x="${(px + 3).toFixed(2)}" y="${y + ROW - 5}">${escapeHtml(label(f.name, pw))}</text></g>`
    );
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - flame graph</title>
<style>
body{font:13px system-ui,sans-serif;margin:16px;color:#222}
svg{display:block;width:100%;max-width:${WIDTH}px;height:auto}
g.f{cursor:pointer}g.f text{font:11px ui-monospace,monospace;pointer-events:none;fill:#111}
g.f:hover rect{stroke:#000;stroke-width:0.5}
.legend span{display:inline-block;padding:1px 6px;margin-right:6px;border-radius:3px}
</style></head><body>
<h1 style="font-size:18px">${escapeHtml(title)}</h1>
<p>CPU flame graph: ${totalMs.toFixed(1)} ms of sampled CPU time (idle excluded). Width is time on the stack; the
bottom frame is the whole profile. Hover for details, click to zoom, click the bottom frame to reset.</p>
<p class="legend"><span style="background:hsl(20,85%,62%)">own code</span><span style="background:hsl(205,55%,66%)">dependencies</span><span style="background:hsl(110,45%,62%)">Node internals</span><span style="background:hsl(0,0%,75%)">V8 (program, GC)</span></p>
<svg id="fg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${frames.join("")}</svg>
<script>${SCRIPT}</script>
</body></html>
`;
}
