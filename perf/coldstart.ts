/**
 * 6. `claude-force --help` cold start: spawn `node bin/claude-force.js --help` (the built CLI) N
 * times and take the median wall time; reference: `node -e 0`, Node's own start-up, measured
 * interleaved with it so both see the same machine load.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./sim-runtime.js";
import { below, metric, type PerfBenchmark, type PerfResult } from "./types.js";

function timeSpawn(args: string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const ms = performance.now() - start;
  if (r.status !== 0)
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(-300)}`);
  return ms;
}

export const coldstart: PerfBenchmark = {
  id: "coldstart",
  title: "`claude-force --help` cold start",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const n = opts.quick ? 5 : 21;
    const bin = join(opts.root, "bin", "claude-force.js");
    const help: number[] = [];
    const bare: number[] = [];
    const version: number[] = [];
    timeSpawn([bin, "--help"], opts.root); // warm the file cache
    for (let i = 0; i < n; i++) {
      bare.push(timeSpawn(["-e", "0"], opts.root));
      help.push(timeSpawn([bin, "--help"], opts.root));
      version.push(timeSpawn([bin, "--version"], opts.root));
    }
    const helpMs = median(help);
    const bareMs = median(bare);
    opts.log(`  --help ${helpMs.toFixed(0)} ms, node -e 0 ${bareMs.toFixed(0)} ms`);
    return {
      id: "coldstart",
      title: this.title,
      reference: "`node -e 0` (Node.js start-up alone), interleaved",
      metrics: [
        metric("claude-force --help", "ms", helpMs, bareMs, below(150)),
        metric("claude-force --version", "ms", median(version), bareMs, null),
        metric("claude-force's own share of --help", "ms", helpMs - bareMs, null, null),
      ],
      params: { runs: n, statistic: "median" },
      limits: [
        "Commands register only their flags; each action imports its library lazily, so --help loads commander and the command modules, not the SDKs, DuckDB or the report code.",
      ],
      details: { helpMs: help, bareMs: bare, versionMs: version },
      durationMs: performance.now() - t0,
    };
  },
};
