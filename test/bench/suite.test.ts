import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passAtK, passHatK } from "../../src/bench/assertions.js";
import { runSuite } from "../../src/bench/suite.js";
import { loadSuite } from "../../src/bench/suite-file.js";
import { ClaudeForceError } from "../../src/errors.js";
import { createRuntime, type Runtime } from "../../src/orchestrator/runtime.js";
import type { Provider, ProviderResult } from "../../src/providers/types.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/suites/", import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

async function suiteError(file: string, runtime?: Runtime): Promise<ClaudeForceError> {
  try {
    if (runtime) await runSuite(runtime, file);
    else await loadSuite(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaudeForceError);
    return err as ClaudeForceError;
  }
  throw new Error("expected the suite to be rejected");
}

/** Answers with the next scripted text, instantly. */
function scriptedProvider(texts: string[]): Provider {
  let i = 0;
  return {
    info: { name: "sim", simulated: true, timeScale: 1 },
    async complete(req): Promise<ProviderResult> {
      const now = performance.now();
      return {
        text: texts[i++ % texts.length]!,
        usage: { input: 10, output: 5, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
        timings: { start: now, firstEvent: now, firstText: now, end: now },
        model: req.model,
        stopReason: "end_turn",
      };
    },
  };
}

let project: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "cf-suite-"));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("suite validation errors name the file, line, key path, expected and found", () => {
  it("wrong type", async () => {
    const e = await suiteError(fixture("bad-type.yaml"));
    expect(e.code).toBe("INPUT");
    expect(e.exitCode).toBe(2);
    expect(e.details).toMatchObject({
      file: fixture("bad-type.yaml"),
      line: 8,
      keyPath: "scenarios.1.iterations",
      found: '"ten"',
    });
    expect(e.details.expected).toMatch(/number|int/);
  });

  it("a scenario with both agent and workflow", async () => {
    const e = await suiteError(fixture("both-agent-and-workflow.yaml"));
    expect(e.message).toMatch(/exactly one of agent or workflow/);
    expect(e.details).toMatchObject({ line: 2, keyPath: "scenarios.0" });
  });

  it("an unknown key, with a suggestion", async () => {
    const e = await suiteError(fixture("unknown-key.yaml"));
    expect(e.message).toBe("unknown key 'iteration'");
    expect(e.details).toMatchObject({ keyPath: "scenarios.0.iteration", line: 5 });
    expect(e.details.hint).toMatch(/iterations/);
  });

  it("an assertion with two kinds", async () => {
    const e = await suiteError(fixture("bad-assertion.yaml"));
    expect(e.message).toMatch(/exactly one of contains, regex/);
    expect(e.details).toMatchObject({ keyPath: "scenarios.0.assert.0", line: 6 });
  });

  it("an invalid regular expression in a JSON suite", async () => {
    const e = await suiteError(fixture("bad-regex.json"));
    expect(e.message).toMatch(/not a valid regular expression/);
    expect(e.details).toMatchObject({ keyPath: "scenarios.0.assert.0.regex", line: 7, found: '"(unclosed"' });
  });

  it("a missing file", async () => {
    const e = await suiteError(fixture("nope.yaml"));
    expect(e.message).toBe("suite file not found");
    expect(e.code).toBe("INPUT");
  });

  it("an unknown agent, at its line, before anything runs", async () => {
    const provider = scriptedProvider(["x"]);
    const calls = { n: 0 };
    const counting: Provider = {
      ...provider,
      complete: (r) => {
        calls.n++;
        return provider.complete(r);
      },
    };
    const rt = await createRuntime({ project, command: "test", providerOverride: counting, track: false });
    try {
      const e = await suiteError(fixture("unknown-agent.yaml"), rt);
      expect(e.message).toBe("unknown agent 'python-exprt'");
      expect(e.details).toMatchObject({ keyPath: "scenarios.1.agent", line: 6 });
      expect(e.details.hint).toMatch(/python-expert/);
      expect(calls.n).toBe(0);
    } finally {
      await rt.close();
    }
  });
});

describe("pass@k and pass^k", () => {
  it("match the unbiased estimators on known values", () => {
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
    expect(passAtK(5, 2, 2)).toBeCloseTo(1 - 3 / 10, 12); // 1 - C(3,2)/C(5,2)
    expect(passAtK(5, 0, 3)).toBe(0);
    expect(passAtK(5, 3, 3)).toBe(1); // fewer than 3 failures: any 3 draws include a success
    expect(passHatK(5, 2, 2)).toBeCloseTo(1 / 10, 12); // C(2,2)/C(5,2)
    expect(passHatK(5, 5, 5)).toBe(1);
    expect(passHatK(5, 4, 5)).toBe(0);
    expect(passHatK(4, 3, 1)).toBeCloseTo(0.75, 12);
  });
});

describe("runSuite with assertions", () => {
  it("assertions decide success; pass@k and pass^k come out of the iterations", async () => {
    // contains-ok (4 runs): good, bad, good, good; regex-and-latency (2 runs): goood, bad.
    const rt = await createRuntime({
      project,
      command: "test",
      providerOverride: scriptedProvider(["good", "bad", "good", "good", "goood", "bad"]),
      track: false,
    });
    const out = join(project, "results");
    try {
      const doc = await runSuite(rt, fixture("valid.yaml"), { outputDir: out });
      const [a, b] = doc.scenarios;
      expect(a!.summary).toMatchObject({ executions: 4, successes: 3, success_rate: 0.75 });
      expect(a!.errors).toEqual({ assertion: 1 });
      expect(a!.executions[1]).toMatchObject({
        success: false,
        error_type: "assertion",
        error: 'output does not contain "good"',
      });
      expect(a!.passAtK).toEqual({ k: 4, passAtK: 1, passHatK: 0 });
      expect(b!.summary).toMatchObject({ executions: 2, successes: 1 });
      expect(b!.passAtK).toEqual({ k: 1, passAtK: 0.5, passHatK: 0.5 });
      expect(b!.executions[1]!.error).toBe("output does not match /^go+d/");
      // Assertions are part of the definition: changing them changes the fingerprint.
      expect(a!.definitionHash).not.toBe(b!.definitionHash);
      expect(doc.totals).toMatchObject({ executions: 6, successes: 4, errors: { assertion: 2 } });

      // The JSONL keeps both verdicts: the provider's and the suite's.
      const lines = (await readFile(join(out, `${doc.run.id}.executions.jsonl`), "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(6);
      expect(lines[1]).toMatchObject({
        phase: "scenario",
        providerSuccess: true,
        success: false,
        errorType: "assertion",
      });
    } finally {
      await rt.close();
    }
  });
});
