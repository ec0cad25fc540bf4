/**
 * Reads and validates `data/prices.json`. The file sits at the package root so it ships with the
 * package and users can read it; it is found relative to this module, which works both from
 * `src/pricing/` (vitest, tsx) and from `dist/pricing/` (the built CLI): both are two levels deep.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ClaudeForceError } from "../errors.js";

const price = z.number().finite().nonnegative();

export const modelPriceSchema = z.object({
  input: price,
  output: price,
  cacheWrite5m: price,
  cacheWrite1h: price,
  cacheRead: price,
  date: z.string(),
  source: z.string(),
});

export const priceFileSchema = z.object({
  updated: z.string(),
  currency: z.literal("USD"),
  unit: z.literal("per_million_tokens"),
  notes: z.string().optional(),
  models: z.record(z.string(), modelPriceSchema),
  /** Other ids for a priced model, e.g. the dated snapshot id the API reports back. */
  aliases: z.record(z.string(), z.string()).default({}),
});

/** USD per million tokens for one model. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type PriceFile = z.infer<typeof priceFileSchema>;

export const DEFAULT_PRICE_FILE: string = fileURLToPath(new URL("../../data/prices.json", import.meta.url));

export function readPriceFile(file: string = DEFAULT_PRICE_FILE): PriceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ClaudeForceError(
      "INPUT",
      `cannot read the price file: ${(err as Error).message}`,
      { file, hint: "reinstall claude-force or fix the JSON" },
      { cause: err },
    );
  }
  const parsed = priceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ClaudeForceError("INPUT", `invalid price file: ${issue?.message ?? "unknown problem"}`, {
      file,
      keyPath: issue?.path.join("."),
    });
  }
  for (const [alias, target] of Object.entries(parsed.data.aliases)) {
    if (!(target in parsed.data.models))
      throw new ClaudeForceError("INPUT", "price alias points at an unknown model", {
        file,
        keyPath: `aliases.${alias}`,
        expected: `one of ${Object.keys(parsed.data.models).join(", ")}`,
        found: target,
      });
  }
  return parsed.data;
}
