/**
 * What limits a benchmark when it misses its target: conclusions from profiling it (kept here so
 * the generated docs/PERFORMANCE.md carries them). Shown only for a benchmark that missed.
 */
export const LIMIT_NOTES: Record<string, string[]> = {};
