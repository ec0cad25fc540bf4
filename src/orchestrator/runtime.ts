/**
 * Runtime: everything a command needs to execute agents, built once from flags + config:
 * project (agents, workflows, config), provider, price book, tracker and orchestrator.
 * Commands and library users call `createRuntime` and must `close()` it (flushes the tracker).
 */
import { randomInt } from "node:crypto";
import { loadProject, type Project } from "../config/index.js";
import type { Clock } from "../internal/clock.js";
import { newRunId } from "../internal/ids.js";
import { createPacer, type Pacer, pacedProvider } from "../pacing/index.js";
import { PriceBook } from "../pricing/index.js";
import { createFastFetch } from "../providers/fast-fetch.js";
import { createProvider, resolveProviderName } from "../providers/index.js";
import type { Provider, ProviderInfo, Tier } from "../providers/types.js";
import { SIMULATED_HEADER } from "../server/header.js";
import { PerformanceTracker } from "../tracking/index.js";
import { AgentOrchestrator } from "./orchestrator.js";

export interface RuntimeOptions {
  /** Project root (the global --project). */
  project: string;
  /** Command name recorded in run metadata, e.g. "bench". */
  command: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  seed?: number;
  timeScale?: number;
  /** Sim time scale when neither the flag nor the config sets one. */
  defaultTimeScale?: number;
  track?: boolean;
  timeoutMs?: number;
  /** Client-side pacing (--rpm/--tpm): requests and tokens per minute. */
  rpm?: number;
  tpm?: number;
  /** Wraps the (paced) provider, e.g. the --max-cost check; gets the run's price book. */
  wrapProvider?: (provider: Provider, prices: PriceBook) => Provider;
  /** Resuming a run: its id, so every execution is recorded under it. */
  runId?: string;
  /** Tests inject a provider (for example a fixed-latency fake). */
  providerOverride?: Provider;
  clock?: Clock;
  worker?: string | null;
  /** Called for warnings (unknown model price, ...). */
  onWarning?: (message: string) => void;
}

export interface Runtime {
  runId: string;
  command: string;
  project: Project;
  provider: Provider;
  providerInfo: ProviderInfo;
  providerReason: string;
  tracker: PerformanceTracker;
  prices: PriceBook;
  modelMap: Record<Tier, string>;
  orchestrator: AgentOrchestrator<PerformanceTracker>;
  /** The --rpm/--tpm limiter, when pacing is on (its stats go into results). */
  pacer?: Pacer | null;
  close(): Promise<void>;
}

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const project = await loadProject(opts.project);
  const config = project.config;
  const warn = opts.onWarning ?? (() => {});

  let provider: Provider;
  let providerReason: string;
  let fastFetch: ReturnType<typeof createFastFetch> | undefined;
  if (opts.providerOverride) {
    provider = opts.providerOverride;
    providerReason = "injected";
  } else {
    const resolved = resolveProviderName({ flag: opts.provider, config: config.provider, env: process.env });
    providerReason = resolved.reason;
    // A server that says it is a simulation (claude-force mock-server) makes the run simulated:
    // its numbers must never be presented as measurements of Claude.
    const noticeSimulation = (_status: number, headers: Headers) => {
      if (provider.info.simulated || !headers.has(SIMULATED_HEADER)) return;
      provider.info.simulated = true;
      warn(
        `${provider.info.baseUrl ?? "the server"} is a simulation (${headers.get(SIMULATED_HEADER)}): results are labelled SIMULATED`,
      );
    };
    // Node 20's global fetch costs the SDKs most of their throughput: use a keep-alive node:http one.
    fastFetch = resolved.name === "sim" ? undefined : createFastFetch({ onResponse: noticeSimulation });
    provider = await createProvider({
      name: resolved.name,
      fetch: fastFetch,
      baseUrl: opts.baseUrl ?? config.baseUrl,
      // A random seed unless one is given; it is recorded, so any run can be replayed with --seed.
      seed: opts.seed ?? config.sim?.seed ?? randomInt(1, 2 ** 31 - 1),
      timeScale: opts.timeScale ?? config.sim?.timeScale ?? opts.defaultTimeScale ?? 1,
      faults: config.sim?.faults,
      clock: opts.clock,
    });
  }

  const prices = PriceBook.load(config.pricing, { onWarning: warn });
  const base = provider;
  const pacer =
    opts.rpm !== undefined || opts.tpm !== undefined
      ? createPacer({ rpm: opts.rpm, tpm: opts.tpm, clock: opts.clock })
      : null;
  if (pacer) provider = pacedProvider(provider, pacer);
  if (opts.wrapProvider) provider = opts.wrapProvider(provider, prices);
  const tracker = await PerformanceTracker.open({
    projectRoot: project.root,
    database: config.tracking?.database,
    enabled: opts.track !== false && config.tracking?.enabled !== false,
    // Every execution is journalled as it happens either way; a benchmark moves the journal into
    // DuckDB when it ends, because a periodic ingest stalls the event loop it is measuring.
    ingestIntervalMs: opts.command.startsWith("bench") ? 0 : undefined,
  });
  const modelMap = { ...config.models } as Record<Tier, string>;
  const runId = opts.runId ?? newRunId();
  const orchestrator = new AgentOrchestrator({
    agents: project.agents,
    workflows: project.workflows,
    provider,
    tracker,
    prices,
    modelMap,
    runId,
    defaultModel: config.defaultModel,
    modelOverride: opts.model,
    routingKeywords: config.routing,
    timeoutMs: opts.timeoutMs,
    clock: opts.clock,
    worker: opts.worker ?? null,
  });

  let closed = false;
  return {
    runId,
    command: opts.command,
    project,
    provider,
    providerInfo: provider.info,
    providerReason,
    tracker,
    prices,
    modelMap,
    orchestrator,
    pacer,
    async close() {
      if (closed) return;
      closed = true;
      await tracker.close();
      await base.close?.();
      fastFetch?.close();
    },
  };
}
