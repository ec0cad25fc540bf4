/**
 * The library under test, loaded from `dist/` (the compiled JavaScript users run) by the suite, or
 * from `src/` by the smoke test. Running the TypeScript through a loader would measure the loader's
 * transforms too (tsx wraps every closure in a naming helper), not claude-force.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Lib {
  runtime: typeof import("../src/orchestrator/runtime.js");
  sim: typeof import("../src/providers/sim.js");
  anthropic: typeof import("../src/providers/anthropic.js");
  fastFetch: typeof import("../src/providers/fast-fetch.js");
  bench: typeof import("../src/bench/index.js");
  load: typeof import("../src/bench/load.js");
  schedule: typeof import("../src/bench/schedule.js");
  report: typeof import("../src/report/index.js");
  server: typeof import("../src/server/index.js");
  serverRespond: typeof import("../src/server/respond.js");
  simulation: typeof import("../src/simulation/index.js");
  profiling: typeof import("../src/profiling/index.js");
}

const MODULES: Record<keyof Lib, string> = {
  runtime: "orchestrator/runtime.js",
  sim: "providers/sim.js",
  anthropic: "providers/anthropic.js",
  fastFetch: "providers/fast-fetch.js",
  bench: "bench/index.js",
  load: "bench/load.js",
  schedule: "bench/schedule.js",
  report: "report/index.js",
  server: "server/index.js",
  serverRespond: "server/respond.js",
  simulation: "simulation/index.js",
  profiling: "profiling/index.js",
};

export type LibSource = "dist" | "src";

export async function loadLib(root: string, source: LibSource): Promise<Lib> {
  const base = join(root, source);
  if (source === "dist" && !existsSync(join(base, MODULES.runtime)))
    throw new Error("dist/ is not built: run `npm run build` (npm run perf builds unless --no-build)");
  const entries = await Promise.all(
    Object.entries(MODULES).map(async ([key, path]) => {
      // src/*.js specifiers resolve to the .ts files under tsx and vitest, as in the sources.
      const mod: unknown = await import(pathToFileURL(join(base, path)).href);
      return [key, mod] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as Lib;
}
