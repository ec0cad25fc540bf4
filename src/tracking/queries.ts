/**
 * Read queries over the metrics database. Percentiles use DuckDB's `quantile_cont` (linear
 * interpolation between closest ranks, numpy's default); the benchmark reports use HDR histograms
 * instead, so tiny differences between the two are expected.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { ClaudeForceError } from "../errors.js";
import type { AttemptRecord, ErrorKind, ProviderName, Tier } from "../providers/types.js";
import { sqlString } from "./schema.js";
import type { ExecutionRecord, RoutingDecision } from "./types.js";

export interface MetricsFilter {
  runId?: string;
  /** Only executions that started at or after this time. */
  since?: Date;
  agent?: string;
  /** getAllMetrics / export: keep the most recent N (still returned oldest first). */
  limit?: number;
}

/** The original tracker's summary fields (reference 1.4) plus percentiles and unknown counts. */
export interface MetricsSummary {
  total_executions: number;
  successful_executions: number;
  failed_executions: number;
  /** 0-1; 0 when there are no executions. */
  success_rate: number;
  /** Token and cost totals exclude executions whose value is unknown (counted below). */
  total_input_tokens: number;
  total_output_tokens: number;
  total_tokens: number;
  total_cache_read_tokens: number;
  total_cache_write_tokens: number;
  total_cost: number;
  avg_execution_time_ms: number | null;
  /** Mean over executions with a known cost; null when none has one. */
  avg_cost_per_execution: number | null;
  p50_execution_time_ms: number | null;
  p95_execution_time_ms: number | null;
  p99_execution_time_ms: number | null;
  avg_ttft_ms: number | null;
  executions_with_unknown_cost: number;
  executions_with_unknown_tokens: number;
  simulated_executions: number;
  /** Failed executions by error type ("unknown" when none was recorded). */
  by_error_type: Record<string, number>;
  first_timestamp: string | null;
  last_timestamp: string | null;
}

export interface GroupStats {
  executions: number;
  successful_executions: number;
  success_rate: number;
  mean_ms: number | null;
  p95_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  total_cost: number;
  executions_with_unknown_cost: number;
  simulated_executions: number;
}
export type AgentStats = { agent: string } & GroupStats;
export type ModelStats = { model: string } & GroupStats;

export type StoredAttempt = AttemptRecord & { executionId: string };

export type ExportFormat = "csv" | "jsonl" | "parquet";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "jsonl", "parquet"];

type Row = Record<string, unknown>;

