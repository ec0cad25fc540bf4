import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/run-cli.js";

const ENTRY = fileURLToPath(new URL("../helpers/cli-entry.ts", import.meta.url));
// Resolved from the repo: the child runs in a temp directory where `tsx` is not installed.
const TSX = import.meta.resolve("tsx");

describe("claude-force mock-server", () => {
  it("prints the URLs to use, serves until SIGINT, then prints its statistics", async () => {
    const child = spawn(
      process.execPath,
      ["--import", TSX, ENTRY, "mock-server", "--port", "0", "--time-scale", "0", "--faults", "529:req=2"],
      { cwd: tempProject(), env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 20_000);
      child.stdout.on("data", () => {
        const m = /ANTHROPIC_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m && stdout.includes("Ctrl-C to stop")) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(stdout).toContain(`OPENAI_BASE_URL=${url}/v1`);
    expect(stdout).toMatch(/SIMULATED/);
    expect(stdout).toContain("faults: 529:req=2-2");

    const body = JSON.stringify({
      model: "claude-haiku-4-5",
      max_tokens: 20,
      messages: [{ role: "user", content: "hi" }],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${url}/v1/messages`, { method: "POST", body })).status);
    expect(statuses).toEqual([200, 529, 200]);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/requests\s+3/);
    expect(stdout).toMatch(/HTTP 529\s+1/);
    expect(stdout).toMatch(/fault 529\s+1/);
  });

  it("rejects a bad fault spec with exit code 2 and a pointed message", async () => {
    const r = await runCli(["mock-server", "--faults", "429:0.5,teapot:0.1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid fault 'teapot:0.1': unknown fault kind 'teapot'/);
  });
});
