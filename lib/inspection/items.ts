import "server-only";

// The board's work (Law 10/2022 Art. 38, 40; Decree 59/2023 Art. 14): plans, requests for information
// or documents, verifications of cases residents raised, recommendations and minutes. The board files
// and sends its own records; the commune answers; the Front countersigns minutes and recommendations,
// and nothing of those leaves as final without it. Every write is audited.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { vnDate } from "@/lib/calendar/working-days";
import { db, type Tx } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { InspectionItemKind, Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";

import { currentBoard } from "./board";
import { ANSWERING_ROLES, BOARD_WRITER_ROLES, FRONT_BOARD_ROLES } from "./roles";
import {
  COUNTERSIGN_ARTICLE,
  earliestPlanStart,
  PLAN_NOTICE_ARTICLE,
  PLAN_NOTICE_WORKING_DAYS,
  planNoticeIsEnough,
  RECOMMENDATION_ANSWER_DAYS,
  RECOMMENDATION_ARTICLE,
  recommendationDueAt,
} from "./rules";
import type { FileItemInput } from "./schemas";

const holds = (access: CommuneAccess, roles: readonly Role[]) => access.roles.some((r) => roles.includes(r));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Short codes of the kinds, in the numbers the board writes ("KH 03"). */
export const KIND_CODES: Record<InspectionItemKind, string> = { PLAN: "KH", REQUEST: "YC", VERIFICATION: "XM", RECOMMENDATION: "KN", MINUTES: "BB" };

async function tell(tx: Tx, communeId: string, roles: readonly Role[], kind: string, params: Record<string, string | number>, link: string) {
  const { notify } = await import("@/lib/notifications/notify");
  const rows = await tx.membership.findMany({ where: { communeId, role: { in: [...roles] }, status: "VERIFIED" }, select: { userId: true }, distinct: ["userId"] });
  for (const r of rows) await notify(tx, { communeId, userId: r.userId, kind, params, link });
}

async function slugOf(tx: Tx, communeId: string) {
  return (await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } })).slug;
}

export async function fileItem(access: CommuneAccess, input: FileItemInput, now = new Date()) {
  if (!holds(access, BOARD_WRITER_ROLES)) throw forbidden();
  const board = await currentBoard(access.communeId);
  if (!board) throw conflict("inspectionNoBoard");
  let caseId: string | null = null;
  if (input.kind === "PLAN") {
    if (!input.subject) throw invalid("inspectionPlanSubjectRequired", {}, { subject: "required" });
    if (!input.startsOn) throw invalid("inspectionPlanStartRequired", {}, { startsOn: "required" });
    if (input.endsOn && input.endsOn < input.startsOn) throw invalid("inspectionPlanEndsBeforeStart", {}, { endsOn: "periodEndsBeforeStart" });
  }
  if (input.kind === "VERIFICATION") {
    if (!input.caseNumber) throw invalid("inspectionCaseNumberInvalid", {}, { caseNumber: "inspectionCaseNumberInvalid" });
    const found = await db.case.findFirst({ where: { communeId: access.communeId, number: input.caseNumber }, select: { id: true } });
    if (!found) throw notFound("inspectionCaseNotFound");
    caseId = found.id;
  }
  // A request goes to the commune at once; a verification is the board's own record; a plan waits to
  // be sent; minutes and recommendations wait for the Front's countersign.
  const status = input.kind === "REQUEST" ? "SENT" : input.kind === "VERIFICATION" ? "FINAL" : "DRAFT";
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "InspectionBoard" WHERE id = ${board.id} FOR UPDATE`;
    const last = await tx.inspectionItem.aggregate({ where: { communeId: access.communeId, kind: input.kind }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const item = await tx.inspectionItem.create({
      data: {
        communeId: access.communeId,
        boardId: board.id,
        kind: input.kind,
        number,
        status,
        title: input.title,
        body: input.body,
        subject: input.kind === "PLAN" ? input.subject : null,
        startsOn: input.kind === "PLAN" && input.startsOn ? day(input.startsOn) : null,
        endsOn: input.kind === "PLAN" && input.endsOn ? day(input.endsOn) : null,
        caseId,
        isPublic: input.kind === "RECOMMENDATION" && input.isPublic,
        sentAt: status === "SENT" ? now : null,
        createdById: access.userId,
      },
      select: { id: true, number: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.item.file",
      entityType: "InspectionItem",
      entityId: item.id,
      after: { kind: input.kind, number, status, title: input.title, caseId },
    });
    if (input.kind === "REQUEST") {
      await tell(tx, access.communeId, STAFF_ROLES, "inspectionRequestReceived", { title: input.title }, `/${await slugOf(tx, access.communeId)}/staff/inspection`);
    }
    return item;
  });
}

async function lockItem(tx: Tx, communeId: string, itemId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "InspectionItem" WHERE id = ${itemId} AND "communeId" = ${communeId} FOR UPDATE`;
  if (!row) throw notFound("inspectionItemNotFound");
  return tx.inspectionItem.findUniqueOrThrow({ where: { id: row.id } });
}

