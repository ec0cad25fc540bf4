import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { runOpenLoop } from "../../src/bench/schedule.js";

describe("runOpenLoop rate accuracy", () => {
  it("keeps the achieved rate within 1% of 1000/s (drift-free timer loop)", async () => {
    // 6 s: only arrivals started inside the window count, so a lagging generator loses rate.
    const r = await runOpenLoop({ rate: 1000, durationMs: 6_000, arrival: "constant", job: () => sleep(10) });
    expect(r.started).toBe(6_000);
    expect(r.completed).toBe(6_000);
    expect(r.achievedRate).toBeGreaterThan(990);
    expect(r.achievedRate).toBeLessThanOrEqual(1000);
  });
});
