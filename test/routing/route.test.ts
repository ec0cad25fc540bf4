import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { isModelId, routeModel, tierOfModel } from "../../src/routing/index.js";

const modelMap = { haiku: "claude-haiku-4-5", sonnet: "claude-sonnet-4-6", opus: "claude-opus-4-6" };
const CRITICAL = "Migrate the production database";

function thrown(fn: () => unknown): ClaudeForceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClaudeForceError) return e;
    throw e;
  }
  throw new Error("expected a ClaudeForceError");
}

describe("routeModel precedence", () => {
  it("an explicit flag wins over the agent and the default", () => {
    const d = routeModel({
      task: CRITICAL,
      modelFlag: "haiku",
      agentModel: "opus",
      defaultModel: "sonnet",
      modelMap,
    });
    expect(d).toMatchObject({
      tier: "haiku",
      model: "claude-haiku-4-5",
      source: "flag",
      reason: "flag --model haiku",
    });
  });

  it("the agent's frontmatter model wins over the default and over --model auto", () => {
    for (const modelFlag of [undefined, "auto"]) {
      const d = routeModel({
        task: CRITICAL,
        modelFlag,
        agentModel: "sonnet",
        agentName: "python-expert",
        modelMap,
      });
      expect(d).toMatchObject({
        tier: "sonnet",
        source: "agent",
        reason: "agent python-expert prefers sonnet",
      });
    }
  });

  it("inherit and a missing agent model defer to the default", () => {
    expect(routeModel({ task: "x", agentModel: "inherit", defaultModel: "opus", modelMap })).toMatchObject({
      tier: "opus",
      source: "config",
    });
    expect(routeModel({ task: "x", agentModel: null, defaultModel: "haiku", modelMap }).source).toBe(
      "config",
    );
  });

  it("auto (the default) classifies the task", () => {
    const d = routeModel({ task: CRITICAL, modelMap });
    expect(d).toMatchObject({
      tier: "opus",
      model: "claude-opus-4-6",
      source: "auto",
      complexity: "critical",
    });
    expect(d.reason).toMatch(/^auto: critical \(matched: production, migrate/);
    expect(routeModel({ task: "Fix the typo in the README heading", modelMap })).toMatchObject({
      tier: "haiku",
      complexity: "simple",
    });
    expect(routeModel({ task: "Design a REST API for a todo application", modelMap })).toMatchObject({
      tier: "sonnet",
      complexity: "standard",
    });
  });

  it("uses the configured model map and routing keywords", () => {
    const map = { ...modelMap, opus: "claude-opus-4-8" };
    const d = routeModel({
      task: "Close the books",
      modelMap: map,
      keywords: { criticalKeywords: ["close the books"] },
    });
    expect(d).toMatchObject({ tier: "opus", model: "claude-opus-4-8" });
  });
});

describe("model names", () => {
  it("passes full model ids through with the tier inferred from the name", () => {
    expect(routeModel({ task: "x", modelFlag: "claude-opus-4-5-20251101", modelMap })).toMatchObject({
      tier: "opus",
      model: "claude-opus-4-5-20251101",
      source: "flag",
    });
    expect(routeModel({ task: "x", modelFlag: "llama3.1:8b", modelMap })).toMatchObject({
      tier: null,
      model: "llama3.1:8b",
    });
    expect(routeModel({ task: "x", agentModel: "gpt-4o", modelMap })).toMatchObject({
      tier: null,
      source: "agent",
    });
  });

  it("infers a tier from the model map before the name", () => {
    expect(tierOfModel("my-proxy-model-1", { ...modelMap, sonnet: "my-proxy-model-1" })).toBe("sonnet");
    expect(tierOfModel("claude-haiku-4-5")).toBe("haiku");
    expect(tierOfModel("qwen2.5-coder")).toBeNull();
  });

  it("documents what counts as a model id", () => {
    for (const id of [
      "claude-sonnet-4-6",
      "claude-custom",
      "gpt-4o",
      "llama3.1:8b",
      "qwen2.5-coder",
      "org/model-7b",
    ])
      expect(isModelId(id), id).toBe(true);
    for (const bad of ["gpt5x", "hiku", "llama3", "opus!", "fast"]) expect(isModelId(bad), bad).toBe(false);
  });

  it("rejects an unknown tier name with the valid values and a suggestion", () => {
    const e = thrown(() => routeModel({ task: "x", modelFlag: "gpt5x", modelMap }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.exitCode).toBe(2);
    expect(e.details.expected).toContain("haiku, sonnet, opus, auto");
    expect(e.details.found).toBe("gpt5x");
    expect(thrown(() => routeModel({ task: "x", modelFlag: "hiku", modelMap })).details.hint).toContain(
      "haiku",
    );
  });

  it("blames the agent file or the config for their own bad values", () => {
    const agent = thrown(() => routeModel({ task: "x", agentModel: "sonet", agentName: "mine", modelMap }));
    expect(agent.code).toBe("INPUT");
    expect(agent.message).toContain("agent mine");
    expect(agent.details.keyPath).toBe("model");
    const config = thrown(() => routeModel({ task: "x", defaultModel: "fastest", modelMap }));
    expect(config.code).toBe("CONFIG");
    expect(config.details.keyPath).toBe("defaultModel");
  });
});
