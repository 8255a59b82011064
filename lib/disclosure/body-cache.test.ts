import { describe, expect, it } from "vitest";

import { createBodyCache } from "./body-cache";

describe("createBodyCache", () => {
  it("serves a body for its time to live, then loads it again", async () => {
    let t = 0;
    let loads = 0;
    const cache = createBodyCache({ ttlMs: 60_000, now: () => t });
    const load = async () => `body ${++loads}`;
    expect(await cache.get("a", load)).toBe("body 1");
    t = 59_999;
    expect(await cache.get("a", load)).toBe("body 1");
    t = 60_000;
    expect(await cache.get("a", load)).toBe("body 2");
    // Keys are apart.
    expect(await cache.get("b", load)).toBe("body 3");
  });

  it("shares one load between concurrent readers", async () => {
    let loads = 0;
    const cache = createBodyCache({ ttlMs: 1000 });
    const bodies = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", async () => `x${++loads}`)));
    expect(new Set(bodies)).toEqual(new Set(["x1"]));
    expect(loads).toBe(1);
  });

  it("forgets everything on clear, and never keeps a failed load", async () => {
    let loads = 0;
    const cache = createBodyCache({ ttlMs: 1000 });
    await cache.get("k", async () => `x${++loads}`);
    cache.clear();
    expect(await cache.get("k", async () => `x${++loads}`)).toBe("x2");
    await expect(cache.get("bad", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("bad", async () => "up")).toBe("up");
  });

  it("does not cache with a time to live of zero, and stays within its size", async () => {
    let loads = 0;
    const off = createBodyCache({ ttlMs: 0 });
    await off.get("k", async () => `${++loads}`);
    await off.get("k", async () => `${++loads}`);
    expect(loads).toBe(2);
    expect(off.size).toBe(0);
    const small = createBodyCache({ ttlMs: 1000, maxEntries: 3 });
    for (const k of ["a", "b", "c", "d"]) await small.get(k, async () => k);
    expect(small.size).toBeLessThanOrEqual(3);
  });
});
