import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinAgentsDir, loadAgents } from "../../src/agents/registry.js";
import { ClaudeForceError } from "../../src/errors.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const VOLTAGENT = resolve(repoRoot, "../shared/testdata/claude-code-agents/voltagent");

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "cf-agents-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const root = join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  return root;
}

const agent = (name: string, description = `The ${name} agent`, extra = "") =>
  `---\nname: ${name}\ndescription: ${description}\n${extra}---\nYou are ${name}.\n`;

describe("loadAgents with the real VoltAgent collection", () => {
  it("loads, lists and gets every one of the 158 files", async () => {
    const root = join(tmp, "volt");
    await mkdir(join(root, ".claude"), { recursive: true });
    await symlink(VOLTAGENT, join(root, ".claude", "agents"), "dir");
    const emptyBuiltins = join(tmp, "no-builtins");
    await mkdir(emptyBuiltins, { recursive: true });

    const reg = await loadAgents({ projectRoot: root, builtinDir: emptyBuiltins });
    const files = (await readdir(VOLTAGENT)).filter((f) => f.endsWith(".md"));
    expect(files).toHaveLength(158);
    expect(reg.problems.map((p) => p.toLine())).toEqual([]);
    expect(reg.size).toBe(158);
    for (const f of files) {
      const name = /^name:\s*(\S+)/m.exec(await readFile(join(VOLTAGENT, f), "utf8"))![1]!;
      const a = reg.get(name);
      expect(a.source).toBe("project");
      expect(a.description.length).toBeGreaterThan(10);
      expect(a.systemPrompt.length).toBeGreaterThan(50);
      expect(a.tools.length).toBeGreaterThan(0);
    }
    expect(reg.get("powershell-5.1-expert").name).toBe("powershell-5.1-expert");
    expect(reg.get("ab-test-analysis").description).toContain("Triggers on: 'analyze A/B test'");
  });
});

describe("loadAgents discovery", () => {
  it("finds the package's built-in pack from the source tree", async () => {
    expect(builtinAgentsDir()).toBe(join(repoRoot, "agents/"));
  });

  it("lets a project agent override a built-in one by name, not file name, and records it", async () => {
    const builtin = await project("b1/builtin", { "python-expert.md": agent("python-expert", "Built-in") });
    const root = await project("p1", {
      ".claude/agents/nested/deeper/mine.md": agent("python-expert", "Project version"),
      ".claude/agents/other.md": agent("helper"),
      ".claude/agents/README.md": "# Our agents\n",
      ".claude/agents/notes.txt": "ignored",
    });
    const reg = await loadAgents({ projectRoot: root, builtinDir: join(tmp, "b1/builtin") });
    expect(reg.list().map((a) => a.name)).toEqual(["helper", "python-expert"]);
    expect(reg.get("python-expert").description).toBe("Project version");
    expect(reg.overridden).toEqual([
      {
        name: "python-expert",
        by: { source: "project", file: join(root, ".claude/agents/nested/deeper/mine.md") },
        replaced: { source: "builtin", file: join(builtin, "python-expert.md") },
      },
    ]);
    expect(reg.problems).toEqual([]);
  });

  it("reads user agents only when asked, between built-ins and the project", async () => {
    const home = await project("home", { ".claude/agents/u.md": agent("user-agent") });
    const root = await project("p2", {});
    const empty = await project("b2", {});
    expect(
      (await loadAgents({ projectRoot: root, builtinDir: empty, homeDir: home })).has("user-agent"),
    ).toBe(false);
    const reg = await loadAgents({ projectRoot: root, builtinDir: empty, homeDir: home, includeUser: true });
    expect(reg.get("user-agent").source).toBe("user");
  });

  it("keeps listing when a project file is malformed, and get() of that name throws its error", async () => {
    const root = await project("p3", {
      ".claude/agents/good.md": agent("good"),
      ".claude/agents/broken.md": "---\nname: broken\ndescription: [unclosed\n---\nbody\n",
      ".claude/agents/noname.md": "---\ndescription: d\n---\nbody\n",
    });
    const reg = await loadAgents({ projectRoot: root, builtinDir: join(tmp, "b2") });
    expect(reg.list().map((a) => a.name)).toEqual(["good"]);
    expect(reg.problems).toHaveLength(2);
    expect(reg.problems.every((p) => p.code === "INPUT")).toBe(true);
    expect(reg.has("broken")).toBe(false);
    let thrown: unknown;
    try {
      reg.get("broken");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ClaudeForceError);
    expect((thrown as ClaudeForceError).details.file).toBe(join(root, ".claude/agents/broken.md"));
    expect((thrown as ClaudeForceError).message).toMatch(/invalid YAML/);
  });

  it("throws NOT_FOUND with did-you-mean suggestions for an unknown name", async () => {
    const root = await project("p4", { ".claude/agents/a.md": agent("python-expert") });
    const reg = await loadAgents({ projectRoot: root, builtinDir: join(tmp, "b2") });
    try {
      reg.get("pyhton-expert");
      expect.unreachable();
    } catch (e) {
      expect((e as ClaudeForceError).code).toBe("NOT_FOUND");
      expect((e as ClaudeForceError).toLine()).toContain("Did you mean python-expert?");
    }
  });

  it("refuses an agent file over 1 MB without reading it into a prompt", async () => {
    const root = await project("p5", {
      ".claude/agents/huge.md": agent("huge", "d", "") + "x".repeat(1024 * 1024 + 1),
    });
    const reg = await loadAgents({ projectRoot: root, builtinDir: join(tmp, "b2") });
    expect(reg.size).toBe(0);
    expect(reg.problems[0]?.message).toMatch(/too large/);
    expect(() => reg.get("huge")).toThrow(/too large/);
  });

  it("puts config-declared agents last so they override files", async () => {
    const root = await project("p6", { ".claude/agents/a.md": agent("shared") });
    const reg = await loadAgents({
      projectRoot: root,
      builtinDir: join(tmp, "b2"),
      extra: [
        {
          name: "shared",
          description: "from config",
          model: "opus",
          tools: [],
          disallowedTools: [],
          systemPrompt: "x",
          frontmatter: {},
          source: "config",
          file: "/cfg.md",
        },
      ],
    });
    expect(reg.get("shared").source).toBe("config");
    expect(reg.overridden[0]?.replaced.source).toBe("project");
  });
});
