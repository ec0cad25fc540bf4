/**
 * The dashboard's browser script. `renderDashboard` inlines this function's source (so it is
 * type-checked here but runs in the page): it must not reference anything outside its own body
 * except the DOM and the inlined uPlot global. Data text only ever reaches the page through
 * textContent / DOM attributes, never innerHTML, so task or model text stays inert.
 */
import type UPlot from "uplot";
import type { DashboardData, DashboardScenario } from "./data.js";

declare const uPlot: typeof UPlot;

export function dashboardClient(): void {
  const started = performance.now();
  const data = JSON.parse(document.getElementById("cf-data")?.textContent ?? "null") as DashboardData;
  const app = document.getElementById("app") as HTMLElement;
  const css = getComputedStyle(document.documentElement);
  const cssVar = (name: string) => css.getPropertyValue(name).trim();
  const COLORS = ["--c1", "--c2", "--c3", "--c4", "--c5", "--c6"].map(cssVar);
  const FG = cssVar("--fg");
  const MUTED = cssVar("--muted");
  const GRID = cssVar("--grid");
  const HEAT = cssVar("--heat");
  const SVG_NS = "http://www.w3.org/2000/svg";
  /** Text cells longer than this (e.g. a task with code) start collapsed. */
  const LONG_TEXT = 180;
  const charts: Array<{ plot: UPlot; box: HTMLElement }> = [];

  // ---------- formatting ----------
  const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const fmtMs = (v: unknown) =>
    !isNum(v)
      ? "-"
      : v >= 10_000
        ? `${(v / 1000).toFixed(1)}s`
        : v >= 100
          ? `${v.toFixed(0)}ms`
          : `${v.toFixed(1)}ms`;
  const fmtUsd = (v: unknown, d = 4) =>
    !isNum(v) ? "unknown" : `${v < 0 ? "-" : ""}$${Math.abs(v).toFixed(d)}`;
  const fmtPct = (v: unknown, d = 1) => (!isNum(v) ? "-" : `${(v * 100).toFixed(d)}%`);
  const fmtInt = (v: unknown) => (!isNum(v) ? "-" : Math.round(v).toLocaleString("en-US"));
  const fmtNum = (v: unknown, d = 2) => (!isNum(v) ? "-" : v.toFixed(d));
  /** Milliseconds with two decimals below 10 ms: GC pauses and event-loop delay live there. */
  const fmtMsFine = (v: unknown) => (isNum(v) && v < 10 ? `${v.toFixed(2)}ms` : fmtMs(v));
  const fmtMb = (v: unknown, d = 1) => (!isNum(v) ? "-" : `${v.toFixed(d)} MB`);
  const fmtMetric = (metric: string, v: unknown) =>
    metric.endsWith("_ms")
      ? fmtMs(v)
      : metric.includes("cost")
        ? fmtUsd(v)
        : metric.includes("rate") || metric.includes("share")
          ? fmtPct(v)
          : fmtNum(v, 3);
  const fmtDelta = (ratio: unknown) => {
    if (!isNum(ratio)) return "n/a";
    const pct = (ratio - 1) * 100;
    return `${pct > 0.05 ? "▲" : pct < -0.05 ? "▼" : "="} ${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`;
  };

  // ---------- DOM helpers (text only through text nodes) ----------
  type Child = Node | string | null | undefined | false;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
    return node;
  };
  const svgEl = (tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const section = (id: string, title: string): HTMLElement => {
    const s = el("section", { id }, el("h2", {}, title));
    app.append(s);
    return s;
  };
  /**
   * A section whose body is built by `build`. If drawing it throws (say, a field an older results
   * file lacks), the section says so and the rest of the page still renders.
   */
  const sectionOf = (id: string, title: string, build: (s: HTMLElement) => void) => {
    const s = section(id, title);
    try {
      build(s);
    } catch (err) {
      console.error(`dashboard section ${id}:`, err);
      s.append(
        el(
          "p",
          { class: "empty" },
          `This section could not be drawn from this results file (${String(err)}).`,
        ),
      );
    }
  };
  const empty = (parent: HTMLElement, message: string) => parent.append(el("p", { class: "empty" }, message));
  const cardEl = (label: string, value: string, sub: string, state = "") =>
    el(
      "div",
      { class: `card ${state}` },
      el("div", { class: "label" }, label),
      el("div", { class: "value" }, value),
      el("div", { class: "sub" }, sub),
    );
  const chartBox = (parent: HTMLElement, title: string, kind: string): HTMLElement => {
    const box = el("div", { class: "chart", "data-chart": kind });
    parent.append(el("div", {}, el("div", { class: "chart-title" }, title), box));
    return box;
  };

  // ---------- sortable tables ----------
  interface Column<R> {
    label: string;
    value: (r: R) => string | number | null | undefined;
    format?: (r: R) => string;
    /** Shorthand for the common number formats: the value shown as a duration or a share. */
    as?: "ms" | "pct";
    /** num: right-aligned; text: long values collapse; code: monospace (function names, paths). */
    kind?: "num" | "text" | "code";
  }
  const cellText = <R>(c: Column<R>, r: R, v: unknown): string => {
    if (c.format) return c.format(r);
    if (c.as === "ms") return fmtMs(v);
    if (c.as === "pct") return fmtPct(v);
    return v === null || v === undefined ? "-" : String(v);
  };
  const table = <R>(
    parent: HTMLElement,
    columns: Array<Column<R>>,
    rows: R[],
    rowClass?: (r: R) => string,
  ) => {
    const tbody = el("tbody");
    const ths = columns.map((c) =>
      el("th", { class: c.kind === "num" ? "num" : "", tabindex: "0", scope: "col" }, c.label),
    );
    const fill = (list: R[]) => {
      tbody.replaceChildren(
        ...list.map((r) =>
          el(
            "tr",
            { class: rowClass?.(r) ?? "" },
            ...columns.map((c) => {
              const v = c.value(r);
              const text = cellText(c, r, v);
              if (c.kind === "text" && text.length > LONG_TEXT)
                return el(
                  "td",
                  { class: "text" },
                  el(
                    "details",
                    { class: "long" },
                    el("summary", {}, el("span", { class: "preview" }, `${text.slice(0, LONG_TEXT - 20)}…`)),
                    el("div", {}, text),
                  ),
                );
              return el("td", { class: c.kind ?? "" }, text);
            }),
          ),
        ),
      );
    };
    let sortCol = -1;
    let dir = 1;
    const sortBy = (i: number) => {
      dir = sortCol === i ? -dir : 1;
      sortCol = i;
      const col = columns[i]!;
      const sorted = [...rows].sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1; // blanks last either way
        if (y === null || y === undefined) return -1;
        return (
          (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * dir
        );
      });
      ths.forEach((th, k) => {
        if (k === i) th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      fill(sorted);
    };
    ths.forEach((th, i) => {
      th.addEventListener("click", () => sortBy(i));
      th.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          sortBy(i);
        }
      });
    });
    fill(rows);
    parent.append(
      el(
        "div",
        { class: "table-wrap" },
        el("table", { class: "sortable" }, el("thead", {}, el("tr", {}, ...ths)), tbody),
      ),
    );
  };

  // ---------- uPlot charts ----------
  const axis = (extra: Partial<UPlot.Axis> = {}): UPlot.Axis => ({
    stroke: MUTED,
    grid: { stroke: GRID, width: 1 },
    ticks: { stroke: GRID, width: 1 },
    ...extra,
  });
  /** Charts are sized in pixels from their box, so they are drawn once the page is laid out (see the end). */
  const pendingDraws: Array<() => void> = [];
  const later = (draw: () => void) => pendingDraws.push(draw);
  const plot = (box: HTMLElement, opts: Omit<UPlot.Options, "width">, plotData: UPlot.AlignedData) => {
    later(() => {
      const width = Math.max(280, box.clientWidth || 600);
      const p = new uPlot({ ...opts, width, legend: { show: true, ...opts.legend } }, plotData, box);
      charts.push({ plot: p, box });
    });
  };
  /** Histogram buckets as evenly spaced bars (buckets may be log-spaced), labelled by bucket start. */
  const histogramChart = (box: HTMLElement, buckets: Array<[number, number, number]>, color: string) => {
    const xs = buckets.map((_, i) => i);
    const label = (i: number) => {
      const b = buckets[Math.round(i)];
      return b ? `${fmtMs(b[0])}–${fmtMs(b[1])}` : "";
    };
    plot(
      box,
      {
        height: 190,
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, buckets.length - 0.5)] } },
        axes: [
          axis({
            space: 70,
            values: (_u, ticks) =>
              ticks.map((t) => (Number.isInteger(t) && buckets[t] ? fmtMs(buckets[t][0]) : "")),
          }),
          axis({ size: 50 }),
        ],
        series: [
          { label: "latency", value: (_u, v) => (v === null ? "-" : label(v)) },
          {
            label: "executions",
            stroke: color,
            fill: `${color}99`,
            paths: uPlot.paths.bars!({ size: [0.92, 80], align: 0 }),
            points: { show: false },
          },
        ],
      },
      [xs, buckets.map((b) => b[2])],
    );
  };

  // ---------- SVG charts ----------
  /** Horizontal bars: one row per item; several values stack (mode "stack") or sit side by side ("group"). */
  const barsSvg = (
    box: HTMLElement,
    items: Array<{ label: string; values: number[] }>,
    series: string[],
    fmt: (v: number) => string,
    mode: "stack" | "group" = "stack",
  ) => {
    later(() => {
      const width = Math.max(320, box.clientWidth);
      const labelW = Math.min(220, Math.round(width * 0.4));
      const valueW = 90;
      const band = mode === "group" ? 14 * series.length + 8 : 22;
      const legendH = series.length > 1 ? 22 : 0;
      const height = legendH + items.length * band + 6;
      const max = Math.max(
        1e-12,
        ...items.map((it) =>
          mode === "stack" ? it.values.reduce((s, v) => s + v, 0) : Math.max(0, ...it.values),
        ),
      );
      const plotW = width - labelW - valueW;
      const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
      if (series.length > 1)
        series.forEach((name, k) => {
          svg.append(
            svgEl("rect", {
              x: labelW + k * 130,
              y: 4,
              width: 10,
              height: 10,
              fill: COLORS[k % COLORS.length]!,
            }),
          );
          svg.append(svgEl("text", { x: labelW + k * 130 + 14, y: 13 }, name));
        });
      items.forEach((it, i) => {
        const y = legendH + i * band + 3;
        const maxChars = Math.floor((labelW - 8) / 6.5);
        const name = it.label.length > maxChars ? `${it.label.slice(0, maxChars - 1)}…` : it.label;
        const t = svgEl(
          "text",
          { x: labelW - 6, y: y + band / 2 + 1, "text-anchor": "end", "dominant-baseline": "middle" },
          name,
        );
        t.append(svgEl("title", {}, it.label));
        svg.append(t);
        let x = labelW;
        it.values.forEach((v, k) => {
          const w = (Math.max(0, v) / max) * plotW;
          const barY = mode === "group" ? y + 4 + k * 14 : y + 3;
          const barH = mode === "group" ? 12 : band - 6;
          const rect = svgEl("rect", {
            x: mode === "group" ? labelW : x,
            y: barY,
            width: Math.max(w, v > 0 ? 1 : 0),
            height: barH,
            fill: COLORS[k % COLORS.length]!,
            rx: 2,
          });
          rect.append(svgEl("title", {}, `${it.label} · ${series[k]}: ${fmt(v)}`));
          svg.append(rect);
          if (mode === "group")
            svg.append(svgEl("text", { x: labelW + w + 4, y: barY + 10, class: "muted" }, fmt(v)));
          x += w;
        });
        if (mode === "stack") {
          const total = it.values.reduce((s, v) => s + v, 0);
          svg.append(
            svgEl(
              "text",
              { x: x + 4, y: y + band / 2 + 1, "dominant-baseline": "middle", class: "muted" },
              fmt(total),
            ),
          );
        }
      });
      box.append(svg);
    });
  };

  /** Confusion matrix as a heat map: rows expected, columns predicted; the diagonal is correct. */
  const heatmapSvg = (
    box: HTMLElement,
    cells: Array<{ expected: string; predicted: string; count: number }>,
  ) => {
    later(() => {
      const rowsL = [...new Set(cells.map((c) => c.expected))].sort();
      const colsL = [...new Set([...rowsL, ...cells.map((c) => c.predicted)])].sort();
      const counts = new Map(cells.map((c) => [`${c.expected}\u0000${c.predicted}`, c.count]));
      const max = Math.max(1, ...cells.map((c) => c.count));
      const left = 170;
      // Cells fill the box (between readable and chunky); the +80 leaves room for the last rotated label.
      const fit = Math.floor((Math.max(320, box.clientWidth) - left - 80) / Math.max(1, colsL.length));
      const cell = Math.max(20, Math.min(36, fit));
      const top = 120;
      const width = left + colsL.length * cell + 80;
      const height = top + rowsL.length * cell + 10;
      const svg = svgEl("svg", {
        viewBox: `0 0 ${width} ${height}`,
        role: "img",
        style: `max-width:${width}px`,
      });
      const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
      svg.append(svgEl("text", { x: left, y: 12, class: "muted" }, "predicted →"));
      colsL.forEach((c, j) => {
        const x = left + j * cell + cell / 2;
        svg.append(svgEl("text", { x, y: top - 6, transform: `rotate(-50 ${x} ${top - 6})` }, short(c)));
      });
      rowsL.forEach((r, i) => {
        const y = top + i * cell;
        svg.append(
          svgEl(
            "text",
            { x: left - 6, y: y + cell / 2, "text-anchor": "end", "dominant-baseline": "middle" },
            short(r),
          ),
        );
        colsL.forEach((c, j) => {
          const n = counts.get(`${r}\u0000${c}`) ?? 0;
          const alpha = n === 0 ? 0.04 : 0.15 + 0.85 * (n / max);
          const rect = svgEl("rect", {
            x: left + j * cell,
            y,
            width: cell - 2,
            height: cell - 2,
            fill: `rgba(${HEAT}, ${alpha.toFixed(3)})`,
            stroke: r === c ? FG : "none",
            "stroke-width": r === c ? 1 : 0,
          });
          rect.append(svgEl("title", {}, `expected ${r}, predicted ${c}: ${n}`));
          svg.append(rect);
          if (n > 0)
            svg.append(
              svgEl(
                "text",
                {
                  x: left + j * cell + cell / 2 - 1,
                  y: y + cell / 2,
                  "text-anchor": "middle",
                  "dominant-baseline": "middle",
                },
                String(n),
              ),
            );
        });
      });
      box.append(svg);
    });
  };

  /** Workflow steps laid end to end by mean latency (hand-off gaps included). */
  const waterfallSvg = (box: HTMLElement, steps: NonNullable<DashboardScenario["steps"]>) => {
    later(() => {
      const sorted = [...steps].sort((a, b) => a.position - b.position);
      const total = sorted.reduce((s, st) => s + st.meanHandoffMs + st.latency.mean, 0) || 1;
      const width = Math.max(320, box.clientWidth);
      const left = Math.min(200, Math.round(width * 0.3));
      const plotW = width - left - 80;
      const rowH = 24;
      const svg = svgEl("svg", { viewBox: `0 0 ${width} ${sorted.length * rowH + 26}`, role: "img" });
      let t = 0;
      sorted.forEach((st, i) => {
        t += st.meanHandoffMs;
        const x = left + (t / total) * plotW;
        const w = Math.max(1, (st.latency.mean / total) * plotW);
        const y = i * rowH + 4;
        svg.append(
          svgEl(
            "text",
            { x: left - 6, y: y + 9, "text-anchor": "end", "dominant-baseline": "middle" },
            `${st.position}. ${st.agent}`,
          ),
        );
        const rect = svgEl("rect", {
          x,
          y,
          width: w,
          height: rowH - 8,
          rx: 2,
          fill: COLORS[i % COLORS.length]!,
        });
        rect.append(
          svgEl("title", {}, `${st.agent}: mean ${fmtMs(st.latency.mean)}, p95 ${fmtMs(st.latency.p95)}`),
        );
        svg.append(rect);
        svg.append(
          svgEl(
            "text",
            { x: x + w + 4, y: y + 9, "dominant-baseline": "middle", class: "muted" },
            fmtMs(st.latency.mean),
          ),
        );
        t += st.latency.mean;
      });
      const axisY = sorted.length * rowH + 18;
      svg.append(svgEl("line", { x1: left, x2: left + plotW, y1: axisY - 8, y2: axisY - 8, stroke: GRID }));
      svg.append(svgEl("text", { x: left, y: axisY + 4, class: "muted" }, "0"));
      svg.append(
        svgEl("text", { x: left + plotW, y: axisY + 4, "text-anchor": "end", class: "muted" }, fmtMs(total)),
      );
      box.append(svg);
    });
  };

  // ---------- sections ----------
  const run = data.run;
  const header = el(
    "header",
    {},
    el(
      "h1",
      {},
      "claude-force benchmark report",
      run.simulated
        ? el("span", { class: "badge sim", id: "simulated-badge" }, "SIMULATED")
        : el("span", { class: "badge real" }, "REAL PROVIDER"),
      run.incomplete ? el("span", { class: "badge warn" }, "INCOMPLETE RUN") : null,
    ),
    run.simulated
      ? el(
          "p",
          { class: "simnote" },
          "Simulated provider: these numbers come from claude-force's model of Claude, not from real API calls.",
        )
      : null,
  );
  const metaItems: Array<[string, string]> = [
    ["provider", `${run.provider}${run.baseUrl ? ` (${run.baseUrl})` : ""}`],
    ["time scale", run.timeScale === null ? "-" : String(run.timeScale)],
    ["seed", run.seed === null ? "-" : String(run.seed)],
    ["commit", run.gitCommit ? run.gitCommit.slice(0, 12) : "-"],
    ["started", run.startedAt],
    ["finished", run.finishedAt ?? "-"],
    ["run", run.id],
    ["command", run.command],
    ["node", run.node],
    ["os", run.os],
    ["cpu", `${run.cpu} ×${run.cpus}`],
  ];
  header.append(
    el("ul", { class: "meta" }, ...metaItems.map(([k, v]) => el("li", {}, `${k}: `, el("b", {}, v)))),
  );
  app.append(header);

  // Summary cards
  const cost = data.cost;
  const cards = el("div", { class: "cards", id: "summary" });
  const card = (label: string, value: string, sub: string, state = "") =>
    cards.append(cardEl(label, value, sub, state));
  const tot = data.totals;
  // A run with no executions (bench accuracy) has no success rate, not a failing one.
  card(
    "Success rate",
    tot.executions > 0 ? fmtPct(tot.successRate) : "-",
    `${fmtInt(tot.successes)} of ${fmtInt(tot.executions)} executions`,
    tot.executions === 0 ? "" : tot.successRate >= 0.95 ? "ok" : "bad",
  );
  const est = data.latency.estimated && data.latency.p50 != null ? "≈ " : "";
  card(
    "p50 latency",
    `${est}${fmtMs(data.latency.p50)}`,
    data.latency.estimated ? "whole run, from merged histograms" : "end to end",
  );
  card(
    "p95 latency",
    `${est}${fmtMs(data.latency.p95)}`,
    data.latency.estimated ? "whole run, from merged histograms" : "end to end",
  );
  card(
    "Total cost",
    fmtUsd(tot.totalCost),
    cost?.costIncomplete
      ? "incomplete: some models unpriced"
      : cost?.costPerSuccess != null
        ? `${fmtUsd(cost.costPerSuccess)} per success`
        : "",
  );
  if (cost) {
    const [lo, hi] = cost.haikuTarget;
    const inTarget = cost.haikuShare >= lo && cost.haikuShare <= hi;
    card(
      "Haiku share",
      fmtPct(cost.haikuShare),
      `target ${fmtPct(lo, 0)}–${fmtPct(hi, 0)}`,
      inTarget ? "ok" : "warn",
    );
    card(
      "Savings vs Sonnet-only",
      fmtUsd(cost.savingsVsSonnet),
      `${fmtPct(cost.savingsVsSonnetPct)} of ${fmtUsd(cost.sonnetOnlyCost)}`,
      cost.savingsVsSonnet >= 0 ? "ok" : "bad",
    );
  } else {
    card("Haiku share", "-", "no cost analysis in this run");
    card("Savings vs Sonnet-only", "-", "no cost analysis in this run");
  }
  app.append(cards);

  const scenarios = data.scenarios;

  // Scenarios (tasks as text)
  sectionOf("scenarios", "Scenarios", (s) => {
    if (scenarios.length === 0) empty(s, "No scenarios in this run.");
    else
      table(
        s,
        [
          { label: "Scenario", value: (r) => r.name, kind: "text" },
          { label: "Kind", value: (r) => r.kind },
          { label: "Agent / workflow", value: (r) => r.agent ?? r.workflow ?? "-" },
          { label: "Task", value: (r) => r.task, kind: "text" },
          {
            label: "Executions",
            value: (r) => r.summary.executions,
            format: (r) => fmtInt(r.summary.executions),
            kind: "num",
          },
          { label: "Concurrency", value: (r) => r.concurrency, kind: "num" },
          { label: "Success", value: (r) => r.summary.success_rate, as: "pct", kind: "num" },
          {
            label: "pass@k",
            value: (r) => r.passAtK?.passAtK ?? null,
            format: (r) => (r.passAtK ? `${fmtPct(r.passAtK.passAtK)} (k=${r.passAtK.k})` : "-"),
            kind: "num",
          },
        ],
        scenarios,
        (r) => (r.summary.success_rate < 0.95 ? "fail" : ""),
      );
  });

  // Latency
  sectionOf("latency", "Latency distribution", (s) => {
    const withHist = scenarios.filter((sc) => sc.histogram.length > 0);
    if (withHist.length === 0) empty(s, "No latency histograms in this run.");
    const grid = el("div", { class: "grid2" });
    s.append(grid);
    for (const [i, sc] of withHist.entries())
      histogramChart(
        chartBox(grid, `${sc.name} — end-to-end latency`, "histogram"),
        sc.histogram,
        COLORS[i % COLORS.length]!,
      );
    if (scenarios.length) {
      s.append(el("h3", {}, "Percentiles (end to end)"));
      const e2e = (r: DashboardScenario) => r.latency.e2e;
      const ci = (r: DashboardScenario, k: "p50" | "p95") => {
        const c = r.latency.e2e.ci95?.[k];
        return c ? `${fmtMs(c[0])}–${fmtMs(c[1])}` : "-";
      };
      table(
        s,
        [
          { label: "Scenario", value: (r) => r.name, kind: "text" },
          { label: "n", value: (r) => e2e(r).count, format: (r) => fmtInt(e2e(r).count), kind: "num" },
          ...(["p50", "p90", "p95", "p99", "p999", "mean", "stdev", "min", "max"] as const).map(
            (k): Column<DashboardScenario> => ({
              label: k === "p999" ? "p99.9" : k,
              value: (r) => e2e(r)[k],
              format: (r) => fmtMs(e2e(r)[k]),
              kind: "num",
            }),
          ),
          {
            label: "p50 95% CI",
            value: (r) => r.latency.e2e.ci95?.p50[0] ?? null,
            format: (r) => ci(r, "p50"),
            kind: "num",
          },
          {
            label: "p95 95% CI",
            value: (r) => r.latency.e2e.ci95?.p95[0] ?? null,
            format: (r) => ci(r, "p95"),
            kind: "num",
          },
        ],
        scenarios,
      );
      s.append(el("h3", {}, "By model"));
      const rows = scenarios.flatMap((sc) => sc.byModel.map((m) => ({ scenario: sc.name, ...m })));
      if (rows.length === 0) empty(s, "No per-model breakdown.");
      else
        table(
          s,
          [
            { label: "Scenario", value: (r) => r.scenario, kind: "text" },
            { label: "Model", value: (r) => r.model },
            { label: "Executions", value: (r) => r.executions, kind: "num" },
            {
              label: "Success",
              value: (r) => (r.executions ? r.successes / r.executions : null),
              format: (r) => fmtPct(r.executions ? r.successes / r.executions : null),
              kind: "num",
            },
            { label: "p50", value: (r) => r.latency.p50, as: "ms", kind: "num" },
            { label: "p95", value: (r) => r.latency.p95, as: "ms", kind: "num" },
            { label: "Cost", value: (r) => r.cost, format: (r) => fmtUsd(r.cost), kind: "num" },
          ],
          rows,
        );
    }
  });

  // TTFT
  sectionOf("ttft", "Time to first token", (s) => {
    const withTtft = scenarios.filter((sc) => sc.latency.ttft && sc.latency.ttft.count > 0);
    if (withTtft.length === 0) empty(s, "No TTFT recorded (non-streaming provider or no executions).");
    else {
      barsSvg(
        chartBox(s, "TTFT p50 and p95 by scenario", "ttft"),
        withTtft.map((sc) => ({ label: sc.name, values: [sc.latency.ttft!.p50, sc.latency.ttft!.p95] })),
        ["p50", "p95"],
        fmtMs,
        "group",
      );
      const tt = (r: DashboardScenario) => r.latency.ttft!;
      table(
        s,
        [
          { label: "Scenario", value: (r) => r.name, kind: "text" },
          ...(["p50", "p90", "p95", "p99", "mean", "max"] as const).map(
            (k): Column<DashboardScenario> => ({
              label: k,
              value: (r) => tt(r)[k],
              format: (r) => fmtMs(tt(r)[k]),
              kind: "num",
            }),
          ),
          { label: "queue wait p95", value: (r) => r.latency.queueWait.p95, as: "ms", kind: "num" },
          { label: "overhead p95", value: (r) => r.latency.overhead.p95, as: "ms", kind: "num" },
        ],
        withTtft,
      );
    }
  });

  // Cost
  sectionOf("cost", "Cost", (s) => {
    if (!cost) empty(s, "No cost analysis in this run.");
    else {
      if (cost.costIncomplete)
        empty(s, "Cost is incomplete: some executions used models with no known price.");
      const grid = el("div", { class: "grid2" });
      s.append(grid);
      const bars = (title: string, rows: Array<{ label: string; cost: number }>) => {
        if (rows.length === 0)
          return grid.append(
            el(
              "div",
              {},
              el("div", { class: "chart-title" }, title),
              el("p", { class: "empty" }, "No data."),
            ),
          );
        barsSvg(
          chartBox(grid, title, "cost"),
          rows.map((r) => ({ label: r.label, values: [r.cost] })),
          ["cost"],
          (v) => fmtUsd(v),
        );
      };
      bars(
        "Cost by scenario",
        cost.byScenario.map((r) => ({ label: r.name, cost: r.cost })),
      );
      bars(
        "Cost by agent",
        cost.byAgent.map((r) => ({ label: r.agent, cost: r.cost })),
      );
      bars(
        "Cost by model",
        cost.byModel.map((r) => ({ label: r.model, cost: r.cost })),
      );
      bars(
        "Same usage priced under each model (what-if)",
        cost.whatIf.map((r) => ({ label: r.model, cost: r.cost })),
      );
      s.append(el("h3", {}, "Model mix"));
      table(
        s,
        [
          { label: "Model", value: (r) => r[0] },
          { label: "Share of executions", value: (r) => r[1], as: "pct", kind: "num" },
        ],
        Object.entries(cost.modelMix),
      );
    }
  });

  // Tokens
  sectionOf("tokens", "Token usage", (s) => {
    if (scenarios.length === 0) empty(s, "No token data.");
    else {
      barsSvg(
        chartBox(s, "Average tokens per execution", "tokens"),
        scenarios.map((sc) => ({
          label: sc.name,
          values: [sc.summary.avg_input_tokens, sc.summary.avg_output_tokens, sc.summary.avg_cached_tokens],
        })),
        ["input", "output", "cached"],
        (v) => fmtInt(v),
      );
      if (cost)
        s.append(
          el(
            "p",
            {},
            `Totals: ${fmtInt(cost.tokens.input)} input, ${fmtInt(cost.tokens.output)} output, ${fmtInt(cost.tokens.cacheRead)} cache read, ${fmtInt(cost.tokens.cacheWrite)} cache write.`,
          ),
        );
    }
  });

  // Throughput
  sectionOf("throughput", "Throughput and latency against concurrency", (s) => {
    const levels = [...data.throughput].sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length === 0) empty(s, "No throughput ladder in this run (claude-force bench -c 1,5,10,20).");
    else {
      plot(
        chartBox(s, "Tasks per second (left) and p95 latency (right) by concurrency", "throughput"),
        {
          height: 240,
          scales: { x: { time: false }, ms: {} },
          axes: [
            axis({ label: "concurrency" }),
            axis({ label: "tasks/s", size: 55 }),
            axis({
              scale: "ms",
              side: 1,
              label: "p95",
              size: 60,
              grid: { show: false },
              values: (_u, t) => t.map(fmtMs),
            }),
          ],
          series: [
            { label: "concurrency" },
            {
              label: "tasks/s",
              stroke: COLORS[0]!,
              width: 2,
              points: { show: true, size: 7 },
              value: (_u, v) => fmtNum(v),
            },
            {
              label: "p95",
              scale: "ms",
              stroke: COLORS[1]!,
              width: 2,
              points: { show: true, size: 7 },
              value: (_u, v) => fmtMs(v),
            },
          ],
        },
        [
          levels.map((l) => l.concurrency),
          levels.map((l) => l.tasksPerSecond),
          levels.map((l) => l.latency.p95),
        ],
      );
      table(
        s,
        [
          { label: "Concurrency", value: (r) => r.concurrency, kind: "num" },
          { label: "Tasks", value: (r) => r.tasks, kind: "num" },
          {
            label: "Tasks/s",
            value: (r) => r.tasksPerSecond,
            format: (r) => fmtNum(r.tasksPerSecond),
            kind: "num",
          },
          {
            label: "Tasks/min",
            value: (r) => r.tasksPerMinute,
            format: (r) => fmtNum(r.tasksPerMinute, 1),
            kind: "num",
          },
          { label: "Success", value: (r) => r.successRate, as: "pct", kind: "num" },
          { label: "p50", value: (r) => r.latency.p50, as: "ms", kind: "num" },
          { label: "p95", value: (r) => r.latency.p95, as: "ms", kind: "num" },
          { label: "Queue wait p95", value: (r) => r.queueWait.p95, as: "ms", kind: "num" },
          { label: "CPU", value: (r) => r.resources.cpuUtilisation, as: "pct", kind: "num" },
          {
            label: "Peak RSS",
            value: (r) => r.resources.peakRssMb,
            format: (r) => `${fmtNum(r.resources.peakRssMb, 0)} MB`,
            kind: "num",
          },
        ],
        levels,
      );
    }
  });

  // Load
  sectionOf("load", "Load tests", (s) => {
    if (data.load.length === 0) empty(s, "No load tests in this run (claude-force bench load).");
    else {
      s.append(
        el(
          "p",
          { class: "empty" },
          "Open-loop latency is measured from each task's intended start, so stalls are not hidden (no coordinated omission).",
        ),
      );
      table(
        s,
        [
          {
            label: "Mode",
            value: (r) =>
              r.mode === "open" ? `open (${r.arrival ?? "constant"})` : `closed ×${r.concurrency ?? "?"}`,
          },
          {
            label: "Target rate/s",
            value: (r) => r.targetRate ?? null,
            format: (r) => fmtNum(r.targetRate),
            kind: "num",
          },
          {
            label: "Achieved/s",
            value: (r) => r.achievedRate ?? null,
            format: (r) => fmtNum(r.achievedRate),
            kind: "num",
          },
          {
            label: "Throughput/s",
            value: (r) => r.throughputPerSecond,
            format: (r) => fmtNum(r.throughputPerSecond),
            kind: "num",
          },
          {
            label: "Completed",
            value: (r) => r.completed,
            format: (r) => `${r.completed}/${r.tasks}`,
            kind: "num",
          },
          { label: "Success", value: (r) => r.successRate, as: "pct", kind: "num" },
          { label: "p50", value: (r) => r.latency.p50, as: "ms", kind: "num" },
          { label: "p95", value: (r) => r.latency.p95, as: "ms", kind: "num" },
          { label: "p99", value: (r) => r.latency.p99, as: "ms", kind: "num" },
          { label: "Service p95", value: (r) => r.serviceTime.p95, as: "ms", kind: "num" },
          { label: "Queue p95", value: (r) => r.queueWait.p95, as: "ms", kind: "num" },
          { label: "Late starts", value: (r) => r.lateStarts, kind: "num" },
          { label: "Dropped", value: (r) => r.dropped, kind: "num" },
          {
            label: "Goodput",
            value: (r) => r.goodput?.share ?? null,
            format: (r) =>
              r.goodput ? `${fmtNum(r.goodput.perSecond)}/s (${fmtPct(r.goodput.share)})` : "-",
            kind: "num",
          },
        ],
        data.load,
      );
      const grid = el("div", { class: "grid2" });
      s.append(grid);
      data.load.forEach((l, i) => {
        if (l.histogram.length === 0) return;
        const title =
          l.mode === "open"
            ? `Open loop at ${fmtNum(l.targetRate)}/s — latency from intended start`
            : `Closed loop ×${l.concurrency ?? "?"} — latency`;
        histogramChart(
          chartBox(grid, title, "load-histogram"),
          l.histogram,
          COLORS[(i + 2) % COLORS.length]!,
        );
      });
    }
  });

  // Accuracy
  sectionOf("accuracy", "Agent-selection accuracy", (s) => {
    const acc = data.accuracy;
    if (!acc) empty(s, "No agent-selection benchmark in this run (claude-force bench accuracy).");
    else {
      s.append(
        el(
          "p",
          {},
          `Dataset ${acc.dataset}; selection latency p50 ${fmtNum(acc.selectionLatencyUs.p50, 1)} µs, p99 ${fmtNum(acc.selectionLatencyUs.p99, 1)} µs${acc.taskSuccessRate !== null ? `; task success ${fmtPct(acc.taskSuccessRate)}` : ""}.`,
        ),
      );
      const splits: Array<[string, typeof acc.all]> = [
        ["tuning", acc.tuning],
        ["held-out", acc.heldOut],
        ["all", acc.all],
      ];
      table(
        s,
        [
          { label: "Split", value: (r) => r[0] },
          { label: "Tasks", value: (r) => r[1].tasks, kind: "num" },
          {
            label: `Top-1 (target ${fmtPct(acc.targets.top1, 0)})`,
            value: (r) => r[1].top1,
            format: (r) => fmtPct(r[1].top1),
            kind: "num",
          },
          {
            label: `Top-3 (target ${fmtPct(acc.targets.top3, 0)})`,
            value: (r) => r[1].top3,
            format: (r) => fmtPct(r[1].top3),
            kind: "num",
          },
          {
            label: `Tier (target ${fmtPct(acc.targets.tier, 0)})`,
            value: (r) => r[1].tierAccuracy,
            format: (r) => fmtPct(r[1].tierAccuracy),
            kind: "num",
          },
          // With several annotators per task: how far they agree, and the router against the writer alone.
          {
            label: "Tier labellers agree",
            value: (r) => r[1].tierLabels?.agreement ?? -1,
            format: (r) =>
              r[1].tierLabels
                ? `${fmtPct(r[1].tierLabels.agreement)} (${r[1].tierLabels.annotators} each)`
                : "–",
            kind: "num",
          },
          {
            label: "Tier vs writer alone",
            value: (r) => r[1].tierLabels?.tierVsAnnotator[0] ?? -1,
            format: (r) => (r[1].tierLabels ? fmtPct(r[1].tierLabels.tierVsAnnotator[0]) : "–"),
            kind: "num",
          },
        ],
        splits,
        (r) => (r[1].top1 < acc.targets.top1 ? "fail" : ""),
      );
      // A big roster needs the full width to stay legible; small ones sit beside the tier matrix.
      const agents = new Set(acc.confusion.flatMap((c) => [c.expected, c.predicted])).size;
      const grid = el("div", { class: "grid2" });
      const agentBox = agents > 8 ? s : grid;
      if (acc.confusion.length)
        heatmapSvg(
          chartBox(agentBox, "Confusion matrix: expected (rows) vs predicted agent", "confusion"),
          acc.confusion,
        );
      else agentBox.append(el("p", { class: "empty" }, "No confusion data."));
      s.append(grid);
      if (acc.tierConfusion.length)
        heatmapSvg(chartBox(grid, "Model tier: expected vs predicted", "confusion"), acc.tierConfusion);
      s.append(el("h3", {}, "Misses"));
      if (acc.misses.length === 0) empty(s, "No misses.");
      else
        table(
          s,
          [
            { label: "Task", value: (r) => r.task, kind: "text" },
            { label: "Expected", value: (r) => r.expected.join(", ") },
            { label: "Predicted", value: (r) => r.predicted.join(", ") },
            { label: "Split", value: (r) => r.split },
          ],
          acc.misses,
        );
    }
  });

  // Workflows
  sectionOf("workflows", "Workflow steps", (s) => {
    const flows = scenarios.filter((sc) => sc.steps && sc.steps.length > 0);
    if (flows.length === 0) empty(s, "No workflow scenarios in this run.");
    for (const sc of flows) {
      waterfallSvg(chartBox(s, `${sc.name} — mean step timeline`, "waterfall"), sc.steps!);
      table(
        s,
        [
          { label: "Step", value: (r) => r.position, kind: "num" },
          { label: "Agent", value: (r) => r.agent },
          { label: "Executions", value: (r) => r.executions, kind: "num" },
          {
            label: "Success",
            value: (r) => (r.executions ? r.successes / r.executions : null),
            format: (r) => fmtPct(r.executions ? r.successes / r.executions : null),
            kind: "num",
          },
          { label: "Mean", value: (r) => r.latency.mean, as: "ms", kind: "num" },
          { label: "p95", value: (r) => r.latency.p95, as: "ms", kind: "num" },
          { label: "Hand-off", value: (r) => r.meanHandoffMs, as: "ms", kind: "num" },
          { label: "Cost", value: (r) => r.cost, format: (r) => fmtUsd(r.cost), kind: "num" },
        ],
        sc.steps!,
      );
    }
  });

  // Failures
  sectionOf("failures", "Failures by error type", (s) => {
    const errs = Object.entries(tot.errors).filter(([, n]) => (n ?? 0) > 0) as Array<[string, number]>;
    if (errs.length === 0) empty(s, "No failed executions.");
    else {
      barsSvg(
        chartBox(s, "Failed executions by error type", "failures"),
        errs.sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ label: k, values: [n] })),
        ["failures"],
        (v) => fmtInt(v),
      );
      const samples = scenarios.flatMap((sc) => sc.failureSamples.map((f) => ({ scenario: sc.name, ...f })));
      s.append(el("h3", {}, "Sample failures"));
      if (samples.length === 0) empty(s, "No failure samples kept.");
      else
        table(
          s,
          [
            { label: "Scenario", value: (r) => r.scenario, kind: "text" },
            { label: "Iteration", value: (r) => r.iteration, kind: "num" },
            { label: "Model", value: (r) => r.model },
            { label: "Error type", value: (r) => r.error_type ?? "-" },
            { label: "Message", value: (r) => r.error ?? "", kind: "text" },
            { label: "Time", value: (r) => r.execution_time_ms, as: "ms", kind: "num" },
          ],
          samples,
        );
    }
  });

  // History
  sectionOf("history", "Trend over earlier runs", (s) => {
    const hist = [...data.history].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    if (hist.length < 2)
      empty(
        s,
        hist.length
          ? "Only one run in the history so far; the trend appears after the next run."
          : "No earlier runs found in the results folder.",
      );
    if (hist.length >= 2)
      plot(
        chartBox(s, "p50 / p95 latency (left) and success rate (right) per run", "history"),
        {
          height: 230,
          scales: { x: { time: true }, pct: { range: [0, 1] } },
          axes: [
            axis(),
            axis({ size: 72, values: (_u, t) => t.map(fmtMs) }),
            axis({
              scale: "pct",
              side: 1,
              size: 50,
              grid: { show: false },
              values: (_u, t) => t.map((v) => fmtPct(v, 0)),
            }),
          ],
          series: [
            {},
            {
              label: "p50",
              stroke: COLORS[0]!,
              width: 2,
              points: { show: true },
              value: (_u, v) => fmtMs(v),
            },
            {
              label: "p95",
              stroke: COLORS[1]!,
              width: 2,
              points: { show: true },
              value: (_u, v) => fmtMs(v),
            },
            {
              label: "success",
              scale: "pct",
              stroke: COLORS[2]!,
              width: 2,
              dash: [5, 4],
              points: { show: true },
              value: (_u, v) => fmtPct(v),
            },
          ],
        },
        [
          hist.map((h) => Date.parse(h.startedAt) / 1000),
          hist.map((h) => h.p50),
          hist.map((h) => h.p95),
          hist.map((h) => h.successRate),
        ],
      );
    if (hist.length)
      table(
        s,
        [
          { label: "Started", value: (r) => r.startedAt },
          { label: "Run", value: (r) => r.runId },
          { label: "Provider", value: (r) => `${r.provider}${r.simulated ? " (simulated)" : ""}` },
          { label: "Executions", value: (r) => r.executions, kind: "num" },
          { label: "Success", value: (r) => r.successRate, as: "pct", kind: "num" },
          { label: "p50", value: (r) => r.p50, as: "ms", kind: "num" },
          { label: "p95", value: (r) => r.p95, as: "ms", kind: "num" },
          { label: "Cost", value: (r) => r.totalCost, format: (r) => fmtUsd(r.totalCost), kind: "num" },
          { label: "Commit", value: (r) => (r.gitCommit ? r.gitCommit.slice(0, 10) : "-") },
        ],
        hist,
      );
  });

  // Baseline comparison
  sectionOf("comparison", "Against the baseline", (s) => {
    const cmp = data.comparison;
    if (!cmp)
      empty(
        s,
        "No baseline comparison (claude-force report --baseline FILE, or claude-force bench --compare FILE).",
      );
    else {
      s.append(
        el(
          "p",
          {},
          el("span", { class: `badge ${cmp.passed ? "real" : "warn"}` }, cmp.passed ? "PASSED" : "FAILED"),
          ` ${cmp.regressions} regression(s), ${cmp.budgetFailures} budget failure(s) against ${cmp.baselineRunId ?? cmp.baselineFile ?? "baseline"}.`,
        ),
      );
      for (const m of cmp.mismatches) s.append(el("p", { class: "v-missing" }, `Not comparable: ${m}`));
      table(
        s,
        [
          { label: "Scenario", value: (r) => r.scenario, kind: "text" },
          { label: "Metric", value: (r) => r.metric },
          {
            label: "Baseline",
            value: (r) => r.baseline,
            format: (r) => fmtMetric(r.metric, r.baseline),
            kind: "num",
          },
          {
            label: "Current",
            value: (r) => r.current,
            format: (r) => fmtMetric(r.metric, r.current),
            kind: "num",
          },
          { label: "Change", value: (r) => r.ratio, format: (r) => fmtDelta(r.ratio), kind: "num" },
          { label: "Threshold", value: (r) => r.threshold },
          {
            label: "p-value",
            value: (r) => r.pValue ?? null,
            format: (r) => (isNum(r.pValue) ? r.pValue.toPrecision(2) : "-"),
            kind: "num",
          },
          { label: "Verdict", value: (r) => r.verdict },
        ],
        cmp.rows,
        (r) => `v-${r.verdict}`,
      );
    }
  });

  // Resources
  sectionOf("resources", "Resource use", (s) => {
    const r = data.resources;
    if (!r) empty(s, "No resource measurements in this run.");
    else
      s.append(
        el(
          "p",
          {},
          `CPU ${fmtNum(r.cpuUserMs, 0)} ms user + ${fmtNum(r.cpuSystemMs, 0)} ms system (${fmtPct(r.cpuUtilisation)} of one core); peak RSS ${fmtNum(r.peakRssMb, 0)} MB, heap ${fmtNum(r.peakHeapMb, 0)} MB; event-loop delay p50 ${fmtMs(r.eventLoopDelayMs.p50)}, p99 ${fmtMs(r.eventLoopDelayMs.p99)}, max ${fmtMs(r.eventLoopDelayMs.max)}.`,
        ),
      );
  });

  // The harness's own profile (bench --profile)
  sectionOf("profile", "Profile of the harness", (s) => {
    const p = data.profile;
    if (!p) {
      empty(
        s,
        "Not profiled: run with --profile cpu|heap|all to see where claude-force itself spends CPU time and memory.",
      );
      return;
    }
    s.append(
      el(
        "p",
        {},
        `Where claude-force itself spent CPU time and memory during this run (profile ${p.name}), to tell a slow harness from a slow system under test.`,
      ),
    );
    const cpuMs = isNum(p.cpu.userMs) && isNum(p.cpu.systemMs) ? p.cpu.userMs + p.cpu.systemMs : null;
    const ev = p.eventLoopDelayMs;
    s.append(
      el(
        "div",
        { class: "cards" },
        cardEl(
          "Wall time",
          fmtMs(p.durationMs),
          isNum(p.cpu.samples) ? `${fmtInt(p.cpu.samples)} CPU samples` : "no CPU profile",
        ),
        cardEl(
          "CPU time",
          fmtMs(cpuMs),
          `${fmtPct(p.cpu.utilisation)} of one core · user ${fmtMs(p.cpu.userMs)}, system ${fmtMs(p.cpu.systemMs)}`,
        ),
        cardEl("Peak RSS", fmtMb(p.peakRssMb), "resident set size"),
        cardEl("Peak heap", fmtMb(p.peakHeapMb), "V8 heap in use"),
        cardEl(
          "Event-loop delay p99",
          fmtMsFine(ev?.p99),
          `p50 ${fmtMsFine(ev?.p50)}, max ${fmtMsFine(ev?.max)}`,
        ),
        cardEl(
          "GC pauses",
          fmtInt(p.gc.count),
          `${fmtMsFine(p.gc.totalMs)} in total, longest ${fmtMsFine(p.gc.maxMs)}`,
        ),
      ),
    );
    const where: Column<{ location: string | null }> = {
      label: "Location",
      value: (r) => r.location,
      kind: "code",
    };
    s.append(el("h3", {}, "Top functions by self time"));
    if (p.cpu.topSelfTime.length === 0) empty(s, "No CPU profile (run with --profile cpu or all).");
    else {
      s.append(
        el(
          "p",
          { class: "empty" },
          `Self time: the function itself was running (not its callees). Shares are of the non-idle time${isNum(p.cpu.idleMs) ? `; the thread was idle for ${fmtMs(p.cpu.idleMs)}` : ""}.`,
        ),
      );
      table(
        s,
        [
          { label: "Function", value: (r) => r.functionName, kind: "code" },
          where,
          { label: "Self", value: (r) => r.selfMs, format: (r) => fmtMsFine(r.selfMs), kind: "num" },
          { label: "Share", value: (r) => r.selfShare, as: "pct", kind: "num" },
        ],
        p.cpu.topSelfTime,
      );
    }
    s.append(el("h3", {}, "Top allocation sites (sampled)"));
    if (p.topAllocations.length === 0) empty(s, "No heap profile (run with --profile heap or all).");
    else
      table(
        s,
        [
          { label: "Function", value: (r) => r.functionName, kind: "code" },
          where,
          { label: "Allocated", value: (r) => r.selfMb, format: (r) => fmtMb(r.selfMb, 2), kind: "num" },
        ],
        p.topAllocations,
      );
    s.append(el("h3", {}, "GC pauses by kind"));
    const kinds = Object.entries(p.gc.byKind).sort((a, b) => b[1].totalMs - a[1].totalMs);
    if (kinds.length === 0) empty(s, "No garbage collection during the profile.");
    else
      table(
        s,
        [
          { label: "Kind", value: (r) => r[0] },
          { label: "Pauses", value: (r) => r[1].count, format: (r) => fmtInt(r[1].count), kind: "num" },
          { label: "Total", value: (r) => r[1].totalMs, format: (r) => fmtMsFine(r[1].totalMs), kind: "num" },
          {
            label: "Mean",
            value: (r) => (r[1].count ? r[1].totalMs / r[1].count : null),
            format: (r) => fmtMsFine(r[1].count ? r[1].totalMs / r[1].count : null),
            kind: "num",
          },
          {
            label: "Share of GC time",
            value: (r) => (p.gc.totalMs ? r[1].totalMs / p.gc.totalMs : null),
            format: (r) => fmtPct(p.gc.totalMs ? r[1].totalMs / p.gc.totalMs : null),
            kind: "num",
          },
        ],
        kinds,
      );
    s.append(el("h3", {}, "Files"));
    if (p.files.length === 0) empty(s, "No profile files were written.");
    else {
      const labels = { flamegraph: "flame graph", cpuprofile: "CPU profile", heapprofile: "heap profile" };
      s.append(
        el(
          "ul",
          { class: "files" },
          ...p.files.map((f) =>
            el(
              "li",
              {},
              `${labels[f.kind]}: `,
              // Only the flame graph is worth opening in a browser. A plain file name behind "./"
              // stays a relative link beside this page: a navigation on click, nothing loaded here.
              f.kind === "flamegraph" && /^[\w.-]+$/.test(f.name)
                ? el(
                    "a",
                    { href: `./${f.name}`, target: "_blank", rel: "noopener noreferrer" },
                    el("code", {}, f.name),
                  )
                : el("code", {}, f.name),
            ),
          ),
        ),
        el(
          "p",
          { class: "empty" },
          "Written beside the results file. Open the .cpuprofile in Chrome DevTools (Performance) or speedscope, the .heapprofile in DevTools' Memory tab.",
        ),
      );
    }
  });

  app.append(
    el(
      "footer",
      {},
      `Generated ${data.generatedAt} by claude-force${run.simulated ? " from a SIMULATED run" : ""}.`,
    ),
  );

  for (const draw of pendingDraws)
    try {
      draw();
    } catch (err) {
      console.error("dashboard chart:", err);
    }
  // Follow the container when the window changes (and before printing).
  let pending = 0;
  const resize = () => {
    for (const c of charts)
      c.plot.setSize({ width: Math.max(280, c.box.clientWidth), height: c.plot.height });
  };
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(resize);
  });
  window.addEventListener("beforeprint", resize);
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
  document.body.dataset.ready = "true";
}
