import { describe, expect, it } from "vitest";
import { ClaudeForceError } from "../../src/errors.js";
import { parseSince } from "../../src/tracking/since.js";

const NOW = new Date("2026-11-26T12:00:00.000Z");

describe("parseSince", () => {
  it("reads look-backs in s, m, h, d and w", () => {
    expect(parseSince("30m", NOW).toISOString()).toBe("2026-11-26T11:30:00.000Z");
    expect(parseSince("24h", NOW).toISOString()).toBe("2026-11-25T12:00:00.000Z");
    expect(parseSince("7d", NOW).toISOString()).toBe("2026-11-19T12:00:00.000Z");
    expect(parseSince("1w", NOW).toISOString()).toBe("2026-11-19T12:00:00.000Z");
    expect(parseSince("90s", NOW).toISOString()).toBe("2026-11-26T11:58:30.000Z");
  });

  it("reads ISO dates, treating a zone-less time as UTC", () => {
    expect(parseSince("2026-11-01", NOW).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parseSince("2026-11-01T08:30:00", NOW).toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(parseSince("2026-11-01T08:30:00+02:00", NOW).toISOString()).toBe("2026-11-01T06:30:00.000Z");
  });

  it("rejects anything else with a usage error", () => {
    for (const bad of ["yesterday", "3x", "", "2026-13-45"]) {
      expect(() => parseSince(bad, NOW)).toThrow(ClaudeForceError);
    }
  });
});
