/** Redis is optional: without a queue, nothing about it is loaded. */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tempProject } from "./helpers.js";

const PROBE = fileURLToPath(new URL("./fixtures/lazy-probe.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

let project: string;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

it("a local benchmark and a local executeSpecs load neither bullmq nor ioredis", async () => {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, PROBE, project], {
      stdio: ["ignore", "pipe", "pipe"],
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
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`probe exited ${code}: ${stderr}`)),
    );
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as {
    executions: number;
    before: boolean;
    after: boolean;
  };
  expect(r.executions).toBe(3);
  expect(r.before).toBe(false);
  expect(r.after).toBe(true); // the probe does see a loaded Redis client
});
