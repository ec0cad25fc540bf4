/**
 * Agents declared in config (`agents: { name: { file, contract?, domains?, priority?, model? } }`).
 * The original tool's agent files are plain markdown without frontmatter; those still load, with
 * the key as the name and a description from `description`, `domains` or the first paragraph.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { ConfigOrigin } from "../config/load.js";
import type { AgentEntry } from "../config/schema.js";
import { ClaudeForceError } from "../errors.js";
import { MAX_AGENT_FILE_BYTES, parseAgentFile } from "./parse.js";
import type { AgentDefinition } from "./types.js";

const FRONTMATTER_START = /^\uFEFF?---[ \t]*\r?\n/;

/** First prose paragraph of a markdown text (headings skipped), whitespace collapsed. */
export function firstParagraph(markdown: string, max = 300): string | null {
  for (const block of markdown.split(/\r?\n\s*\r?\n/)) {
    const text = block
      .split(/\r?\n/)
      .filter((l) => !/^\s*#/.test(l))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }
  return null;
}

async function readReferenced(
  origin: ConfigOrigin,
  key: "file" | "contract",
  rel: string,
): Promise<[string, string]> {
  const path = resolve(origin.baseDir, rel);
  const keyPath = `${origin.keyPath}.${key}`;
  // A config must not turn an arbitrary file (say ~/.ssh/config) into a system prompt sent to an API.
  const inside = relative(resolve(origin.root), path);
  if (inside.startsWith("..") || isAbsolute(inside))
    throw new ClaudeForceError("CONFIG", "file is outside the project", {
      file: origin.file,
      line: origin.lineOf(keyPath),
      keyPath,
      expected: `a path inside ${origin.root}`,
      found: `"${rel}"`,
    });
  try {
    const text = await readFile(path, "utf8");
    if (Buffer.byteLength(text) > MAX_AGENT_FILE_BYTES)
      throw new Error(`larger than ${MAX_AGENT_FILE_BYTES} bytes`);
    return [path, text];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ClaudeForceError(
      "CONFIG",
      code === "ENOENT" ? "file not found" : `cannot read file: ${(err as Error).message}`,
      {
        file: origin.file,
        line: origin.lineOf(keyPath),
        keyPath,
        expected: `a readable markdown file (relative to ${origin.baseDir})`,
        found: `"${rel}"`,
      },
    );
  }
}

async function fromEntry(name: string, entry: AgentEntry, origin: ConfigOrigin): Promise<AgentDefinition> {
  const [path, text] = await readReferenced(origin, "file", entry.file);
  let agent: AgentDefinition;
  if (FRONTMATTER_START.test(text)) {
    // The config key is the agent's identity here, whatever the file's own name says.
    agent = { ...parseAgentFile(text, path, "config"), name };
  } else {
    const body = text.replace(/^\uFEFF/, "").trim();
    agent = {
      name,
      description:
        (entry.domains?.length ? `Specialist in ${entry.domains.join(", ")}.` : null) ??
        firstParagraph(body) ??
        `The ${name} agent.`,
      model: null,
      tools: [],
      disallowedTools: [],
      systemPrompt: body,
      frontmatter: {},
      source: "config",
      file: path,
    };
  }
  if (entry.description) agent.description = entry.description;
  if (entry.model) agent.model = entry.model;
  if (entry.domains) agent.domains = entry.domains;
  if (entry.priority !== undefined) agent.priority = entry.priority;
  if (entry.contract) agent.contract = (await readReferenced(origin, "contract", entry.contract))[1].trim();
  return agent;
}

/** Load every config-declared agent; a missing file is a CONFIG error naming the key. */
export async function loadConfigAgents(
  entries: Record<string, AgentEntry>,
  origins: Record<string, ConfigOrigin>,
): Promise<AgentDefinition[]> {
  const out: AgentDefinition[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    const origin = origins[name];
    if (!origin) throw new ClaudeForceError("INTERNAL", `no origin recorded for config agent '${name}'`);
    out.push(await fromEntry(name, entry, origin));
  }
  return out;
}
