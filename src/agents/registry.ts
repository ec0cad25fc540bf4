/**
 * Agent discovery: the built-in pack, then (optionally) the user's ~/.claude/agents, then the
 * project's .claude/agents (recursive), then agents declared in config. Identity is the `name`
 * field; a later source overrides an earlier one. A broken file never stops the others loading.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { didYouMean } from "../config/suggest.js";
import { ClaudeForceError } from "../errors.js";
import { guessAgentName, MAX_AGENT_FILE_BYTES, parseAgentFile } from "./parse.js";
import type { AgentDefinition, AgentOrigin, AgentOverride, AgentRegistry, AgentSource } from "./types.js";

export interface LoadAgentsOptions {
  projectRoot: string;
  /** Defaults to the package's own `agents/` folder. */
  builtinDir?: string;
  /** Also read ~/.claude/agents (off by default so runs are reproducible across machines). */
  includeUser?: boolean;
  /** Definitions that override every file (agents declared in config). */
  extra?: AgentDefinition[];
  /** Home directory for user agents (tests point it elsewhere). */
  homeDir?: string;
}

/** The package's `agents/` folder; the same relative path works from `src/agents` and `dist/agents`. */
export function builtinAgentsDir(): string {
  return fileURLToPath(new URL("../../agents/", import.meta.url));
}

type Entry =
  | { agent: AgentDefinition; origin: AgentOrigin }
  | { error: ClaudeForceError; origin: AgentOrigin };

class Registry implements AgentRegistry {
  readonly overridden: AgentOverride[] = [];
  readonly problems: ClaudeForceError[] = [];
  private readonly entries = new Map<string, Entry>();

  private put(name: string, entry: Entry): void {
    const previous = this.entries.get(name);
    if (previous) this.overridden.push({ name, by: entry.origin, replaced: previous.origin });
    this.entries.set(name, entry);
  }

  add(agent: AgentDefinition): void {
    this.put(agent.name, { agent, origin: { source: agent.source, file: agent.file } });
  }

  addBroken(name: string, error: ClaudeForceError, origin: AgentOrigin): void {
    this.problems.push(error);
    this.put(name, { error, origin });
  }

  list(): AgentDefinition[] {
    const out: AgentDefinition[] = [];
    for (const e of this.entries.values()) if ("agent" in e) out.push(e.agent);
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): AgentDefinition {
    const entry = this.entries.get(name);
    if (entry && "agent" in entry) return entry.agent;
    if (entry) throw entry.error;
    throw new ClaudeForceError("NOT_FOUND", `unknown agent '${name}'`, {
      hint:
        didYouMean(
          name,
          this.list().map((a) => a.name),
        ) || "Run 'claude-force agents list' to see the agents",
    });
  }

  has(name: string): boolean {
    const entry = this.entries.get(name);
    return entry !== undefined && "agent" in entry;
  }

  get size(): number {
    return this.list().length;
  }
}

/** Markdown files under `dir` (sorted, so overrides inside one source are deterministic). */
async function markdownFiles(dir: string, recursive: boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw new ClaudeForceError("INPUT", `cannot read the agents folder: ${(err as Error).message}`, {
      file: dir,
    });
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    // A README beside the agents documents them; it is not an agent.
    if (!name.toLowerCase().endsWith(".md") || basename(name).toLowerCase() === "readme.md") continue;
    const full = join(dir, name);
    if ((await stat(full).catch(() => null))?.isFile()) files.push(full);
  }
  return files;
}

async function loadDir(
  registry: Registry,
  dir: string,
  source: AgentSource,
  recursive: boolean,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  for (const file of await markdownFiles(dir, recursive)) {
    if (skip.has(resolve(file))) continue;
    const origin = { source, file };
    let text = "";
    try {
      const { size } = await stat(file);
      if (size > MAX_AGENT_FILE_BYTES) {
        throw new ClaudeForceError("INPUT", "agent file is too large to be a system prompt", {
          file,
          expected: `at most ${MAX_AGENT_FILE_BYTES} bytes`,
          found: `${size} bytes`,
        });
      }
      text = await readFile(file, "utf8");
      registry.add(parseAgentFile(text, file, source));
    } catch (err) {
      const error =
        err instanceof ClaudeForceError
          ? err
          : new ClaudeForceError("INPUT", `cannot read agent file: ${(err as Error).message}`, { file });
      registry.addBroken(guessAgentName(text) ?? basename(file, ".md"), error, origin);
    }
  }
}

export async function loadAgents(opts: LoadAgentsOptions): Promise<AgentRegistry> {
  const registry = new Registry();
  await loadDir(registry, opts.builtinDir ?? builtinAgentsDir(), "builtin", false);
  if (opts.includeUser)
    await loadDir(registry, join(opts.homeDir ?? homedir(), ".claude", "agents"), "user", true);
  // The original tool kept plain-markdown agents in .claude/agents and named them in claude.json:
  // files that config already loads are not parsed again as subagent files.
  const fromConfig = new Set((opts.extra ?? []).map((a) => resolve(a.file)));
  await loadDir(registry, join(opts.projectRoot, ".claude", "agents"), "project", true, fromConfig);
  for (const agent of opts.extra ?? []) registry.add(agent);
  return registry;
}
