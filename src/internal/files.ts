/**
 * Reading user-supplied files with one clear error per problem: missing, unreadable, or too large.
 * Size caps keep a stray multi-gigabyte file from being parsed before the schema rejects it.
 */
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { Document } from "yaml";
import { ClaudeForceError, type ErrorCode } from "../errors.js";

export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
export const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

export interface ReadTextOptions {
  /** What the file is, for messages: "config file", "results file", ... */
  what: string;
  maxBytes: number;
  code?: ErrorCode;
  hint?: string;
}

function tooLarge(file: string, size: number, o: ReadTextOptions): ClaudeForceError {
  return new ClaudeForceError(o.code ?? "INPUT", `${o.what} is too large`, {
    file,
    expected: `at most ${o.maxBytes} bytes`,
    found: `${size} bytes`,
    hint: o.hint,
  });
}

function unreadable(file: string, err: unknown, o: ReadTextOptions): ClaudeForceError {
  const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
  return new ClaudeForceError(
    o.code ?? "INPUT",
    missing ? `${o.what} not found` : `cannot read ${o.what}: ${(err as Error).message}`,
    { file, hint: o.hint },
    { cause: err },
  );
}

/** Read a UTF-8 file (BOM stripped); `null` when it does not exist and `missingOk`. */
export async function readTextFile(
  file: string,
  o: ReadTextOptions & { missingOk: true },
): Promise<string | null>;
export async function readTextFile(file: string, o: ReadTextOptions & { missingOk?: false }): Promise<string>;
export async function readTextFile(
  file: string,
  o: ReadTextOptions & { missingOk?: boolean },
): Promise<string | null> {
  try {
    const { size } = await stat(file);
    if (size > o.maxBytes) throw tooLarge(file, size, o);
    return (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    if (err instanceof ClaudeForceError) throw err;
    if (o.missingOk && (err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw unreadable(file, err, o);
  }
}

export function readTextFileSync(file: string, o: ReadTextOptions): string {
  try {
    const { size } = statSync(file);
    if (size > o.maxBytes) throw tooLarge(file, size, o);
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    if (err instanceof ClaudeForceError) throw err;
    throw unreadable(file, err, o);
  }
}

/**
 * `doc.toJS()` that cannot escape as a non-ClaudeForceError: the yaml library throws a
 * ReferenceError for alias bombs (a few hundred bytes expanding to millions of nodes).
 */
export function yamlToJS(doc: Document, file: string, code: ErrorCode = "INPUT"): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new ClaudeForceError(code, `YAML could not be expanded: ${(err as Error).message}`, {
      file,
      hint: "anchors and aliases that expand exponentially are refused",
    });
  }
}
