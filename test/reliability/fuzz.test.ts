/**
 * Hostile input: property-based tests over every loader of user files. For ANY input a loader
 * returns a value or throws a ClaudeForceError (a clear, located message, exit code 2): never a
 * TypeError, RangeError or other crash. Plus: names cannot escape their folders and oversized
 * inputs are refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { AGENT_NAME_PATTERN, MAX_AGENT_FILE_BYTES, parseAgentFile } from "../../src/agents/parse.js";
import { readResults } from "../../src/bench/results-writer.js";
import { loadSuite } from "../../src/bench/suite-file.js";
import { loadConfig } from "../../src/config/load.js";
import { ClaudeForceError } from "../../src/errors.js";
import { loadBaseline } from "../../src/regress/baseline.js";
import { makeResults } from "../regress/fixture.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cf-fuzz-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a loader; a ClaudeForceError is a fine answer, anything else fails the property. */
async function settle(fn: () => unknown): Promise<"ok" | ClaudeForceError> {
  try {
    await fn();
    return "ok";
  } catch (err) {
    if (err instanceof ClaudeForceError) return err;
    throw err;
  }
}

// ------------------------------------------------------------------------------------------------
// Generators

const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { depthSize: "small" },
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string(), scalar, { maxKeys: 4 }),
);
/** Objects whose keys are mostly the ones a loader knows, so validation runs deep. */
function objectOf(
  keys: string[],
  inner: fc.Arbitrary<unknown> = value,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), inner, { maxKeys: keys.length + 1 });
}
/** Text that is YAML of a structured object, raw garbage, or YAML-ish lines. */
function yamlText(obj: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    obj.map((o) => stringify(o)),
    obj.map((o) => JSON.stringify(o)),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc
      .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 8 })
      .map((kv) => kv.map(([k, v]) => `${k}: ${v}`).join("\n")),
  );
}

const agentEntry = objectOf(["file", "contract", "domains", "priority", "model", "description"]);
const agentName = fc.oneof(
  fc.constantFrom("python-expert", "a", "../../etc/passwd", ".hidden", "x/y"),
  fc.string(),
);
const configObject = objectOf(
  ["provider", "baseUrl", "models", "defaultModel", "pricing", "tracking", "sim", "bench", "routing"],
  value,
).chain((base) =>
  fc
    .record({
      agents: fc.dictionary(agentName, fc.oneof(agentEntry, value), { maxKeys: 3 }),
      workflows: fc.dictionary(agentName, fc.oneof(fc.array(agentName, { maxLength: 3 }), value), {
        maxKeys: 3,
      }),
    })
    .map((extra) => ({ ...base, ...extra })),
);

// ------------------------------------------------------------------------------------------------

