import { describe, expect, it } from "vitest";

import { accountPseudonym, actorPseudonym, auditRow, GENESIS_HASH, type HashedFields, hashEvent, privateDigestOf } from "./audit";
import { canonicalJson, digest, sha256 } from "./canonical-json";

const event = (overrides: Partial<HashedFields> = {}): HashedFields => ({
  communeId: "c1",
  actor: "p-0123456789abcdef0123",
  actorRole: "STAFF",
  action: "consultation.publish",
  entityType: "Consultation",
  entityId: "k1",
  details: { title: "Đường liên thôn" },
  privateDigest: "a".repeat(64),
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
  it("changes when any public field or the previous hash changes", () => {
    const h = hashEvent(event());
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(event())).toBe(h);
    expect(hashEvent(event({ prevHash: "1".repeat(64) }))).not.toBe(h);
    expect(hashEvent(event({ privateDigest: "b".repeat(64) }))).not.toBe(h);
    expect(hashEvent(event({ actor: null }))).not.toBe(h);
    expect(hashEvent(event({ details: { title: "Đường liên thôn!" } }))).not.toBe(h);
    expect(hashEvent(event({ createdAt: new Date("2026-11-27T05:00:00.001Z") }))).not.toBe(h);
    expect(hashEvent(event({ createdAt: "2026-11-27T05:00:00.000Z" }))).toBe(h);
  });

  it("is the sha256 of the canonical form the README gives, so another language can recompute it", () => {
    const text =
      '{"action":"consultation.publish","actor":"p-0123456789abcdef0123","actorRole":"STAFF","communeId":"c1",' +
      '"createdAt":"2026-11-27T05:00:00.000Z","details":{"title":"Đường liên thôn"},"entityId":"k1","entityType":"Consultation",' +
      `"prevHash":"${GENESIS_HASH}","privateDigest":"${"a".repeat(64)}"}`;
    expect(hashEvent(event())).toBe(sha256(text));
  });
});

describe("what an event keeps private", () => {
  it("names an official by a stable pseudonym that is not the account id, and a resident not at all", () => {
    const p = actorPseudonym("user-1", "STAFF");
    expect(p).toMatch(/^p-[0-9a-f]{20}$/);
    expect(p).not.toContain("user-1");
    expect(actorPseudonym("user-1", "LEADER")).toBe(p);
    expect(actorPseudonym("user-2", "STAFF")).not.toBe(p);
    expect(actorPseudonym("user-1", "RESIDENT")).toBeNull();
    expect(actorPseudonym(null, "SYSTEM")).toBeNull();
  });

  it("writes an account named in the public part (a User entity, a …ById or userId detail) as its pseudonym", () => {
    const row = auditRow({
      communeId: "c1",
      actorId: "u-staff",
      actorRole: "STAFF",
      action: "account.block",
      entityType: "User",
      entityId: "u-target",
      details: { proposedById: "u-proposer", userId: "u-other", consultationId: "k1", days: 3 },
    });
    expect(row.entityId).toBe(accountPseudonym("u-target"));
    expect(row.details).toEqual({ proposedById: accountPseudonym("u-proposer"), userId: accountPseudonym("u-other"), consultationId: "k1", days: 3 });
    expect(JSON.stringify([row.entityId, row.details, row.actor])).not.toMatch(/u-(target|proposer|other|staff)/);
    // Other entities keep their ids: a consultation, an opinion are public objects.
    expect(auditRow({ communeId: "c1", actorId: null, actorRole: null, action: "x", entityType: "Consultation", entityId: "k1" }).entityId).toBe("k1");
  });

  it("commits to the private fields with a fresh salt, so a guessed choice cannot be checked against it", () => {
    const input = { communeId: "c1", actorId: "u1", actorRole: "RESIDENT", action: "vote.cast", entityType: "Vote", entityId: "v1", after: { optionIds: ["agree"] } };
    const [a, b] = [auditRow(input), auditRow(input)];
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.privateDigest).not.toBe(b.privateDigest);
    expect(a.privateDigest).toBe(privateDigestOf(a));
    // The guess "agree" by this voter, without the salt, matches nothing published.
    expect(privateDigestOf({ actorId: "u1", beforeDigest: null, afterDigest: digest({ optionIds: ["agree"] }), salt: "" })).not.toBe(a.privateDigest);
    expect(a.actor).toBeNull();
  });
});
