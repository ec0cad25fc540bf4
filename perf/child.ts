/** Run a benchmark child process to completion and parse the JSON line it prints last. */
import { spawn } from "node:child_process";

export function runJsonChild<T>(args: string[], opts: { cwd: string; timeoutMs: number }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{"))
        return reject(new Error(`child ${args.join(" ")} ended with ${code ?? signal}: ${err.slice(-500)}`));
      resolve(JSON.parse(last) as T);
    });
  });
}