function where(filter: MetricsFilter = {}): { sql: string; params: DuckDBValue[] } {
  const clauses: string[] = [];
  const params: DuckDBValue[] = [];
  if (filter.runId !== undefined) {
    params.push(filter.runId);
    clauses.push(`run_id = $${params.length}`);
  }
  if (filter.since !== undefined) {
    // TIMESTAMP columns hold UTC wall time; compare against the same, without the zone suffix.
    params.push(filter.since.toISOString().replace("T", " ").replace("Z", ""));
    clauses.push(`timestamp >= CAST($${params.length} AS TIMESTAMP)`);
  }
  if (filter.agent !== undefined) {
    params.push(filter.agent);
    clauses.push(`agent = $${params.length}`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** The selected executions as a subquery, narrowed to the most recent `limit` rows when asked. */
function selection(filter: MetricsFilter = {}): { sql: string; params: DuckDBValue[] } {
  const w = where(filter);
  if (filter.limit === undefined) return { sql: `SELECT * FROM executions ${w.sql}`, params: w.params };
  const limit = Math.max(0, Math.floor(filter.limit));
  return {
    sql: `SELECT * FROM executions ${w.sql} ORDER BY timestamp DESC, record_seq DESC LIMIT ${limit}`,
    params: w.params,
  };
}

async function rows(conn: DuckDBConnection, sql: string, params: DuckDBValue[]): Promise<Row[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as Row[];
}

/** DuckDB returns BIGINT/HUGEINT as bigint; every count and sum here fits a double. */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === "bigint" ? Number(v) : (v as number);
}
function num0(v: unknown): number {
  return num(v) ?? 0;
}
function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
function iso(v: unknown): string | null {
  return v instanceof Date ? v.toISOString() : str(v);
}

export async function selectRecords(
  conn: DuckDBConnection,
  filter?: MetricsFilter,
): Promise<ExecutionRecord[]> {
  const s = selection(filter);
  return (await rows(conn, `SELECT * FROM (${s.sql}) ORDER BY timestamp, record_seq`, s.params)).map(
    toRecord,
  );
}

function toRecord(r: Row): ExecutionRecord {
  const routing: RoutingDecision | null =
    r.routing_source === null
      ? null
      : {
          tier: str(r.routing_tier) as Tier | null,
          model: str(r.routing_model) ?? "",
          source: r.routing_source as RoutingDecision["source"],
          ...(r.routing_complexity !== null
            ? { complexity: r.routing_complexity as RoutingDecision["complexity"] }
            : {}),
          reason: str(r.routing_reason) ?? "",
        };
  return {
    runId: str(r.run_id) ?? "",
    executionId: String(r.execution_id),
    timestamp: iso(r.timestamp) ?? "",
    agent: str(r.agent) ?? "",
    workflow: str(r.workflow),
    workflowPosition: num(r.workflow_position),
    scenario: str(r.scenario),
    iteration: num(r.iteration),
    provider: str(r.provider) as ProviderName,
    simulated: r.simulated === true,
    model: str(r.model) ?? "",
    routing,
    taskHash: str(r.task_hash) ?? "",
    success: r.success === true,
    errorType: str(r.error_type) as ErrorKind | null,
    errorMessage: str(r.error_message),
    attempts: num0(r.attempts),
    usage: {
      input: num(r.input_tokens),
      output: num(r.output_tokens),
      cacheRead: num(r.cache_read_tokens),
      cacheWrite5m: num(r.cache_write_5m_tokens),
      cacheWrite1h: num(r.cache_write_1h_tokens),
    },
    cost: num(r.cost),
    // A NaN duration is written to JSON as null; give it back as NaN rather than a fake 0.
    e2eMs: num(r.e2e_ms) ?? Number.NaN,
    ttftMs: num(r.ttft_ms),
    queueWaitMs: num(r.queue_wait_ms) ?? Number.NaN,
    overheadMs: num(r.overhead_ms) ?? Number.NaN,
    backoffMs: num(r.backoff_ms) ?? Number.NaN,
    worker: str(r.worker),
  };
}

export async function selectAttempts(
  conn: DuckDBConnection,
  filter?: MetricsFilter,
): Promise<StoredAttempt[]> {
  const s = selection(filter);
  const sql = `SELECT a.* FROM attempts a JOIN (${s.sql}) e USING (execution_id)
    ORDER BY e.timestamp, e.record_seq, a.attempt`;
  return (await rows(conn, sql, s.params)).map((r) => ({
    executionId: String(r.execution_id),
    attempt: num0(r.attempt),
    success: r.success === true,
    errorType: str(r.error_type) as ErrorKind | null,
    errorMessage: str(r.error_message),
    status: num(r.status),
    startOffsetMs: num(r.start_offset_ms) ?? Number.NaN,
    durationMs: num(r.duration_ms) ?? Number.NaN,
    ttftMs: num(r.ttft_ms),
    backoffMs: num(r.backoff_ms) ?? Number.NaN,
  }));
}

export async function selectSummary(conn: DuckDBConnection, filter?: MetricsFilter): Promise<MetricsSummary> {
  const w = where(filter);
  const [t] = await rows(
    conn,
    `SELECT count(*) AS n, count_if(success) AS ok,
      sum(input_tokens) AS tin, sum(output_tokens) AS tout,
      sum(cache_read_tokens) AS tcr, sum(coalesce(cache_write_5m_tokens, 0) + coalesce(cache_write_1h_tokens, 0)) AS tcw,
      sum(cost) AS cost, avg(cost) AS avg_cost, avg(e2e_ms) AS avg_ms,
      quantile_cont(e2e_ms, [0.5, 0.95, 0.99]) AS q, avg(ttft_ms) AS ttft,
      count_if(cost IS NULL) AS unknown_cost, count_if(input_tokens IS NULL OR output_tokens IS NULL) AS unknown_tokens,
      count_if(simulated) AS sim, min(timestamp) AS first, max(timestamp) AS last
    FROM executions ${w.sql}`,
    w.params,
  );
  const errors = await rows(
    conn,
    `SELECT coalesce(error_type, 'unknown') AS kind, count(*) AS n FROM executions
     ${w.sql ? `${w.sql} AND` : "WHERE"} NOT success GROUP BY kind ORDER BY n DESC, kind`,
    w.params,
  );
  const r = t ?? {};
  const n = num0(r.n);
  const ok = num0(r.ok);
  const q = (r.q as Array<number | null> | null) ?? [];
  const tin = num0(r.tin);
  const tout = num0(r.tout);
  return {
    total_executions: n,
    successful_executions: ok,
    failed_executions: n - ok,
    success_rate: n > 0 ? ok / n : 0,
    total_input_tokens: tin,
    total_output_tokens: tout,
    total_tokens: tin + tout,
    total_cache_read_tokens: num0(r.tcr),
    total_cache_write_tokens: num0(r.tcw),
    total_cost: num0(r.cost),
    avg_execution_time_ms: num(r.avg_ms),
    avg_cost_per_execution: num(r.avg_cost),
    p50_execution_time_ms: q[0] ?? null,
    p95_execution_time_ms: q[1] ?? null,
    p99_execution_time_ms: q[2] ?? null,
    avg_ttft_ms: num(r.ttft),
    executions_with_unknown_cost: num0(r.unknown_cost),
    executions_with_unknown_tokens: num0(r.unknown_tokens),
    simulated_executions: num0(r.sim),
    by_error_type: Object.fromEntries(errors.map((e) => [String(e.kind), num0(e.n)])),
    first_timestamp: iso(r.first),
    last_timestamp: iso(r.last),
  };
}

async function selectGroups(
  conn: DuckDBConnection,
  column: "agent" | "model",
  filter?: MetricsFilter,
): Promise<Array<{ key: string } & GroupStats>> {
  const w = where(filter);
  const out = await rows(
    conn,
    `SELECT ${column} AS key, count(*) AS n, count_if(success) AS ok, avg(e2e_ms) AS mean_ms,
      quantile_cont(e2e_ms, 0.95) AS p95_ms, sum(input_tokens) AS tin, sum(output_tokens) AS tout,
      sum(cost) AS cost, count_if(cost IS NULL) AS unknown_cost, count_if(simulated) AS sim
    FROM executions ${w.sql} GROUP BY key ORDER BY n DESC, key`,
    w.params,
  );
  return out.map((r) => {
    const n = num0(r.n);
    const ok = num0(r.ok);
    const tin = num0(r.tin);
    const tout = num0(r.tout);
    return {
      key: String(r.key),
      executions: n,
      successful_executions: ok,
      success_rate: n > 0 ? ok / n : 0,
      mean_ms: num(r.mean_ms),
      p95_ms: num(r.p95_ms),
      input_tokens: tin,
      output_tokens: tout,
      total_tokens: tin + tout,
      total_cost: num0(r.cost),
      executions_with_unknown_cost: num0(r.unknown_cost),
      simulated_executions: num0(r.sim),
    };
  });
}

export async function selectByAgent(conn: DuckDBConnection, filter?: MetricsFilter): Promise<AgentStats[]> {
  return (await selectGroups(conn, "agent", filter)).map(({ key, ...g }) => ({ agent: key, ...g }));
}

export async function selectByModel(conn: DuckDBConnection, filter?: MetricsFilter): Promise<ModelStats[]> {
  return (await selectGroups(conn, "model", filter)).map(({ key, ...g }) => ({ model: key, ...g }));
}

/** The original's field names first (reference 1.4), then everything richer. */
function exportColumns(isoTimestamp: boolean): string {
  const ts = isoTimestamp ? `strftime(timestamp, '%Y-%m-%dT%H:%M:%S.%gZ')` : "timestamp";
  return `${ts} AS timestamp, agent AS agent_name, task_hash, success, e2e_ms AS execution_time_ms, model,
    input_tokens, output_tokens, input_tokens + output_tokens AS total_tokens, cost AS estimated_cost,
    error_type, workflow AS workflow_name, workflow_position,
    run_id, execution_id, scenario, iteration, provider, simulated,
    routing_tier, routing_model, routing_source, routing_complexity, routing_reason, error_message, attempts,
    cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
    ttft_ms, queue_wait_ms, overhead_ms, backoff_ms, worker`;
}

export async function exportRows(
  conn: DuckDBConnection,
  format: ExportFormat,
  outPath: string,
  filter?: MetricsFilter,
): Promise<number> {
  if (!EXPORT_FORMATS.includes(format))
    throw new ClaudeForceError("USAGE", "unknown export format", {
      expected: EXPORT_FORMATS.join(" | "),
      found: String(format),
    });
  const s = selection(filter);
  const query = `SELECT ${exportColumns(format !== "parquet")} FROM (${s.sql}) ORDER BY timestamp, record_seq`;
  const options =
    format === "csv" ? "FORMAT CSV, HEADER" : format === "jsonl" ? "FORMAT JSON" : "FORMAT PARQUET";
  const [r] = await rows(conn, `COPY (${query}) TO ${sqlString(outPath)} (${options})`, s.params);
  return num0(r?.Count);
}
