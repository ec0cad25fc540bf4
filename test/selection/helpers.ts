import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAgentFile } from "../../src/agents/index.js";
import type { AgentDefinition } from "../../src/agents/types.js";

export const BUILTIN_DIR = fileURLToPath(new URL("../../agents/", import.meta.url));
export const VOLTAGENT_DIR = "/work/shared/testdata/claude-code-agents/voltagent/";

export function loadDir(dir: string): AgentDefinition[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((f) => parseAgentFile(readFileSync(join(dir, f), "utf8"), join(dir, f), "builtin"));
}

export const builtins = (): AgentDefinition[] => loadDir(BUILTIN_DIR);
