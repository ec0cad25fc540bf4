/**
 * Cost analysis of a run, fed one execution at a time (memory stays flat). Baselines and what-ifs
 * reprice the *same* usage under another model, so they answer "what would this exact work have cost".
 * A model without a price makes the analysis `costIncomplete`; it is never priced as another model.
 */
import type { Tier, Usage } from "../providers/types.js";
import type { ExecutionRecord } from "../tracking/types.js";
import type { CostAnalysis } from "./types.js";

/** The slice of the PriceBook the analysis needs. */
export interface Pricing {
  cost(model: string, usage: Usage): number | null;
  reprice(usage: Usage, asModel: string): number | null;
  models(): string[];
}

/** The guide's target share of executions on Haiku. */
export const HAIKU_TARGET: [number, number] = [0.6, 0.8];

interface Bucket {
  cost: number;
  executions: number;
}

export class CostAccumulator {
  private totalCost = 0;
  private incomplete = false;
  private executions = 0;
  private successes = 0;
  private readonly tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  private readonly mix = new Map<string, number>();
  // Savings compare actual and Sonnet-only cost over the same executions (both must be known).
  private comparableActual = 0;
  private sonnetOnly = 0;
  private readonly whatIf: Map<string, number>;
  private readonly byScenario = new Map<string, Bucket>();
  private readonly byAgent = new Map<string, Bucket>();
  private readonly byModel = new Map<string, Bucket>();
  private readonly tierOf: Map<string, Tier>;

  constructor(
    private readonly prices: Pricing,
    private readonly modelMap: Record<Tier, string>,
  ) {
    this.whatIf = new Map(prices.models().map((m) => [m, 0]));
    this.tierOf = new Map(Object.entries(modelMap).map(([tier, model]) => [model, tier as Tier]));
  }

  /** Add one execution; `success` overrides the record's (suite assertions decide success). */
  add(rec: ExecutionRecord, success: boolean = rec.success): void {
    this.executions++;
    if (success) this.successes++;
    const u = rec.usage;
    this.tokens.input += u.input ?? 0;
    this.tokens.output += u.output ?? 0;
    this.tokens.cacheRead += u.cacheRead ?? 0;
    this.tokens.cacheWrite += (u.cacheWrite5m ?? 0) + (u.cacheWrite1h ?? 0);

    const mixKey = rec.routing?.tier ?? this.tierOf.get(rec.model) ?? rec.model;
    this.mix.set(mixKey, (this.mix.get(mixKey) ?? 0) + 1);

    const cost = rec.cost;
    if (cost === null) this.incomplete = true;
    else this.totalCost += cost;
    addTo(this.byScenario, rec.scenario ?? "(none)", cost);
    addTo(this.byAgent, rec.agent, cost);
    addTo(this.byModel, rec.model, cost);

    const sonnet = this.prices.reprice(u, this.modelMap.sonnet);
    if (cost !== null && sonnet !== null) {
      this.comparableActual += cost;
      this.sonnetOnly += sonnet;
    }
    for (const [model, sum] of this.whatIf)
      this.whatIf.set(model, sum + (this.prices.reprice(u, model) ?? 0));
  }

  result(): CostAnalysis {
    const n = this.executions;
    const modelMix: Record<string, number> = {};
    for (const [k, v] of this.mix) modelMix[k] = n > 0 ? v / n : 0;
    const savings = this.sonnetOnly - this.comparableActual;
    return {
      totalCost: this.totalCost,
      costIncomplete: this.incomplete,
      tokens: { ...this.tokens },
      costPerSuccess: this.successes > 0 ? this.totalCost / this.successes : null,
      modelMix,
      haikuShare: modelMix.haiku ?? 0,
      haikuTarget: HAIKU_TARGET,
      sonnetOnlyCost: this.sonnetOnly,
      savingsVsSonnet: savings,
      savingsVsSonnetPct: this.sonnetOnly > 0 ? savings / this.sonnetOnly : 0,
      whatIf: [...this.whatIf].map(([model, cost]) => ({ model, cost })).sort((a, b) => a.cost - b.cost),
      byScenario: [...this.byScenario].map(([name, b]) => ({ name, cost: b.cost })),
      byAgent: [...this.byAgent].map(([agent, b]) => ({ agent, cost: b.cost, executions: b.executions })),
      byModel: [...this.byModel].map(([model, b]) => ({ model, cost: b.cost, executions: b.executions })),
    };
  }
}

function addTo(map: Map<string, Bucket>, key: string, cost: number | null): void {
  const b = map.get(key) ?? { cost: 0, executions: 0 };
  b.executions++;
  b.cost += cost ?? 0;
  map.set(key, b);
}
