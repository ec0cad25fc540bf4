import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { count, DB, writer } from "./fixtures/spawn.js";

describe("PerformanceTracker after a crash", () => {
  it("a SIGKILLed writer loses nothing it wrote to its journal, and re-ingesting adds no duplicates", async () => {
    const root = mkdtempSync(join(tmpdir(), "cf-crash-"));
    const journal = join(root, `${DB}.journal`);
    const crashed = await writer(root, 200, "crash", "crash").done;
    expect(crashed.signal).toBe("SIGKILL");

    // The dead writer's segment is still "open"; keep a copy to replay it later.
    const [segment] = readdirSync(journal);
    expect(segment).toMatch(/\.open\.jsonl$/);
    const copy = join(root, "segment.copy");
    copyFileSync(join(journal, segment!), copy);

    expect(await count(root)).toBe(200);
    expect(readdirSync(journal)).toEqual([]);

    // A crash between commit and cleanup leaves the segment behind: replay it, plus a torn line.
    const replay = join(journal, "replayed_1_x_000000.jsonl");
    copyFileSync(copy, replay);
    writeFileSync(replay, '{"seq":1,"execution":{"executionId":"torn', { flag: "a" });
    expect(await count(root)).toBe(200);
    expect(readdirSync(journal)).toEqual([]);
  }, 30_000);

  it("a process that exits without closing the tracker still has its records ingested", async () => {
    const root = mkdtempSync(join(tmpdir(), "cf-exit-"));
    const exited = await writer(root, 100, "quitter", "exit").done;
    expect(exited.code).toBe(3);
    expect(await count(root, { runId: "quitter" })).toBe(100);
  }, 30_000);
});
