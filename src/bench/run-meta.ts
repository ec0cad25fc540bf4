/**
 * Run metadata: where and how a run happened, plus the fingerprint that says whether two runs are
 * comparable (same provider, simulation, time scale, model map and scenario definitions).
 */
import { execFileSync } from "node:child_process";
import { arch, availableParallelism, cpus, platform, release } from "node:os";
import { stableHash } from "../internal/ids.js";
import type { ProviderInfo } from "../providers/types.js";
import type { RunMeta } from "./types.js";

export interface RunMetaInput {
  runId: string;
  command: string;
  providerInfo: ProviderInfo;
  modelMap: Record<string, string>;
  configHash: string;
  projectRoot: string;
  startedAt: Date;
  /** Scenario name → definition hash. */
  scenarioHashes: Record<string, string>;
}

export function runFingerprint(
  input: Pick<RunMetaInput, "providerInfo" | "modelMap" | "scenarioHashes">,
): string {
  const p = input.providerInfo;
  return stableHash({
    provider: p.name,
    simulated: p.simulated,
    timeScale: p.timeScale ?? null,
    modelMap: input.modelMap,
    scenarios: input.scenarioHashes,
  });
}

export function collectRunMeta(input: RunMetaInput): RunMeta {
  const p = input.providerInfo;
  return {
    id: input.runId,
    command: input.command,
    startedAt: input.startedAt.toISOString(),
    finishedAt: null,
    provider: p.name,
    simulated: p.simulated,
    timeScale: p.timeScale ?? null,
    seed: p.seed ?? null,
    baseUrl: p.baseUrl ?? null,
    modelMap: { ...input.modelMap },
    gitCommit: gitCommit(input.projectRoot),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cpus: availableParallelism(),
    configHash: input.configHash,
    fingerprint: runFingerprint(input),
    incomplete: false,
  };
}

/** HEAD of the project's git repository, or null outside one (or without git). */
export function gitCommit(cwd: string): string | null {
  try {
    const out = execFileSync("git", ["rev-parse", "HEAD"], {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
    });
    const sha = out.toString().trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : null;
  } catch {
    return null;
  }
}
