import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_MODEL_MAP, loadConfig, validateSection } from "../../src/config/index.js";
import { ClaudeForceError } from "../../src/errors.js";

let tmp: string;
let seq = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "cf-config-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const root = join(tmp, `p${seq++}`);
  await mkdir(join(root, ".claude"), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  return root;
}

async function configError(files: Record<string, string>): Promise<ClaudeForceError> {
  const root = await project(files);
  const err = await loadConfig(root).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClaudeForceError);
  return err as ClaudeForceError;
}

const YAML = "claude-force.config.yaml";

describe("loadConfig", () => {
  it("applies defaults when there is no config file", async () => {
    const root = await project({});
    const loaded = await loadConfig(root);
    expect(loaded.files).toEqual([]);
    expect(loaded.config.models).toEqual(DEFAULT_MODEL_MAP);
    expect(loaded.config.defaultModel).toBe("auto");
    expect(loaded.config.tracking).toEqual({ enabled: true, database: ".claude/metrics/metrics.duckdb" });
    expect(loaded.config.agents).toEqual({});
    expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("reads every YAML setting, merging partial model maps over the defaults", async () => {
    const root = await project({
      [YAML]: [
        "provider: openai",
        "baseUrl: http://127.0.0.1:11434/v1",
        "models:",
        "  haiku: llama3.2:3b",
        "defaultModel: sonnet",
        "pricing:",
        "  gpt-4.1: { input: 2, output: 8, cacheRead: 0.5 }",
        "tracking: { enabled: false }",
        "sim: { timeScale: 0.01, seed: 7, faults: { errorRate: 0.1 } }",
        "bench: { iterations: 5, warmup: 1, concurrency: [1, 5, 10] }",
        "routing: { simpleKeywords: [typo], criticalKeywords: [prod] }",
        "regression: { anything: [1, 2] }",
      ].join("\n"),
    });
    const { config, files } = await loadConfig(root);
    expect(files).toEqual([join(root, YAML)]);
    expect(config.provider).toBe("openai");
    expect(config.models).toEqual({ ...DEFAULT_MODEL_MAP, haiku: "llama3.2:3b" });
    expect(config.defaultModel).toBe("sonnet");
    expect(config.pricing?.["gpt-4.1"]).toEqual({ input: 2, output: 8, cacheRead: 0.5 });
    expect(config.tracking.enabled).toBe(false);
    expect(config.sim).toEqual({ timeScale: 0.01, seed: 7, faults: { errorRate: 0.1 } });
    expect(config.bench?.concurrency).toEqual([1, 5, 10]);
    expect(config.regression).toEqual({ anything: [1, 2] });
  });

  it("hashes equal configs equally and different ones differently", async () => {
    const a = await loadConfig(await project({ [YAML]: "provider: sim\nsim: { seed: 1 }\n" }));
    const b = await loadConfig(await project({ [YAML]: "sim: { seed: 1 }\nprovider: sim\n" }));
    const c = await loadConfig(await project({ [YAML]: "provider: sim\nsim: { seed: 2 }\n" }));
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });

  it("lets the YAML file override claude.json per agent and workflow name", async () => {
    const root = await project({
      ".claude/claude.json": JSON.stringify({
        agents: { a: { file: "a.md" }, b: { file: "b.md" } },
        workflows: { w: ["a"], v: ["b"] },
      }),
      [YAML]: "agents:\n  a: { file: other.md }\nworkflows:\n  w: [b]\n",
    });
    const loaded = await loadConfig(root);
    expect(loaded.files).toHaveLength(2);
    expect(loaded.config.agents).toEqual({ a: { file: "other.md" }, b: { file: "b.md" } });
    expect(loaded.config.workflows).toEqual({ w: ["b"], v: ["b"] });
    expect(loaded.origins.agents.a).toMatchObject({ file: join(root, YAML), baseDir: root });
    expect(loaded.origins.agents.b).toMatchObject({
      file: join(root, ".claude/claude.json"),
      baseDir: join(root, ".claude"),
    });
  });

  it("ignores claude.json keys that belong to other tools", async () => {
    const root = await project({ ".claude/claude.json": '{"name": "x", "governance": {"on": true}}' });
    expect((await loadConfig(root)).config.agents).toEqual({});
  });
});

describe("config errors name the file, line, key path, expected and found", () => {
  it("wrong type in YAML", async () => {
    const e = await configError({ [YAML]: "provider: sim\nbench:\n  warmup: 1\n  iterations: five\n" });
    expect(e.code).toBe("CONFIG");
    expect(e.details).toMatchObject({
      line: 4,
      keyPath: "bench.iterations",
      expected: "a number",
      found: '"five"',
    });
    expect(e.toLine()).toContain(`${YAML}:4: bench.iterations: wrong type (expected a number, found "five")`);
  });

  it("unknown top-level key, with did-you-mean", async () => {
    const e = await configError({ [YAML]: "sim: {seed: 1}\nprovder: sim\n" });
    expect(e.details).toMatchObject({ line: 2, keyPath: "provder" });
    expect(e.message).toBe("unknown key 'provder'");
    expect(e.details.hint).toContain("Did you mean provider?");
  });

  it("unknown nested key, with did-you-mean from that section", async () => {
    const e = await configError({ [YAML]: "sim:\n  timeScale: 1\n  seeds: 3\n" });
    expect(e.details).toMatchObject({ line: 3, keyPath: "sim.seeds" });
    expect(e.details.hint).toContain("Did you mean seed?");
  });

  it("value outside an enum or a range", async () => {
    const enumErr = await configError({ [YAML]: "provider: claude\n" });
    expect(enumErr.details).toMatchObject({
      line: 1,
      keyPath: "provider",
      expected: "one of sim, anthropic, openai",
    });
    const rangeErr = await configError({ [YAML]: "sim:\n  faults:\n    errorRate: 1.5\n" });
    expect(rangeErr.details).toMatchObject({
      line: 3,
      keyPath: "sim.faults.errorRate",
      expected: "a number <= 1",
    });
  });

  it("model ids with dots in pricing keys still locate the line", async () => {
    const e = await configError({ [YAML]: "pricing:\n  gpt-4.1:\n    input: 1\n    output: -2\n" });
    expect(e.details).toMatchObject({ line: 4, keyPath: "pricing.gpt-4.1.output", found: "number -2" });
  });

  it("invalid YAML syntax", async () => {
    const e = await configError({
      [YAML]: "provider: sim\nbench:\n  iterations: 3 # note: x\n  warmup: a: b\n",
    });
    expect(e.message).toMatch(/^invalid YAML: Nested mappings/);
    expect(e.details).toMatchObject({ file: join(tmp, `p${seq - 1}`, YAML), line: 4 });
  });

  it("a top level that is not a mapping", async () => {
    const e = await configError({ [YAML]: "- provider\n- sim\n" });
    expect(e.details).toMatchObject({ line: 1, found: "a list" });
  });

  it("invalid JSON syntax in claude.json gives the line", async () => {
    const e = await configError({ ".claude/claude.json": '{\n  "agents": {},\n  "workflows": {},\n}\n' });
    expect(e.message).toMatch(/^invalid JSON: /);
    expect(e.details).toMatchObject({ file: expect.stringContaining(".claude/claude.json"), line: 4 });
  });

  it("wrong value in claude.json: line from the key's position", async () => {
    const json = JSON.stringify({ agents: { "python-expert": { file: "a.md", priority: 5 } } }, null, 2);
    const e = await configError({ ".claude/claude.json": json });
    expect(e.details).toMatchObject({
      line: 5,
      keyPath: "agents.python-expert.priority",
      expected: "a number <= 3",
      found: "number 5",
    });
  });

  it("a workflow that is neither a list nor a steps mapping", async () => {
    const e = await configError({ [YAML]: "workflows:\n  review: code-reviewer\n" });
    expect(e.details).toMatchObject({
      line: 2,
      keyPath: "workflows.review",
      expected: "a list or a mapping",
    });
  });

  it("a bad step inside the steps shape points at the step's key", async () => {
    const e = await configError({
      [YAML]: "workflows:\n  review:\n    steps:\n      - agent: code-reviewer\n      - agnt: x\n",
    });
    expect(e.details).toMatchObject({ line: 5, keyPath: "workflows.review.steps.1.agnt" });
    expect(e.details.hint).toContain("Did you mean agent?");
  });

  it("an invalid agent name key", async () => {
    const e = await configError({ [YAML]: "agents:\n  Python Expert: { file: a.md }\n" });
    expect(e.details).toMatchObject({ line: 2, keyPath: "agents.Python Expert", found: '"Python Expert"' });
  });

  it("two config files at once", async () => {
    const e = await configError({ [YAML]: "provider: sim\n", "claude-force.config.yml": "provider: sim\n" });
    expect(e.message).toMatch(/two config files/);
  });
});

describe("validateSection (for modules that validate their own section later)", () => {
  it("formats errors the same way, with lines from locate()", async () => {
    const root = await project({
      [YAML]: "provider: sim\nregression:\n  rules:\n    - metric: p95\n      max: high\n",
    });
    const loaded = await loadConfig(root);
    const schema = z.strictObject({
      rules: z.array(z.strictObject({ metric: z.string(), max: z.number() })),
    });
    const where = loaded.locate("regression");
    expect(where?.file).toBe(join(root, YAML));
    let err: unknown;
    try {
      validateSection(
        schema,
        loaded.config.regression,
        where!.file,
        "regression",
        (k) => loaded.locate(k)?.line,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect((err as ClaudeForceError).details).toMatchObject({
      line: 5,
      keyPath: "regression.rules.0.max",
      expected: "a number",
      found: '"high"',
    });
  });
});
