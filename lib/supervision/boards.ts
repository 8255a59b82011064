// Setting a board up and dissolving it. The Front sets one board up per work (Law 10/2022 Art. 41.1):
// at least 5 members, the Front and residents of the villages the work serves among them (Art. 42),
// each having signed a declaration of no relationship with the investor, the contractor or the
// supervisor; the investor was notified of the plan and the members at least 45 days before
// supervision starts (Art. 45.1.b). Everything is checked before anything is written. The board
// dissolves when the work is accepted: the work is DONE and the acceptance date is recorded.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";

import { loadBoard, assertActive } from "./board-access";
import { declarationText } from "./declaration";
import { FRONT_MEMBER_ROLES, INSPECTION_MEMBER_ROLES, RESIDENT_MEMBER_ROLES } from "./roles";
import { compositionProblem, dateOnly, daysBetween, earliestStart, isNotifiedInTime, NOTIFY_DAYS_AHEAD } from "./rules";
import type { SetupBoardValues } from "./schemas";

const CLOSED = ["DONE", "CANCELLED"];

export async function setupBoard(access: CommuneAccess, values: SetupBoardValues, now = new Date()) {
  const today = toVnDate(now);
  const work = await db.work.findFirst({
    where: { id: values.workId, communeId: access.communeId },
    select: { id: true, title: true, status: true, investor: true, contractor: true, supervisor: true, villages: { select: { villageId: true } } },
  });
  if (!work) throw notFound("supervisionWorkNotFound");
  if (CLOSED.includes(work.status)) throw conflict("supervisionWorkClosed");
  if (await db.supervisionBoard.count({ where: { workId: work.id } })) throw conflict("supervisionBoardExists");

  if (values.investorNotifiedOn > today) throw invalid("supervisionNoticeInFuture", {}, { investorNotifiedOn: "supervisionNoticeInFuture" });
  if (!isNotifiedInTime(values.investorNotifiedOn, values.supervisionStartOn)) {
    throw invalid(
      "supervisionNoticeTooLate",
      { days: NOTIFY_DAYS_AHEAD, ahead: daysBetween(values.investorNotifiedOn, values.supervisionStartOn), earliest: earliestStart(values.investorNotifiedOn) },
      { supervisionStartOn: "supervisionNoticeTooLate" },
    );
  }

  const userIds = values.members.map((m) => m.userId);
  if (new Set(userIds).size !== userIds.length) throw invalid("supervisionDuplicateMember", {}, { members: "supervisionDuplicateMember" });
  const problem = compositionProblem(values.members.map((m) => ({ kind: m.kind, declared: m.declared })));
  if (problem) throw invalid(problem.code, problem.params, { members: problem.code });
  for (const m of values.members) {
    if (m.declarationSignedOn && m.declarationSignedOn > today) throw invalid("supervisionDeclarationInFuture", {}, { members: "supervisionDeclarationInFuture" });
  }

  // Who each person is in this commune: only verified roles count.
  const memberships = await db.membership.findMany({
    where: { communeId: access.communeId, status: "VERIFIED", userId: { in: userIds } },
    select: { userId: true, role: true, villageId: true },
  });
  const villages = new Set(work.villages.map((v) => v.villageId));
  const resolved = values.members.map((m) => {
    const held = memberships.filter((x) => x.userId === m.userId);
    const holds = (roles: Role[]) => held.some((x) => roles.includes(x.role));
    if (m.kind === "FRONT" && !holds(FRONT_MEMBER_ROLES)) throw invalid("supervisionNotFront", {}, { members: "supervisionNotFront" });
    if (m.kind === "INSPECTION_BOARD" && !holds(INSPECTION_MEMBER_ROLES)) throw invalid("supervisionNotInspector", {}, { members: "supervisionNotInspector" });
    let villageId: string | null = null;
    if (m.kind === "RESIDENT") {
      const home = held.find((x) => RESIDENT_MEMBER_ROLES.includes(x.role) && x.villageId && villages.has(x.villageId));
      if (!home) throw invalid("supervisionResidentOutsideVillages", { work: work.title }, { members: "supervisionResidentOutsideVillages" });
      villageId = home.villageId;
    }
    return { ...m, villageId };
  });

  const text = declarationText(work);
  const headIndex = Math.max(0, resolved.findIndex((m) => m.kind === "FRONT"));
  try {
    return await db.$transaction(async (tx) => {
      const board = await tx.supervisionBoard.create({
        data: {
          communeId: access.communeId,
          workId: work.id,
          plan: values.plan,
          investorNotifiedOn: dateOnly(values.investorNotifiedOn),
          supervisionStartOn: dateOnly(values.supervisionStartOn),
          createdById: access.userId,
        },
        select: { id: true },
      });
      await tx.supervisionMember.createMany({
        data: resolved.map((m, i) => ({
          communeId: access.communeId,
          boardId: board.id,
          userId: m.userId,
          kind: m.kind,
          villageId: m.villageId,
          isHead: i === headIndex,
          declarationText: text,
          declarationSignedOn: dateOnly(m.declarationSignedOn || today),
        })),
      });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "supervision.board.setup",
        entityType: "SupervisionBoard",
        entityId: board.id,
        after: { workId: work.id, members: resolved.map((m) => ({ userId: m.userId, kind: m.kind, villageId: m.villageId })), investorNotifiedOn: values.investorNotifiedOn, supervisionStartOn: values.supervisionStartOn },
        details: { members: resolved.length, investorNotifiedOn: values.investorNotifiedOn, supervisionStartOn: values.supervisionStartOn },
      });
      // The investor's notice is a document (./investor-notice.ts); the commune's staff (the investor of a
      // commune work, or who forwards it) and each member are told, with the board's page.
      const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
      const staff = await tx.membership.findMany({ where: { communeId: access.communeId, status: "VERIFIED", role: { in: ["STAFF", "LEADER"] } }, select: { userId: true } });
      const told = new Set([...staff.map((s) => s.userId), ...resolved.map((m) => m.userId)]);
      told.delete(access.userId);
      for (const userId of told) {
        await notify(tx, {
          communeId: access.communeId,
          userId,
          kind: "supervisionBoardSetUp",
          params: { work: work.title, investorNotifiedOn: values.investorNotifiedOn.split("-").reverse().join("/"), supervisionStartOn: values.supervisionStartOn.split("-").reverse().join("/") },
          link: `/${commune.slug}/supervision/${board.id}`,
        });
      }
      return { id: board.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("supervisionBoardExists");
    throw error;
  }
}

/** The work was accepted: the board dissolves and becomes read-only (Law 10/2022 Art. 41). */
export async function dissolveBoard(access: CommuneAccess, values: { boardId: string; acceptedOn: string }, now = new Date()) {
  const board = await loadBoard(db, access.communeId, values.boardId);
  assertActive(board);
  if (board.work.status !== "DONE") throw conflict("supervisionWorkNotAccepted");
  if (values.acceptedOn > toVnDate(now)) throw invalid("supervisionAcceptanceInFuture", {}, { acceptedOn: "supervisionAcceptanceInFuture" });
  return db.$transaction(async (tx) => {
    const updated = await tx.supervisionBoard.updateMany({
      where: { id: board.id, dissolvedAt: null },
      data: { acceptedOn: dateOnly(values.acceptedOn), dissolvedAt: now, dissolvedById: access.userId },
    });
    if (updated.count !== 1) throw conflict("supervisionDissolved");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "supervision.board.dissolve",
      entityType: "SupervisionBoard",
      entityId: board.id,
      after: { acceptedOn: values.acceptedOn },
      details: { acceptedOn: values.acceptedOn },
    });
    return { id: board.id };
  });
}
