import { describe, expect, it } from "vitest";
import { CACHE_MULTIPLIERS, PriceBook, readPriceFile } from "../../src/pricing/index.js";
import type { Usage } from "../../src/providers/types.js";

const usage = (u: Partial<Usage>): Usage => ({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  ...u,
});

describe("PriceBook", () => {
  const book = PriceBook.load();

  it("prices Sonnet per million tokens, cache tokens included (hand-computed)", () => {
    // 1,234 x $3 + 567 x $15 + 2,000 x $0.30 + 100 x $3.75 = $13,182 per million = $0.013182
    const cost = book.cost(
      "claude-sonnet-4-5",
      usage({ input: 1234, output: 567, cacheRead: 2000, cacheWrite5m: 100 }),
    );
    expect(cost).toBeCloseTo(0.013182, 12);
  });

  it("prices 1-hour cache writes at 2x input", () => {
    // Haiku: 1,000,000 x $2 (1h write) + 10 x $5 = $2.00005
    expect(book.cost("claude-haiku-4-5", usage({ cacheWrite1h: 1_000_000, output: 10 }))).toBeCloseTo(
      2.00005,
      12,
    );
  });

  it("prices Opus 4.6 at $5/$25", () => {
    // 10,000 x 5 + 2,000 x 25 = 100,000 micro-dollars = $0.10
    expect(book.cost("claude-opus-4-6", usage({ input: 10_000, output: 2_000 }))).toBeCloseTo(0.1, 12);
  });

  it("resolves dated snapshot ids to their model", () => {
    expect(book.get("claude-sonnet-4-5-20250929")).toEqual(book.get("claude-sonnet-4-5"));
    expect(book.has("claude-haiku-4-5-20251001")).toBe(true);
    expect(book.has("claude-sonnet-4-6-20991231")).toBe(true);
  });

  it("returns null (not a guess) for an unknown model and warns once", () => {
    const warnings: string[] = [];
    const b = PriceBook.load(undefined, { onWarning: (m) => warnings.push(m) });
    expect(b.cost("gpt-4o", usage({ input: 100, output: 100 }))).toBeNull();
    expect(b.cost("gpt-4o", usage({ input: 100, output: 100 }))).toBeNull();
    expect(b.cost("llama3.2", usage({ input: 1, output: 1 }))).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("gpt-4o");
  });

  it("returns null when input or output tokens are unknown", () => {
    expect(book.cost("claude-sonnet-4-5", usage({ input: null, output: 10 }))).toBeNull();
    expect(book.cost("claude-sonnet-4-5", usage({ input: 10, output: null }))).toBeNull();
    // Unknown cache counts alone do not make the cost unknown.
    expect(book.cost("claude-sonnet-4-5", usage({ input: 1_000_000, output: 0, cacheRead: null }))).toBe(3);
  });

  it("reprices usage as another model", () => {
    const u = usage({ input: 1_000_000, output: 1_000_000 });
    expect(book.reprice(u, "claude-haiku-4-5")).toBe(6);
    expect(book.reprice(u, "claude-sonnet-4-6")).toBe(18);
    expect(book.reprice(u, "claude-opus-4-5")).toBe(30);
  });

  it("applies user overrides, deriving missing cache prices from the multipliers", () => {
    const b = PriceBook.load({
      "my-model": { input: 2, output: 10 },
      "claude-haiku-4-5": { input: 0.5, output: 2.5 },
    });
    expect(b.get("my-model")).toMatchObject({ cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.2 });
    expect(b.cost("my-model", usage({ input: 1_000_000, cacheRead: 1_000_000 }))).toBeCloseTo(2.2, 12);
    expect(b.get("claude-haiku-4-5")?.input).toBe(0.5);
    // Overrides do not leak into other books.
    expect(PriceBook.load().get("claude-haiku-4-5")?.input).toBe(1);
  });

  it("lists the required models", () => {
    expect(book.models()).toEqual(
      expect.arrayContaining([
        "claude-haiku-4-5",
        "claude-sonnet-4-5",
        "claude-sonnet-4-6",
        "claude-opus-4-5",
        "claude-opus-4-6",
      ]),
    );
  });
});

describe("data/prices.json", () => {
  const file = readPriceFile();

  it("is dated and per million tokens", () => {
    expect(file.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.unit).toBe("per_million_tokens");
  });

  it("has cache prices consistent with the documented multipliers", () => {
    for (const [model, p] of Object.entries(file.models)) {
      expect(p.cacheWrite5m, model).toBeCloseTo(p.input * CACHE_MULTIPLIERS.cacheWrite5m, 10);
      expect(p.cacheWrite1h, model).toBeCloseTo(p.input * CACHE_MULTIPLIERS.cacheWrite1h, 10);
      expect(p.cacheRead, model).toBeCloseTo(p.input * CACHE_MULTIPLIERS.cacheRead, 10);
      expect(p.source, model).not.toBe("");
    }
  });

  it("rejects a malformed price file with a clear error", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "prices-"));
    const bad = join(dir, "prices.json");
    writeFileSync(
      bad,
      JSON.stringify({
        updated: "x",
        currency: "USD",
        unit: "per_million_tokens",
        models: { m: { input: -1 } },
      }),
    );
    expect(() => readPriceFile(bad)).toThrow(/invalid price file/);
  });
});
