import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./cli-entry.ts", import.meta.url));
// Resolved from the repo, so the child can run from any temp directory.
const TSX = import.meta.resolve("tsx");
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `claude-force <args>` from source in `cwd` (a fresh temp project by default). */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult> {
  const cwd = opts.cwd ?? tempProject();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, ENTRY, ...args], {
      cwd,
      env: { ...stripKeys(process.env), NO_COLOR: "1", CI: "1", ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

export function tempProject(prefix = "cf-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const REPO_ROOT = ROOT;

/** Tests never call the internet: make sure no real key reaches a child process. */
function stripKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { ANTHROPIC_API_KEY: _a, OPENAI_API_KEY: _o, ANTHROPIC_BASE_URL: _b, ...rest } = env;
  return rest;
}