/**
 * Sends a plan to the Front, the chair and the subject. Refused unless the inspection starts at least
 * 5 working days after today (Decree 59/2023 Art. 14), with the earliest lawful start in the message.
 */
export async function sendPlan(access: CommuneAccess, itemId: string, now = new Date()) {
  if (!holds(access, BOARD_WRITER_ROLES)) throw forbidden();
  return db.$transaction(async (tx) => {
    const item = await lockItem(tx, access.communeId, itemId);
    if (item.kind !== "PLAN") throw invalid("inspectionNotAPlan");
    if (item.status !== "DRAFT") throw conflict("inspectionAlreadySent");
    const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true, settings: true } });
    const extra = readSettings(commune.settings).extraHolidays;
    const startsOn = vnDate(item.startsOn!);
    if (!planNoticeIsEnough(now, startsOn, extra)) {
      throw invalid("inspectionPlanNoticeTooShort", { days: PLAN_NOTICE_WORKING_DAYS, article: PLAN_NOTICE_ARTICLE, earliest: earliestPlanStart(now, extra) });
    }
    await tx.inspectionItem.update({ where: { id: item.id }, data: { status: "SENT", sentAt: now } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.plan.send",
      entityType: "InspectionItem",
      entityId: item.id,
      before: { status: "DRAFT" },
      after: { status: "SENT", sentAt: now.toISOString(), startsOn, to: ["Ủy ban MTTQ xã", "Chủ tịch UBND xã", item.subject] },
    });
    const params = { title: item.title, subject: item.subject ?? "", startsOn };
    await tell(tx, access.communeId, FRONT_ROLES, "inspectionPlanSent", params, `/${commune.slug}/front/inspection`);
    await tell(tx, access.communeId, ["LEADER"], "inspectionPlanSent", params, `/${commune.slug}/staff/inspection`);
    return { id: item.id };
  });
}

/**
 * The Front countersigns minutes or a recommendation (Law 10/2022 Art. 40.2.d). A countersigned
 * recommendation reaches the People's Committee, whose 15 days (Art. 40.1) start that day.
 */
export async function countersign(access: CommuneAccess, itemId: string, now = new Date()) {
  if (!holds(access, FRONT_BOARD_ROLES)) throw forbidden();
  return db.$transaction(async (tx) => {
    const item = await lockItem(tx, access.communeId, itemId);
    if (item.kind !== "RECOMMENDATION" && item.kind !== "MINUTES") throw invalid("inspectionNotCountersigned", { article: COUNTERSIGN_ARTICLE });
    if (item.countersignedAt) throw conflict("inspectionAlreadyCountersigned");
    const isRecommendation = item.kind === "RECOMMENDATION";
    const dueAt = isRecommendation ? recommendationDueAt(now) : null;
    await tx.inspectionItem.update({
      where: { id: item.id },
      data: { countersignedAt: now, countersignedById: access.userId, status: isRecommendation ? "SENT" : "FINAL", sentAt: isRecommendation ? now : null, dueAt },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.item.countersign",
      entityType: "InspectionItem",
      entityId: item.id,
      before: { status: item.status },
      after: { status: isRecommendation ? "SENT" : "FINAL", dueAt: dueAt?.toISOString() ?? null },
    });
    if (isRecommendation) {
      const slug = await slugOf(tx, access.communeId);
      await tell(tx, access.communeId, STAFF_ROLES, "inspectionRecommendationReceived", { title: item.title, days: RECOMMENDATION_ANSWER_DAYS, due: vnDate(dueAt!) }, `/${slug}/staff/inspection`);
    }
    return { id: item.id, dueAt };
  });
}

