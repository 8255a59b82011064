// The audit log: append-only and hash-chained per commune. Each event is written in the transaction
// of the change it records (a change that fails leaves no event), unchained and without any lock; the
// sealer (./seal.ts) then chains the waiting events in batches. Each sealed event's hash covers its
// public form and the previous event's hash, so editing or removing any row breaks every hash after it.
//
// What the public sees, and what the hash covers, is what was done and by which kind of actor: an
// official appears as a keyed pseudonym (the same official, the same pseudonym), a resident not at all.
// Who acted and the digests of the record before and after the change are private; the hash covers them
// only through privateDigest, a commitment salted with a random value that is never published, so no
// guess can be checked against it and erasure can clear the actor without breaking the chain.
// README "The audit log" gives the canonical form for verifiers in other languages.
import { createHmac, randomBytes } from "node:crypto";

import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
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

/** An event as anyone may see it: everything its hash covers except the previous hash. */
export type PublicFields = {
  communeId: string | null;
  actor: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  privateDigest: string | null;
  createdAt: Date | string;
};

export type HashedFields = PublicFields & { prevHash: string };

/** The roles whose pseudonym is public; residents act unnamed (their votes and reactions are theirs alone). */
const isOfficialRole = (role: string | null) => role !== null && role !== "RESIDENT";

function pseudonymKey(): string {
  if (env.AUDIT_PSEUDONYM_SECRET) return env.AUDIT_PSEUDONYM_SECRET;
  // A key of its own, derived so that the session secret itself never keys anything public.
  return createHmac("sha256", env.NEXTAUTH_SECRET ?? "dan-ban-development-only").update("audit-pseudonym").digest("hex");
}

/** The official's public pseudonym: an HMAC that only the server can compute, stable per person. */
export function actorPseudonym(actorId: string | null, actorRole: string | null): string | null {
  if (!actorId || !isOfficialRole(actorRole)) return null;
  return accountPseudonym(actorId);
}

/** A keyed pseudonym of an account id named in an event's public part (its entity, or a detail). */
export function accountPseudonym(userId: string): string {
  return `p-${createHmac("sha256", pseudonymKey()).update(userId).digest("hex").slice(0, 20)}`;
}

/** Details keys that hold an account id: `userId`, `actorId`, and every `…ById` (proposedById, decidedById…). */
const ACCOUNT_KEY = /^(userId|actorId|[A-Za-z]+ById)$/;

/**
 * The public part of an event never names an account (issue 10 §6): an account id in the entity (a
 * User) or in the details is written as its keyed pseudonym, so an outsider can still see that the
 * same account is concerned twice. Written that way at insert, so the hash covers what is published.
 */
function publicEntityId(entityType: string, entityId: string | null | undefined): string | null {
  if (!entityId) return entityId ?? null;
  return entityType === "User" ? accountPseudonym(entityId) : entityId;
}

function publicDetails(details: AuditInput["details"]): AuditInput["details"] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return details;
  return Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, ACCOUNT_KEY.test(k) && typeof v === "string" && v.length > 0 ? accountPseudonym(v) : v]),
  ) as AuditInput["details"];
}

/** The commitment to the private fields: sha256 of their canonical JSON, salt included. */
export function privateDigestOf(p: { actorId: string | null; beforeDigest: string | null; afterDigest: string | null; salt: string }): string {
  return sha256(canonicalJson({ actorId: p.actorId, beforeDigest: p.beforeDigest, afterDigest: p.afterDigest, salt: p.salt }));
}

/** The hash of a sealed event: sha256 of the canonical JSON of its public form and the previous hash. */
export function hashEvent(e: HashedFields): string {
  return sha256(
    canonicalJson({
      communeId: e.communeId,
      actor: e.actor,
      actorRole: e.actorRole,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      details: e.details ?? null,
      privateDigest: e.privateDigest,
      createdAt: typeof e.createdAt === "string" ? e.createdAt : e.createdAt.toISOString(),
      prevHash: e.prevHash,
    }),
  );
}

/** The row of a new, unchained event: private fields, their commitment and the public form. */
export function auditRow(input: AuditInput, createdAt = new Date()) {
  const beforeDigest = digest(input.before);
  const afterDigest = digest(input.after);
  const salt = randomBytes(16).toString("hex");
  return {
    communeId: input.communeId,
    actorId: input.actorId,
    actorRole: input.actorRole,
    actor: actorPseudonym(input.actorId, input.actorRole),
    action: input.action,
    entityType: input.entityType,
    entityId: publicEntityId(input.entityType, input.entityId),
    beforeDigest,
    afterDigest,
    salt,
    privateDigest: privateDigestOf({ actorId: input.actorId, beforeDigest, afterDigest, salt }),
    details: publicDetails(input.details),
    // Millisecond precision survives the round trip through timestamp(3).
    createdAt,
  };
}

/** A 64-bit key for pg_advisory_xact_lock, one per chain: the sealer's. */
export function chainLockKey(communeId: string | null): bigint {
  return BigInt.asIntN(64, BigInt(`0x${sha256(`audit:${communeId ?? "platform"}`).slice(0, 16)}`));
}

/**
 * Waits, until the transaction ends, for any sealer of this chain. Appending no longer needs it (events
 * are inserted unchained); kept for code written against the former locking append.
 */
export async function lockAuditChain(tx: Tx, communeId: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${chainLockKey(communeId)})`;
}

/** Records an event in the caller's transaction. No lock: the sealer chains it within a moment. */
export async function appendAudit(tx: Tx, input: AuditInput) {
  return tx.auditEvent.create({ data: auditRow(input), select: { seq: true } });
}

/**
 * Erasure (Law 91/2025): unlinks a person from every event they caused, in the caller's transaction.
 * Clears the account id and the salt (so the commitment can never be opened); the chain still verifies.
 */
export async function forgetAuditActor(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ forgotten: number }[]>`SELECT "audit_forget_actor"(${userId}) AS "forgotten"`;
  return row?.forgotten ?? 0;
}
