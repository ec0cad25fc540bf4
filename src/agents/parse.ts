/**
 * Claude Code subagent files: YAML frontmatter between `---` lines, then the markdown system
 * prompt. Errors name the file, the line in the file (frontmatter lines are offset by the opening
 * `---`), the key, and what was expected and found.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from "yaml";
import { describeValue, truncate } from "../config/format.js";
import { ClaudeForceError } from "../errors.js";
import { yamlToJS } from "../internal/files.js";
import type { AgentDefinition, AgentSource } from "./types.js";

/** Agent files larger than this are refused: a system prompt that size is a mistake. */
export const MAX_AGENT_FILE_BYTES = 1024 * 1024;

/**
 * Claude Code documents lowercase letters and hyphens; published agents also use digits and dots
 * (`powershell-5.1-expert`), so those load too.
 */
export const AGENT_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
const FENCE_RE = /^---[ \t]*$/;

interface Frontmatter {
  yaml: string;
  body: string;
}

export function splitFrontmatter(text: string, file: string): Frontmatter {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE_RE.test(lines[0] ?? "")) {
    throw new ClaudeForceError("INPUT", "agent file has no YAML frontmatter", {
      file,
      line: 1,
      expected: "a first line '---' opening the frontmatter (name, description, ...)",
      found: lines[0]?.trim() ? `"${truncate(lines[0].trim())}"` : "an empty line",
      hint: "Claude Code agent files start with ---, then name: and description:, then ---",
    });
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE_RE.test(l));
  if (close < 0) {
    throw new ClaudeForceError("INPUT", "frontmatter opened on line 1 is never closed", {
      file,
      line: 1,
      expected: "a line '---' closing the frontmatter",
      found: "end of file",
    });
  }
  return {
    yaml: lines.slice(1, close).join("\n"),
    body: lines
      .slice(close + 1)
      .join("\n")
      .trim(),
  };
}

/**
 * Many published agents write `description: Use when ... Triggers on: 'x'` unquoted, which strict
 * YAML rejects (": " inside a plain scalar). Claude Code still loads them, so when strict parsing
 * fails we quote such top-level one-line values and try again.
 */
function quoteLooseScalars(yaml: string): string {
  return yaml
    .split("\n")
    .map((line) => {
      const m = /^([A-Za-z_][\w-]*):[ \t]+(.*\S)[ \t]*$/.exec(line);
      if (!m) return line;
      const value = m[2]!;
      if (/^["'[{|>&*!#%@`]/.test(value) || !value.includes(": ")) return line;
      return `${m[1]}: ${JSON.stringify(value)}`;
    })
    .join("\n");
}

interface ParsedYaml {
  doc: Document;
  counter: LineCounter;
  lenient: boolean;
}

function parseYaml(yaml: string, file: string): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length === 0) return { doc, counter, lenient: false };
  const fixed = quoteLooseScalars(yaml);
  if (fixed !== yaml) {
    const counter2 = new LineCounter();
    const doc2 = parseDocument(fixed, { lineCounter: counter2, prettyErrors: false });
    if (doc2.errors.length === 0) return { doc: doc2, counter: counter2, lenient: true };
  }
  const err = doc.errors[0]!;
  const line = counter.linePos(err.pos[0]).line + 1; // +1: the opening '---'
  throw new ClaudeForceError("INPUT", `invalid YAML in frontmatter: ${err.message.split("\n")[0]}`, {
    file,
    line,
    hint: "Quote values that contain ': ' or start with a special character",
  });
}

/** 1-based file line of a top-level frontmatter key, when it is there. */
function keyLine(map: YAMLMap, counter: LineCounter, key: string, itemIndex?: number): number | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) return undefined;
  let node: unknown = pair.key;
  if (itemIndex !== undefined && isSeq(pair.value)) node = pair.value.items[itemIndex] ?? pair.key;
  const range = (node as { range?: [number, number, number] }).range;
  return range ? counter.linePos(range[0]).line + 1 : undefined;
}

/** Split a tools string on top-level commas: `Agent(a, b), Read` → ["Agent(a, b)", "Read"]. */
export function splitTools(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of value) {
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (ch === "," && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Best-effort name of a file that failed to parse, so `get(name)` can report its error. */
export function guessAgentName(text: string): string | null {
  const m = /^name:[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*$/m.exec(text.slice(0, 4096));
  return m ? m[1]! : null;
}

export function parseAgentFile(text: string, file: string, source: AgentSource = "project"): AgentDefinition {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_AGENT_FILE_BYTES) {
    throw new ClaudeForceError("INPUT", "agent file is too large to be a system prompt", {
      file,
      expected: `at most ${MAX_AGENT_FILE_BYTES} bytes`,
      found: `${bytes} bytes`,
    });
  }
  const fm = splitFrontmatter(text, file);
  const { doc, counter, lenient } = parseYaml(fm.yaml, file);
  const contents = doc.contents;
  if (!isMap(contents)) {
    const value = yamlToJS(doc, file);
    throw new ClaudeForceError("INPUT", "frontmatter must be a mapping of keys to values", {
      file,
      line: 2,
      expected: "key: value lines (name, description, ...)",
      found: describeValue(value),
    });
  }
  const data = yamlToJS(doc, file) as Record<string, unknown>;
  const fail = (key: string, message: string, expected: string, found: unknown, item?: number): never => {
    throw new ClaudeForceError("INPUT", message, {
      file,
      line: keyLine(contents, counter, key, item) ?? 2,
      keyPath: key,
      expected,
      found: describeValue(found),
    });
  };

  const name = data.name;
  if (name === undefined || name === null) {
    throw new ClaudeForceError("INPUT", "agent has no name", {
      file,
      line: 1,
      keyPath: "name",
      expected: "a name: field such as python-expert",
      found: "no name field",
    });
  }
  if (typeof name !== "string" || !AGENT_NAME_PATTERN.test(name))
    fail(
      "name",
      "invalid agent name",
      "lowercase letters, digits, hyphens or dots, like python-expert",
      name,
    );

  const description = data.description;
  if (description === undefined || description === null) {
    throw new ClaudeForceError("INPUT", "agent has no description", {
      file,
      line: 1,
      keyPath: "description",
      expected: "a description: field saying when to use this agent",
      found: "no description field",
    });
  }
  if (typeof description !== "string" || description.trim() === "")
    fail("description", "invalid description", "a non-empty string", description);

  const model = data.model;
  if (model !== undefined && model !== null && (typeof model !== "string" || model.trim() === ""))
    fail("model", "invalid model", "haiku, sonnet, opus, inherit or a full model id", model);

  const toolList = (key: string): string[] => {
    const v = data[key];
    if (v === undefined || v === null) return [];
    if (typeof v === "string") return splitTools(v);
    if (Array.isArray(v)) {
      return v.map((item, i) =>
        typeof item === "string" && item.trim() !== ""
          ? item.trim()
          : fail(key, `invalid entry in ${key}`, "a tool name", item, i),
      );
    }
    return fail(key, `invalid ${key}`, "a comma-separated string or a list of tool names", v);
  };

  const agent: AgentDefinition = {
    name: name as string,
    description: (description as string).trim(),
    model: typeof model === "string" ? model.trim() : null,
    tools: toolList("tools"),
    disallowedTools: toolList("disallowedTools"),
    systemPrompt: fm.body,
    frontmatter: data,
    source,
    file,
  };
  if (lenient)
    agent.warnings = ["frontmatter is not strict YAML (unquoted ': ' in a value); loaded leniently"];
  return agent;
}
