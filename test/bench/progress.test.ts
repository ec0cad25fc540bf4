import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "../../src/bench/session.js";
import { createProgress } from "../../src/cli/progress.js";

function capture() {
  const lines: string[] = [];
  const stream = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WriteStream;
  return { lines, stream };
}

const ev = (done: number, over: Partial<ProgressEvent> = {}): ProgressEvent => ({
  phase: "scenario",
  scenario: "simple_task",
  total: 100,
  done,
  successes: done,
  failures: 0,
  p50: 120,
  p95: 180,
  cost: done * 0.001,
  ...over,
});

describe("plain progress (not a TTY)", () => {
  it("prints a line every ~2 s while a scenario runs, and one when it completes", () => {
    let t = 0;
    const { lines, stream } = capture();
    const p = createProgress({ interactive: false, stream, now: () => t });
    p.update(ev(0));
    for (let done = 1; done <= 100; done++) {
      t += 100; // 10 s in all
      p.update(ev(done));
    }
    p.update(ev(100)); // a repeat of the final event prints nothing
    // every 2 s: at 20, 40, 60, 80 done, plus the completion line.
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("[bench] simple_task 20/100 (20%)  p50 120ms p95 180ms  ok 20/20  $0.0200\n");
    expect(lines.at(-1)).toMatch(/^\[bench\] simple_task 100\/100 \(100%\)/);
  });

  it("keeps fast scenarios to one line each and labels warmups", () => {
    const { lines, stream } = capture();
    const p = createProgress({ interactive: false, stream, now: () => 0 });
    for (const phase of ["warmup", "scenario"] as const)
      for (let d = 0; d <= 5; d++) p.update(ev(d, { phase, total: 5 }));
    expect(lines.map((l) => l.split("  ")[0])).toEqual([
      "[bench] simple_task (warmup) 5/5 (100%)",
      "[bench] simple_task 5/5 (100%)",
    ]);
  });

  it("prints nothing when quiet", () => {
    const { lines, stream } = capture();
    const p = createProgress({ interactive: false, quiet: true, stream });
    p.update(ev(100));
    expect(lines).toEqual([]);
  });
});
