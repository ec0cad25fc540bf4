import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/registry.js";
import { loadProject } from "../../src/config/index.js";
import { ClaudeForceError } from "../../src/errors.js";
import { BUILTIN_WORKFLOWS, loadWorkflows } from "../../src/workflows/index.js";

let tmp: string;
let seq = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "cf-workflows-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const root = join(tmp, `p${seq++}`);
  await mkdir(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  return root;
}

const agentFile = (name: string) =>
  `---\nname: ${name}\ndescription: The ${name} agent\n---\nYou are ${name}.\n`;

// Agent orders of the original tool (reference section 1.2) and the guide's two workflows.
const EXPECTED: Record<string, string[]> = {
  "code-quality-check": ["code-reviewer", "security-specialist", "qc-automation-expert"],
  "documentation-generation": ["document-writer-expert", "api-documenter"],
  "full-stack-feature": [
    "frontend-architect",
    "database-architect",
    "backend-architect",
    "security-specialist",
    "python-expert",
    "ui-components-expert",
    "seo-performance-expert",
    "frontend-developer",
    "qc-automation-expert",
    "code-reviewer",
    "deployment-integration-expert",
  ],
  "frontend-only": [
    "frontend-architect",
    "ui-components-expert",
    "seo-performance-expert",
    "frontend-developer",
    "qc-automation-expert",
    "code-reviewer",
  ],
  "backend-only": [
    "backend-architect",
    "database-architect",
    "security-specialist",
    "python-expert",
    "qc-automation-expert",
    "code-reviewer",
  ],
  infrastructure: [
    "devops-architect",
    "google-cloud-expert",
    "deployment-integration-expert",
    "security-specialist",
  ],
  "bug-fix": ["bug-investigator", "code-reviewer", "qc-automation-expert"],
  documentation: ["document-writer-expert", "api-documenter"],
  "ai-ml-development": ["ai-engineer", "prompt-engineer", "data-engineer", "python-expert", "code-reviewer"],
  "data-pipeline": ["data-engineer", "database-architect", "python-expert", "code-reviewer"],
  "llm-integration": [
    "prompt-engineer",
    "ai-engineer",
    "backend-architect",
    "security-specialist",
    "code-reviewer",
  ],
  "claude-code-system": ["claude-code-expert", "python-expert", "document-writer-expert"],
};

describe("built-in workflows", () => {
  it("have the reference agent orders and a task for every step", () => {
    expect(Object.fromEntries(BUILTIN_WORKFLOWS.map((w) => [w.name, w.steps.map((s) => s.agent)]))).toEqual(
      EXPECTED,
    );
    for (const w of BUILTIN_WORKFLOWS) {
      expect(w.description.length).toBeGreaterThan(10);
      for (const s of w.steps) expect(s.task?.length ?? 0).toBeGreaterThan(30);
    }
  });

  it("all run against the package's built-in agent pack", async () => {
    const p = await loadProject(await project({}));
    for (const name of Object.keys(EXPECTED))
      expect(p.workflows.get(name).steps.length).toBe(EXPECTED[name]!.length);
  });

  it("fail on use (not on load) when a step's agent is not loaded", async () => {
    const root = await project({ ".claude/agents/cr.md": agentFile("code-reviewer") });
    const agents = await loadAgents({ projectRoot: root, builtinDir: join(root, "none") });
    const reg = loadWorkflows({ workflows: {} }, agents);
    expect(reg.size).toBe(12);
    expect(() => reg.get("code-quality-check")).toThrow(/needs agent 'security-specialist'/);
  });
});

describe("config workflows", () => {
  it("override a built-in of the same name and accept both shapes", async () => {
    const root = await project({
      ".claude/agents/a.md": agentFile("code-reviewer"),
      ".claude/agents/b.md": agentFile("helper"),
      "claude-force.config.yaml": [
        "workflows:",
        "  code-quality-check: [helper, code-reviewer]",
        "  steps-shape:",
        "    steps:",
        "      - { agent: helper, task: Outline it. }",
        "      - agent: code-reviewer",
      ].join("\n"),
    });
    const p = await loadProject(root, { builtinDir: join(root, "none") });
    expect(p.workflows.get("code-quality-check")).toMatchObject({
      source: "config",
      steps: [{ agent: "helper" }, { agent: "code-reviewer" }],
    });
    expect(p.workflows.get("steps-shape").steps).toEqual([
      { agent: "helper", task: "Outline it." },
      { agent: "code-reviewer" },
    ]);
  });

  it("with an unknown agent fail at load with file, line, key path and did-you-mean (list shape)", async () => {
    const root = await project({
      ".claude/agents/a.md": agentFile("code-reviewer"),
      "claude-force.config.yaml": "workflows:\n  review:\n    - code-reviewer\n    - code-reveiwer\n",
    });
    const err = await loadProject(root, { builtinDir: join(root, "none") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClaudeForceError);
    const e = err as ClaudeForceError;
    expect(e.code).toBe("CONFIG");
    expect(e.details).toMatchObject({
      file: join(root, "claude-force.config.yaml"),
      line: 4,
      keyPath: "workflows.review.1",
      found: '"code-reveiwer"',
    });
    expect(e.toLine()).toContain("Did you mean code-reviewer?");
  });

  it("with an unknown agent in the steps shape of claude.json point at the step", async () => {
    const root = await project({
      ".claude/claude.json": JSON.stringify({ workflows: { w: { steps: [{ agent: "ghost" }] } } }, null, 2),
    });
    const err = await loadProject(root, { builtinDir: join(root, "none") }).catch((e: unknown) => e);
    expect((err as ClaudeForceError).details).toMatchObject({
      file: join(root, ".claude/claude.json"),
      line: 6,
      keyPath: "workflows.w.steps.0.agent",
    });
  });

  it("get() of an unknown workflow throws NOT_FOUND with suggestions", async () => {
    const p = await loadProject(await project({}));
    const err = (() => {
      try {
        p.workflows.get("code-quality");
      } catch (e) {
        return e as ClaudeForceError;
      }
    })();
    expect(err?.code).toBe("NOT_FOUND");
    expect(err?.details.hint).toBe("Did you mean code-quality-check?");
  });
});
