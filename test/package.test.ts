import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/errors.js";
import { VERSION } from "../src/version.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("package", () => {
  it("VERSION matches package.json", () => {
    expect(VERSION).toBe(pkg.version);
  });

  it("declares the bin, ESM and the Node engine", () => {
    expect(pkg.bin["claude-force"]).toBe("bin/claude-force.js");
    expect(pkg.type).toBe("module");
    expect(pkg.engines.node).toBe(">=20.19");
  });

  it("documents every exit code in the README", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const code of new Set(Object.values(EXIT_CODES)))
      expect(readme).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`));
  });
});
