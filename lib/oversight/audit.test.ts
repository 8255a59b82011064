import { describe, expect, it } from "vitest";

import { GENESIS_HASH, type HashedFields, hashEvent } from "./audit";
import { canonicalJson, digest } from "./canonical-json";

const event = (overrides: Partial<HashedFields> = {}): HashedFields => ({
  communeId: "c1",
  actorId: "u1",
  actorRole: "STAFF",
  action: "consultation.publish",
  entityType: "Consultation",
  entityId: "k1",
  beforeDigest: digest({ status: "DRAFT" }),
  afterDigest: digest({ status: "PUBLISHED" }),
  details: { title: "Đường liên thôn" },
  createdAt: new Date("2026-11-27T05:00:00.000Z"),
  prevHash: GENESIS_HASH,
  ...overrides,
});

describe("canonical JSON", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(digest({ b: 1, a: 2 })).toBe(digest({ a: 2, b: 1 }));
    expect(digest(null)).toBeNull();
  });
});

describe("hashEvent", () => {
  it("changes when any field or the previous hash changes", () => {
    const h = hashEvent(event());
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(event())).toBe(h);
    expect(hashEvent(event({ prevHash: "1".repeat(64) }))).not.toBe(h);
    expect(hashEvent(event({ afterDigest: digest({ status: "CLOSED" }) }))).not.toBe(h);
    expect(hashEvent(event({ details: { title: "Đường liên thôn!" } }))).not.toBe(h);
    expect(hashEvent(event({ createdAt: new Date("2026-11-27T05:00:00.001Z") }))).not.toBe(h);
  });
});
