// The audit append as a piece of SQL, for the hot paths (casting a vote) that write their change and
// its audit event in one statement: the database function audit_append (migration
// 20261207114117_audit_sealed_private) inserts the event unchained, like appendAudit, and returns its
// seq. No lock is taken: the sealer (./seal.ts) chains it.
import { Prisma } from "@/lib/generated/prisma/client";

import { type AuditInput, auditRow } from "./audit";

/** `audit_append(…)`, to be selected once per event by a statement that makes the change. */
export function auditAppendSql(input: AuditInput & { communeId: string }, createdAt = new Date()): Prisma.Sql {
  const row = auditRow(input, createdAt);
  const details = input.details === undefined ? null : JSON.stringify(input.details);
  return Prisma.sql`"audit_append"(
    ${row.communeId}, ${row.actorId}, ${row.actorRole}, ${row.actor}, ${row.action}, ${row.entityType}, ${row.entityId},
    ${row.beforeDigest}, ${row.afterDigest}, ${row.salt}, ${row.privateDigest}, ${details}::jsonb,
    (${createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'))`;
}
