/**
 * loadConfig: reads `.claude/claude.json` (agents + workflows, the original tool's shape) and
 * `claude-force.config.yaml|.yml` at the project root, validates both, and merges them (the YAML
 * file wins per agent/workflow name), applying defaults.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import { ClaudeForceError } from "../errors.js";
import { stableHash } from "../internal/ids.js";
import { CLAUDE_JSON, CONFIG_FILE_NAMES, DEFAULT_MODEL_MAP, DEFAULT_TRACKING_DATABASE } from "./defaults.js";
import { type ClaudeForceConfig, ClaudeJsonSchema, type ConfigFile, ConfigFileSchema } from "./schema.js";
import { type ConfigSource, readConfigSource } from "./source.js";
import { validateSection } from "./validate.js";

/** Where a config entry was written, for error messages that come after loading. */
export interface ConfigOrigin {
  file: string;
  /** Key path of the entry, e.g. `workflows.review`. */
  keyPath: string;
  /** Resolves any key path inside that file to a line. */
  lineOf(keyPath: string): number | undefined;
  /** Folder that relative paths in the entry are resolved against. */
  baseDir: string;
  /** Project root: referenced files must stay inside it. */
  root: string;
}

export interface LoadedConfig {
  /** Merged, defaults applied. */
  config: ClaudeForceConfig;
  /** Files that were read, in order. */
  files: string[];
  /** stableHash of the merged config. */
  hash: string;
  origins: { agents: Record<string, ConfigOrigin>; workflows: Record<string, ConfigOrigin> };
  /** File and line of a top-level key path (e.g. `regression.rules`), for modules validating later. */
  locate(keyPath: string): { file: string; line?: number } | undefined;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function findYamlConfig(root: string): Promise<string | null> {
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await exists(join(root, name))) found.push(join(root, name));
  if (found.length > 1) {
    throw new ClaudeForceError("CONFIG", "two config files found; keep one", {
      file: found[1],
      found: found.join(" and "),
      hint: `merge them into ${CONFIG_FILE_NAMES[0]}`,
    });
  }
  return found[0] ?? null;
}

function originsOf(
  source: ConfigSource,
  section: "agents" | "workflows",
  names: string[],
  baseDir: string,
  root: string,
): Record<string, ConfigOrigin> {
  return Object.fromEntries(
    names.map((n) => [
      n,
      { file: source.file, keyPath: `${section}.${n}`, lineOf: source.lineOf, baseDir, root },
    ]),
  );
}

export async function loadConfig(projectRoot: string): Promise<LoadedConfig> {
  const files: string[] = [];
  const sources: ConfigSource[] = [];
  const origins: LoadedConfig["origins"] = { agents: {}, workflows: {} };
  let agents: ClaudeForceConfig["agents"] = {};
  let workflows: ClaudeForceConfig["workflows"] = {};

  const claudeJson = await readConfigSource(join(projectRoot, CLAUDE_JSON), "json");
  if (claudeJson) {
    files.push(claudeJson.file);
    sources.push(claudeJson);
    const cj = validateSection(ClaudeJsonSchema, claudeJson.data, claudeJson.file, "", claudeJson.lineOf);
    agents = { ...cj.agents };
    workflows = { ...cj.workflows };
    const base = join(projectRoot, ".claude");
    Object.assign(origins.agents, originsOf(claudeJson, "agents", Object.keys(agents), base, projectRoot));
    Object.assign(
      origins.workflows,
      originsOf(claudeJson, "workflows", Object.keys(workflows), base, projectRoot),
    );
  }

  let file: ConfigFile = {};
  const yamlPath = await findYamlConfig(projectRoot);
  const yaml = yamlPath ? await readConfigSource(yamlPath, "yaml") : null;
  if (yaml) {
    files.push(yaml.file);
    sources.unshift(yaml);
    file = validateSection(ConfigFileSchema, yaml.data, yaml.file, "", yaml.lineOf);
    agents = { ...agents, ...file.agents };
    workflows = { ...workflows, ...file.workflows };
    Object.assign(
      origins.agents,
      originsOf(yaml, "agents", Object.keys(file.agents ?? {}), projectRoot, projectRoot),
    );
    Object.assign(
      origins.workflows,
      originsOf(yaml, "workflows", Object.keys(file.workflows ?? {}), projectRoot, projectRoot),
    );
  }

  const config: ClaudeForceConfig = {
    ...file,
    models: { ...DEFAULT_MODEL_MAP, ...file.models },
    defaultModel: file.defaultModel ?? "auto",
    tracking: {
      enabled: file.tracking?.enabled ?? true,
      database: file.tracking?.database ?? DEFAULT_TRACKING_DATABASE,
    },
    agents,
    workflows,
  };
  return {
    config,
    files,
    hash: stableHash(config),
    origins,
    locate(keyPath) {
      const top = keyPath.split(".")[0]!;
      const src = sources.find((s) => top in s.data);
      return src ? { file: src.file, line: src.lineOf(keyPath) } : undefined;
    },
  };
}
