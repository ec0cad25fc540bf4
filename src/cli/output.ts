/**
 * Terminal output shared by every command: colour that honours NO_COLOR / FORCE_COLOR and TTY,
 * plain aligned tables, JSON, and the provider banner every run prints.
 */

import { redact } from "../internal/redact.js";
import type { ProviderInfo } from "../providers/types.js";

export interface OutputOptions {
  json?: boolean;
  color?: boolean;
  stream?: NodeJS.WriteStream;
}

export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

export function isInteractive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env.CI;
}

type Paint = (s: string) => string;
export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const code =
  (open: number, close: number): Paint =>
  (s) =>
    `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return {
    bold: code(1, 22),
    dim: code(2, 22),
    red: code(31, 39),
    green: code(32, 39),
    yellow: code(33, 39),
    cyan: code(36, 39),
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;
export function visibleLength(s: string): number {
  return s.replace(ANSI, "").length;
}

export type Align = "left" | "right";

/** Render rows as an aligned plain-text table. Numbers align right by default. */
export function renderTable(headers: string[], rows: Array<Array<string | number>>, align?: Align[]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) =>
    Math.max(visibleLength(h), ...cells.map((r) => visibleLength(r[i] ?? ""))),
  );
  const alignOf = (i: number): Align =>
    align?.[i] ?? (rows.length > 0 && rows.every((r) => typeof r[i] === "number") ? "right" : "left");
  const pad = (s: string, i: number) => {
    const gap = " ".repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(s)));
    return alignOf(i) === "right" ? gap + s : s + gap;
  };
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, i))
      .join("  ")
      .trimEnd();
  const sep = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), sep, ...cells.map(line)].join("\n");
}

export class Output {
  readonly json: boolean;
  readonly c: Palette;
  private readonly stream: NodeJS.WriteStream;

  constructor(opts: OutputOptions = {}) {
    this.stream = opts.stream ?? process.stdout;
    this.json = Boolean(opts.json);
    this.c = palette(opts.color ?? colorEnabled(this.stream));
  }

  /** A human line (suppressed in --json mode, where stdout is reserved for the document). */
  line(text = ""): void {
    if (this.json) return;
    this.stream.write(`${redact(text)}\n`);
  }

  /** Diagnostics always go to stderr so `--json` stdout stays parseable. */
  note(text: string): void {
    process.stderr.write(`${redact(text)}\n`);
  }

  table(headers: string[], rows: Array<Array<string | number>>, align?: Align[]): void {
    this.line(renderTable(headers, rows, align));
  }

  heading(text: string): void {
    this.line("");
    this.line(this.c.bold(text));
  }

  /** Print the machine-readable document (only in --json mode). */
  data(value: unknown): void {
    if (!this.json) return;
    this.stream.write(`${redact(JSON.stringify(value, null, 2))}\n`);
  }
}

/** The line every run prints first, so a simulated number is never mistaken for a real one. */
export function providerBanner(info: ProviderInfo): string {
  if (info.simulated) {
    const scale = info.timeScale ?? 1;
    const seed = info.seed !== undefined ? `, seed ${info.seed}` : "";
    return `provider: sim (SIMULATED Claude, not a real measurement; time scale ${scale}${seed})`;
  }
  return `provider: ${info.name}${info.baseUrl ? ` (${info.baseUrl})` : ""}`;
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "-";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms >= 100) return `${ms.toFixed(0)}ms`;
  return `${ms.toFixed(1)}ms`;
}

export function fmtUsd(usd: number | null | undefined, digits = 4): string {
  if (usd === null || usd === undefined) return "unknown";
  return `$${usd.toFixed(digits)}`;
}

export function fmtPct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "-";
  return `${(x * 100).toFixed(digits)}%`;
}
