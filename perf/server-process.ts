/**
 * The mock server as its own process (`claude-force mock-server` from the build), so it has its own
 * event loop and core: in-process it would compete with the load generator being measured.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ServerProcess {
  url: string;
  /** CPU time the server process has used so far (user + system), ms; null off Linux. */
  cpuMs(): number | null;
  /** SIGTERM, then the server's final statistics (its --json output). */
  stop(): Promise<Record<string, unknown> | null>;
}

export async function startServerProcess(
  root: string,
  opts: { timeScale: number; seed: number },
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      join(root, "bin", "claude-force.js"),
      "mock-server",
      "--port",
      "0",
      "--seed",
      String(opts.seed),
      "--time-scale",
      String(opts.timeScale),
      "--json",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`mock server did not start: ${stderr}`)), 20_000);
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      const m = / on (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`mock server exited ${code}: ${stderr}`));
    });
  });
  return {
    url,
    cpuMs: () => {
      try {
        // /proc/<pid>/stat fields 14 and 15: utime and stime in clock ticks (100 per second).
        const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", () => {
          try {
            resolve(JSON.parse(stdout) as Record<string, unknown>);
          } catch {
            resolve(null);
          }
        });
        child.kill("SIGTERM");
      }),
  };
}
