/**
 * Cost computation. Prices are USD per MILLION tokens (the original divided a per-1K table by a
 * million and under-reported every cost 1000x). Every usage field is priced, cache tokens
 * included, and a model without a price yields `null`, never another model's price.
 */
import type { Usage } from "../providers/types.js";
import { type ModelPrice, type PriceFile, readPriceFile } from "./price-file.js";

/** A user override: input and output are required; cache prices default to the API multipliers. */
export type PriceOverride = Partial<ModelPrice> & { input: number; output: number };

export interface PriceBookOptions {
  /** Called once per unknown model the first time its cost is asked for. */
  onWarning?: (message: string) => void;
  /** Price file to read instead of the packaged one. */
  file?: string;
}

/** Cache prices as multiples of the input price (Anthropic pricing page). */
export const CACHE_MULTIPLIERS = { cacheWrite5m: 1.25, cacheWrite1h: 2, cacheRead: 0.1 } as const;

const PER_TOKEN = 1 / 1_000_000;
// Dated snapshot ids (claude-sonnet-4-5-20250929) are the same model as their undated id.
const SNAPSHOT_SUFFIX = /-\d{8}$/;

let cachedFile: { path: string | undefined; data: PriceFile } | null = null;

export class PriceBook {
  /** Date the price file was last checked. */
  readonly updated: string;
  readonly currency = "USD";
  private readonly prices: Map<string, ModelPrice>;
  private readonly aliases: Map<string, string>;
  private readonly warned = new Set<string>();
  private readonly onWarning: ((message: string) => void) | undefined;

  constructor(file: PriceFile, overrides: Record<string, PriceOverride> = {}, opts: PriceBookOptions = {}) {
    this.updated = file.updated;
    this.prices = new Map(Object.entries(file.models));
    this.aliases = new Map(Object.entries(file.aliases));
    this.onWarning = opts.onWarning;
    for (const [model, o] of Object.entries(overrides)) this.prices.set(model, completeOverride(o));
  }

  /** The packaged price file (read once per process) plus user overrides. */
  static load(overrides?: Record<string, PriceOverride>, opts: PriceBookOptions = {}): PriceBook {
    if (!cachedFile || cachedFile.path !== opts.file)
      cachedFile = { path: opts.file, data: readPriceFile(opts.file) };
    return new PriceBook(cachedFile.data, overrides, opts);
  }

  has(model: string): boolean {
    return this.resolve(model) !== null;
  }

  get(model: string): ModelPrice | null {
    const id = this.resolve(model);
    return id === null ? null : (this.prices.get(id) ?? null);
  }

  /** USD for one call, or null when the model has no price or input/output tokens are unknown. */
  cost(model: string, usage: Usage): number | null {
    const p = this.get(model);
    if (!p) {
      if (!this.warned.has(model)) {
        this.warned.add(model);
        this.onWarning?.(`no price for model '${model}': its cost is recorded as unknown`);
      }
      return null;
    }
    if (usage.input === null || usage.output === null) return null;
    const micro =
      usage.input * p.input +
      usage.output * p.output +
      (usage.cacheRead ?? 0) * p.cacheRead +
      (usage.cacheWrite5m ?? 0) * p.cacheWrite5m +
      (usage.cacheWrite1h ?? 0) * p.cacheWrite1h;
    return micro * PER_TOKEN;
  }

  /** What the same usage would have cost on another model (what-if and Sonnet-only baselines). */
  reprice(usage: Usage, asModel: string): number | null {
    return this.cost(asModel, usage);
  }

  /** Priced model ids (without aliases), sorted. */
  models(): string[] {
    return [...this.prices.keys()].sort();
  }

  private resolve(model: string): string | null {
    if (this.prices.has(model)) return model;
    const alias = this.aliases.get(model);
    if (alias !== undefined && this.prices.has(alias)) return alias;
    const base = model.replace(SNAPSHOT_SUFFIX, "");
    return base !== model && this.prices.has(base) ? base : null;
  }
}

function completeOverride(o: PriceOverride): ModelPrice {
  return {
    input: o.input,
    output: o.output,
    cacheWrite5m: o.cacheWrite5m ?? o.input * CACHE_MULTIPLIERS.cacheWrite5m,
    cacheWrite1h: o.cacheWrite1h ?? o.input * CACHE_MULTIPLIERS.cacheWrite1h,
    cacheRead: o.cacheRead ?? o.input * CACHE_MULTIPLIERS.cacheRead,
    date: o.date ?? "user override",
    source: o.source ?? "config",
  };
}
