import "server-only";

// A periodic report's life: a draft whose text staff save (the figures stay live while it is a
// draft), then issued once the period is over — issuing takes the next BC number of the commune's
// register (lib/register/issue-number.ts, called here only) and keeps the figures as they stood, so the
// issued report never changes. Both steps are one transaction each with their audit event; a second
// issue of the same report (two tabs, two officials) is refused by a conditional update, and its
// transaction rolls back, so no number is consumed for nothing.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import type { Signature } from "@/lib/documents/model";
import { conflict, invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noticeSignature } from "@/lib/notices/to-document";
import { appendAudit } from "@/lib/oversight/audit";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { computeFigures, type PeriodicFigures } from "./figures";
import { parseReportPeriod, type ReportPeriod } from "./periods";
import { defaultTexts, type PeriodicTexts, periodicReportDocument, periodicReportSubject } from "./report-document";
import type { SaveTextsValues } from "./schemas";

export function requirePeriod(key: string): ReportPeriod {
  const period = parseReportPeriod(key);
  if (!period) throw invalid("periodicPeriodInvalid");
  return period;
}

const reportSelect = { id: true, status: true, texts: true, snapshot: true, document: { select: { label: true } }, issuedAt: true, updatedAt: true } as const;

/** The signer printed under a report: the commune's chair (or a vice-chair when there is no chair). */
export async function communeSignature(communeId: string): Promise<Signature> {
  const leaders = await db.membership.findMany({
    where: { communeId, role: "LEADER", status: "VERIFIED" },
    select: { title: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const chair = leaders.find((l) => !/phó/i.test(l.title ?? "")) ?? leaders[0];
  return noticeSignature(chair ? { name: chair.user.name, title: chair.title } : null);
}

const textsOf = (stored: unknown, fallback: PeriodicTexts): PeriodicTexts => {
  const t = (stored ?? {}) as Partial<PeriodicTexts>;
  return { introduction: t.introduction ?? fallback.introduction, assessment: t.assessment ?? fallback.assessment, recommendations: t.recommendations ?? fallback.recommendations };
};

export type PeriodicReportState = {
  period: ReportPeriod;
  status: "NEW" | "DRAFT" | "ISSUED";
  texts: PeriodicTexts;
  figures: PeriodicFigures;
  numberLabel: string | null;
  issuedAt: Date | null;
  updatedAt: Date | null;
};

/** The report of a period as it stands: the issued one from its snapshot, a draft with live figures. */
export async function getPeriodicReport(communeId: string, periodKey: string, now = new Date()): Promise<PeriodicReportState> {
  const period = requirePeriod(periodKey);
  const [commune, row] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true } }),
    db.periodicReport.findUnique({ where: { communeId_period: { communeId, period: period.key } }, select: reportSelect }),
  ]);
  const figures = row?.status === "ISSUED" && row.snapshot ? (row.snapshot as unknown as PeriodicFigures) : await computeFigures(communeId, period, now);
  return {
    period,
    status: row ? row.status : "NEW",
    texts: textsOf(row?.texts, defaultTexts(commune.name, figures)),
    figures,
    numberLabel: row?.document?.label ?? null,
    issuedAt: row?.issuedAt ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves the text of a draft; an issued report is refused (it is signed and sent). */
export async function savePeriodicTexts(access: CommuneAccess, values: SaveTextsValues) {
  const period = requirePeriod(values.period);
  const texts = { introduction: values.introduction, assessment: values.assessment, recommendations: values.recommendations };
  return db.$transaction(async (tx) => {
    // The row exists after this whatever runs beside it; the update below only touches a draft, so a
    // report issued meanwhile is refused rather than rewritten.
    await tx.periodicReport.createMany({ data: [{ communeId: access.communeId, period: period.key, texts, updatedById: access.userId }], skipDuplicates: true });
    const before = await tx.periodicReport.findUniqueOrThrow({ where: { communeId_period: { communeId: access.communeId, period: period.key } }, select: { id: true, texts: true } });
    const saved = await tx.periodicReport.updateMany({ where: { id: before.id, status: "DRAFT" }, data: { texts, updatedById: access.userId } });
    if (saved.count === 0) throw conflict("periodicReportIssued");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "periodicReport.save",
      entityType: "PeriodicReport",
      entityId: before.id,
      before: before.texts,
      after: texts,
      details: { period: period.key },
    });
    return { id: before.id };
  });
}

/**
 * Issues the report of a period that is over: the next BC number, the figures as they stand now kept
 * with it. A period still running is refused (its figures would keep changing).
 */
export async function issuePeriodicReport(access: CommuneAccess, periodKey: string, now = new Date()) {
  const period = requirePeriod(periodKey);
  if (now.getTime() < period.to.getTime()) throw conflict("periodicPeriodNotOver");
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { name: true } });
  // Computed before the transaction: the figures read many tables, and nothing here writes them.
  const figures = await computeFigures(access.communeId, period, now);
  const fallback = defaultTexts(commune.name, figures);
  return db.$transaction(async (tx) => {
    await tx.periodicReport.createMany({ data: [{ communeId: access.communeId, period: period.key, texts: fallback, updatedById: access.userId }], skipDuplicates: true });
    const row = await tx.periodicReport.findUniqueOrThrow({ where: { communeId_period: { communeId: access.communeId, period: period.key } }, select: { id: true } });
    const claimed = await tx.periodicReport.updateMany({ where: { id: row.id, status: "DRAFT" }, data: { status: "ISSUED", issuedAt: now, issuedById: access.userId } });
    if (claimed.count === 0) throw conflict("periodicReportIssued");
    const number = await issueDocumentNumber(tx, access, { type: "BC", subject: periodicReportSubject(figures), issuedAt: now });
    await tx.periodicReport.update({
      where: { id: row.id },
      data: { documentId: number.id, snapshot: figures as unknown as Prisma.InputJsonValue },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "periodicReport.issue",
      entityType: "PeriodicReport",
      entityId: row.id,
      after: { period: period.key, number: number.label },
      details: { period: period.key, number: number.label },
    });
    return { id: row.id, numberLabel: number.label };
  });
}

/** The report's official document: the issued one with its number and date, a draft without. */
export async function periodicReportFile(communeId: string, periodKey: string, now = new Date()) {
  const [state, commune, signature] = await Promise.all([
    getPeriodicReport(communeId, periodKey, now),
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true, settings: true } }),
    communeSignature(communeId),
  ]);
  const doc = withCommuneRecipients(
    periodicReportDocument({ communeName: commune.name, figures: state.figures, texts: state.texts, numberLabel: state.numberLabel, issuedAt: state.issuedAt, signature }),
    commune.settings,
  );
  const name = state.numberLabel ? `bao-cao-${state.numberLabel.replace(/\//g, "-")}` : `du-thao-bao-cao-dan-chu-co-so-${state.period.key}`;
  return { doc, name, isIssued: state.status === "ISSUED" };
}
