/**
 * Load schedules, independent of what a job does: sequential, closed loop (a fixed number of
 * workers) and open loop (arrivals at a target rate, constant or Poisson).
 *
 * Open loop avoids coordinated omission: arrival times are fixed ahead of time on the monotonic
 * clock and each job is told its *intended* start, so a stalled server cannot slow the arrivals and
 * latency measured from the intended start shows every second of the stall (wrk2, HdrHistogram).
 * The timer loop is drift-free: deadlines are `start + offset[i]`, never "previous wake-up + gap";
 * on each wake every arrival that is due is launched, so coarse or late timers cost precision of
 * individual starts but never the overall rate.
 */
import { setMaxListeners } from "node:events";
import { type Clock, realClock } from "../internal/clock.js";
import { LatencyRecorder } from "../stats/latency.js";
import { createRng, exponential, randomSeed } from "../stats/prng.js";

export interface JobContext {
  index: number;
  /** performance.now() ms when this job should have started; measure latency from here. */
  intendedStart: number;
  signal: AbortSignal;
}

export type Job = (ctx: JobContext) => Promise<void>;

export interface ScheduleResult {
  started: number;
  /** Jobs that settled (resolved or rejected). */
  completed: number;
  /** Jobs whose promise rejected (they still count as completed). */
  failed: number;
  /** Wall time from the first start to the last completion. */
  durationMs: number;
  /** Open loop: jobs actually started inside the arrival window, per second of that window. */
  achievedRate?: number;
  /** Per started job: actual start − intended start (closed loop: − enqueue time, which is t0). */
  queueWait: LatencyRecorder;
  /** Open loop: starts more than `lateThresholdMs` after their intended time. */
  lateStarts: number;
  /** Arrivals never started because the signal aborted. */
  dropped: number;
}

/**
 * A start counts as late when it is more than 2 ms after its intended time. Node timers have
 * 1 ms granularity and fire up to ~1 ms late on an idle machine, so smaller lags are the timer's
 * resolution, not the generator falling behind.
 */
export const DEFAULT_LATE_THRESHOLD_MS = 2;

interface Common {
  job: Job;
  signal?: AbortSignal;
  clock?: Clock;
}

/** One job at a time, `count` times. */
export async function runSequential(opts: Common & { count: number }): Promise<ScheduleResult> {
  return runClosedLoop({ ...opts, tasks: opts.count, concurrency: 1 });
}

/**
 * Closed loop: `tasks` jobs, all enqueued at t0, run by exactly `concurrency` async workers (no
 * threads: the work is I/O). Each job's intendedStart is its actual start (a closed-loop client
 * only sends when a worker is free); queue wait is the time it waited for a worker.
 */
export async function runClosedLoop(
  opts: Common & { tasks: number; concurrency: number },
): Promise<ScheduleResult> {
  const { tasks, job, clock = realClock } = opts;
  const concurrency = Math.max(1, Math.min(Math.floor(opts.concurrency), tasks));
  const signal = jobSignal(opts.signal);
  const queueWait = new LatencyRecorder();
  const counts = { started: 0, completed: 0, failed: 0 };
  const t0 = clock.now();
  let next = 0;
  const worker = async () => {
    while (next < tasks && !signal.aborted) {
      const index = next++;
      const start = clock.now();
      queueWait.record(start - t0);
      counts.started++;
      await settle(() => job({ index, intendedStart: start, signal }), counts);
    }
  };
  await Promise.all(Array.from({ length: tasks > 0 ? concurrency : 0 }, worker));
  return {
    ...counts,
    durationMs: clock.now() - t0,
    queueWait,
    lateStarts: 0,
    dropped: tasks - counts.started,
  };
}

export interface OpenLoopOptions extends Common {
  /** Arrivals per second. */
  rate: number;
  /** Length of the arrival window; in-flight jobs are then awaited. */
  durationMs: number;
  arrival: "constant" | "poisson";
  seed?: number;
  /** Cap on concurrent jobs; further arrivals wait in a FIFO queue (their queue wait grows). */
  maxInFlight?: number;
  lateThresholdMs?: number;
}

