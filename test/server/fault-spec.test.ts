import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { faultMs, formatFaultSpec, parseFaultSpec, pickFault } from "../../src/server/fault-spec.js";

describe("parseFaultSpec", () => {
  it("parses the documented example", () => {
    const spec = parseFaultSpec(
      "429:0.1,529:0.05,reset:0.02,stall:0.01@5000ms,slow-first-byte:0.1@2000ms,malformed:0.01,500:every=10",
    );
    expect(spec).toEqual([
      { kind: "429", trigger: { rate: 0.1 } },
      { kind: "529", trigger: { rate: 0.05 } },
      { kind: "reset", trigger: { rate: 0.02 } },
      { kind: "stall", trigger: { rate: 0.01 }, ms: 5000 },
      { kind: "slow-first-byte", trigger: { rate: 0.1 }, ms: 2000 },
      { kind: "malformed", trigger: { rate: 0.01 } },
      { kind: "500", trigger: { every: 10 } },
    ]);
  });

  it("parses ranges, durations in seconds, forever and in-stream error types", () => {
    expect(parseFaultSpec("stall:req=3-5@forever, error:req=7@api, 429:1@1.5s")).toEqual([
      { kind: "stall", trigger: { from: 3, to: 5 }, ms: null },
      { kind: "error", trigger: { from: 7, to: 7 }, errorType: "api_error" },
      { kind: "429", trigger: { rate: 1 }, ms: 1500 },
    ]);
    expect(parseFaultSpec("")).toEqual([]);
  });

  it("applies defaults for the duration parameter", () => {
    const [r429, stall, slow] = parseFaultSpec("429:0.1,stall:0.1,slow-first-byte:0.1");
    expect(faultMs(r429!)).toBe(1000);
    expect(faultMs(stall!)).toBeNull();
    expect(faultMs(slow!)).toBe(2000);
  });

  it.each([
    ["teapot:0.1", /unknown fault kind 'teapot'/],
    ["429", /expected KIND:TRIGGER/],
    ["429:1.5", /between 0 and 1/],
    ["429:often", /unknown trigger 'often'/],
    ["500:every=0", /N >= 1/],
    ["500:req=5-2", /ascending/],
    ["stall:0.1@soon", /bad stall duration/],
    ["reset:0.1@5ms", /takes no @parameter/],
    ["error:0.1@teapot", /unknown in-stream error type/],
    ["429:0.6,529:0.6", /add up to more than 1/],
  ])("rejects %s with a clear USAGE error", (text, message) => {
    let caught: unknown;
    try {
      parseFaultSpec(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ClaudeForceError);
    const e = caught as ClaudeForceError;
    expect(e.code).toBe("USAGE");
    expect(e.message).toMatch(message);
    expect(e.details.keyPath).toMatch(/faults/);
  });

  it("round-trips through formatFaultSpec", () => {
    const text = "429:0.1@250ms,stall:every=3@forever,error:req=2-4@api,reset:0.05";
    expect(parseFaultSpec(formatFaultSpec(parseFaultSpec(text)))).toEqual(parseFaultSpec(text));
  });
});

describe("pickFault", () => {
  it("schedules win over rates, in the order written", () => {
    const spec = parseFaultSpec("500:every=3,529:req=2-4,429:0.5");
    expect(pickFault(spec, 3, 0.9)?.kind).toBe("500");
    expect(pickFault(spec, 2, 0.9)?.kind).toBe("529");
    expect(pickFault(spec, 5, 0.9)).toBeNull();
    expect(pickFault(spec, 5, 0.1)?.kind).toBe("429");
  });

  it("splits the unit interval between rate rules", () => {
    const spec = parseFaultSpec("429:0.2,529:0.3");
    expect(pickFault(spec, 1, 0.19)?.kind).toBe("429");
    expect(pickFault(spec, 1, 0.2)?.kind).toBe("529");
    expect(pickFault(spec, 1, 0.49)?.kind).toBe("529");
    expect(pickFault(spec, 1, 0.5)).toBeNull();
  });
});
