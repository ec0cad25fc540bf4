/**
 * Secrets never leak: full CLI flows (`run`, a failing `run`, `bench agent`) against the mock server
 * configured to echo the caller's API key back in every error message, then a search of every
 * artifact (stdout, stderr, results, reports, the metrics journals and every row of the DuckDB
 * database, read back through DuckDB so column compression cannot hide a match).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../../src/server/index.js";
import { type CliResult, runCli, tempProject } from "../helpers/run-cli.js";

// Long and distinctive, with a tail no other text would contain.
const KEY = "sk-ant-api03-FAKE-leakcheck-7Qx2mZp9LwR4vT8nK3bY6cH1dJ5sG0fA-uE2iO7rN4tW9qX3zM8kV1bC6yL5_AA";
const TAIL = KEY.slice(-24);

function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function leaks(text: string | Buffer): boolean {
  const buf = typeof text === "string" ? Buffer.from(text) : text;
  return buf.includes(KEY) || buf.includes(TAIL);
}

async function databaseDump(file: string): Promise<string> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const tables = (
      await conn.runAndReadAll("SELECT table_name FROM information_schema.tables")
    ).getRowObjectsJson();
    let dump = "";
    for (const { table_name } of tables as Array<{ table_name: string }>) {
      const rows = (await conn.runAndReadAll(`SELECT * FROM "${table_name}"`)).getRowObjectsJson();
      dump += `${table_name}: ${JSON.stringify(rows)}\n`;
    }
    return dump;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("secrets never leak", () => {
  const servers: MockServer[] = [];
  const projects: string[] = [];
  const outputs: Array<[string, CliResult]> = [];
  const stats = () => servers.map((s) => s.stats());

  beforeAll(async () => {
    // Requests 1, 2, 4, 6, ... fail with the key in the message; the others succeed.
    const flaky = () =>
      startMockServer({ timeScale: 0.002, echoKey: true, requireKey: true, faults: "529:req=1,500:every=2" });
    const broken = () =>
      startMockServer({ timeScale: 0.002, echoKey: true, requireKey: true, faults: "500:1" });
    servers.push(await flaky(), await broken(), await flaky());
    const [runServer, brokenServer, benchServer] = servers as [MockServer, MockServer, MockServer];
    const env = (s: MockServer) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: s.url });
    const task = "Explain Python decorators briefly";
    const run = ["run", "python-expert", task, "--provider", "anthropic"];
    const flows: Array<[string, string[], MockServer]> = [
      ["run", run, runServer],
      ["run (fails)", [...run, "--debug"], brokenServer],
      [
        "bench agent",
        ["bench", "agent", "python-expert", task, "-n", "4", "--provider", "anthropic", "--report"],
        benchServer,
      ],
    ];
    // One project per flow, run in parallel: each flow mostly waits on retry backoffs.
    const results = await Promise.all(
      flows.map(([name, args, server]) => {
        const cwd = tempProject("cf-secrets-");
        projects.push(cwd);
        return runCli(args, { cwd, env: env(server) }).then((r): [string, CliResult] => [name, r]);
      }),
    );
    outputs.push(...results);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it("the flows ran against the key-echoing servers and hit their errors", () => {
    expect(outputs.map(([name, r]) => [name, r.code])).toEqual([
      ["run", 0],
      ["run (fails)", 1],
      ["bench agent", 0],
    ]);
    const [run, broken, bench] = stats();
    expect(run!.responses["500"]).toBeGreaterThan(0);
    expect(broken!.responses["500"]).toBeGreaterThanOrEqual(4);
    expect(bench!.responses["500"]).toBeGreaterThan(0);
    expect(stats().every((s) => s.responses["401"] === undefined)).toBe(true);
  });

  it("stdout and stderr never contain the key", () => {
    for (const [name, r] of outputs) {
      expect(leaks(r.stdout), `${name} stdout`).toBe(false);
      expect(leaks(r.stderr), `${name} stderr`).toBe(false);
    }
    // The failing run did print the server's error message, scrubbed.
    const failed = outputs[1]![1];
    expect(failed.stdout + failed.stderr).toContain("(api key: [REDACTED])");
  });

  it("no file the flows wrote contains the key (results, reports, journals, database bytes)", () => {
    const files = projects.flatMap(filesUnder);
    expect(files.some((f) => f.includes(join("benchmarks", "results")))).toBe(true);
    expect(files.some((f) => f.includes(join(".claude", "metrics")))).toBe(true);
    for (const f of files) expect(leaks(readFileSync(f)), f).toBe(false);
  });

  it("no row of the metrics databases contains the key; failed attempts kept scrubbed messages", async () => {
    const dbs = projects.flatMap(filesUnder).filter((f) => f.endsWith(".duckdb"));
    expect(dbs).toHaveLength(3);
    let dump = "";
    for (const db of dbs) dump += await databaseDump(db);
    expect(leaks(dump)).toBe(false);
    expect(dump).toContain("[REDACTED]");
  });
});
