import { describe, expect, it } from "vitest";
import { parseAgentFile, splitTools } from "../../src/agents/parse.js";
import { ClaudeForceError } from "../../src/errors.js";

const FILE = "/p/.claude/agents/x.md";

function agentText(frontmatter: string, body = "You are helpful."): string {
  return `---\n${frontmatter}\n---\n\n${body}\n`;
}

function parseError(text: string): ClaudeForceError {
  try {
    parseAgentFile(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaudeForceError);
    return err as ClaudeForceError;
  }
  throw new Error("expected a parse error");
}

describe("splitTools", () => {
  it("keeps commas inside parentheses in one entry", () => {
    expect(splitTools("Agent(a, b), Read")).toEqual(["Agent(a, b)", "Read"]);
    expect(splitTools(" Bash(git diff:*, git log:*) ,Edit,, ")).toEqual([
      "Bash(git diff:*, git log:*)",
      "Edit",
    ]);
  });
});

describe("parseAgentFile", () => {
  it("reads name, description, model, tools and the body as the system prompt", () => {
    const a = parseAgentFile(
      agentText(
        "name: reviewer\ndescription: Reviews code\nmodel: haiku\ntools: Agent(a, b), Read",
        "# Role\nReview.",
      ),
      FILE,
    );
    expect(a).toMatchObject({
      name: "reviewer",
      description: "Reviews code",
      model: "haiku",
      tools: ["Agent(a, b)", "Read"],
      disallowedTools: [],
      systemPrompt: "# Role\nReview.",
      source: "project",
      file: FILE,
    });
    expect(a.warnings).toBeUndefined();
  });

  it("accepts tools as a YAML list and keeps unknown fields", () => {
    const a = parseAgentFile(
      agentText(
        "name: a1\ndescription: d\ntools:\n  - Read\n  - Agent(x, y)\ndisallowedTools: [Bash]\ncolor: blue\nmaxTurns: 5\nhooks: {pre: [x]}",
      ),
      FILE,
    );
    expect(a.tools).toEqual(["Read", "Agent(x, y)"]);
    expect(a.disallowedTools).toEqual(["Bash"]);
    expect(a.model).toBeNull();
    expect(a.frontmatter).toMatchObject({ color: "blue", maxTurns: 5, hooks: { pre: ["x"] } });
  });

  it("handles CRLF line endings and a byte-order mark", () => {
    const text = "\uFEFF---\r\nname: crlf-agent\r\ndescription: Works\r\n---\r\nLine one\r\nLine two\r\n";
    const a = parseAgentFile(text, FILE);
    expect(a.name).toBe("crlf-agent");
    expect(a.description).toBe("Works");
    expect(a.systemPrompt).toBe("Line one\nLine two");
  });

  it("allows an empty body", () => {
    expect(parseAgentFile("---\nname: e\ndescription: d\n---\n", FILE).systemPrompt).toBe("");
  });

  it("loads unquoted descriptions containing ': ' leniently, with a warning", () => {
    const a = parseAgentFile(
      agentText("name: ab\ndescription: Use when asked. Triggers on: 'p-value', 'ship'\ntools: Read"),
      FILE,
    );
    expect(a.description).toBe("Use when asked. Triggers on: 'p-value', 'ship'");
    expect(a.tools).toEqual(["Read"]);
    expect(a.warnings?.[0]).toMatch(/lenient/);
  });

  it("reports a missing name with the file and key", () => {
    const e = parseError(agentText("description: d"));
    expect(e.code).toBe("INPUT");
    expect(e.details).toMatchObject({ file: FILE, keyPath: "name" });
    expect(e.toLine()).toContain(FILE);
  });

  it("reports an invalid name on its own line (offset by the opening ---)", () => {
    const e = parseError(agentText("description: d\nmodel: haiku\nname: Bad Name"));
    expect(e.details).toMatchObject({ file: FILE, line: 4, keyPath: "name", found: '"Bad Name"' });
  });

  it("reports a wrongly typed tools entry at the entry's line", () => {
    const e = parseError(agentText("name: a\ndescription: d\ntools:\n  - Read\n  - 42"));
    expect(e.details).toMatchObject({ line: 6, keyPath: "tools" });
    expect(e.details.found).toContain("42");
  });

  it("reports invalid YAML with the file line of the problem", () => {
    const e = parseError(agentText("name: a\ndescription: d\ncolor: @bad\ntools: Read"));
    expect(e.message).toMatch(/invalid YAML.*reserved character @/);
    expect(e.details).toMatchObject({ file: FILE, line: 4 });
  });

  it("rejects files without frontmatter, unclosed frontmatter and non-mapping frontmatter", () => {
    expect(parseError("# Just markdown\n").details.line).toBe(1);
    expect(parseError("---\nname: a\ndescription: d\n").message).toMatch(/never closed/);
    expect(parseError("---\n- a\n- b\n---\nbody").message).toMatch(/mapping/);
    expect(parseError("---\n---\nbody").message).toMatch(/mapping/);
  });

  it("rejects a description that is not text", () => {
    const e = parseError(agentText("name: a\ndescription:\n  nested: true"));
    expect(e.details).toMatchObject({ keyPath: "description", line: 3, found: "a mapping" });
  });

  it("refuses files over 1 MB", () => {
    const e = parseError(agentText("name: big\ndescription: d", "x".repeat(1024 * 1024 + 10)));
    expect(e.message).toMatch(/too large/);
    expect(e.details.found).toMatch(/bytes/);
  });
});
