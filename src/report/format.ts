/** Number formatting shared by the text renderers (Markdown, JUnit, history). */

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "-";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms >= 100) return `${ms.toFixed(0)}ms`;
  return `${ms.toFixed(1)}ms`;
}

export function fmtUsd(usd: number | null | undefined, digits = 4): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "unknown";
  return `${usd < 0 ? "-" : ""}$${Math.abs(usd).toFixed(digits)}`;
}

export function fmtPct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "-";
  return `${(x * 100).toFixed(digits)}%`;
}

/** A metric's value in its own unit, guessed from the metric name (…_ms, …cost…, …rate/share). */
export function fmtMetric(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "-";
  if (metric.endsWith("_ms")) return fmtMs(value);
  if (metric.includes("cost")) return fmtUsd(value);
  if (metric.includes("rate") || metric.includes("share")) return fmtPct(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** "▲ +12.3%" / "▼ -4.0%" / "= 0.0%" for a current/baseline ratio. */
export function fmtDelta(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "n/a";
  const pct = (ratio - 1) * 100;
  const arrow = pct > 0.05 ? "▲" : pct < -0.05 ? "▼" : "=";
  return `${arrow} ${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`;
}
