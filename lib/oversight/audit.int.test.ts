import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { appendAudit, GENESIS_HASH, hashEvent } from "./audit";

describe("appendAudit", () => {
  it("keeps one unbroken chain per commune under concurrent writers", async () => {
    const communeId = `chain-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) => appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.append", entityType: "Test", entityId: String(i), after: { i } })),
      ),
    );
    const chain = await db.auditEvent.findMany({ where: { communeId }, orderBy: { seq: "asc" } });
    expect(chain).toHaveLength(20);
    chain.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
      expect(hashEvent({ ...e, details: e.details })).toBe(e.hash);
    });
  });

  it("writes nothing when the change it records fails", async () => {
    const communeId = `rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.fail", entityType: "Test", entityId: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { communeId } })).toBe(0);
  });
});
