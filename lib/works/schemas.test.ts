import { describe, expect, it } from "vitest";

import { budgetLineSchema, MAX_BUDGET_LINES, postMilestoneSchema, saveWorkSchema } from "./schemas";

const work = { communeId: "c", title: "Đường liên thôn", description: "Nâng cấp đường liên thôn.", geometry: null };

describe("work input", () => {
  it("reads VND typed with thousands separators, and refuses negatives and fractions", () => {
    expect(budgetLineSchema.parse({ source: "STATE_BUDGET", amountVnd: "1.200.000.000" }).amountVnd).toBe(1_200_000_000n);
    expect(budgetLineSchema.parse({ source: "STATE_BUDGET", amountVnd: "" }).amountVnd).toBeNull();
    expect(budgetLineSchema.safeParse({ source: "STATE_BUDGET", amountVnd: "-1" }).success).toBe(false);
    expect(budgetLineSchema.safeParse({ source: "STATE_BUDGET", amountVnd: "12,5đ" }).success).toBe(false);
  });
  it(`takes ${MAX_BUDGET_LINES} budget lines, not one more`, () => {
    const line = { source: "SPONSOR", amountVnd: "1" };
    expect(saveWorkSchema.safeParse({ ...work, budget: Array(MAX_BUDGET_LINES).fill(line) }).success).toBe(true);
    expect(saveWorkSchema.safeParse({ ...work, budget: Array(MAX_BUDGET_LINES + 1).fill(line) }).error!.issues[0]!.message).toBe("workTooManyBudgetLines");
  });
  it("takes a progress from 0 to 100, nothing outside", () => {
    const m = { communeId: "c", workId: "w", occurredOn: "2026-05-10", body: "Cập nhật tiến độ." };
    expect(postMilestoneSchema.parse({ ...m, progress: "0" }).progress).toBe(0);
    expect(postMilestoneSchema.parse({ ...m, progress: "100" }).progress).toBe(100);
    expect(postMilestoneSchema.parse({ ...m, progress: "" }).progress).toBeNull();
    expect(postMilestoneSchema.safeParse({ ...m, progress: "-1" }).success).toBe(false);
    expect(postMilestoneSchema.safeParse({ ...m, progress: "101" }).success).toBe(false);
    expect(postMilestoneSchema.safeParse({ ...m, occurredOn: "2026-02-30x" }).error!.issues[0]!.message).toBe("workDateInvalid");
  });
});
