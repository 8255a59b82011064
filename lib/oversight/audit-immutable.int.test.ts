// The audit log cannot be rewritten, even by the app: the app's database role may add events and
// nothing else, and the trigger refuses every update and delete to everyone, the owner included,
// except sealing an event once and forgetting who caused it.
import { inject } from "vitest";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { appendAudit, forgetAuditActor } from "./audit";
import { sealPendingAudit } from "./seal";
import { verifyChain } from "./verify-chain";

let app: pg.Client;
let communeId: string;
let seq: bigint;

beforeAll(async () => {
  // Connected exactly as lib/db.ts connects the app.
  app = new pg.Client({ connectionString: inject("databaseUrl"), options: "-c role=danban_app" });
  await app.connect();
  communeId = `immutable-${Date.now()}`;
  for (let i = 0; i < 3; i++) {
    await db.$transaction((tx) => appendAudit(tx, { communeId, actorId: "official-1", actorRole: "STAFF", action: "test.fixed", entityType: "Test", entityId: String(i), after: { i } }));
  }
  await sealPendingAudit(communeId);
  seq = (await db.auditEvent.findFirstOrThrow({ where: { communeId }, orderBy: { seq: "asc" } })).seq;
});

afterAll(async () => {
  await app.end();
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: Error & { code?: string }) => error);

describe("the app's database role", () => {
  it("acts as danban_app", async () => {
    expect((await app.query("SELECT current_user")).rows[0].current_user).toBe("danban_app");
  });

  it("may add an unchained event, but not one that claims a place in the chain", async () => {
    await app.query(`INSERT INTO "AuditEvent" ("communeId", "action", "entityType") VALUES ($1, 'test.insert', 'Test')`, [communeId]);
    const forged = await refusal(app.query(`INSERT INTO "AuditEvent" ("communeId", "action", "entityType", "prevHash", "hash") VALUES ($1, 'x', 'T', $2, $3)`, [communeId, "0".repeat(64), "f".repeat(64)]));
    expect(forged?.code).toBe("42501");
    await sealPendingAudit(communeId);
  });

  it("may not update, delete or truncate the log, nor publish a head", async () => {
    for (const statement of [
      `UPDATE "AuditEvent" SET "action" = 'test.rewritten' WHERE "seq" = ${seq}`,
      `DELETE FROM "AuditEvent" WHERE "seq" = ${seq}`,
      `TRUNCATE "AuditEvent"`,
      `UPDATE "AuditHead" SET "hash" = '${"f".repeat(64)}'`,
    ]) {
      const error = await refusal(app.query(statement));
      expect(error?.code, statement).toBe("42501");
      expect(error?.message, statement).toMatch(/permission denied/);
    }
  });
});

describe("the append-only trigger", () => {
  it("refuses the owner too: no update of a sealed event, no delete, no truncate", async () => {
    for (const statement of [
      db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"x": 1}'::jsonb WHERE "seq" = ${seq}`,
      db.$executeRaw`UPDATE "AuditEvent" SET "hash" = ${"e".repeat(64)} WHERE "seq" = ${seq}`,
      db.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${seq}`,
      db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`),
    ]) {
      expect(String(await refusal(statement))).toMatch(/append-only/);
    }
    expect(await verifyChain(communeId)).toMatchObject({ broken: null });
  });

  it("refuses an unsealed event any change but its sealing", async () => {
    const waiting = await db.$transaction((tx) => appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.waiting", entityType: "Test", entityId: "w" }));
    expect(String(await refusal(db.$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'other' WHERE "seq" = ${waiting.seq}`))).toMatch(/append-only/);
    await sealPendingAudit(communeId);
    expect(await verifyChain(communeId)).toMatchObject({ broken: null, waiting: 0 });
  });

  it("lets erasure forget who acted, and nothing else, without breaking the chain", async () => {
    expect(await db.$transaction((tx) => forgetAuditActor(tx, "official-1"))).toBe(3);
    // The app's role may call it too.
    expect((await app.query(`SELECT "audit_forget_actor"('official-1') AS n`)).rows[0].n).toBe(0);
    const rows = await db.auditEvent.findMany({ where: { communeId, entityType: "Test", action: "test.fixed" }, select: { actorId: true, salt: true, actor: true } });
    expect(rows.every((r) => r.actorId === null && r.salt === null && r.actor !== null)).toBe(true);
    expect(await verifyChain(communeId)).toMatchObject({ broken: null });
  });

  it("refuses a second successor of the same event: (communeId, prevHash) is unique", async () => {
    const head = await db.auditEvent.findFirstOrThrow({ where: { communeId }, orderBy: { position: "desc" }, select: { hash: true } });
    const error = await refusal(
      db.$executeRaw`INSERT INTO "AuditEvent" ("communeId", "action", "entityType", "position", "prevHash", "hash")
                     SELECT "communeId", 'test.fork', 'Test', 999, "prevHash", ${"d".repeat(64)} FROM "AuditEvent" WHERE "hash" = ${head.hash}`,
    );
    expect(String(error)).toMatch(/AuditEvent_communeId_prevHash_key|unique/);
  });

  it("refuses a batch that does not continue the published head", async () => {
    await db.$transaction((tx) => appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.fork", entityType: "Test", entityId: "f" }));
    const waiting = await db.auditEvent.findFirstOrThrow({ where: { communeId, hash: null }, select: { seq: true } });
    const error = await refusal(app.query(`SELECT "audit_seal"($1, $2, ARRAY[$3::bigint], ARRAY[$2], ARRAY[$4])`, [communeId, "0".repeat(64), waiting.seq.toString(), "c".repeat(64)]));
    expect(String(error)).toMatch(/the head is/);
    await sealPendingAudit(communeId);
    expect(await verifyChain(communeId)).toMatchObject({ broken: null, waiting: 0 });
  });
});
