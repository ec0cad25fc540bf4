import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../src/config/index.js";
import { ClaudeForceError } from "../../src/errors.js";
import { MAX_CONFIG_BYTES } from "../../src/internal/files.js";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "cf-contain-"));
  mkdirSync(join(root, "proj", ".claude"), { recursive: true });
  writeFileSync(join(root, "outside.md"), "secret notes that must not become a system prompt\n");
  return join(root, "proj");
}

describe("config file references stay inside the project", () => {
  it("refuses an agent file outside the project, naming the key", async () => {
    const dir = project();
    writeFileSync(join(dir, "claude-force.config.yaml"), "agents:\n  sneaky:\n    file: ../outside.md\n");
    const err = await loadProject(dir).catch((e) => e);
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect(err.code).toBe("CONFIG");
    expect(err.toLine()).toContain("agents.sneaky.file");
    expect(err.toLine()).toContain("outside the project");
  });

  it("allows claude.json paths relative to .claude/ that stay in the project", async () => {
    const dir = project();
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "legacy.md"), "# Legacy\n\nReviews legacy code.\n");
    writeFileSync(
      join(dir, ".claude", "claude.json"),
      JSON.stringify({ agents: { legacy: { file: "../docs/legacy.md" } } }),
    );
    const p = await loadProject(dir);
    expect(p.agents.get("legacy").systemPrompt).toContain("Reviews legacy code");
  });

  it("refuses an oversized config file before parsing it", async () => {
    const dir = project();
    writeFileSync(join(dir, "claude-force.config.yaml"), `# ${"x".repeat(MAX_CONFIG_BYTES)}\n`);
    const err = await loadProject(dir).catch((e) => e);
    expect(err).toBeInstanceOf(ClaudeForceError);
    expect(err.toLine()).toMatch(/too large.*expected at most/);
  });
});
