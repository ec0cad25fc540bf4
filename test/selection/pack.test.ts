import { describe, expect, it } from "vitest";
import { builtins } from "./helpers.js";

const NAMES = [
  "python-expert",
  "code-reviewer",
  "api-designer",
  "frontend-architect",
  "backend-architect",
  "database-architect",
  "ui-components-expert",
  "seo-performance-expert",
  "deployment-integration-expert",
  "devops-architect",
  "google-cloud-expert",
  "qc-automation-expert",
  "document-writer-expert",
  "api-documenter",
  "frontend-developer",
  "security-specialist",
  "bug-investigator",
  "ai-engineer",
  "prompt-engineer",
  "claude-code-expert",
  "data-engineer",
];

describe("built-in agent pack", () => {
  const agents = builtins();

  it("has exactly the 21 agents of the original roster", () => {
    expect(agents.map((a) => a.name).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)("%s is a complete subagent file", (name) => {
    const a = agents.find((x) => x.name === name)!;
    expect(a.file.endsWith(`${name}.md`)).toBe(true);
    expect(["haiku", "sonnet", "opus"]).toContain(a.model);
    expect(a.tools.length).toBeGreaterThan(0);
    expect(a.description.length).toBeGreaterThan(150);
    const lines = a.systemPrompt.trim().split("\n").length;
    expect(lines).toBeGreaterThanOrEqual(30);
    expect(lines).toBeLessThanOrEqual(70);
    for (const section of ["## How you work", "## Output format", "## Guardrails"])
      expect(a.systemPrompt).toContain(section);
  });

  it("points overlapping neighbours at each other in their descriptions", () => {
    const refers = (from: string, to: string) =>
      expect(agents.find((a) => a.name === from)!.description, `${from} -> ${to}`).toMatch(
        new RegExp(`not for [^(]*\\(use [^)]*${to}`, "i"),
      );
    refers("api-designer", "api-documenter");
    refers("api-designer", "backend-architect");
    refers("api-documenter", "api-designer");
    refers("frontend-architect", "frontend-developer");
    refers("frontend-architect", "ui-components-expert");
    refers("frontend-developer", "frontend-architect");
    refers("devops-architect", "deployment-integration-expert");
    refers("devops-architect", "google-cloud-expert");
    refers("deployment-integration-expert", "devops-architect");
    refers("security-specialist", "code-reviewer");
    refers("code-reviewer", "security-specialist");
    refers("ai-engineer", "prompt-engineer");
    refers("prompt-engineer", "ai-engineer");
  });
});