describe("fuzz: agent files (parseAgentFile)", () => {
  const frontmatter = objectOf([
    "name",
    "description",
    "model",
    "tools",
    "disallowedTools",
    "color",
    "maxTurns",
  ]);
  const agentText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.tuple(yamlText(frontmatter), fc.string()).map(([fm, body]) => `---\n${fm}\n---\n${body}`),
    fc
      .record({
        name: agentName,
        description: fc.string(),
        tools: fc.oneof(fc.string(), fc.array(fc.string())),
      })
      .map((fm) => `---\n${stringify(fm)}---\nYou are an agent.`),
  );

  it("returns an agent or throws ClaudeForceError for any text", async () => {
    await fc.assert(
      fc.asyncProperty(agentText, async (text) => {
        const r = await settle(() => parseAgentFile(text, "fuzz.md"));
        if (r !== "ok") expect(r.code).toBe("INPUT");
      }),
      { numRuns: 400 },
    );
  });

  it("only accepts names that stay inside the agents folder", () => {
    fc.assert(
      fc.property(agentName, (name) => {
        const text = `---\nname: ${JSON.stringify(name)}\ndescription: test agent\n---\nbody`;
        let parsed: string | null = null;
        try {
          parsed = parseAgentFile(text, "fuzz.md").name;
        } catch (err) {
          if (!(err instanceof ClaudeForceError)) throw err;
          expect(err.details.keyPath).toBe("name");
        }
        if (parsed !== null) {
          expect(parsed).toMatch(AGENT_NAME_PATTERN);
          const rel = relative("/agents", join("/agents", `${parsed}.md`));
          expect(rel.startsWith("..") || isAbsolute(rel)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(["../../etc/passwd", "..", ".hidden", "a/b", "a\\b", "/abs", "%2e%2e%2fx", "UPPER"])(
    "rejects the agent name %j with a located error",
    (name) => {
      const text = `---\nname: ${JSON.stringify(name)}\ndescription: test\n---\nbody`;
      expect(() => parseAgentFile(text, "evil.md")).toThrow(
        expect.objectContaining({
          code: "INPUT",
          details: expect.objectContaining({ keyPath: "name", line: 2 }),
        }),
      );
    },
  );

  it("refuses an oversized agent file with a clear message", () => {
    const text = `---\nname: big\ndescription: big\n---\n${"x".repeat(MAX_AGENT_FILE_BYTES)}`;
    expect(() => parseAgentFile(text, "big.md")).toThrow(
      expect.objectContaining({
        code: "INPUT",
        message: expect.stringMatching(/too large/),
        details: expect.objectContaining({ expected: `at most ${MAX_AGENT_FILE_BYTES} bytes` }),
      }),
    );
  });
});

describe("fuzz: config files (loadConfig)", () => {
  it("returns a config or throws ClaudeForceError for any claude-force.config.yaml / claude.json", async () => {
    const project = join(dir, "config");
    mkdirSync(join(project, ".claude"), { recursive: true });
    await fc.assert(
      fc.asyncProperty(
        yamlText(configObject),
        fc.option(yamlText(configObject), { nil: undefined }),
        async (yamlFile, jsonFile) => {
          writeFileSync(join(project, "claude-force.config.yaml"), yamlFile);
          if (jsonFile === undefined) rmSync(join(project, ".claude", "claude.json"), { force: true });
          else writeFileSync(join(project, ".claude", "claude.json"), jsonFile);
          const r = await settle(() => loadConfig(project));
          if (r !== "ok") expect(r.code).toBe("CONFIG");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects agent and workflow names that would escape a folder", async () => {
    const project = join(dir, "config-names");
    mkdirSync(project, { recursive: true });
    for (const section of ["agents", "workflows"]) {
      const entry = section === "agents" ? { file: "a.md" } : ["python-expert"];
      writeFileSync(
        join(project, "claude-force.config.yaml"),
        stringify({ [section]: { "../../etc/passwd": entry } }),
      );
      const r = await settle(() => loadConfig(project));
      expect(r).toBeInstanceOf(ClaudeForceError);
      expect((r as ClaudeForceError).code).toBe("CONFIG");
    }
  });
});

describe("fuzz: suite files (loadSuite)", () => {
  const scenario = objectOf([
    "name",
    "agent",
    "workflow",
    "task",
    "iterations",
    "warmup",
    "model",
    "assert",
    "k",
  ]);
  const suite = objectOf(["name", "description", "defaults"]).chain((base) =>
    fc.array(fc.oneof(scenario, value), { maxLength: 3 }).map((scenarios) => ({ ...base, scenarios })),
  );

  it("returns a suite or throws ClaudeForceError (INPUT) for any YAML or JSON file", async () => {
    await fc.assert(
      fc.asyncProperty(yamlText(suite), fc.constantFrom("suite.yaml", "suite.json"), async (text, name) => {
        const file = join(dir, name);
        writeFileSync(file, text);
        const r = await settle(() => loadSuite(file));
        if (r !== "ok") expect(r.code).toBe("INPUT");
      }),
      { numRuns: 150 },
    );
  });
});

describe("fuzz: results and baselines (readResults, loadBaseline)", () => {
  const valid = makeResults({ seed: 3 });

  /** Every key path of a JSON value, down to a small depth. */
  function paths(v: unknown, prefix: Array<string | number> = [], depth = 0): Array<Array<string | number>> {
    if (depth > 4 || v === null || typeof v !== "object") return [prefix];
    const keys: Array<string | number> = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    return [
      prefix,
      ...keys.flatMap((k) => paths((v as Record<string, unknown>)[k], [...prefix, k], depth + 1)),
    ];
  }
  const allPaths = paths(valid).filter((p) => p.length > 0);

  function mutate(doc: unknown, path: Array<string | number>, replacement: unknown): unknown {
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let node = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (replacement === undefined) delete node[last];
    else node[last] = replacement;
    return copy;
  }

  const documents = fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.constantFrom(...allPaths), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)))
      .map(([path, v]) => JSON.stringify(mutate(valid, path, v))),
    fc.nat({ max: 2000 }).map((n) => JSON.stringify(valid).slice(0, n)),
  );

  it("readResults returns a document or throws ClaudeForceError", async () => {
    const file = join(dir, "results.json");
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        writeFileSync(file, text);
        const r = await settle(() => readResults(file));
        if (r !== "ok") expect(r.code).toBe("INPUT");
      }),
      { numRuns: 200 },
    );
  });

  it("loadBaseline returns a document or throws ClaudeForceError", async () => {
    const file = join(dir, "baseline.json");
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        writeFileSync(file, text);
        const r = await settle(() => loadBaseline(file));
        if (r !== "ok") expect(r.code).toBe("INPUT");
      }),
      { numRuns: 200 },
    );
  });
});

describe("YAML alias bombs (resource exhaustion)", () => {
  // 9^9 expanded nodes from a few hundred bytes. The yaml library refuses it with a ReferenceError;
  // the loaders must turn that into a located ClaudeForceError.
  const bomb = [
    'a0: &a0 ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(",")}]`),
  ].join("\n");

  it("loadConfig refuses an alias bomb with a ClaudeForceError", async () => {
    const project = join(dir, "bomb");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "claude-force.config.yaml"), bomb);
    expect(await settle(() => loadConfig(project))).toBeInstanceOf(ClaudeForceError);
  });

  it("parseAgentFile refuses an alias bomb with a ClaudeForceError", async () => {
    const text = `---\nname: bomb\ndescription: x\n${bomb}\n---\nbody`;
    expect(await settle(() => parseAgentFile(text, "bomb.md"))).toBeInstanceOf(ClaudeForceError);
  });
});
