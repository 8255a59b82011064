import { describe, expect, it } from "vitest";

import { HASH_CONCURRENCY, HASH_QUEUE, hashingLoad, HashingBusyError, hashPassword, verifyPassword } from "./password";

describe("the global cap on password hashing", () => {
  it("runs at most one hash per core, queues a bounded number, and refuses the rest at once", async () => {
    const stored = await hashPassword("mat-khau-dai");
    const total = HASH_CONCURRENCY + HASH_QUEUE + 3;
    let peak = 0;
    const attempts = Array.from({ length: total }, (_, i) => verifyPassword(stored, i === 0 ? "mat-khau-dai" : "wrong"));
    peak = hashingLoad().running;
    expect(hashingLoad().waiting).toBe(HASH_QUEUE);
    const results = await Promise.allSettled(attempts);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(3);
    expect(refused.every((r) => r.status === "rejected" && r.reason instanceof HashingBusyError)).toBe(true);
    expect(results[0]).toEqual({ status: "fulfilled", value: true });
    expect(peak).toBe(HASH_CONCURRENCY);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
