import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { appendAudit, chainLockKey } from "./audit";
import { sealPendingAudit } from "./seal";
import { verifyChain } from "./verify-chain";

const newCommune = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const append = (communeId: string, i: number) =>
  db.$transaction((tx) => appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.append", entityType: "Test", entityId: String(i), after: { i } }), {
    // More writers than pool connections: they queue for one rather than fail after Prisma's 2 s.
    maxWait: 60_000,
  });

describe("appendAudit and the sealer", () => {
  it("records events unchained, and the sealer makes one unbroken chain of concurrent writers", async () => {
    const communeId = newCommune("chain");
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(communeId, i)));
    expect(await db.auditEvent.count({ where: { communeId, hash: null } })).toBe(20);
    expect(await sealPendingAudit(communeId)).toBe(20);
    expect(await verifyChain(communeId)).toMatchObject({ events: 20, broken: null, waiting: 0 });
  });

  it("writes nothing when the change it records fails", async () => {
    const communeId = newCommune("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.fail", entityType: "Test", entityId: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { communeId } })).toBe(0);
  });

  it("does not wait for a sealer that holds the chain: writes go on while it seals", async () => {
    const communeId = newCommune("nolock");
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${chainLockKey(communeId)})`;
      // Another connection appends while the chain's lock is held.
      await append(communeId, 1);
    });
    expect(await db.auditEvent.count({ where: { communeId } })).toBe(1);
  });

  it("leaves nothing behind when a sealer dies before committing: the next one seals it all", async () => {
    const communeId = newCommune("crash");
    for (let i = 0; i < 5; i++) await append(communeId, i);
    // A sealer that crashes mid-batch: its transaction, and every stamp in it, is rolled back.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${chainLockKey(communeId)})`;
        const first = await tx.auditEvent.findFirstOrThrow({ where: { communeId }, orderBy: { seq: "asc" } });
        await tx.$queryRaw`SELECT "audit_seal"(${communeId}, ${"0".repeat(64)}, ARRAY[${first.seq}]::bigint[], ARRAY[${"0".repeat(64)}], ARRAY[${"f".repeat(64)}])::text`;
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    expect(await db.auditEvent.count({ where: { communeId, hash: null } })).toBe(5);
    expect(await sealPendingAudit(communeId)).toBe(5);
    expect(await verifyChain(communeId)).toMatchObject({ events: 5, broken: null, waiting: 0 });
  });

  it("two sealers at once, while writes go on, make one valid chain with every event in it once", async () => {
    const communeId = newCommune("two-sealers");
    const writes = Promise.all(Array.from({ length: 60 }, (_, i) => append(communeId, i)));
    const sealers = Promise.all(Array.from({ length: 6 }, async () => {
      for (let round = 0; round < 4; round++) await sealPendingAudit(communeId);
    }));
    await Promise.all([writes, sealers]);
    await Promise.all([sealPendingAudit(communeId), sealPendingAudit(communeId)]);
    expect(await verifyChain(communeId)).toMatchObject({ events: 60, broken: null, waiting: 0 });
    const positions = (await db.auditEvent.findMany({ where: { communeId }, select: { position: true }, orderBy: { position: "asc" } })).map((e) => Number(e.position));
    expect(positions).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});
