import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { appendAudit } from "./audit";
import { sealPendingAudit } from "./seal";
import { getAuditEvent, getChainHead, isStale, verifyChain } from "./verify-chain";

async function chainOf(n: number) {
  const communeId = `verify-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.step", entityType: "Test", entityId: String(i), after: { i }, details: { i } }),
    );
  }
  await sealPendingAudit(communeId);
  const rows = await db.auditEvent.findMany({ where: { communeId }, orderBy: { position: "asc" }, select: { seq: true, hash: true } });
  return { communeId, rows };
}

/** What only someone with the database's superuser could do: edit the log with the guard switched off. */
const behindTheGuard = (statement: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>) =>
  db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await statement(tx);
  });

describe("verifyChain", () => {
  it("verifies an untouched chain and reports the head the sealer published", async () => {
    const { communeId, rows } = await chainOf(5);
    expect(await verifyChain(communeId)).toEqual({ communeId, events: 5, head: rows[4]!.hash, broken: null, waiting: 0, oldestWaitingAt: null });
    expect(await getChainHead(communeId)).toMatchObject({ events: 5, seq: rows[4]!.seq.toString(), hash: rows[4]!.hash });
    expect(await getAuditEvent(communeId, rows[2]!.seq)).toMatchObject({ sealed: true, valid: true, recomputedHash: rows[2]!.hash });
  });

  it("names the entry whose content was edited directly in the database", async () => {
    const { communeId, rows } = await chainOf(5);
    await behindTheGuard((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"i": 99}'::jsonb WHERE seq = ${rows[2]!.seq}`);
    expect((await verifyChain(communeId)).broken).toEqual({ seq: rows[2]!.seq.toString(), reason: "hashMismatch" });
    expect(await getAuditEvent(communeId, rows[2]!.seq)).toMatchObject({ valid: false, problem: "hashMismatch" });
  });

  it("names the entry after one that was removed", async () => {
    const { communeId, rows } = await chainOf(5);
    await behindTheGuard((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${rows[1]!.seq}`);
    expect((await verifyChain(communeId)).broken).toEqual({ seq: rows[2]!.seq.toString(), reason: "brokenLink" });
  });

  it("notices the last entries removed: the published head is no longer the end of the chain", async () => {
    const { communeId, rows } = await chainOf(3);
    await behindTheGuard((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${rows[2]!.seq}`);
    expect((await verifyChain(communeId)).broken).toMatchObject({ reason: "headMismatch" });
  });

  it("reports an event left unsealed, and npm run audit:verify fails once it is older than a few seconds", async () => {
    const { communeId } = await chainOf(1);
    await db.$transaction((tx) => appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "test.waiting", entityType: "Test", entityId: "w" }));
    const report = await verifyChain(communeId);
    expect(report).toMatchObject({ events: 1, broken: null, waiting: 1 });
    expect(isStale(report)).toBe(false);
    expect(isStale(report, new Date(Date.now() + 10_000))).toBe(true);

    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    const script = ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"];
    // An event written 30 s ago and never sealed: a sealer that is not running.
    await db.$executeRaw`INSERT INTO "AuditEvent" ("communeId", "action", "entityType", "createdAt") VALUES (${communeId}, 'test.stale', 'Test', now() - interval '30 seconds')`;
    const verify = () => run("npx", script, { env }).then(({ stdout }) => ({ code: 0, stdout }), (error: { code: number; stdout: string }) => error);
    const lineOf = (stdout: string) => stdout.split("\n").find((l) => l.includes(communeId));
    const stale = await verify();
    expect(stale.code).toBe(1);
    expect(lineOf(stale.stdout)).toMatch(/^✗ .*2 entries not sealed/);
    // Sealed, this chain verifies (other chains of this run were tampered with on purpose above).
    await sealPendingAudit(communeId);
    expect(lineOf((await verify()).stdout)).toMatch(/^✓ .*3 entries verified/);
  }, 60_000);
});
