/**
 * Short DuckDB sessions. DuckDB lets one process at a time open a file read-write, so every
 * ingest or query opens the database, does its work and closes it again; a process that meets
 * another's lock retries with jittered backoff. Within a process, sessions on the same file are
 * chained so the process never opens one file twice.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { ClaudeForceError } from "../errors.js";
import { DDL, SCHEMA_VERSION } from "./schema.js";

export interface SessionOptions {
  /** Give up waiting for another process's lock after this long. */
  lockTimeoutMs: number;
}

const chains = new Map<string, Promise<unknown>>();

/** Run `fn` with a connection to `path` (null: a private in-memory database). */
export async function withDatabase<T>(
  path: string | null,
  opts: SessionOptions,
  fn: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  if (path === null) return session(null, opts, fn);
  const previous = chains.get(path) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => session(path, opts, fn));
  chains.set(path, next);
  try {
    return await next;
  } finally {
    if (chains.get(path) === next) chains.delete(path);
  }
}

async function session<T>(
  path: string | null,
  opts: SessionOptions,
  fn: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
  const instance = await openLocked(path ?? ":memory:", opts);
  try {
    const conn = await instance.connect();
    try {
      await ensureSchema(conn, path);
      const result = await fn(conn);
      // Checkpoint asynchronously so the synchronous close below has nothing left to write.
      if (path !== null) await conn.run("CHECKPOINT");
      return result;
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function openLocked(path: string, opts: SessionOptions): Promise<DuckDBInstance> {
  // Imported here, not at module top, so CLI start-up does not load the native binding.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const deadline = Date.now() + opts.lockTimeoutMs;
  let wait = 5;
  for (;;) {
    try {
      return await DuckDBInstance.create(path);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!isLockConflict(message)) throw openError(path, message, err);
      if (Date.now() >= deadline)
        throw new ClaudeForceError(
          "INPUT",
          `metrics database is locked by another process for more than ${opts.lockTimeoutMs} ms`,
          { file: path, hint: "another claude-force process may be stuck; retry when it has finished" },
          { cause: err },
        );
      await delay(wait * (0.5 + Math.random()));
      wait = Math.min(wait * 2, 100);
    }
  }
}

export function isLockConflict(message: string): boolean {
  return /Could not set lock|Conflicting lock/i.test(message);
}

function openError(path: string, message: string, cause: unknown): ClaudeForceError {
  const corrupt = /not a valid DuckDB database|Corrupt|checksum|Serialization Error/i.test(message);
  return new ClaudeForceError(
    "INPUT",
    corrupt
      ? "metrics database is not a valid DuckDB file"
      : `cannot open metrics database: ${firstLine(message)}`,
    {
      file: path,
      hint: corrupt ? "move it aside (records still in the journal are kept) or pass --db <path>" : undefined,
    },
    { cause },
  );
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0] ?? s;
}

async function ensureSchema(conn: DuckDBConnection, path: string | null): Promise<void> {
  for (const sql of DDL) await conn.run(sql);
  const rows = (await conn.runAndReadAll("SELECT max(version) AS v FROM schema_meta")).getRowObjectsJS();
  const version = rows[0]?.v;
  if (version === null || version === undefined) {
    await conn.run("INSERT INTO schema_meta VALUES ($1)", [SCHEMA_VERSION]);
  } else if (Number(version) > SCHEMA_VERSION) {
    throw new ClaudeForceError(
      "INPUT",
      `metrics database has schema version ${version}, newer than this claude-force understands (${SCHEMA_VERSION})`,
      { file: path ?? undefined, hint: "upgrade claude-force or pass --db <path>" },
    );
  }
}
