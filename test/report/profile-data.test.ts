import { describe, expect, it } from "vitest";
import { codeLocation, dashboardProfile } from "../../src/report/html/profile-data.js";
import { makeResultsDocument, PROFILE_DIR } from "./fixture.js";

describe("codeLocation", () => {
  it("names our own code by folder and file, dependencies by package, and keeps node: modules", () => {
    expect(codeLocation("file:///home/ci/app/dist/tracking/tracker.js", 142)).toBe("tracking/tracker.js:142");
    expect(codeLocation("file:///home/ci/app/node_modules/p-queue/dist/index.js", 7)).toBe(
      "p-queue/dist/index.js:7",
    );
    expect(codeLocation("file:///home/ci/app/node_modules/a/node_modules/b/lib/x.js", 1)).toBe(
      "b/lib/x.js:1",
    );
    expect(codeLocation("file:///C:/Users/me/app/dist/bench/runner.js", 88)).toBe("bench/runner.js:88");
    expect(codeLocation("/opt/app/src/cli/main.ts", null)).toBe("cli/main.ts");
    expect(codeLocation("node:internal/process/task_queues", 95)).toBe(
      "node:internal/process/task_queues:95",
    );
    expect(codeLocation("", null)).toBeNull();
  });
});

describe("dashboardProfile", () => {
  it("keeps the numbers, cuts paths to file names and drops script URLs", () => {
    const raw = makeResultsDocument({ profile: true }).profile!;
    const p = dashboardProfile(raw)!;
    expect(p.files).toEqual([
      { kind: "flamegraph", name: "20261126-134501-a1b2.profile.flame.html" },
      { kind: "cpuprofile", name: "20261126-134501-a1b2.profile.cpuprofile" },
      { kind: "heapprofile", name: "20261126-134501-a1b2.profile.heapprofile" },
    ]);
    expect(p.cpu.topSelfTime).toHaveLength(10);
    expect(p.cpu.topSelfTime[1]).toEqual({
      functionName: "recordExecution",
      location: "tracking/tracker.js:142",
      selfMs: expect.any(Number),
      selfShare: expect.any(Number),
    });
    expect(p.topAllocations[0]!.location).toBe("tracking/tracker.js:150");
    expect(p.gc.byKind.minor!.count).toBe(412);
    expect(p.peakRssMb).toBe(raw.peakRssMb);
    const json = JSON.stringify(p);
    expect(json).not.toContain(PROFILE_DIR);
    expect(json).not.toContain("file://");
  });

  it("takes Windows paths apart too", () => {
    const p = dashboardProfile({ files: { flamegraph: "C:\\runs\\r1.profile.flame.html" } })!;
    expect(p.files).toEqual([{ kind: "flamegraph", name: "r1.profile.flame.html" }]);
  });

  it("is null without a profile, and copes with a partial or odd one", () => {
    expect(dashboardProfile(null)).toBeNull();
    expect(dashboardProfile(undefined)).toBeNull();
    const p = dashboardProfile({
      name: "old",
      cpu: { userMs: 5, topSelfTime: "oops" },
      files: { cpuprofile: 3 },
    })!;
    expect(p.cpu.topSelfTime).toEqual([]);
    expect(p.topAllocations).toEqual([]);
    expect(p.files).toEqual([]);
    expect(p.gc.byKind).toEqual({});
    expect(p.cpu.userMs).toBe(5);
  });
});