/** Staff or a leader answer a request or a recommendation for the People's Committee; a late answer is still recorded (and shown late). */
export async function answerItem(access: CommuneAccess, input: { itemId: string; answer: string }, now = new Date()) {
  if (!holds(access, ANSWERING_ROLES)) throw forbidden();
  return db.$transaction(async (tx) => {
    const item = await lockItem(tx, access.communeId, input.itemId);
    if (item.kind !== "REQUEST" && item.kind !== "RECOMMENDATION") throw invalid("inspectionNotAnswerable");
    if (item.status === "ANSWERED") throw conflict("inspectionAlreadyAnswered");
    // A recommendation reaches the Committee only once the Front has countersigned it.
    if (item.status !== "SENT") throw conflict("inspectionNotYetSent", { article: COUNTERSIGN_ARTICLE });
    await tx.inspectionItem.update({ where: { id: item.id }, data: { status: "ANSWERED", answer: input.answer, answeredAt: now, answeredById: access.userId } });
    const late = item.dueAt !== null && now.getTime() > item.dueAt.getTime();
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.item.answer",
      entityType: "InspectionItem",
      entityId: item.id,
      before: { status: "SENT" },
      after: { status: "ANSWERED", late },
      details: { kind: item.kind, late },
    });
    const slug = await slugOf(tx, access.communeId);
    await tell(tx, access.communeId, ["INSPECTOR"], "inspectionAnswered", { title: item.title }, `/${slug}/inspection`);
    return { id: item.id, late };
  });
}

export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

/** Everything the board recorded, newest first, with the case each verification is about (read only, no sender). */
export async function listItems(communeId: string, where: { kind?: InspectionItemKind; from?: Date; to?: Date } = {}) {
  const items = await db.inspectionItem.findMany({
    where: { communeId, kind: where.kind, createdAt: where.from || where.to ? { gte: where.from, lt: where.to } : undefined },
    orderBy: [{ createdAt: "desc" }],
  });
  const caseIds = items.map((i) => i.caseId).filter((v): v is string => Boolean(v));
  const cases = caseIds.length ? await caseSummaries(communeId, caseIds) : new Map();
  return items.map((i) => ({ ...i, code: `${KIND_CODES[i.kind]} ${String(i.number).padStart(2, "0")}`, case: i.caseId ? (cases.get(i.caseId) ?? null) : null }));
}

/**
 * What the board sees of a case it verifies: its number, kind, state, title and dates. Never the
 * sender's name, phone or address (a denouncer's identity is never revealed, Law 25/2018 Art. 4).
 */
export async function caseSummaries(communeId: string, ids: string[]) {
  const rows = await db.case.findMany({
    where: { communeId, id: { in: ids } },
    select: { id: true, number: true, kind: true, state: true, title: true, receivedAt: true, replyDueAt: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** The public page: countersigned recommendations the board chose to publish, with the commune's answers. */
export async function publicRecommendations(communeId: string) {
  return db.inspectionItem.findMany({
    where: { communeId, kind: "RECOMMENDATION", isPublic: true, countersignedAt: { not: null } },
    select: { id: true, number: true, title: true, body: true, sentAt: true, dueAt: true, answer: true, answeredAt: true },
    orderBy: { sentAt: "desc" },
  });
}

export { RECOMMENDATION_ARTICLE };
