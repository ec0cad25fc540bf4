/**
 * The self-contained HTML dashboard: uPlot, styles, data and the page script all inline, locked down
 * by a Content-Security-Policy that allows only the two inline scripts (by sha256) and nothing from
 * any network. Opens offline from file://.
 */
import { createHash } from "node:crypto";
import type { ResultsDocument } from "../../bench/types.js";
import { ClaudeForceError } from "../../errors.js";
import { escapeHtml } from "../../internal/html.js";
import { redact } from "../../internal/redact.js";
import type { Comparison } from "../../regress/types.js";
import type { HistoryEntry } from "../history.js";
import { uplotAssets } from "./assets.js";
import { dashboardClient } from "./client.js";
import { dashboardData } from "./data.js";
import { DASHBOARD_CSS } from "./styles.js";

export interface DashboardOptions {
  history?: HistoryEntry[];
  comparison?: Comparison | null;
  /** Fixed "generated at" stamp (tests); defaults to now. */
  generatedAt?: string;
}

/**
 * JSON safe inside <script type="application/json">: `<`, `>` and `&` become \u escapes (still the
 * same JSON), so no `</script>` or `<!--` can end the element early.
 */
export function scriptSafeJson(value: unknown): string {
  return escapeJsonForScript(JSON.stringify(value));
}

function escapeJsonForScript(jsonText: string): string {
  return jsonText
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The page script: the client function's own source, called once. */
function clientScript(): string {
  // Some TS loaders (tsx/esbuild keepNames) wrap nested functions in __name(); give it a no-op.
  return `(() => {\nconst __name = (f) => f;\n(${dashboardClient.toString()})();\n})();`;
}

export function renderDashboard(doc: ResultsDocument, opts: DashboardOptions = {}): string {
  const { js: uplotJs, css: uplotCss } = uplotAssets();
  const client = clientScript();
  for (const [name, code] of [
    ["uPlot", uplotJs],
    ["dashboard script", client],
  ] as const)
    if (/<\/script/i.test(code))
      throw new ClaudeForceError("INTERNAL", `${name} contains "</script" and cannot be inlined`);

  // Redact on the serialised text: "[REDACTED]" contains nothing that needs JSON escaping.
  const json = escapeJsonForScript(redact(JSON.stringify(dashboardData(doc, opts))));
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(uplotJs)} ${sha256(client)}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const run = doc.run;
  const title = `claude-force report ${run.id}${run.simulated ? " (SIMULATED)" : ""}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${uplotCss}</style>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<main id="app"><noscript><p>This report draws its charts and tables with JavaScript; enable it to see them. The raw data is in the results JSON.</p></noscript></main>
<script type="application/json" id="cf-data">${json}</script>
<script>${uplotJs}</script>
<script>${client}</script>
</body>
</html>
`;
}
