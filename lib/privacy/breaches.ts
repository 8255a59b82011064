import "server-only";

// The commune's register of personal data breaches, for staff: when a breach was found, what
// happened and which data, how many people, and when and to whom it was reported. The 72-hour clock
// (./breach-clock.ts) is shown until the authority is told. Every entry and change is in the audit
// log; the log keeps figures and dates, never the description (which may name people).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { breachClock } from "./breach-clock";

export type NewBreach = { discoveredAt: Date; description: string; dataConcerned: string; peopleAffected: number | null };
export type BreachUpdate = {
  breachId: string;
  peopleAffected: number | null;
  authorityNotifiedAt: Date | null;
  authorityName: string | null;
  peopleNotifiedAt: Date | null;
  peopleNotifiedHow: string | null;
  measures: string | null;
};

const auditFields = { id: true, discoveredAt: true, peopleAffected: true, authorityNotifiedAt: true, peopleNotifiedAt: true } as const;

export async function recordBreach(access: CommuneAccess, values: NewBreach) {
  return db.$transaction(async (tx) => {
    const breach = await tx.dataBreach.create({ data: { ...values, communeId: access.communeId, recordedById: access.userId }, select: auditFields });
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "breach.record", entityType: "DataBreach", entityId: breach.id, after: breach });
    return breach;
  });
}

/**
 * Completes an entry as things become known. A date of notice, once recorded, is never taken back or
 * moved (it is what the 72 hours are measured against); a blank field leaves the value as it was.
 */
export async function updateBreach(access: CommuneAccess, values: BreachUpdate) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "DataBreach" WHERE id = ${values.breachId} AND "communeId" = ${access.communeId} FOR UPDATE`;
    const before = await tx.dataBreach.findFirst({ where: { id: values.breachId, communeId: access.communeId }, select: { ...auditFields, authorityName: true, peopleNotifiedHow: true, measures: true } });
    if (!before) throw notFound("breachNotFound");
    if (values.authorityNotifiedAt && before.authorityNotifiedAt) throw conflict("breachAlreadyNotified");
    if (values.authorityNotifiedAt && values.authorityNotifiedAt < before.discoveredAt) throw conflict("breachNoticeBeforeDiscovery");
    if (values.peopleNotifiedAt && before.peopleNotifiedAt) throw conflict("breachAlreadyNotified");
    const after = await tx.dataBreach.update({
      where: { id: before.id },
      data: {
        peopleAffected: values.peopleAffected ?? before.peopleAffected,
        authorityNotifiedAt: values.authorityNotifiedAt ?? before.authorityNotifiedAt,
        authorityName: values.authorityNotifiedAt ? values.authorityName : before.authorityName,
        peopleNotifiedAt: values.peopleNotifiedAt ?? before.peopleNotifiedAt,
        peopleNotifiedHow: values.peopleNotifiedAt ? values.peopleNotifiedHow : before.peopleNotifiedHow,
        measures: values.measures ?? before.measures,
      },
      select: auditFields,
    });
    const { id: _id, authorityName: _a, peopleNotifiedHow: _p, measures: _m, ...beforeAudit } = before;
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "breach.update", entityType: "DataBreach", entityId: before.id, before: beforeAudit, after });
    return after;
  });
}

/** The register, newest first, each entry with its clock. */
export async function listBreaches(communeId: string, now = new Date()) {
  const rows = await db.dataBreach.findMany({
    where: { communeId },
    select: {
      id: true,
      discoveredAt: true,
      description: true,
      dataConcerned: true,
      peopleAffected: true,
      authorityNotifiedAt: true,
      authorityName: true,
      peopleNotifiedAt: true,
      peopleNotifiedHow: true,
      measures: true,
      createdAt: true,
    },
    orderBy: { discoveredAt: "desc" },
    take: 200,
  });
  return rows.map((row) => ({ ...row, clock: breachClock(row, now) }));
}
