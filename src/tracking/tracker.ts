/**
 * PerformanceTracker: records every execution and attempt, and answers questions about them.
 *
 * `record` only appends a JSON line to this process's journal (see journal.ts), so it is cheap
 * and never waits on the database. The journal is ingested into DuckDB on `flush`, `close`, a
 * background interval and before every query; ingestion is idempotent (primary keys with
 * INSERT OR IGNORE, journal files removed only after the commit), so a crash at any point neither
 * loses written lines nor duplicates rows. With `enabled: false` (--no-track) records stay in
 * memory and queries run on a private in-memory database: no file is touched.
 */
import { existsSync, mkdirSync, unlinkSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ClaudeForceError } from "../errors.js";
import { redact } from "../internal/redact.js";
import type { AttemptRecord } from "../providers/types.js";
import { withDatabase } from "./database.js";
import { ingestableSegments, type JournalFile, JournalWriter } from "./journal.js";
import {
  type AgentStats,
  type ExportFormat,
  exportRows,
  type MetricsFilter,
  type MetricsSummary,
  type ModelStats,
  type StoredAttempt,
  selectAttempts,
  selectByAgent,
  selectByModel,
  selectRecords,
  selectSummary,
} from "./queries.js";
import { ingestStatements, journalSource, MEMORY_LINES_TABLE, MEMORY_SOURCE } from "./schema.js";
import type { ExecutionRecord } from "./types.js";

export const DEFAULT_DATABASE = ".claude/metrics/metrics.duckdb";

export interface TrackerOptions {
  projectRoot: string;
  /** Default <root>/.claude/metrics/metrics.duckdb; relative paths resolve from projectRoot. */
  database?: string;
  /** false (--no-track): keep records in memory only and touch no file. */
  enabled?: boolean;
  /** Fail instead of starting an empty database when the file does not exist (`--db <path>`). */
  mustExist?: boolean;
  /** Background ingestion period; 0 turns it off. Default 5000. */
  ingestIntervalMs?: number;
  /** How long to wait for another process holding the database. Default 60000. */
  lockTimeoutMs?: number;
  /** --no-track only: records kept in memory (oldest dropped first). Default 100000. */
  memoryLimit?: number;
}

/** Journal files per ingest transaction are capped by size to bound DuckDB's memory. */
const INGEST_BATCH_BYTES = 128 * 1024 * 1024;

export class PerformanceTracker {
  private readonly dbPath: string;
  private readonly journal: JournalWriter | null;
  private readonly memory: string[] = [];
  private readonly memoryLimit: number;
  private readonly lockTimeoutMs: number;
  private readonly mustExist: boolean;
  private readonly timer: NodeJS.Timeout | null = null;
  private dropped = 0;
  private seq = 0;
  private closed = false;
  private background: Promise<void> | null = null;

  private constructor(opts: TrackerOptions) {
    const db = opts.database ?? DEFAULT_DATABASE;
    this.dbPath = isAbsolute(db) ? db : resolve(opts.projectRoot, db);
    const enabled = opts.enabled !== false;
    this.journal = enabled ? new JournalWriter(`${this.dbPath}.journal`) : null;
    this.memoryLimit = opts.memoryLimit ?? 100_000;
    this.lockTimeoutMs = opts.lockTimeoutMs ?? 60_000;
    this.mustExist = opts.mustExist === true;
    const interval = opts.ingestIntervalMs ?? 5000;
    if (enabled && interval > 0) {
      this.timer = setInterval(() => this.ingestInBackground(), interval);
      this.timer.unref();
    }
  }

  static async open(opts: TrackerOptions): Promise<PerformanceTracker> {
    const tracker = new PerformanceTracker(opts);
    if (tracker.mustExist && tracker.enabled && !existsSync(tracker.dbPath)) {
      await tracker.close();
      throw new ClaudeForceError("INPUT", "metrics database not found", {
        file: tracker.dbPath,
        hint: "check the --db path; claude-force creates the database on the first tracked run",
      });
    }
    return tracker;
  }

  /** The database file (also the prefix of the journal directory `<path>.journal/`). */
  get path(): string {
    return this.dbPath;
  }

  get enabled(): boolean {
    return this.journal !== null;
  }

  /** --no-track only: how many old records were dropped to stay within memoryLimit. */
  get droppedFromMemory(): number {
    return this.dropped;
  }

