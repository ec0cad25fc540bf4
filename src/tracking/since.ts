import { ClaudeForceError } from "../errors.js";

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `--since`: a look-back such as 30m, 24h, 7d, 2w, or an ISO date/time (UTC unless it says otherwise). */
export function parseSince(value: string, now: Date = new Date()): Date {
  const text = value.trim();
  const rel = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * (UNIT_MS[rel[2]!.toLowerCase()] ?? 0));
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    // A date or a date-time without a zone means UTC, so the same flag means the same on every machine.
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || text.length === 10 ? text : `${text}Z`;
    const d = new Date(zoned);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new ClaudeForceError("USAGE", `invalid --since value '${value}'`, {
    expected: "a look-back like 30m, 24h, 7d or an ISO date such as 2026-11-01T00:00:00Z",
    found: value,
  });
}
