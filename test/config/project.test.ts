import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/config/index.js";
import { ClaudeForceError } from "../../src/errors.js";

const ORIGINAL = fileURLToPath(new URL("../fixtures/config/original", import.meta.url));

let tmp: string;
let noBuiltins: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "cf-project-"));
  noBuiltins = join(tmp, "none");
  await mkdir(noBuiltins);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("loadProject with the original tool's claude.json", () => {
  it("loads plain-markdown agents named by file:, with contract, domains and priority", async () => {
    const p = await loadProject(ORIGINAL, { builtinDir: noBuiltins });
    expect(p.root).toBe(ORIGINAL.replace(/\/$/, ""));
    expect(p.configFiles).toEqual([join(ORIGINAL, ".claude/claude.json")]);
    // The referenced files sit in .claude/agents but are not re-read as (frontmatter-less) subagents.
    expect(p.agents.problems).toEqual([]);
    expect(p.agents.list().map((a) => a.name)).toEqual(["legacy-python", "legacy-writer"]);

    const py = p.agents.get("legacy-python");
    expect(py).toMatchObject({
      source: "config",
      description: "Specialist in python, testing.",
      domains: ["python", "testing"],
      priority: 1,
      model: null,
      contract: "Deliver runnable code and at least one pytest test.",
      file: join(ORIGINAL, ".claude/agents/legacy-python.md"),
    });
    expect(py.systemPrompt).toMatch(/^# Legacy Python Agent\n\n## Role\nYou write Python code/);

    const writer = p.agents.get("legacy-writer");
    expect(writer.description).toBe("You write clear technical documentation for developers.");
    expect(writer.model).toBe("haiku");
    expect(writer.priority).toBe(3);
  });

  it("loads workflows in both shapes next to the built-ins", async () => {
    const p = await loadProject(ORIGINAL, { builtinDir: noBuiltins });
    expect(p.workflows.get("legacy-flow")).toEqual({
      name: "legacy-flow",
      description: "Runs legacy-python → legacy-writer.",
      steps: [{ agent: "legacy-python" }, { agent: "legacy-writer" }],
      source: "config",
    });
    expect(p.workflows.get("guide-flow")).toMatchObject({
      description: "The guide's shape",
      steps: [{ agent: "legacy-python", task: "Write the code." }, { agent: "legacy-writer" }],
    });
    expect(p.workflows.has("code-quality-check")).toBe(true);
  });

  it("a config agent whose file is missing is a CONFIG error at its key", async () => {
    const root = join(tmp, "missing");
    await mkdir(join(root, ".claude"), { recursive: true });
    await writeFile(
      join(root, ".claude/claude.json"),
      '{\n  "agents": {\n    "ghost": {\n      "file": "agents/ghost.md"\n    }\n  }\n}\n',
    );
    const err = await loadProject(root, { builtinDir: noBuiltins }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect((err as ClaudeForceError).code).toBe("CONFIG");
    expect((err as ClaudeForceError).details).toMatchObject({
      file: join(root, ".claude/claude.json"),
      line: 4,
      keyPath: "agents.ghost.file",
      found: '"agents/ghost.md"',
    });
  });

  it("a config agent file with frontmatter takes its name from the config key", async () => {
    const root = join(tmp, "fm");
    await mkdir(join(root, "prompts"), { recursive: true });
    await writeFile(
      join(root, "prompts/r.md"),
      "---\nname: other\ndescription: Reviews\nmodel: opus\n---\nBody\n",
    );
    await writeFile(join(root, "claude-force.config.yaml"), "agents:\n  reviewer:\n    file: prompts/r.md\n");
    const p = await loadProject(root, { builtinDir: noBuiltins });
    expect(p.agents.get("reviewer")).toMatchObject({
      name: "reviewer",
      model: "opus",
      description: "Reviews",
      source: "config",
    });
  });

  it("a missing project directory is a usage error", async () => {
    const err = await loadProject(join(tmp, "nope")).catch((e: unknown) => e);
    expect((err as ClaudeForceError).code).toBe("USAGE");
  });
});
