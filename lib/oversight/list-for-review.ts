// What staff and the Front see of a consultation's input: every opinion, hidden ones included, with
// the verified identity behind it, its reports, moderation history, earlier versions and appeal.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const REVIEW_PAGE_SIZE = 30;

export type ReviewFilter = "all" | "unanswered" | "hidden" | "reported" | "appealed";

const reviewSelect = {
  id: true,
  number: true,
  parentId: true,
  displayName: true,
  body: true,
  stance: true,
  channel: true,
  moderationState: true,
  reportCount: true,
  agreeCount: true,
  disagreeCount: true,
  createdAt: true,
  editedAt: true,
  anonymisedAt: true,
  authorId: true,
  enteredById: true,
  assistReason: true,
  villageId: true,
  residentId: true,
  householdId: true,
  receivedOn: true,
  reports: { select: { reason: true, details: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  moderation: { select: { action: true, reason: true, details: true, actorId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  revisions: { select: { body: true, writtenAt: true }, orderBy: { createdAt: "asc" } },
  appeal: { select: { body: true, status: true, decisionNote: true, decidedAt: true, createdAt: true } },
  answer: { select: { kind: true, body: true, answeredAt: true } },
} satisfies Prisma.OpinionSelect;

function whereFor(consultationId: string, filter: ReviewFilter): Prisma.OpinionWhereInput {
  switch (filter) {
    case "hidden":
      return { consultationId, moderationState: { not: "VISIBLE" } };
    case "reported":
      return { consultationId, reportCount: { gt: 0 } };
    case "unanswered":
      return { consultationId, parentId: null, answerId: null };
    case "appealed":
      return { consultationId, appeal: { status: "PENDING" } };
    default:
      return { consultationId };
  }
}

export async function listOpinionsForReview(consultationId: string, filter: ReviewFilter, page: number) {
  const where = whereFor(consultationId, filter);
  const [rows, total] = await Promise.all([
    db.opinion.findMany({ where, select: reviewSelect, orderBy: { number: "desc" }, skip: (page - 1) * REVIEW_PAGE_SIZE, take: REVIEW_PAGE_SIZE }),
    db.opinion.count({ where }),
  ]);
  // Names of the people behind the rows, in two queries rather than one per row.
  const residentIds = [...new Set(rows.map((r) => r.residentId).filter((x): x is string => Boolean(x)))];
  const userIds = [...new Set(rows.flatMap((r) => [r.authorId, r.enteredById, ...r.moderation.map((m) => m.actorId)]).filter((x): x is string => Boolean(x)))];
  // A household named on a paper form without a member (lib/channels): staff and the Front see its code.
  const householdIds = [...new Set(rows.filter((r) => !r.residentId && r.householdId).map((r) => r.householdId!))];
  const [residents, users, households] = await Promise.all([
    db.resident.findMany({
      where: { id: { in: residentIds } },
      select: { id: true, fullName: true, birthYear: true, village: { select: { name: true } }, household: { select: { code: true } } },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    householdIds.length ? db.household.findMany({ where: { id: { in: householdIds } }, select: { id: true, code: true, village: { select: { name: true } } } }) : [],
  ]);
  const householdById = new Map(households.map((h) => [h.id, h]));
  const residentById = new Map(residents.map((r) => [r.id, r]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    items: rows.map((r) => ({
      ...r,
      identity: r.residentId ? (residentById.get(r.residentId) ?? null) : null,
      household: !r.residentId && r.householdId ? (householdById.get(r.householdId) ?? null) : null,
      authorName: r.authorId ? (userName.get(r.authorId) ?? null) : null,
      enteredByName: r.enteredById ? (userName.get(r.enteredById) ?? null) : null,
      moderation: r.moderation.map((m) => ({ ...m, actorName: m.actorId ? (userName.get(m.actorId) ?? null) : null })),
    })),
  };
}

export type ReviewOpinion = Awaited<ReturnType<typeof listOpinionsForReview>>["items"][number];

export const listSupervisionNotes = (consultationId: string) =>
  db.supervisionNote.findMany({
    where: { consultationId },
    select: {
      id: true,
      body: true,
      isPublicFlag: true,
      response: true,
      respondedAt: true,
      createdAt: true,
      opinion: { select: { number: true } },
    },
    orderBy: { createdAt: "desc" },
  });

export type SupervisionNoteRow = Awaited<ReturnType<typeof listSupervisionNotes>>[number];

/** Across the commune: what waits for staff. */
export async function moderationQueue(communeId: string) {
  const [pending, appeals, notes] = await Promise.all([
    db.opinion.findMany({
      where: { communeId, moderationState: "PENDING_REVIEW" },
      select: { id: true, number: true, body: true, reportCount: true, consultation: { select: { id: true, title: true } } },
      orderBy: { updatedAt: "asc" },
      take: 100,
    }),
    db.moderationAppeal.findMany({
      where: { communeId, status: "PENDING" },
      select: { body: true, createdAt: true, opinion: { select: { id: true, number: true, consultation: { select: { id: true, title: true } } } } },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
    db.supervisionNote.findMany({
      where: { communeId, respondedAt: null },
      select: { id: true, body: true, createdAt: true, consultation: { select: { id: true, title: true } } },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
  ]);
  return { pending, appeals, notes };
}
