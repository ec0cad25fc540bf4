/** Shared by commands that execute agents: flags → Runtime, banner, Ctrl-C, close. */
import type { Runtime, RuntimeOptions } from "../orchestrator/runtime.js";
import type { RunFlags } from "./common.js";
import { type Output, providerBanner } from "./output.js";

export async function openRuntime(
  flags: RunFlags,
  command: string,
  out: Output,
  extra: Pick<RuntimeOptions, "defaultTimeScale" | "runId" | "wrapProvider"> = {},
): Promise<Runtime> {
  const { createRuntime } = await import("../orchestrator/runtime.js");
  const runtime = await createRuntime({
    project: flags.project,
    command,
    provider: flags.provider,
    model: flags.model,
    baseUrl: flags.baseUrl,
    seed: flags.seed,
    timeScale: flags.timeScale,
    defaultTimeScale: extra.defaultTimeScale,
    runId: extra.runId,
    wrapProvider: extra.wrapProvider,
    track: flags.track,
    timeoutMs: flags.timeout,
    rpm: flags.rpm,
    tpm: flags.tpm,
    onWarning: (m) => out.note(`warning: ${m}`),
  });
  // Stderr in --json mode, so a simulated run is labelled even when stdout is a document.
  const pacing = runtime.pacer ? `; pacing ${pacingLabel(runtime.pacer.rpm, runtime.pacer.tpm)}` : "";
  const banner = providerBanner(runtime.providerInfo) + pacing;
  if (out.json) out.note(banner);
  else out.line(out.c.dim(banner));
  return runtime;
}

export function pacingLabel(rpm: number | null, tpm: number | null): string {
  return [rpm !== null ? `${rpm} requests/min` : "", tpm !== null ? `${tpm} tokens/min` : ""]
    .filter(Boolean)
    .join(", ");
}

/** Abort in-flight work on the first Ctrl-C; a second one exits at once. */
export function interruptController(out: Output): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  let count = 0;
  const onSig = () => {
    count++;
    if (count === 1) {
      out.note("interrupted: stopping in-flight work (Ctrl-C again to exit now)");
      ac.abort(new Error("interrupted"));
    } else process.exit(130);
  };
  process.on("SIGINT", onSig);
  process.on("SIGTERM", onSig);
  return {
    signal: ac.signal,
    dispose: () => {
      process.off("SIGINT", onSig);
      process.off("SIGTERM", onSig);
    },
  };
}

/** Read the task from arguments, or from stdin when it is "-" or omitted and stdin is piped. */
export async function readTask(parts: string[] | string | undefined): Promise<string | undefined> {
  const text = Array.isArray(parts) ? parts.join(" ") : parts;
  if (text && text !== "-") return text;
  if (process.stdin.isTTY) return undefined;
  if (text !== "-" && text !== undefined) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim() || undefined;
}
