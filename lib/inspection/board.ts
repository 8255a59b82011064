import "server-only";

// The board's term and members, recorded by the Front (Law 10/2022 Art. 36, 40.2: the Front fixes the
// number, recognises the election and convenes the election of the head). One member per village.
// A member with an account gets the INSPECTOR membership of the commune, appointed by the Front's
// recognition; members are residents, never commune officials or village cadres (Art. 37), so an
// account holding a Committee role or a village head's cannot become one.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { findGrantee } from "@/lib/people/grantee";

import { FRONT_BOARD_ROLES } from "./roles";
import { BOARD_ARTICLE, BOARD_MIN_MEMBERS } from "./rules";

/** Art. 37: not commune officials nor village cadres. */
const INCOMPATIBLE: readonly Role[] = ["STAFF", "LEADER", "ADMIN", "VILLAGE_HEAD"];

const mayRecord = (access: CommuneAccess) => access.roles.some((r) => FRONT_BOARD_ROLES.includes(r));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function recordBoard(access: CommuneAccess, input: { termStart: string; termEnd: string; recognitionRef: string; recognisedOn: string }) {
  if (!mayRecord(access)) throw forbidden();
  return db.$transaction(async (tx) => {
    const board = await tx.inspectionBoard.create({
      data: {
        communeId: access.communeId,
        termStart: day(input.termStart),
        termEnd: day(input.termEnd),
        recognitionRef: input.recognitionRef,
        recognisedOn: day(input.recognisedOn),
        recordedById: access.userId,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.board.record",
      entityType: "InspectionBoard",
      entityId: board.id,
      after: { ...input },
    });
    return board;
  });
}

/** The board in office: the latest term recorded. */
export async function currentBoard(communeId: string) {
  return db.inspectionBoard.findFirst({
    where: { communeId },
    orderBy: [{ termStart: "desc" }, { createdAt: "desc" }],
    include: { members: { where: { endedAt: null }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
  });
}

export type BoardView = NonNullable<Awaited<ReturnType<typeof boardWithVillages>>>;

/** The current board with its members' villages named, and the floor on members (Art. 36). */
export async function boardWithVillages(communeId: string) {
  const [board, villages] = await Promise.all([currentBoard(communeId), db.village.findMany({ where: { communeId }, select: { id: true, name: true }, orderBy: { name: "asc" } })]);
  if (!board) return null;
  const names = new Map(villages.map((v) => [v.id, v.name]));
  return {
    ...board,
    members: board.members.map((m) => ({ ...m, village: names.get(m.villageId) ?? "" })),
    minimum: BOARD_MIN_MEMBERS,
    article: BOARD_ARTICLE,
    villagesWithout: villages.filter((v) => !board.members.some((m) => m.villageId === v.id)).map((v) => v.name),
  };
}

export async function addMember(
  access: CommuneAccess,
  input: { boardId: string; name: string; villageId: string; position: "HEAD" | "DEPUTY" | "MEMBER"; identifier: string | null },
  now = new Date(),
) {
  if (!mayRecord(access)) throw forbidden();
  return db.$transaction(async (tx) => {
    const board = await tx.inspectionBoard.findFirst({ where: { id: input.boardId, communeId: access.communeId }, select: { id: true } });
    if (!board) throw notFound("inspectionBoardNotFound");
    const village = await tx.village.findFirst({ where: { id: input.villageId, communeId: access.communeId }, select: { id: true, name: true } });
    if (!village) throw notFound("villageNotFound");
    const active = await tx.inspectionMember.findMany({ where: { boardId: board.id, endedAt: null }, select: { villageId: true, position: true } });
    // Art. 36: one member elected by each village's community meeting.
    if (active.some((m) => m.villageId === village.id)) throw conflict("inspectionVillageTaken", { village: village.name, article: BOARD_ARTICLE });
    if (input.position === "HEAD" && active.some((m) => m.position === "HEAD")) throw conflict("inspectionHeadTaken");
    let userId: string | null = null;
    let membershipId: string | null = null;
    if (input.identifier) {
      const user = await findGrantee(tx, input.identifier);
      if (user.id === access.userId) throw conflict("cannotGrantOwnRole");
      const held = await tx.membership.findMany({ where: { userId: user.id, communeId: access.communeId, status: "VERIFIED" }, select: { role: true } });
      if (held.some((h) => INCOMPATIBLE.includes(h.role))) throw invalid("inspectionMemberIsOfficial", { article: "Điều 37 Luật Thực hiện dân chủ ở cơ sở 2022" });
      const data = { status: "VERIFIED" as const, verificationMethod: "APPOINTED" as const, verifiedAt: now, verifiedById: access.userId, villageId: village.id, rejectionReason: null };
      const membership = await tx.membership.upsert({
        where: { userId_communeId_role: { userId: user.id, communeId: access.communeId, role: "INSPECTOR" } },
        create: { userId: user.id, communeId: access.communeId, role: "INSPECTOR", ...data },
        update: data,
        select: { id: true },
      });
      userId = user.id;
      membershipId = membership.id;
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "membership.grant",
        entityType: "Membership",
        entityId: membership.id,
        after: { userId: user.id, role: "INSPECTOR", villageId: village.id },
        details: { role: "INSPECTOR" },
      });
    }
    const member = await tx.inspectionMember.create({
      data: { communeId: access.communeId, boardId: board.id, name: input.name, villageId: village.id, position: input.position, userId, membershipId },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.member.add",
      entityType: "InspectionMember",
      entityId: member.id,
      after: { boardId: board.id, name: input.name, villageId: village.id, position: input.position, hasAccount: userId !== null },
    });
    return member;
  });
}

/** A member leaves the board: the record stays (ended), the INSPECTOR membership is withdrawn. */
export async function removeMember(access: CommuneAccess, memberId: string, now = new Date()) {
  if (!mayRecord(access)) throw forbidden();
  return db.$transaction(async (tx) => {
    const member = await tx.inspectionMember.findFirst({ where: { id: memberId, communeId: access.communeId, endedAt: null } });
    if (!member) throw notFound("inspectionMemberNotFound");
    await tx.inspectionMember.update({ where: { id: member.id }, data: { endedAt: now } });
    if (member.membershipId) {
      await tx.membership.deleteMany({ where: { id: member.membershipId, communeId: access.communeId, role: "INSPECTOR" } });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "membership.revoke",
        entityType: "Membership",
        entityId: member.membershipId,
        before: { userId: member.userId, role: "INSPECTOR", villageId: member.villageId },
        details: { role: "INSPECTOR" },
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "inspection.member.remove",
      entityType: "InspectionMember",
      entityId: member.id,
      before: { name: member.name, villageId: member.villageId, position: member.position },
    });
    return { id: member.id };
  });
}
