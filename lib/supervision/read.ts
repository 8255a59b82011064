// What the pages read. The board's own page is for its members, the Front and staff; the public sees
// only published findings (lib/supervision/read.ts#listPublishedFindings) and the list of boards.
import { db } from "@/lib/db";

import { isMember } from "./board-access";
import { RESIDENT_MEMBER_ROLES, FRONT_MEMBER_ROLES, INSPECTION_MEMBER_ROLES, OVERSEE_ROLES } from "./roles";
import { answerClock } from "./rules";

/** Published findings of a work, newest first: what the public page shows. */
export function listPublishedFindings(communeId: string, workId: string) {
  return db.supervisionFinding.findMany({
    where: { communeId, publishedAt: { not: null }, board: { workId } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, topic: true, body: true, publishedAt: true, visit: { select: { visitedOn: true, place: true } } },
  });
}

/** Every board of the commune, with its work and counts (public: no names, nothing unpublished). */
export async function listBoards(communeId: string) {
  return db.supervisionBoard.findMany({
    where: { communeId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      workId: true,
      supervisionStartOn: true,
      dissolvedAt: true,
      work: { select: { title: true, status: true } },
      _count: { select: { members: true, visits: true, findings: { where: { publishedAt: { not: null } } } } },
    },
  });
}

/** The boards a person sits on. */
export function myBoardIds(communeId: string, userId: string) {
  return db.supervisionMember.findMany({ where: { communeId, userId }, select: { boardId: true } }).then((rows) => new Set(rows.map((r) => r.boardId)));
}

/** Whether a viewer may open a board's page: a member, or the Front or staff of its commune. */
export async function mayViewBoard(communeId: string, boardId: string, userId: string) {
  if (await isMember(db, boardId, userId)) return { member: true };
  const oversee = await db.membership.count({ where: { userId, communeId, status: "VERIFIED", role: { in: OVERSEE_ROLES } } });
  return oversee ? { member: false } : null;
}

export async function getBoard(communeId: string, boardId: string, now = new Date()) {
  const board = await db.supervisionBoard.findFirst({
    where: { id: boardId, communeId },
    select: {
      id: true,
      plan: true,
      supervisionStartOn: true,
      investorNotifiedOn: true,
      acceptedOn: true,
      dissolvedAt: true,
      work: { select: { id: true, title: true, status: true, investor: true, contractor: true, supervisor: true } },
      members: { orderBy: [{ isHead: "desc" }, { createdAt: "asc" }], select: { id: true, userId: true, kind: true, villageId: true, isHead: true, declarationText: true, declarationSignedOn: true } },
      visits: { orderBy: { visitedOn: "desc" }, select: { id: true, visitedOn: true, place: true, notes: true, photos: { select: { id: true, fileName: true } } } },
      findings: { orderBy: { createdAt: "desc" }, select: { id: true, topic: true, body: true, publishedAt: true, visitId: true } },
      requests: { orderBy: { sentAt: "desc" }, select: { id: true, kind: true, addressee: true, body: true, sentAt: true, answer: true, answeredAt: true } },
    },
  });
  if (!board) return null;
  const people = await db.user.findMany({ where: { id: { in: board.members.map((m) => m.userId) } }, select: { id: true, name: true } });
  const villages = await db.village.findMany({ where: { communeId, id: { in: board.members.flatMap((m) => (m.villageId ? [m.villageId] : [])) } }, select: { id: true, name: true } });
  return {
    ...board,
    members: board.members.map((m) => ({ ...m, name: people.find((p) => p.id === m.userId)?.name ?? "", village: villages.find((v) => v.id === m.villageId)?.name ?? null })),
    requests: board.requests.map((r) => ({ ...r, clock: answerClock(r, now) })),
  };
}

/** Works that may get a board: open (not done, not cancelled), without one yet. */
export function worksWithoutBoard(communeId: string) {
  return db.work.findMany({
    where: { communeId, status: { notIn: ["DONE", "CANCELLED"] }, supervisionBoards: { none: {} } },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, status: true },
  });
}

/** The work for the set-up form, and the people who may sit on its board. */
export async function setupContext(communeId: string, workId: string) {
  const work = await db.work.findFirst({
    where: { id: workId, communeId },
    select: { id: true, title: true, status: true, investor: true, contractor: true, supervisor: true, villages: { select: { villageId: true } }, supervisionBoards: { select: { id: true } } },
  });
  if (!work) return null;
  const villageIds = work.villages.map((v) => v.villageId);
  const rows = await db.membership.findMany({
    where: {
      communeId,
      status: "VERIFIED",
      OR: [{ role: { in: [...FRONT_MEMBER_ROLES, ...INSPECTION_MEMBER_ROLES] } }, { role: { in: RESIDENT_MEMBER_ROLES }, villageId: { in: villageIds } }],
    },
    select: { userId: true, role: true, villageId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const villages = await db.village.findMany({ where: { communeId, id: { in: villageIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const seen = new Set<string>();
  const candidates = rows.flatMap((r) => {
    if (seen.has(r.userId)) return [];
    seen.add(r.userId);
    const village = villages.find((v) => v.id === r.villageId)?.name ?? null;
    return [{ userId: r.userId, name: r.user.name, role: r.role, village }];
  });
  return { work, villages, candidates };
}

/** Requests still waiting for an answer, oldest first, with their clocks (staff's page). Active boards only. */
export async function openRequests(communeId: string, now = new Date()) {
  const rows = await db.supervisionRequest.findMany({
    where: { communeId, answeredAt: null, board: { dissolvedAt: null } },
    orderBy: { sentAt: "asc" },
    select: { id: true, boardId: true, kind: true, addressee: true, body: true, sentAt: true, board: { select: { work: { select: { title: true } } } } },
  });
  return rows.map((r) => ({ ...r, workTitle: r.board.work.title, clock: answerClock({ sentAt: r.sentAt, answeredAt: null }, now) }));
}
