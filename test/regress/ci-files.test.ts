import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.js";
import { parseBudgets, parseRegressionConfig } from "../../src/regress/config.js";

const ROOT = join(import.meta.dirname, "../..");

interface Step {
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface ActionDoc {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface WorkflowDoc {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

interface GitLabDoc {
  variables: Record<string, string>;
  [job: string]: unknown;
}

interface GitLabJob {
  image: string;
  script: string[];
  artifacts: { expire_in: string; paths: string[]; reports: { junit: string } };
}

async function yamlFile<T>(path: string): Promise<{ text: string; doc: T }> {
  const text = await readFile(join(ROOT, path), "utf8");
  return { text, doc: parse(text) as T };
}

/** bash -n: the script parses (catches unbalanced quotes, if/fi, heredocs). */
function bashParses(script: string): string {
  const r = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
  return r.status === 0 ? "ok" : r.stderr;
}

describe("action.yml", () => {
  it("is a composite action with the documented inputs", async () => {
    const { doc } = await yamlFile<ActionDoc>("action.yml");
    expect(doc.runs.using).toBe("composite");
    expect(doc.inputs.command?.default).toBe("bench --report");
    expect(doc.inputs.baseline?.default).toBe("benchmarks/baseline.json");
    expect(doc.inputs.args?.default).toBe("");
    expect(doc.inputs.comment?.default).toBe("true");
    expect(doc.inputs["node-version"]?.default).toBe("20");
    expect(doc.outputs["comparison-exit-code"]?.value).toContain("steps.compare.outputs.exit-code");
  });

  it("only references inputs it declares, and every run step names its shell", async () => {
    const { text, doc } = await yamlFile<ActionDoc>("action.yml");
    const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]));
    for (const name of used) expect(Object.keys(doc.inputs)).toContain(name);
    for (const step of doc.runs.steps) if (step.run) expect(step.shell).toBe("bash");
    // Inputs reach scripts only through env (no `${{ inputs.x }}` spliced into a run script).
    for (const step of doc.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
    for (const step of doc.runs.steps) if (step.run) expect(bashParses(step.run)).toBe("ok");
  });

  it("sets up node, runs, compares, uploads, comments once, and fails on exit 1", async () => {
    const { doc } = await yamlFile<ActionDoc>("action.yml");
    const steps = doc.runs.steps;
    const uses = steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(["actions/setup-node@v4", "actions/upload-artifact@v4", "actions/github-script@v7"]);
    const run = steps.map((s) => s.run ?? "").join("\n");
    expect(run).toMatch(/npm ci/);
    expect(run).toMatch(/\$CF_CLI \$CF_COMMAND \$CF_ARGS --output benchmarks\/results/);
    expect(run).toMatch(/bench compare benchmarks\/results\/latest\.json --baseline "\$CF_BASELINE"/);
    expect(run).toMatch(/--format md --out "\$out"/);
    const upload = steps.find((s) => s.uses === "actions/upload-artifact@v4")!;
    expect(upload.with?.path).toBe("benchmarks/results/");
    expect(upload.if).toMatch(/always\(\)/);
    const comment = steps.find((s) => s.uses === "actions/github-script@v7")!;
    expect(comment.if).toMatch(/inputs\.comment == 'true'/);
    expect(comment.with?.script).toContain("<!-- claude-force-benchmark -->");
    expect(comment.with?.script).toMatch(/updateComment[\s\S]*createComment/);
    const last = steps.at(-1)!;
    expect(last.if).toContain("steps.compare.outputs.exit-code == '1'");
    expect(last.run).toMatch(/exit 1/);
  });
});

describe(".github/workflows/benchmarks.yml", () => {
  it("runs the action on pull requests without requiring an API key", async () => {
    const { text, doc } = await yamlFile<WorkflowDoc>(".github/workflows/benchmarks.yml");
    expect(doc.on).toHaveProperty("pull_request");
    expect(doc.permissions["pull-requests"]).toBe("write");
    const action = doc.jobs.benchmark!.steps.find((s) => s.uses === "./")!;
    const { doc: actionDoc } = await yamlFile<ActionDoc>("action.yml");
    for (const key of Object.keys(action.with ?? {})) expect(Object.keys(actionDoc.inputs)).toContain(key);
    expect(action.env).toBeUndefined();
    // The real-key setup is documented in a comment, never active by default.
    expect(text).toMatch(/#\s+ANTHROPIC_API_KEY: \$\{\{ secrets\.ANTHROPIC_API_KEY \}\}/);
  });
});

describe("ci/gitlab-ci.yml", () => {
  it("is a node:20 job that runs, compares and keeps artifacts for 30 days", async () => {
    const { doc } = await yamlFile<GitLabDoc>("ci/gitlab-ci.yml");
    const job = doc["claude-force-benchmark"] as GitLabJob;
    expect(job.image).toBe("node:20");
    const script = job.script.join("\n");
    expect(script).toMatch(/npm ci/);
    expect(script).toMatch(/--output benchmarks\/results/);
    expect(script).toMatch(/bench compare .*--baseline "\$CLAUDE_FORCE_BASELINE"/);
    expect(script).toMatch(/<!-- claude-force-benchmark -->/);
    expect(bashParses(script)).toBe("ok");
    expect(job.artifacts.expire_in).toBe("30 days");
    expect(job.artifacts.paths).toEqual(["benchmarks/results/"]);
    expect(job.artifacts.reports.junit).toBe("benchmarks/results/comparison-junit.xml");
    for (const v of script.matchAll(/\$(CLAUDE_FORCE_\w+)/g))
      if (v[1] !== "CLAUDE_FORCE_GITLAB_TOKEN") expect(Object.keys(doc.variables)).toContain(v[1]);
  });
});

describe("examples/claude-force.config.yaml", () => {
  it("carries the guide's rules and budgets, valid for the config loader and the gate", async () => {
    const { doc } = await yamlFile<{ regression: unknown; budgets: unknown }>(
      "examples/claude-force.config.yaml",
    );
    const regression = parseRegressionConfig(doc.regression);
    expect(regression.rules.default).toEqual({ mean_time_ms: 1.15, success_rate: 0.95, total_cost: 1.5 });
    const budgets = parseBudgets(doc.budgets);
    const text = (name: string) => budgets[name]!.map((b) => `${b.metric.name} ${b.text}`);
    expect(text("*")).toEqual(["success_rate > 0.95"]);
    expect(text("simple_task")).toEqual(["p95_time_ms < 5000"]);
    expect(text("complex_task")).toEqual(["p95_time_ms < 15000"]);
    expect(text("workflow_test")).toEqual(["p95_time_ms < 30000"]);

    const dir = await mkdtemp(join(tmpdir(), "cf-example-"));
    try {
      await copyFile(join(ROOT, "examples/claude-force.config.yaml"), join(dir, "claude-force.config.yaml"));
      const loaded = await loadConfig(dir);
      expect(loaded.config.budgets).toEqual(doc.budgets);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
