/** The dashboard's stylesheet: light and dark from the system preference, laptop-width grid, print. */
export const DASHBOARD_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --panel: #ffffff; --fg: #1c2330; --muted: #5b6576; --border: #d9dee7; --grid: #e6e9ef;
  --accent: #2f6fde; --ok: #1a7f45; --warn: #b26a00; --bad: #c62828; --badge-sim: #b3261e;
  --c1: #2f6fde; --c2: #e07b24; --c3: #2a9d6f; --c4: #8e5bd6; --c5: #d64570; --c6: #6b7a90;
  --heat: 47, 111, 222;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161d; --panel: #1b212b; --fg: #e4e8ef; --muted: #9aa5b5; --border: #2c3441; --grid: #283040;
    --accent: #6ea0ff; --ok: #4cc38a; --warn: #f0b24a; --bad: #ff6b6b; --badge-sim: #ff5a4f;
    --c1: #6ea0ff; --c2: #f19a4c; --c3: #4cc38a; --c4: #b28dff; --c5: #ff7aa2; --c6: #9aa5b5;
    --heat: 110, 160, 255;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 20px 48px; }
h1 { font-size: 22px; margin: 4px 0 8px; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); font-weight: 600; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 4px; font-size: 13px; font-weight: 700;
  letter-spacing: .04em; border: 1px solid currentColor; }
.badge.sim { color: #fff; background: var(--badge-sim); border-color: var(--badge-sim); font-size: 15px; }
.badge.real { color: var(--ok); }
.badge.warn { color: var(--warn); }
.simnote { color: var(--badge-sim); font-weight: 600; margin: 0 0 8px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 18px; color: var(--muted); margin: 0 0 14px; padding: 0; list-style: none; }
.meta b { color: var(--fg); font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin-bottom: 16px; }
.card { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
.card .value { font-size: 24px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card .sub { color: var(--muted); font-size: 12px; }
.card.ok .value { color: var(--ok); } .card.warn .value { color: var(--warn); } .card.bad .value { color: var(--bad); }
section { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px;
  margin-bottom: 14px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 14px; }
.grid2 > * { min-width: 0; }
.chart { min-height: 60px; }
.chart-title { font-size: 13px; color: var(--muted); margin: 6px 0 2px; font-weight: 600; }
.chart svg { display: block; width: 100%; height: auto; }
.chart svg text { fill: var(--fg); font-size: 11px; }
.chart svg .muted { fill: var(--muted); }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin: 4px 0 8px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--grid); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.text { max-width: 520px; overflow-wrap: anywhere; }
code, td.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
td.code { max-width: 420px; overflow-wrap: anywhere; }
#profile td { vertical-align: baseline; } /* monospace cells line up with the numbers beside them */
a { color: var(--accent); }
ul.files { margin: 4px 0; padding-left: 20px; }
details.long summary { cursor: pointer; }
details.long[open] .preview { display: none; }
details.long > div { white-space: pre-wrap; }
th { color: var(--muted); font-weight: 600; font-size: 12px; cursor: pointer; user-select: none; white-space: nowrap; }
th:hover { color: var(--fg); }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
tr.fail td, .v-regressed, .v-budget_failed { color: var(--bad); }
.v-improved { color: var(--ok); }
.v-insufficient_data, .v-missing { color: var(--warn); }
.uplot { font-family: inherit; }
.uplot .u-legend { font-size: 12px; color: var(--fg); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 20px; }
@media print {
  :root { --bg: #fff; --panel: #fff; --fg: #000; --muted: #444; --border: #bbb; --grid: #ddd; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  section, .card { break-inside: avoid; border-color: #bbb; }
  th { cursor: auto; }
  .uplot .u-legend { display: none; }
}
`;
