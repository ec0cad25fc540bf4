/**
 * The metrics database layout and the one SQL path that moves journal lines into it.
 *
 * A journal line is `{"seq": n, "execution": ExecutionRecord, "attempts": AttemptRecord[]}`. DuckDB parses
 * lines natively with `json_transform` (lenient: unknown keys are ignored so newer writers stay
 * readable, bad values become NULL, a torn last line becomes a NULL row that is skipped), and
 * `INSERT OR IGNORE` on the primary keys makes ingesting the same line twice a no-op.
 */

export const SCHEMA_VERSION = 1;

export const DDL = [
  `CREATE TABLE IF NOT EXISTS schema_meta (version INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS executions (
    run_id VARCHAR,
    execution_id VARCHAR PRIMARY KEY,
    timestamp TIMESTAMP,
    agent VARCHAR,
    workflow VARCHAR,
    workflow_position INTEGER,
    scenario VARCHAR,
    iteration INTEGER,
    provider VARCHAR,
    simulated BOOLEAN,
    model VARCHAR,
    routing_tier VARCHAR,
    routing_model VARCHAR,
    routing_source VARCHAR,
    routing_complexity VARCHAR,
    routing_reason VARCHAR,
    task_hash VARCHAR,
    success BOOLEAN,
    error_type VARCHAR,
    error_message VARCHAR,
    attempts INTEGER,
    input_tokens INTEGER,
    output_tokens INTEGER,
    cache_read_tokens INTEGER,
    cache_write_5m_tokens INTEGER,
    cache_write_1h_tokens INTEGER,
    cost DOUBLE,
    e2e_ms DOUBLE,
    ttft_ms DOUBLE,
    queue_wait_ms DOUBLE,
    overhead_ms DOUBLE,
    backoff_ms DOUBLE,
    worker VARCHAR,
    -- Recording order within the writing process: breaks timestamp ties (same millisecond).
    record_seq BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS attempts (
    execution_id VARCHAR NOT NULL,
    attempt INTEGER NOT NULL,
    success BOOLEAN,
    error_type VARCHAR,
    error_message VARCHAR,
    status INTEGER,
    start_offset_ms DOUBLE,
    duration_ms DOUBLE,
    ttft_ms DOUBLE,
    backoff_ms DOUBLE,
    PRIMARY KEY (execution_id, attempt)
  )`,
];

/** json_transform structure of one journal line. The timestamp stays text and is TRY_CAST below. */
const LINE_STRUCTURE = JSON.stringify({
  seq: "BIGINT",
  execution: {
    runId: "VARCHAR",
    executionId: "VARCHAR",
    timestamp: "VARCHAR",
    agent: "VARCHAR",
    workflow: "VARCHAR",
    workflowPosition: "INTEGER",
    scenario: "VARCHAR",
    iteration: "INTEGER",
    provider: "VARCHAR",
    simulated: "BOOLEAN",
    model: "VARCHAR",
    routing: {
      tier: "VARCHAR",
      model: "VARCHAR",
      source: "VARCHAR",
      complexity: "VARCHAR",
      reason: "VARCHAR",
    },
    taskHash: "VARCHAR",
    success: "BOOLEAN",
    errorType: "VARCHAR",
    errorMessage: "VARCHAR",
    attempts: "INTEGER",
    usage: {
      input: "INTEGER",
      output: "INTEGER",
      cacheRead: "INTEGER",
      cacheWrite5m: "INTEGER",
      cacheWrite1h: "INTEGER",
    },
    cost: "DOUBLE",
    e2eMs: "DOUBLE",
    ttftMs: "DOUBLE",
    queueWaitMs: "DOUBLE",
    overheadMs: "DOUBLE",
    backoffMs: "DOUBLE",
    worker: "VARCHAR",
  },
  attempts: [
    {
      attempt: "INTEGER",
      success: "BOOLEAN",
      errorType: "VARCHAR",
      errorMessage: "VARCHAR",
      status: "INTEGER",
      startOffsetMs: "DOUBLE",
      durationMs: "DOUBLE",
      ttftMs: "DOUBLE",
      backoffMs: "DOUBLE",
    },
  ],
});

/** A SQL string literal (COPY targets and file lists cannot always be bound as parameters). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Journal files as a relation of raw JSON text in a column named `line`. */
export function journalSource(files: string[]): string {
  const list = files.map(sqlString).join(", ");
  return `(SELECT json AS line FROM read_json_objects([${list}], format = 'newline_delimited', ignore_errors = true))`;
}

/** In-memory lines (the --no-track mode) staged in a temp table. */
export const MEMORY_LINES_TABLE = "journal_lines";
export const MEMORY_SOURCE = `(SELECT line FROM temp.main.${MEMORY_LINES_TABLE})`;

/** Statements that insert every valid line of `source` (a relation with a `line` column). */
export function ingestStatements(source: string): string[] {
  const batch = `CREATE OR REPLACE TEMP TABLE ingest_batch AS
    SELECT j.seq AS seq, j.execution AS e, j.attempts AS a
    FROM (SELECT json_transform(line, ${sqlString(LINE_STRUCTURE)}) AS j FROM ${source})
    WHERE j.execution.executionId IS NOT NULL`;
  const executions = `INSERT OR IGNORE INTO executions SELECT
    e.runId, e.executionId, TRY_CAST(e.timestamp AS TIMESTAMP), e.agent, e.workflow, e.workflowPosition,
    e.scenario, e.iteration, e.provider, e.simulated, e.model,
    e.routing.tier, e.routing.model, e.routing.source, e.routing.complexity, e.routing.reason,
    e.taskHash, e.success, e.errorType, e.errorMessage, e.attempts,
    e.usage.input, e.usage.output, e.usage.cacheRead, e.usage.cacheWrite5m, e.usage.cacheWrite1h,
    e.cost, e.e2eMs, e.ttftMs, e.queueWaitMs, e.overheadMs, e.backoffMs, e.worker, seq
    FROM ingest_batch`;
  const attempts = `INSERT OR IGNORE INTO attempts SELECT
    id, x.attempt, x.success, x.errorType, x.errorMessage, x.status,
    x.startOffsetMs, x.durationMs, x.ttftMs, x.backoffMs
    FROM (SELECT e.executionId AS id, unnest(a) AS x FROM ingest_batch)
    WHERE x.attempt IS NOT NULL`;
  return [batch, executions, attempts, "DROP TABLE ingest_batch"];
}
