/**
 * The per-process journal: every record becomes one JSON line appended to this process's own
 * segment file, so recording never waits for the database and never contends with other
 * processes. Lines are buffered for at most one event-loop turn (setImmediate), which batches the
 * writes of a busy benchmark while a quiet CLI run writes each execution as it finishes.
 *
 * Segment names: `<host>_<pid>_<random>_<seq>.open.jsonl` while written, renamed (atomically) to
 * `....jsonl` when sealed. Sealed segments, and open ones whose owner process on this host has
 * died, are complete and may be ingested by any process.
 */
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const OPEN_SUFFIX = ".open.jsonl";
const SEALED_SUFFIX = ".jsonl";
/** Past this many buffered characters, write inline rather than wait for the next turn. */
const BUFFER_LIMIT = 1 << 20;
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, "-") || "host";

const live = new Set<JournalWriter>();
let exitHookInstalled = false;

/** On any exit that runs JS (normal end, process.exit, an uncaught exception) keep what is buffered. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const w of live) {
      try {
        w.seal();
      } catch {
        // Nothing useful can be done while exiting; sealed or not, the lines are on disk or lost.
      }
    }
  });
}

export class JournalWriter {
  readonly dir: string;
  private readonly id = `${HOST}_${process.pid}_${randomBytes(4).toString("hex")}`;
  private seq = 0;
  private fd: number | null = null;
  private openPath = "";
  private buffer: string[] = [];
  private buffered = 0;
  private scheduled = false;

  constructor(dir: string) {
    this.dir = dir;
    live.add(this);
    installExitHook();
  }

  append(line: string): void {
    this.buffer.push(line);
    this.buffered += line.length + 1;
    if (this.buffered >= BUFFER_LIMIT) this.tryWrite();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.onTurn);
    }
  }

  private readonly onTurn = (): void => {
    this.scheduled = false;
    this.tryWrite();
  };

  private tryWrite(): void {
    try {
      this.write();
    } catch {
      // Never throw from a timer into the host process: the lines stay buffered, and the next
      // explicit write (flush, close, a query) retries them and reports the error.
    }
  }

  /** Write every buffered line to the open segment now (synchronously). */
  write(): void {
    if (this.buffer.length === 0) return;
    const data = Buffer.from(`${this.buffer.join("\n")}\n`);
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.openPath = join(this.dir, `${this.id}_${String(this.seq).padStart(6, "0")}${OPEN_SUFFIX}`);
      this.fd = openSync(this.openPath, "a");
    }
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off);
    this.buffer = [];
    this.buffered = 0;
  }

  /** Write, close the open segment and mark it complete so it can be ingested. */
  seal(): void {
    this.write();
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.openPath, this.openPath.slice(0, -OPEN_SUFFIX.length) + SEALED_SUFFIX);
    this.seq++;
  }

  close(): void {
    try {
      this.seal();
    } finally {
      live.delete(this);
    }
  }
}

export interface JournalFile {
  path: string;
  bytes: number;
}

/** Segments ready to ingest: sealed ones plus open ones whose owner on this host is gone. */
export function ingestableSegments(dir: string): JournalFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const out: JournalFile[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(SEALED_SUFFIX)) continue;
    if (name.endsWith(OPEN_SUFFIX) && !ownerIsGone(name)) continue;
    const path = join(dir, name);
    try {
      out.push({ path, bytes: statSync(path).size });
    } catch {
      // Removed by another process between listing and stat: already ingested.
    }
  }
  return out;
}

function ownerIsGone(name: string): boolean {
  const [host, pidText] = name.split("_");
  const pid = Number(pidText);
  if (host !== HOST || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
