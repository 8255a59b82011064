// The audit append as a piece of SQL, for the hot paths (casting a vote) that write their change and
// its audit event in one statement: the database function audit_append (migration
// 20261127070000_votes_audit_append) takes the commune's chain lock, reads the head and inserts the
// event, so the lock is held for microseconds instead of across network round trips. Same chain, same
// lock and same hash as appendAudit.
import { Prisma } from "@/lib/generated/prisma/client";

import { type AuditInput, chainLockKey, type HashedFields } from "./audit";
import { canonicalJson, digest } from "./canonical-json";

const PREV = "\u0000prev\u0000";

/** `audit_append(…)`, to be selected once per event by a statement that makes the change. */
export function auditAppendSql(input: AuditInput & { communeId: string }, createdAt = new Date()): Prisma.Sql {
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
    createdAt,
    prevHash: PREV,
  };
  // The canonical JSON of the event, split where the previous hash goes: the database fills it in.
  const [prefix, suffix] = canonicalJson({ ...fields, createdAt: createdAt.toISOString() }).split(JSON.stringify(PREV)) as [string, string];
  const details = input.details === undefined ? null : JSON.stringify(input.details);
  return Prisma.sql`"audit_append"(
    ${chainLockKey(input.communeId)}::bigint, ${input.communeId}, ${input.actorId}, ${input.actorRole}, ${input.action},
    ${input.entityType}, ${input.entityId}, ${fields.beforeDigest}, ${fields.afterDigest}, ${details}::jsonb,
    (${createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${prefix}, ${suffix})`;
}
