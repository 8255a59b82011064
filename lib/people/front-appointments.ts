import "server-only";

// The Front's independence (issue 10 §7). The commune Fatherland Front committee supervises the
// People's Committee and signs off its reports (Law 10/2022 Art. 23.3, 28.5); if the Committee's
// administrator could name the Front's reviewers alone, the Committee would review itself. So an
// administrator only PROPOSES to appoint or withdraw a Front reviewer; the proposal waits, and takes
// effect only when another verified Front member of the commune confirms it (neither the person
// concerned nor the proposer). Both steps are audited; the Front is told of every proposal and
// decision, the appointee or the withdrawn reviewer of the outcome. The first Front member of a new
// commune is set up with the commune itself (the seed or the operator's setup), like its first
// administrator.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FrontRoleChangeKind, Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

/** Committee roles: whoever holds one cannot hold a Front role in the same commune. */
export const COMMITTEE_ROLES: readonly Role[] = ["STAFF", "LEADER", "ADMIN"];
/** The Front role an administrator may only propose. */
export const FRONT_ROLE: Role = "FRONT_REVIEWER";
/** Who confirms or declines a proposal: a verified Front member of the commune. */
export const FRONT_DECIDING_ROLES: readonly Role[] = FRONT_ROLES;

const frontLink = (slug: string) => `/${slug}/front`;

async function frontMemberIds(tx: Tx, communeId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { communeId, role: { in: FRONT_ROLES }, status: "VERIFIED" },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((r) => r.userId);
}

/** Tells each of `userIds` once (the catalogue loader is imported late: see report-workflow.ts). */
async function tell(tx: Tx, communeId: string, userIds: string[], kind: string, params: Record<string, string>, link: string | null) {
  const { notify } = await import("@/lib/notifications/notify");
  for (const userId of new Set(userIds)) await notify(tx, { communeId, userId, kind, params, link });
}

const isOpenProposalTaken = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && (e.code === "P2002" || /FrontRoleChange_open_key/.test(e.message));

/**
 * An administrator's proposal: `APPOINT` a user (no membership yet) or `WITHDRAW` a membership. Runs in
 * the caller's transaction. Nothing changes in anyone's roles until the Front confirms.
 */
export async function proposeFrontRoleChange(
  tx: Tx,
  access: CommuneAccess,
  input: { kind: FrontRoleChangeKind; userId: string; userName: string; membershipId: string | null },
) {
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  let change: { id: string };
  try {
    // The unique index on open proposals refuses a second one (the transaction is rolled back).
    change = await tx.frontRoleChange.create({
      data: { communeId: access.communeId, userId: input.userId, kind: input.kind, membershipId: input.membershipId, requestedById: access.userId },
      select: { id: true },
    });
  } catch (e) {
    if (isOpenProposalTaken(e)) throw conflict("frontChangeAlreadyOpen");
    throw e;
  }
  await tell(tx, access.communeId, await frontMemberIds(tx, access.communeId), "frontChangeProposed", { name: input.userName, kind: input.kind }, frontLink(commune.slug));
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: "front.propose",
    entityType: "FrontRoleChange",
    entityId: change.id,
    after: { kind: input.kind, userId: input.userId, membershipId: input.membershipId },
    details: { kind: input.kind, role: FRONT_ROLE },
  });
  return { changeId: change.id, membershipId: null, pending: true as const };
}

export type OpenFrontChange = { id: string; kind: FrontRoleChangeKind; userId: string; name: string; requestedAt: Date };

/** The proposals waiting for the Front, oldest first: the Front's page and the officials page list them. */
export async function listOpenFrontChanges(communeId: string): Promise<OpenFrontChange[]> {
  const rows = await db.frontRoleChange.findMany({
    where: { communeId, decidedAt: null },
    select: { id: true, kind: true, userId: true, requestedAt: true },
    orderBy: { requestedAt: "asc" },
  });
  const names = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? "—" }));
}

/**
 * The Front decides a proposal. Refused to anyone who is not a verified Front member of the commune,
 * to the person concerned and to the proposer; a proposal is decided once (the update is guarded by
 * "still open"). A confirmed appointment is checked again against the Committee roles the person may
 * have gained meanwhile.
 */
export async function decideFrontRoleChange(access: CommuneAccess, input: { changeId: string; decision: "CONFIRM" | "DECLINE" }, now = new Date()) {
  if (!access.roles.some((r) => FRONT_DECIDING_ROLES.includes(r))) throw forbidden();
  return db.$transaction(async (tx) => {
    const change = await tx.frontRoleChange.findFirst({
      where: { id: input.changeId, communeId: access.communeId },
      select: { id: true, kind: true, userId: true, membershipId: true, requestedById: true, decidedAt: true },
    });
    if (!change) throw notFound("frontChangeNotFound");
    if (change.userId === access.userId || change.requestedById === access.userId) throw conflict("frontChangeOwn");
    const confirmed = input.decision === "CONFIRM";
    const { count } = await tx.frontRoleChange.updateMany({ where: { id: change.id, decidedAt: null }, data: { decidedAt: now, decidedById: access.userId, confirmed } });
    if (count !== 1) throw conflict("frontChangeDecided");

    const [user, commune] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: change.userId }, select: { name: true } }),
      tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } }),
    ]);
    let membershipId = change.membershipId;
    if (confirmed && change.kind === "APPOINT") membershipId = await appoint(tx, access, change.userId, now);
    if (confirmed && change.kind === "WITHDRAW") await withdraw(tx, access, change.membershipId);

    const params = { name: user.name, kind: change.kind, decision: input.decision };
    // The Front as a whole, the proposer, and (when it took effect) the person concerned.
    const told = [...(await frontMemberIds(tx, access.communeId)), change.requestedById, ...(confirmed ? [change.userId] : [])];
    await tell(tx, access.communeId, told, "frontChangeDecided", params, null);
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: confirmed ? (change.kind === "APPOINT" ? "membership.grant" : "membership.revoke") : "front.decline",
      entityType: confirmed ? "Membership" : "FrontRoleChange",
      entityId: confirmed ? membershipId : change.id,
      after: { changeId: change.id, kind: change.kind, userId: change.userId, decision: input.decision, proposedBy: change.requestedById },
      details: { role: FRONT_ROLE, kind: change.kind, decision: input.decision, link: frontLink(commune.slug) },
    });
    return { changeId: change.id, decision: input.decision, membershipId };
  });
}

async function appoint(tx: Tx, access: CommuneAccess, userId: string, now: Date): Promise<string> {
  const held = await tx.membership.findMany({ where: { userId, communeId: access.communeId, status: "VERIFIED" }, select: { role: true } });
  if (held.some((h) => COMMITTEE_ROLES.includes(h.role))) throw conflict("frontAndCommittee");
  if (held.some((h) => h.role === FRONT_ROLE)) throw conflict("roleAlreadyHeld");
  const data = { status: "VERIFIED" as const, verificationMethod: "APPOINTED" as const, verifiedAt: now, verifiedById: access.userId, villageId: null, title: null, rejectionReason: null };
  const membership = await tx.membership.upsert({
    where: { userId_communeId_role: { userId, communeId: access.communeId, role: FRONT_ROLE } },
    create: { userId, communeId: access.communeId, role: FRONT_ROLE, ...data },
    update: data,
    select: { id: true },
  });
  return membership.id;
}

async function withdraw(tx: Tx, access: CommuneAccess, membershipId: string | null) {
  const { count } = await tx.membership.deleteMany({ where: { id: membershipId ?? "", communeId: access.communeId, role: FRONT_ROLE } });
  if (count !== 1) throw conflict("frontChangeStale");
}
