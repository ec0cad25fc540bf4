/** uPlot's browser build and stylesheet, read from the installed package so the page works offline. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let cached: { js: string; css: string } | null = null;

export function uplotAssets(): { js: string; css: string } {
  if (!cached) {
    const dir = dirname(createRequire(import.meta.url).resolve("uplot/package.json"));
    cached = {
      js: readFileSync(join(dir, "dist", "uPlot.iife.min.js"), "utf8"),
      css: readFileSync(join(dir, "dist", "uPlot.min.css"), "utf8"),
    };
  }
  return cached;
}
