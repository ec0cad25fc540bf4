/**
 * 5. Dashboard: a results document built from 100,000 zero-latency executions through the real
 * bench path (benchmarkAgent → ScenarioAggregator), rendered with renderDashboard; then opened in
 * headless Chromium (when /usr/bin/chromium exists) until the page script has drawn every chart.
 * Reference: JSON.stringify of the same document (the floor for any renderer that embeds it).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AGENT, median, simRuntime, TASK } from "./sim-runtime.js";
import { below, metric, type PerfBenchmark, type PerfMetric, type PerfResult } from "./types.js";

const CHROMIUM = "/usr/bin/chromium";
const MB = 1024 * 1024;

/** ms from navigation start until the dashboard script reports it has drawn (body[data-render-ms]). */
async function browserRenderMs(
  file: string,
): Promise<{ loadMs: number; scriptMs: number; errors: string[] }> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const start = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.renderMs !== undefined, undefined, {
      timeout: 30_000,
    });
    const loadMs = performance.now() - start;
    const scriptMs = Number(await page.evaluate(() => document.body.dataset.renderMs));
    return { loadMs, scriptMs, errors };
  } finally {
    await browser.close();
  }
}

export const dashboard: PerfBenchmark = {
  id: "dashboard",
  title: "Dashboard: 100,000 executions rendered",
  async run(opts): Promise<PerfResult> {
    const t0 = performance.now();
    const count = opts.quick ? 20_000 : 100_000;
    const runtime = await simRuntime(opts.workDir, "dashboard", { track: false, lib: opts.lib });
    let doc: Awaited<ReturnType<typeof opts.lib.bench.benchmarkAgent>>;
    try {
      doc = await opts.lib.bench.benchmarkAgent(runtime, AGENT, TASK, { iterations: count, concurrency: 10 });
    } finally {
      await runtime.close();
    }
    const renderMs: number[] = [];
    const jsonMs: number[] = [];
    let html = "";
    let json = "";
    for (let i = 0; i < 3; i++) {
      let s = performance.now();
      html = opts.lib.report.renderDashboard(doc);
      renderMs.push(performance.now() - s);
      s = performance.now();
      json = JSON.stringify(doc);
      jsonMs.push(performance.now() - s);
    }
    const htmlMb = Buffer.byteLength(html) / MB;
    const jsonMb = Buffer.byteLength(json) / MB;
    const metrics: PerfMetric[] = [
      metric("generate the HTML (renderDashboard)", "ms", median(renderMs), median(jsonMs), below(2000)),
      metric("file size", "MB", htmlMb, jsonMb, below(2)),
    ];
    const details: Record<string, unknown> = { renderMs, jsonMs, executions: doc.totals.executions };
    const limits: string[] = [
      "The document is bounded whatever the execution count (histograms, the first 1,000 executions, 2,000 raw samples), so size and time do not grow with executions.",
    ];
    if (existsSync(CHROMIUM)) {
      const file = join(opts.workDir, "dashboard.html");
      writeFileSync(file, html);
      const b = await browserRenderMs(file);
      details.browser = b;
      metrics.push(
        metric("open in headless Chromium until every chart is drawn", "ms", b.loadMs, null, below(2000)),
      );
      if (b.errors.length > 0) limits.push(`page errors: ${b.errors.join("; ")}`);
      opts.log(`  browser: ${b.loadMs.toFixed(0)} ms to drawn (page script ${b.scriptMs.toFixed(0)} ms)`);
    } else {
      limits.push(`${CHROMIUM} not found: the browser measurement was skipped.`);
    }
    opts.log(
      `  render ${median(renderMs).toFixed(0)} ms, ${htmlMb.toFixed(2)} MB (JSON ${median(jsonMs).toFixed(0)} ms)`,
    );
    return {
      id: "dashboard",
      title: this.title,
      reference: "JSON.stringify of the same results document (time and size)",
      metrics,
      params: { executions: count, concurrency: 10, renders: 3 },
      limits,
      details,
      durationMs: performance.now() - t0,
    };
  },
};