/** Offsets (ms from start) of every arrival inside the window. */
export function arrivalOffsets(opts: {
  rate: number;
  durationMs: number;
  arrival: "constant" | "poisson";
  seed?: number;
}): number[] {
  const gap = 1000 / opts.rate;
  if (!(gap > 0) || !Number.isFinite(gap)) throw new RangeError(`bad arrival rate ${opts.rate}`);
  const out: number[] = [];
  if (opts.arrival === "constant") {
    // Index-based (i * gap), so rounding never accumulates.
    for (let i = 0; i * gap < opts.durationMs; i++) out.push(i * gap);
    return out;
  }
  const rng = createRng(opts.seed ?? randomSeed());
  for (let t = exponential(rng, gap); t < opts.durationMs; t += exponential(rng, gap)) out.push(t);
  return out;
}

/** Open loop: arrivals at `rate`/s for `durationMs`, each job measured from its intended start. */
export async function runOpenLoop(opts: OpenLoopOptions): Promise<ScheduleResult> {
  const { job, clock = realClock, durationMs } = opts;
  const signal = jobSignal(opts.signal);
  const threshold = opts.lateThresholdMs ?? DEFAULT_LATE_THRESHOLD_MS;
  const maxInFlight = opts.maxInFlight && opts.maxInFlight > 0 ? opts.maxInFlight : Number.POSITIVE_INFINITY;
  const offsets = arrivalOffsets(opts);
  const queueWait = new LatencyRecorder();
  const counts = { started: 0, completed: 0, failed: 0 };
  let lateStarts = 0;
  let startedInWindow = 0;
  let inFlight = 0;
  const waiting: number[] = []; // intended starts of queued arrivals (FIFO)
  const running = new Set<Promise<void>>();
  let slotFreed: (() => void) | null = null;

  const start = clock.now();
  const windowEnd = start + durationMs;
  let index = 0;

  const launch = (intendedStart: number) => {
    const now = clock.now();
    const wait = now - intendedStart;
    queueWait.record(wait);
    if (wait > threshold) lateStarts++;
    if (now <= windowEnd) startedInWindow++;
    counts.started++;
    inFlight++;
    const jobIndex = index++;
    const p = settle(() => job({ index: jobIndex, intendedStart, signal }), counts).then(() => {
      inFlight--;
      running.delete(p);
      drainQueue();
      slotFreed?.();
    });
    running.add(p);
  };
  const drainQueue = () => {
    while (waiting.length > 0 && inFlight < maxInFlight && !signal.aborted) launch(waiting.shift()!);
  };

  let i = 0;
  while (i < offsets.length && !signal.aborted) {
    const now = clock.now();
    while (i < offsets.length && start + offsets[i]! <= now) {
      const intended = start + offsets[i++]!;
      if (inFlight < maxInFlight && waiting.length === 0) launch(intended);
      else waiting.push(intended);
    }
    if (i >= offsets.length) break;
    const sleepMs = start + offsets[i]! - clock.now();
    try {
      if (sleepMs > 0) await clock.sleep(sleepMs, signal);
      else await yieldToEventLoop();
    } catch {
      break; // aborted
    }
  }
  // Arrivals are over; queued ones still start as slots free up, unless aborted.
  while ((waiting.length > 0 || running.size > 0) && !signal.aborted) {
    if (running.size === 0) drainQueue();
    await new Promise<void>((resolve) => {
      slotFreed = resolve;
    });
  }
  await Promise.all(running);
  const dropped = offsets.length - counts.started;
  return {
    ...counts,
    durationMs: clock.now() - start,
    achievedRate: startedInWindow / (durationMs / 1000),
    queueWait,
    lateStarts,
    dropped,
  };
}

/**
 * The signal handed to every job: follows the caller's, and allows one abort listener per job in
 * flight (hundreds under open-loop load) without Node's leak warning.
 */
function jobSignal(parent: AbortSignal | undefined): AbortSignal {
  const signal = parent ? AbortSignal.any([parent]) : new AbortController().signal;
  setMaxListeners(0, signal);
  return signal;
}

/** Run a job to completion, counting a rejection (or a synchronous throw) as a failure. */
async function settle(
  run: () => Promise<void>,
  counts: { completed: number; failed: number },
): Promise<void> {
  try {
    await run();
  } catch {
    counts.failed++;
  }
  counts.completed++;
}

/** Let I/O callbacks run between bursts of due arrivals without sleeping a whole timer tick. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
