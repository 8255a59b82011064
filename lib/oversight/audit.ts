// The audit log: append-only and hash-chained per commune. Each event's hash covers its content and
// the previous event's hash, so editing or removing any row breaks every hash after it. Events are
// written in the transaction of the change they record: a change that fails leaves no event.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { canonicalJson, digest, sha256 } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  communeId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** Non-personal details shown in the public log. */
  details?: Prisma.InputJsonValue;
};

export type HashedFields = {
  communeId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  details: unknown;
  createdAt: Date;
  prevHash: string;
};

export function hashEvent(e: HashedFields): string {
  return sha256(
    canonicalJson({
      communeId: e.communeId,
      actorId: e.actorId,
      actorRole: e.actorRole,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      beforeDigest: e.beforeDigest,
      afterDigest: e.afterDigest,
      details: e.details ?? null,
      createdAt: e.createdAt.toISOString(),
      prevHash: e.prevHash,
    }),
  );
}

/** A 64-bit key for pg_advisory_xact_lock, one per chain. */
export function chainLockKey(communeId: string | null): bigint {
  return BigInt.asIntN(64, BigInt(`0x${sha256(`audit:${communeId ?? "platform"}`).slice(0, 16)}`));
}

/**
 * Serialises appends to this commune's chain until the transaction ends. Re-entrant within a
 * transaction. Code that takes other locks before appending (a counter row, say) takes this one first,
 * so that every transaction locks in the same order and none deadlocks.
 */
export async function lockAuditChain(tx: Tx, communeId: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${chainLockKey(communeId)})`;
}

export async function appendAudit(tx: Tx, input: AuditInput) {
  // The read below then sees the head committed by whoever held the lock before.
  await lockAuditChain(tx, input.communeId);
  const head = await tx.auditEvent.findFirst({
    where: { communeId: input.communeId },
    orderBy: { seq: "desc" },
    select: { hash: true },
  });
  const fields: HashedFields = {
    communeId: input.communeId,
    actorId: input.actorId,
    actorRole: input.actorRole,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    beforeDigest: digest(input.before),
    afterDigest: digest(input.after),
    details: input.details ?? null,
    // Millisecond precision survives the round trip through timestamp(3).
    createdAt: new Date(),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({
    data: { ...fields, details: input.details, hash: hashEvent(fields) },
    select: { seq: true, hash: true },
  });
}