  /** Record one execution and its attempts. Cheap and synchronous: it appends to a buffer. */
  record(rec: ExecutionRecord, attempts: AttemptRecord[] = []): void {
    if (this.closed) throw new ClaudeForceError("INTERNAL", "record() called on a closed PerformanceTracker");
    const line = JSON.stringify({
      seq: this.seq++,
      execution: scrubRecord(rec),
      attempts: scrubAttempts(attempts),
    });
    if (this.journal) {
      this.journal.append(line);
      return;
    }
    this.memory.push(line);
    // Trim in chunks so a long --no-track run stays amortised O(1) per record.
    if (this.memory.length >= this.memoryLimit * 2) {
      const excess = this.memory.length - this.memoryLimit;
      this.memory.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Write buffered lines to the journal now, without touching the database. */
  syncJournal(): void {
    this.journal?.write();
  }

  /** Make everything recorded so far durable in the database. */
  async flush(): Promise<void> {
    if (!this.journal) return;
    this.journal.seal();
    if (ingestableSegments(this.journal.dir).length === 0) return;
    await this.withDb(async () => {});
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.background;
    if (!this.journal) return;
    this.journal.close();
    await this.flush();
  }

  /** Every execution matching the filter, oldest first. */
  async getAllMetrics(filter?: MetricsFilter): Promise<ExecutionRecord[]> {
    return this.query((c) => selectRecords(c, filter));
  }

  /** Attempts of the executions matching the filter, in execution then attempt order. */
  async getAttempts(filter?: MetricsFilter): Promise<StoredAttempt[]> {
    return this.query((c) => selectAttempts(c, filter));
  }

  async summary(filter?: MetricsFilter): Promise<MetricsSummary> {
    return this.query((c) => selectSummary(c, filter));
  }

  async byAgent(filter?: MetricsFilter): Promise<AgentStats[]> {
    return this.query((c) => selectByAgent(c, filter));
  }

  async byModel(filter?: MetricsFilter): Promise<ModelStats[]> {
    return this.query((c) => selectByModel(c, filter));
  }

  /** Summary, per-agent and per-model figures from one database session. */
  async overview(
    filter?: MetricsFilter,
  ): Promise<{ summary: MetricsSummary; agents: AgentStats[]; models: ModelStats[] }> {
    return this.query(async (c) => ({
      summary: await selectSummary(c, filter),
      agents: await selectByAgent(c, filter),
      models: await selectByModel(c, filter),
    }));
  }

  /** Write the matching executions to a file (relative paths resolve from the cwd). */
  async exportTo(
    format: ExportFormat,
    outPath: string,
    filter?: MetricsFilter,
  ): Promise<{ path: string; rows: number }> {
    const path = resolve(outPath);
    mkdirSync(dirname(path), { recursive: true });
    const rows = await this.query((c) => exportRows(c, format, path, filter));
    return { path, rows };
  }

  private ingestInBackground(): void {
    if (this.background || this.closed) return;
    // A failure here (say, a lock held too long) leaves the journal in place for the next try.
    this.background = this.flush()
      .catch(() => {})
      .finally(() => {
        this.background = null;
      });
  }

  private async query<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    if (!this.journal) {
      return withDatabase(null, { lockTimeoutMs: this.lockTimeoutMs }, async (conn) => {
        await loadMemory(conn, this.memory);
        return fn(conn);
      });
    }
    this.journal.seal();
    const hasDb = existsSync(this.dbPath);
    if (this.mustExist && !hasDb)
      throw new ClaudeForceError("INPUT", "metrics database not found", { file: this.dbPath });
    // Nothing recorded anywhere yet: answer from an empty in-memory database, creating no file.
    if (!hasDb && ingestableSegments(this.journal.dir).length === 0)
      return withDatabase(null, { lockTimeoutMs: this.lockTimeoutMs }, fn);
    return this.withDb(fn);
  }

  /** A session on the database file that first ingests every complete journal segment. */
  private withDb<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const dir = `${this.dbPath}.journal`;
    return withDatabase(this.dbPath, { lockTimeoutMs: this.lockTimeoutMs }, async (conn) => {
      // Listed while holding the database lock, so no other process is ingesting the same files.
      for (const batch of batches(ingestableSegments(dir))) await ingestFiles(conn, batch);
      return fn(conn);
    });
  }
}

async function ingestFiles(conn: DuckDBConnection, files: JournalFile[]): Promise<void> {
  await conn.run("BEGIN TRANSACTION");
  try {
    for (const sql of ingestStatements(journalSource(files.map((f) => f.path)))) await conn.run(sql);
    await conn.run("COMMIT");
  } catch (err) {
    await conn.run("ROLLBACK");
    throw new ClaudeForceError(
      "INPUT",
      `cannot ingest the metrics journal: ${err instanceof Error ? err.message : String(err)}`,
      { file: files[0]?.path },
      { cause: err },
    );
  }
  // Only after the commit: a crash before this point re-ingests these files, which is a no-op.
  for (const f of files) {
    try {
      unlinkSync(f.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
}

function batches(files: JournalFile[]): JournalFile[][] {
  const out: JournalFile[][] = [];
  let current: JournalFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && bytes + f.bytes > INGEST_BATCH_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function loadMemory(conn: DuckDBConnection, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  await conn.run(`CREATE TEMP TABLE ${MEMORY_LINES_TABLE} (line VARCHAR)`);
  const appender = await conn.createAppender(MEMORY_LINES_TABLE, "main", "temp");
  for (const line of lines) {
    appender.appendVarchar(line);
    appender.endRow();
  }
  appender.closeSync();
  for (const sql of ingestStatements(MEMORY_SOURCE)) await conn.run(sql);
}

/** Error text can echo an API key back from a provider; scrub it before it is stored. */
function scrubRecord(rec: ExecutionRecord): ExecutionRecord {
  return rec.errorMessage === null ? rec : { ...rec, errorMessage: redact(rec.errorMessage) };
}

function scrubAttempts(attempts: AttemptRecord[]): AttemptRecord[] {
  if (attempts.every((a) => a.errorMessage === null)) return attempts;
  return attempts.map((a) => (a.errorMessage === null ? a : { ...a, errorMessage: redact(a.errorMessage) }));
}
