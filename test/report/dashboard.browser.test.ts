/**
 * The dashboard in real headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * every chart draws, no console or page errors, XSS payloads stay text, tables sort, nothing is
 * requested from the network. A missing browser is a failure, not a skip: CI installs it.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDashboard } from "../../src/report/index.js";
import { makeComparison, makeResultsDocument, PROFILE_DIR, XSS_IMG, XSS_SCRIPT } from "./fixture.js";

const CHROMIUM = "/usr/bin/chromium";

interface Loaded {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
  url: string;
}

let browser: Browser;
let dir: string;
let main: Loaded;

async function open(html: string, name: string): Promise<Loaded> {
  const file = join(dir, name);
  await writeFile(file, html, "utf8");
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const loaded: Loaded = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [], url };
  page.on("console", (m) => {
    if (m.type() === "error") loaded.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => loaded.pageErrors.push(e.message));
  page.on("dialog", (d) => {
    loaded.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => loaded.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']", { timeout: 10_000 });
  return loaded;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests`,
    );
  dir = await mkdtemp(join(tmpdir(), "cf-dashboard-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const doc = makeResultsDocument({ xss: true, profile: true, scenarios: 5, executionsPerScenario: 300 });
  const history = [0.9, 1.1, 1].map((f, i) => {
    const d = makeResultsDocument({
      seed: i + 7,
      latencyFactor: f,
      startedAt: `2026-11-2${i + 3}T10:00:00.000Z`,
    });
    return {
      runId: `run-${i}`,
      startedAt: d.run.startedAt,
      provider: d.run.provider,
      simulated: true,
      timeScale: 0.01,
      scenarios: d.scenarios.length,
      executions: d.totals.executions,
      successRate: d.totals.successRate - i * 0.01,
      p50: 3000 * f,
      p95: 6000 * f,
      totalCost: d.totals.totalCost,
      gitCommit: "abc1234",
      file: `run-${i}.json`,
    };
  });
  main = await open(renderDashboard(doc, { history, comparison: makeComparison(doc) }), "dashboard.html");
}, 20_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("dashboard in Chromium", () => {
  it("renders without console errors or page errors, quickly", async () => {
    expect(main.pageErrors).toEqual([]);
    expect(main.consoleErrors).toEqual([]);
    const renderMs = Number(await main.page.evaluate(() => document.body.dataset.renderMs));
    expect(renderMs).toBeGreaterThan(0);
    expect(renderMs).toBeLessThan(2000);
  });

  it("draws every chart: a canvas or svg with size, and canvases with non-blank pixels", async () => {
    const charts = await main.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".chart")].map((box) => {
        const canvas = box.querySelector("canvas");
        const svg = box.querySelector("svg");
        const target = canvas ?? svg;
        const rect = target?.getBoundingClientRect();
        let painted = 0;
        if (canvas) {
          const px = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
        } else if (svg) {
          painted = [...svg.querySelectorAll("rect, path, line")].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 || r.height > 0;
          }).length;
        }
        return {
          kind: box.dataset.chart,
          canvas: Boolean(canvas),
          w: rect?.width ?? 0,
          h: rect?.height ?? 0,
          painted,
        };
      }),
    );
    const kinds = new Set(charts.map((c) => c.kind));
    for (const k of [
      "histogram",
      "ttft",
      "cost",
      "tokens",
      "throughput",
      "load-histogram",
      "confusion",
      "waterfall",
      "failures",
      "history",
    ])
      expect(kinds, `chart kind ${k}`).toContain(k);
    for (const c of charts) {
      expect(c.w, `${c.kind} width`).toBeGreaterThan(50);
      expect(c.h, `${c.kind} height`).toBeGreaterThan(20);
      // Canvas: painted pixels (axes and series); SVG: shapes with a size.
      expect(c.painted, `${c.kind} painted`).toBeGreaterThan(c.canvas ? 100 : 0);
    }
  });

  it("shows every section, with the SIMULATED badge", async () => {
    const ids = await main.page.evaluate(() => [...document.querySelectorAll("section")].map((s) => s.id));
    expect(ids).toEqual(
      expect.arrayContaining([
        "latency",
        "ttft",
        "cost",
        "tokens",
        "throughput",
        "load",
        "accuracy",
        "workflows",
        "failures",
        "history",
        "comparison",
        "profile",
      ]),
    );
    expect(await main.page.locator("#simulated-badge").textContent()).toBe("SIMULATED");
  });

  it("keeps XSS payloads inert: no dialog, no injected element, the text is visible", async () => {
    expect(main.dialogs).toEqual([]);
    const injected = await main.page.evaluate(() => ({
      imgs: document.querySelectorAll("img").length,
      scripts: document.querySelectorAll("script").length,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 3 });
    // innerText on purpose: the payload must be rendered, visible text.
    // biome-ignore lint/performance/useDomNodeTextContent: layout-aware text is the point here
    const text = await main.page.evaluate(() => document.body.innerText);
    expect(text).toContain(XSS_SCRIPT);
    expect(text).toContain(XSS_IMG);
    expect(await main.page.getByText(XSS_SCRIPT).first().isVisible()).toBe(true);
  });

  it("shows tier-label agreement where the tasks carry several annotators' votes", async () => {
    const rows = await main.page.locator("#accuracy table").first().locator("tbody tr").allTextContents();
    expect(rows.find((r) => r.startsWith("held-out"))).toMatch(/96\.0% \(3 each\).*90\.0%/);
    expect(rows.find((r) => r.startsWith("tuning"))).toContain("–");
  });

  it("sorts a table when a header is clicked, and reverses on a second click", async () => {
    const table = main.page.locator("#throughput table.sortable");
    const column = () => table.locator("tbody tr td:nth-child(1)").allTextContents();
    const header = table.locator("th", { hasText: "Concurrency" });
    await header.click();
    expect((await column()).map(Number)).toEqual([1, 5, 10, 20]);
    await header.click();
    expect((await column()).map(Number)).toEqual([20, 10, 5, 1]);
    expect(await header.getAttribute("aria-sort")).toBe("descending");
  });

  it("shows the harness profile: cards, self time, allocations, GC by kind and file names", async () => {
    const profile = main.page.locator("#profile");
    expect(await profile.locator("h2").textContent()).toBe("Profile of the harness");
    const cards = await profile.locator(".card .label").allTextContents();
    expect(cards).toEqual([
      "Wall time",
      "CPU time",
      "Peak RSS",
      "Peak heap",
      "Event-loop delay p99",
      "GC pauses",
    ]);
    expect(await profile.locator(".card .value").allTextContents()).not.toContain("-");
    const tables = profile.locator("table.sortable");
    expect(await tables.count()).toBe(3);
    const rows = (i: number) => tables.nth(i).locator("tbody tr");
    expect([await rows(0).count(), await rows(1).count(), await rows(2).count()]).toEqual([10, 5, 4]);
    // Locations are short and machine-independent; V8 pseudo-frames have none.
    expect(await rows(0).nth(1).locator("td").allTextContents()).toEqual([
      "recordExecution",
      "tracking/tracker.js:142",
      expect.stringMatching(/^\d+(\.\d+)?(ms|s)$/),
      expect.stringMatching(/^\d+\.\d%$/),
    ]);
    expect(await rows(0).nth(3).locator("td").nth(1).textContent()).toBe(
      "hdr-histogram-js/dist/JsHistogram.js:180",
    );
    expect(await rows(0).first().locator("td").nth(1).textContent()).toBe("-");
    expect(await rows(2).locator("td:first-child").allTextContents()).toEqual([
      "minor",
      "major",
      "incremental",
      "weakcb",
    ]);
    const files = await profile.locator("ul.files li").allTextContents();
    expect(files).toEqual([
      "flame graph: 20261126-134501-a1b2.profile.flame.html",
      "CPU profile: 20261126-134501-a1b2.profile.cpuprofile",
      "heap profile: 20261126-134501-a1b2.profile.heapprofile",
    ]);
    expect(await profile.textContent()).not.toContain(PROFILE_DIR);
    // The one link is relative: the flame graph beside this page, opened only on click.
    const links = await profile
      .locator("a")
      .evaluateAll((as) =>
        as.map((a) => ({ raw: a.getAttribute("href"), abs: (a as HTMLAnchorElement).href })),
      );
    expect(links).toEqual([
      {
        raw: "./20261126-134501-a1b2.profile.flame.html",
        abs: new URL("20261126-134501-a1b2.profile.flame.html", main.url).href,
      },
    ]);
  });

  it("shows a <script>-named profiled function as text, and sorts the self-time table", async () => {
    const selfTime = main.page.locator("#profile table.sortable").first();
    const fn = selfTime.locator("tbody td.code", { hasText: XSS_SCRIPT });
    expect(await fn.textContent()).toBe(XSS_SCRIPT);
    expect(await fn.isVisible()).toBe(true);
    expect(await main.page.locator("#profile script, #profile img").count()).toBe(0);
    const allocations = main.page.locator("#profile table.sortable").nth(1);
    expect(await allocations.locator("tbody td.code", { hasText: XSS_IMG }).textContent()).toBe(XSS_IMG);

    const shares = async () =>
      (await selfTime.locator("tbody tr td:nth-child(4)").allTextContents()).map((t) => Number.parseFloat(t));
    const initial = await shares();
    expect(initial).toEqual([...initial].sort((a, b) => b - a));
    await selfTime.locator("th", { hasText: "Share" }).click();
    const ascending = await shares();
    expect(ascending).toEqual([...initial].sort((a, b) => a - b));
    expect(ascending[0]).toBeLessThan(ascending[9]!);
    await selfTime.locator("th", { hasText: "Share" }).click();
    expect(await shares()).toEqual(initial);
  });

  it("requests nothing but the file itself", async () => {
    expect(main.requests).toEqual([main.url]);
  });

  it("says so when a section has no data, and still draws what it has", async () => {
    const doc = makeResultsDocument({ scenarios: 2, executionsPerScenario: 50 });
    doc.throughput = [];
    doc.load = [];
    doc.accuracy = null;
    doc.cost = null;
    const bare = await open(renderDashboard(doc), "bare.html");
    expect(bare.pageErrors).toEqual([]);
    expect(bare.consoleErrors).toEqual([]);
    const empties = await bare.page.evaluate(() =>
      Object.fromEntries(
        ["throughput", "load", "accuracy", "cost", "history", "comparison"].map((id) => [
          id,
          document.querySelector(`#${id} .empty`)?.textContent ?? "",
        ]),
      ),
    );
    for (const [id, msg] of Object.entries(empties)) expect(msg, id).toMatch(/^No |^Only one/);
    expect(await bare.page.locator("#profile .empty").textContent()).toMatch(
      /^Not profiled: run with --profile cpu\|heap\|all/,
    );
    expect(await bare.page.locator("#profile table, #profile .card").count()).toBe(0);
    await bare.page.close();
  });

  it("keeps drawing the rest of the page when one section's data is malformed", async () => {
    const doc = makeResultsDocument({ scenarios: 2, executionsPerScenario: 20 });
    (doc as unknown as { throughput: unknown[] }).throughput = [{ concurrency: 4 }];
    const loaded = await open(renderDashboard(doc), "malformed.html");
    expect(loaded.pageErrors).toEqual([]);
    expect(await loaded.page.locator("#throughput .empty").last().textContent()).toMatch(
      /could not be drawn/,
    );
    expect(loaded.consoleErrors.join("\n")).toMatch(/dashboard section throughput/);
    expect(await loaded.page.locator("#comparison").count()).toBe(1);
    await loaded.page.close();
  });

  it("draws a partial profile (an older or hand-edited file) with dashes, not an error", async () => {
    const doc = makeResultsDocument({ scenarios: 2, executionsPerScenario: 20 });
    doc.profile = { name: "old", durationMs: 1500, cpu: { userMs: 300 } };
    const loaded = await open(renderDashboard(doc), "partial-profile.html");
    expect(loaded.pageErrors).toEqual([]);
    expect(loaded.consoleErrors).toEqual([]);
    const profile = loaded.page.locator("#profile");
    expect(await profile.locator(".card .value").allTextContents()).toEqual([
      "1500ms",
      "-",
      "-",
      "-",
      "-",
      "-",
    ]);
    expect(await profile.locator(".empty").allTextContents()).toEqual([
      "No CPU profile (run with --profile cpu or all).",
      "No heap profile (run with --profile heap or all).",
      "No garbage collection during the profile.",
      "No profile files were written.",
    ]);
    await loaded.page.close();
  });

  it("blocks any inline script that is not one of its own (CSP hashes)", async () => {
    const html = renderDashboard(makeResultsDocument({ scenarios: 2, executionsPerScenario: 20 })).replace(
      "</body>",
      "<script>document.body.dataset.injected = 'ran'</script></body>",
    );
    const loaded = await open(html, "injected.html");
    expect(await loaded.page.evaluate(() => document.body.dataset.injected ?? null)).toBeNull();
    expect(loaded.consoleErrors.join("\n")).toMatch(/Content Security Policy/);
    await loaded.page.close();
  });

  it("opens a 100,000-execution run in under 2 s of rendering", async () => {
    const big = makeResultsDocument({ scenarios: 10, executionsPerScenario: 10_000, seed: 7 });
    const loaded = await open(renderDashboard(big), "big.html");
    expect(loaded.pageErrors).toEqual([]);
    expect(loaded.consoleErrors).toEqual([]);
    expect(Number(await loaded.page.evaluate(() => document.body.dataset.renderMs))).toBeLessThan(2000);
    expect(await loaded.page.locator(".chart[data-chart='histogram'] canvas").count()).toBe(10);
    await loaded.page.close();
  });

  it("saves a screenshot artifact", async () => {
    await mkdir("test-results", { recursive: true });
    const path = join("test-results", "dashboard.png");
    await main.page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
