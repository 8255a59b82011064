import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { appendAudit } from "./audit";
import { getAuditEvent, getChainHead, verifyChain } from "./verify-chain";

async function chainOf(n: number) {
  const communeId = `verify-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.step", entityType: "Test", entityId: String(i), after: { i }, details: { i } }),
    );
  }
  const rows = await db.auditEvent.findMany({ where: { communeId }, orderBy: { seq: "asc" }, select: { seq: true, hash: true } });
  return { communeId, rows };
}

describe("verifyChain", () => {
  it("verifies an untouched chain and reports its head", async () => {
    const { communeId, rows } = await chainOf(5);
    expect(await verifyChain(communeId)).toEqual({ communeId, events: 5, head: rows[4]!.hash, broken: null });
    expect(await getChainHead(communeId)).toMatchObject({ events: 5, seq: rows[4]!.seq.toString(), hash: rows[4]!.hash });
    expect(await getAuditEvent(communeId, rows[2]!.seq)).toMatchObject({ valid: true, recomputedHash: rows[2]!.hash });
  });

  it("names the entry whose content was edited directly in the database", async () => {
    const { communeId, rows } = await chainOf(5);
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"i": 99}'::jsonb WHERE seq = ${rows[2]!.seq}`;
    expect((await verifyChain(communeId)).broken).toEqual({ seq: rows[2]!.seq.toString(), reason: "hashMismatch" });
    expect(await getAuditEvent(communeId, rows[2]!.seq)).toMatchObject({ valid: false, problem: "hashMismatch" });
  });

  it("names the entry after one that was removed, even when the rewrite recomputes its hash", async () => {
    const { communeId, rows } = await chainOf(5);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${rows[1]!.seq}`;
    expect((await verifyChain(communeId)).broken).toEqual({ seq: rows[2]!.seq.toString(), reason: "brokenLink" });
  });
});
