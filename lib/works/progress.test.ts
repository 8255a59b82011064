import { describe, expect, it } from "vitest";

import { afterMilestone, NEXT_WORK_STATUSES } from "./progress";

describe("afterMilestone", () => {
  it("sets progress 100 when the work is done, whatever was typed", () => {
    expect(afterMilestone({ status: "IN_PROGRESS", progress: 60 }, { progress: 80, toStatus: "DONE" })).toEqual({ status: "DONE", progress: 100 });
    expect(afterMilestone({ status: "IN_PROGRESS", progress: 60 }, { progress: null, toStatus: "DONE" })).toEqual({ status: "DONE", progress: 100 });
  });
  it("keeps the progress when none is given, and takes the one given", () => {
    expect(afterMilestone({ status: "IN_PROGRESS", progress: 60 }, { progress: null, toStatus: null })).toEqual({ status: "IN_PROGRESS", progress: 60 });
    expect(afterMilestone({ status: "PLANNED", progress: 0 }, { progress: 100, toStatus: null })).toEqual({ status: "PLANNED", progress: 100 });
  });
  it("makes DONE and CANCELLED final", () => {
    expect(NEXT_WORK_STATUSES.DONE).toEqual([]);
    expect(NEXT_WORK_STATUSES.CANCELLED).toEqual([]);
    expect(NEXT_WORK_STATUSES.IN_PROGRESS).toContain("DONE");
  });
});
