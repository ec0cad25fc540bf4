import { describe, expect, it } from "vitest";
import { executionIdOf, jobIdOf, runKey, specId } from "../../src/distributed/ids.js";

describe("deterministic ids", () => {
  it("spec ids are run|scenario|iteration[|extra] and job ids never contain BullMQ's ':'", () => {
    const id = specId("20261126-134501-a1b2", "throughput@c5:x", 3, "wf#0");
    expect(id).toBe("20261126-134501-a1b2|throughput@c5:x|3|wf#0");
    expect(jobIdOf(id)).not.toContain(":");
    expect(decodeURIComponent(jobIdOf(id))).toBe(id); // injective: distinct specs, distinct jobs
  });

  it("execution ids look like local ones, are stable, and differ per workflow step", () => {
    const id = specId("r", "s", 1);
    expect(executionIdOf(id)).toMatch(/^[0-9a-f]{16}$/);
    expect(executionIdOf(id)).toBe(executionIdOf(id));
    expect(new Set([executionIdOf(id), executionIdOf(id, 1), executionIdOf(id, 2)]).size).toBe(3);
  });

  it("run keys live under the queue's prefix", () => {
    expect(runKey("cf", "claude-force", "r1", "plan")).toBe("cf:claude-force:run:r1:plan");
  });
});
