// Spawns the CLI from source (through tsx, no build step) and hands back the live ChildProcess so a
// test can signal or kill it mid-run. run-cli.ts wraps it for the common run-to-completion case.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./cli-entry.ts", import.meta.url));
/** Resolved from the repo, so a child can run any TypeScript file from any temp directory. */
export const TSX = import.meta.resolve("tsx");

export interface SpawnedCli {
  child: ChildProcessWithoutNullStreams;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Tests never call the internet: no real key or base URL reaches a child process. */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { ANTHROPIC_API_KEY: _a, OPENAI_API_KEY: _o, ANTHROPIC_BASE_URL: _b, ...env } = process.env;
  return { ...env, NO_COLOR: "1", CI: "1", ...extra };
}

export function spawnCli(
  args: string[],
  cwd: string,
  opts: { env?: NodeJS.ProcessEnv; input?: string } = {},
): SpawnedCli {
  const child = spawn(process.execPath, ["--import", TSX, ENTRY, ...args], {
    cwd,
    env: testEnv(opts.env),
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
  child.stdin.end(opts.input ?? "");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Poll `check` every 20 ms until it returns true; fail after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
