import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnCli } from "./spawn-cli.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `claude-force <args>` from source in `cwd` (a fresh temp project by default) to completion. */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult> {
  const run = spawnCli(args, opts.cwd ?? tempProject(), opts);
  const { code } = await run.exited;
  return { code: code ?? -1, ...run.output() };
}

export function tempProject(prefix = "cf-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
