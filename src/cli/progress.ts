/**
 * Benchmark progress on stderr (stdout stays for results and --json). On a TTY: one cli-progress
 * bar per scenario with live p50, p95, successes and cost. Otherwise (CI, pipes): a plain line per
 * scenario when it completes, plus one every ~2 s while a long one runs.
 */
import cliProgress from "cli-progress";
import type { ProgressEvent } from "../bench/session.js";
import { fmtMs, fmtUsd } from "./output.js";

export interface ProgressReporter {
  update(e: ProgressEvent): void;
  stop(): void;
}

export interface ProgressOptions {
  interactive: boolean;
  /** No progress at all (--json on a pipe: stderr stays for warnings). */
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Plain mode: while a scenario runs, at most one line per this many ms (default 2000). */
  intervalMs?: number;
  now?: () => number;
}

const label = (e: ProgressEvent) => (e.phase === "warmup" ? `${e.scenario} (warmup)` : e.scenario);

function liveFigures(e: ProgressEvent): string {
  const ok = e.done > 0 ? `ok ${e.successes}/${e.done}` : "ok -";
  const lat = e.successes > 0 ? `p50 ${fmtMs(e.p50)} p95 ${fmtMs(e.p95)}` : "p50 - p95 -";
  return `${lat}  ${ok}  ${fmtUsd(e.cost)}`;
}

export function createProgress(opts: ProgressOptions): ProgressReporter {
  if (opts.quiet) return { update() {}, stop() {} };
  return opts.interactive ? barProgress(opts) : lineProgress(opts);
}

function barProgress(opts: ProgressOptions): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream: opts.stream ?? process.stderr,
      format: "{label} [{bar}] {value}/{total}  {figures}",
      barsize: 20,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  let width = 0;
  return {
    update(e) {
      const key = `${e.phase}:${e.scenario}`;
      const l = label(e);
      width = Math.max(width, l.length);
      const payload = { label: l.padEnd(width), figures: liveFigures(e) };
      // An unknown total (Poisson arrivals) shows as a bar that is always full.
      const total = e.total > 0 ? e.total : Math.max(1, e.done);
      const bar = bars.get(key);
      if (!bar) bars.set(key, multi.create(total, e.done, payload));
      else {
        bar.setTotal(total);
        bar.update(e.done, payload);
      }
    },
    stop() {
      multi.stop();
    },
  };
}

function lineProgress(opts: ProgressOptions): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  const interval = opts.intervalMs ?? 2000;
  const now = opts.now ?? (() => performance.now());
  const state = new Map<string, { at: number; done: number; finished: boolean }>();
  return {
    update(e) {
      const key = `${e.phase}:${e.scenario}`;
      const t = now();
      const prev = state.get(key);
      if (!prev) {
        state.set(key, { at: t, done: e.done, finished: false });
        return;
      }
      if (prev.finished) return;
      const finished = e.total > 0 && e.done >= e.total;
      // Quiet for fast scenarios: a line when one completes, and one every `interval` on long ones.
      if (!finished && (t - prev.at < interval || e.done === prev.done)) return;
      state.set(key, { at: t, done: e.done, finished });
      const count =
        e.total > 0 ? `${e.done}/${e.total} (${Math.round((e.done / e.total) * 100)}%)` : `${e.done} done`;
      stream.write(`[bench] ${label(e)} ${count}  ${liveFigures(e)}\n`);
    },
    stop() {},
  };
}
