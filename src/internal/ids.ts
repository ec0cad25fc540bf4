import { createHash, randomBytes } from "node:crypto";

/** Sortable, human-readable run id: 20261126-134501-a1b2 (UTC). */
export function newRunId(date = new Date()): string {
  const iso = date.toISOString(); // 2026-11-26T13:45:01.123Z
  const stamp = `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
  return `${stamp}-${randomBytes(2).toString("hex")}`;
}

/**
 * Random bytes come from a pooled block: one crypto call per 512 ids. A call per id was a fifth of
 * the per-execution overhead on the zero-latency benchmark (see docs/PERFORMANCE.md).
 */
const ID_POOL_BYTES = 4096;
let idPool = Buffer.alloc(0);
let idOffset = 0;

export function newExecutionId(): string {
  if (idOffset + 8 > idPool.length) {
    idPool = randomBytes(ID_POOL_BYTES);
    idOffset = 0;
  }
  const id = idPool.toString("hex", idOffset, idOffset + 8);
  idOffset += 8;
  return id;
}

/** Full SHA-256 in hex: the fingerprint of a file's or a dataset's content. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Stable short hash of a task text (the original's task_hash). */
export function taskHash(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

export function stableHash(value: unknown): string {
  return taskHash(stableStringify(value));
}

/** JSON with sorted keys, so equal objects hash equally. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(",")}}`;
}
