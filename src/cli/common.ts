/** Flag definitions and parsers shared by the commands that execute agents. */
import { type Command, InvalidArgumentError } from "commander";

export interface RunFlags {
  provider?: string;
  model?: string;
  baseUrl?: string;
  seed?: number;
  timeScale?: number;
  track: boolean;
  json?: boolean;
  project: string;
  debug?: boolean;
  timeout?: number;
  rpm?: number;
  tpm?: number;
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .option(
      "--provider <name>",
      "sim | anthropic | openai (default: config, then anthropic if ANTHROPIC_API_KEY is set, else sim)",
    )
    .option("-m, --model <model>", "haiku | sonnet | opus | <full model id> | auto")
    .option("--base-url <url>", "API base URL (also ANTHROPIC_BASE_URL / OPENAI_BASE_URL)")
    .option("--seed <n>", "seed for the simulated provider", parseInteger)
    .option("--time-scale <x>", "simulated provider: wall-clock compression (1 = real time)", parsePositive)
    .option("--timeout <ms>", "per-request timeout in ms", parseInteger)
    .option("--rpm <n>", "client-side pacing: at most n requests per minute", parsePositive)
    .option(
      "--tpm <n>",
      "client-side pacing: at most n tokens (input + max_tokens) per minute",
      parsePositive,
    )
    .option("--no-track", "do not record executions in the metrics database")
    .option("--json", "print machine-readable JSON on stdout");
}

export function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`expected an integer, found '${value}'`);
  return n;
}

export function parsePositiveInteger(value: string): number {
  const n = parseInteger(value);
  if (n < 1) throw new InvalidArgumentError(`expected an integer >= 1, found '${value}'`);
  return n;
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive number, found '${value}'`);
  return n;
}

/** A number >= 0 (a time scale of 0 means a zero-latency simulation). */
export function parseNonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected a number >= 0, found '${value}'`);
  return n;
}

/** "30s", "2m", "1500ms", "1h" or a bare number of seconds → milliseconds. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError(`expected a duration like 30s, 2m or 1500ms, found '${value}'`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  const factor = unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000;
  return n * factor;
}

/** "1,5,10,20" → [1, 5, 10, 20] */
export function parseIntList(value: string): number[] {
  const parts = value.split(",").map((s) => s.trim());
  const out = parts.map((p) => Number(p));
  if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 1))
    throw new InvalidArgumentError(
      `expected positive integers separated by commas (e.g. 1,5,10,20), found '${value}'`,
    );
  return out;
}

/** Accumulate a repeatable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
