// A count that freezes (issue 10 §2; Law 10/2022 Art. 23.1 and 28.5: the People's Committee sends the
// Front the report of what the people decided and said). From the moment the summary report goes to
// the Front, what it reports on — the ballot (questions, options), the village meetings and their
// tallies, each village's tally source, the votes, the answers to opinions, the scope (villages) and
// the channels — cannot change. A change needs the report back first (the Front returns it, or staff
// withdraw it from review, audited and told to the Front), and every change is audited where it is made.
//
// The race: an edit that checked "still a draft" and a submission that checked "nothing is changing"
// must not both pass. Each editing transaction first takes this consultation's freeze lock SHARED
// (editors do not wait for one another), then reads the report's status in a new statement, so that
// it sees whatever a submission committed while it waited. A submission takes the same lock EXCLUSIVE
// before it moves the report out of draft: it waits for edits in flight to commit, and edits that come
// after it wait for it and then read the new status. An advisory lock rather than a row lock: it never
// conflicts with the row locks that edits take on the consultation (an edit that locks, then updates
// the same row would deadlock with another one under FOR SHARE), and costs no write to the table.
// Lock order: the freeze lock comes first in a transaction (before the audit chain's lock, which every
// edit takes last and a submission takes after this one), so that no two transactions wait in a cycle.
import { createHash } from "node:crypto";

import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";

/** While the report is in these states the consultation's inputs can change; after, they cannot. */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ["DRAFT"];

const freezeLockKey = (consultationId: string) =>
  BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(`report-freeze:${consultationId}`).digest("hex").slice(0, 16)}`));

/** "Nothing may change: the report is with the Front" (409), naming the report's state. */
export const frozenError = (status: ReportStatus) => new AppError("consultationFrozen", 409, { status });

/** The report's state for a consultation, or null when there is none yet. */
async function reportStatus(tx: Pick<Tx, "$queryRaw">, consultationId: string): Promise<ReportStatus | null> {
  const [row] = await tx.$queryRaw<{ status: ReportStatus }[]>`
    SELECT "status"::text AS "status" FROM "Report" WHERE "consultationId" = ${consultationId}`;
  return row?.status ?? null;
}

/**
 * Refuses (409 consultationFrozen) when the consultation's report is with the Front or beyond. Call it
 * FIRST inside the transaction that makes the change: it holds the freeze lock shared until that
 * transaction ends, so the report cannot be submitted between this check and the commit.
 */
export async function assertNotFrozen(tx: Tx, consultationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${freezeLockKey(consultationId)})`;
  const status = await reportStatus(tx, consultationId);
  if (status && !EDITABLE_REPORT_STATUSES.includes(status)) throw frozenError(status);
}

/**
 * The same check before any work (outside a transaction): a clear answer early, for paths whose write
 * is checked again where it happens (the vote statement) or inside their transaction.
 */
export async function checkNotFrozen(client: Pick<Tx, "$queryRaw">, consultationId: string): Promise<void> {
  const status = await reportStatus(client, consultationId);
  if (status && !EDITABLE_REPORT_STATUSES.includes(status)) throw frozenError(status);
}

/**
 * The audit actions of the paths this guard protects. A submission is refused when one of them
 * happened after the snapshot of the version being sent: the Front would review figures that are no
 * longer the live ones, and the notice is drafted from that snapshot. A new action on frozen data
 * (a voided vote, say) belongs in this list as well as behind the guard.
 */
export const FROZEN_ACTIONS = [
  "ballot.question.add",
  "ballot.question.remove",
  "ballot.settings",
  "meeting.record",
  "tally.source",
  "tally.meeting.confirm",
  "vote.void.confirm",
  "vote.cast",
  "vote.change",
  "vote.paper",
  "vote.assisted",
  "opinion.answer",
  "consultation.edit",
] as const;

/**
 * A submission to the Front: waits for edits in flight and holds off new ones until it commits; then
 * refuses (409 reportStale) when the data changed after the version's snapshot was taken.
 */
export async function lockForSubmission(tx: Tx, consultationId: string, reportId: string, version: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${freezeLockKey(consultationId)})`;
  const [changed] = await tx.$queryRaw<{ action: string }[]>`
    SELECT e."action" FROM "AuditEvent" e
    WHERE e."communeId" = (SELECT "communeId" FROM "Report" WHERE "id" = ${reportId})
      AND e."createdAt" > (SELECT ("snapshot"->>'takenAt')::timestamptz AT TIME ZONE 'UTC' FROM "ReportVersion" WHERE "reportId" = ${reportId} AND "version" = ${version})
      AND e."action" = ANY(${[...FROZEN_ACTIONS]}::text[])
      AND (e."details"->>'consultationId' = ${consultationId} OR (e."entityType" = 'Consultation' AND e."entityId" = ${consultationId}))
    LIMIT 1`;
  if (changed) throw new AppError("reportStale", 409, { action: changed.action });
}

/**
 * For the one-statement vote write (the hot path has no transaction to take the lock in): a CTE that
 * locks the report's row FOR SHARE. A submission updates that row, so a vote statement that reached it
 * first holds the submission off until the vote commits, and one that comes second waits and then
 * reads the row as the submission left it (PostgreSQL re-reads a locked row's newest version). No
 * report row means no report to submit: generating and submitting one are two steps by people.
 * Use as `WITH frozen AS (...)`, then `NOT EXISTS (SELECT 1 FROM frozen WHERE "status" <> 'DRAFT')`.
 */
export const frozenReportCte = (consultationId: string) =>
  Prisma.sql`SELECT r."status" FROM "Report" r WHERE r."consultationId" = ${consultationId} FOR SHARE`;
