import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "cf-agents-cli-"));
  await mkdir(join(root, ".claude/agents"), { recursive: true });
  await writeFile(
    join(root, ".claude/agents/mine.md"),
    "---\nname: my-helper\ndescription: Helps with things\nmodel: haiku\ntools: Agent(a, b), Read\ncolor: red\n---\nYou help.\n",
  );
  await writeFile(join(root, ".claude/agents/broken.md"), "no frontmatter here\n");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(["node", "claude-force", ...args, "-C", root, "--no-color"]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("claude-force agents / workflow commands", () => {
  it("agents list --json lists project and built-in agents and reports broken files as warnings", async () => {
    const r = await run("agents", "list", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const names = doc.agents.map((a: { name: string }) => a.name);
    expect(names).toContain("my-helper");
    expect(names).toContain("python-expert");
    expect(doc.problems).toHaveLength(1);
    expect(r.stderr).toContain("warning:");
    expect(r.stderr).toContain("broken.md:1");
  });

  it("agents list --source project filters, and the table shows model and source", async () => {
    const r = await run("agents", "list", "--source", "project");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/my-helper\s+haiku\s+project\s+Helps with things/);
    expect(r.stdout).not.toContain("python-expert");
  });

  it("agents show prints frontmatter, tools and the system prompt", async () => {
    const r = await run("agents", "show", "my-helper");
    expect(r.stdout).toContain("tools:       Agent(a, b), Read");
    expect(r.stdout).toContain("color: red");
    expect(r.stdout).toContain("You help.");
    const json = JSON.parse((await run("agents", "show", "my-helper", "--json")).stdout);
    expect(json.tools).toEqual(["Agent(a, b)", "Read"]);
  });

  it("an unknown agent is one line on stderr with exit code 2", async () => {
    const r = await run("agents", "show", "my-helpr");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("unknown agent 'my-helpr'. Did you mean my-helper?");
  });

  it("workflow list and show", async () => {
    const list = JSON.parse((await run("workflow", "list", "--json")).stdout);
    expect(list.workflows.map((w: { name: string }) => w.name)).toContain("code-quality-check");
    const show = await run("workflow", "show", "bug-fix");
    expect(show.stdout).toMatch(/1\. bug-investigator\n\s+Find the root cause/);
    expect((await run("workflow", "show", "bugfix")).code).toBe(2);
  });
});
