/**
 * Redis plumbing shared by the coordinator and the workers: URL checks, a fail-fast reachability
 * probe (one clear error instead of endless reconnect noise), BullMQ connection options, and the
 * NTP-style clock offset against Redis' own clock (the one clock every machine can read).
 */
import { Redis } from "ioredis";
import { ClaudeForceError } from "../errors.js";

export const DEFAULT_QUEUE_NAME = "claude-force";
/** Prefix of BullMQ keys and of our own run keys. */
export const KEY_PREFIX = "cf";
const CONNECT_TIMEOUT_MS = 3000;

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

export function checkQueueUrl(url: string): void {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    // reported below
  }
  if (!u || (u.protocol !== "redis:" && u.protocol !== "rediss:")) {
    throw new ClaudeForceError("USAGE", "bad queue URL", {
      expected: "redis://host:6379/0 or rediss://...",
      found: displayUrl(url),
      hint: "pass --queue redis://host:6379/0",
    });
  }
}

/**
 * Connection options for BullMQ. After the probe succeeded, a dropped connection is retried with
 * capped backoff (a Redis restart must not kill a long run).
 */
export function bullConnection(url: string): {
  url: string;
  connectTimeout: number;
  enableOfflineQueue: boolean;
} {
  return { url, connectTimeout: CONNECT_TIMEOUT_MS, enableOfflineQueue: true };
}

/**
 * Connect once with no retries; an unreachable server becomes one PROVIDER error within a few
 * seconds. Returns the connected client (the caller closes it).
 */
export async function connectOrFail(url: string): Promise<Redis> {
  checkQueueUrl(url);
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: Error | null = null;
  client.on("error", (e: Error) => {
    lastError = e;
  });
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (err) {
    client.disconnect();
    const e = (lastError ?? err) as NodeJS.ErrnoException;
    const reason = e.code ?? e.message;
    throw new ClaudeForceError(
      "PROVIDER",
      `cannot reach Redis at ${displayUrl(url)}: ${reason}`,
      { hint: "start redis-server there or pass another --queue URL" },
      { cause: err },
    );
  }
}

/**
 * This machine's clock minus Redis' clock (ms): several TIME round trips, keeping the one with the
 * shortest round trip, whose midpoint is the best estimate (NTP). Accurate to about RTT/2.
 */
export async function measureClockOffset(
  client: Redis,
  samples = 7,
): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const t0 = performance.timeOrigin + performance.now();
    const [sec, usec] = await client.time();
    const t1 = performance.timeOrigin + performance.now();
    const server = Number(sec) * 1000 + Number(usec) / 1000;
    const rtt = t1 - t0;
    if (rtt < best.rttMs) best = { offsetMs: (t0 + t1) / 2 - server, rttMs: rtt };
  }
  return best;
}

/** Epoch ms on this machine's clock, sub-ms precise (Date.now() is whole ms). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
