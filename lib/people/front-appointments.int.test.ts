// The Front's independence (issue 10 §7): a Front reviewer is appointed or withdrawn only when another
// Front member confirms; nobody grants a role to themself; the Front and the person concerned are told;
// and an administrator alone, whatever roles it grants, cannot get a report approved without the Front.
import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { closeBallot, createBallot, createTestCommune, createVillage } from "@/lib/participation/ballot-test-helpers";
import { approveReport, generateReport, publishReport, returnReport, signOffReport, submitToFront } from "@/lib/reports/report-workflow";
import { withdrawFromReview } from "@/lib/reports/withdraw-report";
import { seedDemo } from "@/scripts/test/fixtures";

import { decideFrontRoleChange } from "./front-appointments";
import { grantRole, revokeRole } from "./officials";
import { OFFICIALS_ROLES } from "./roles";
import { grantRoleSchema, OFFICIAL_ROLES } from "./schemas";

const ALL_ROLES: Role[] = ["RESIDENT", "VILLAGE_HEAD", "STAFF", "LEADER", "FRONT_REVIEWER", "ADMIN"];

let communeId: string;
let villageId: string;
let seq = 0;
/** Nine digits after +84: 93, four of this run, three of the account. */
const PREFIX = String(Date.now() % 10_000).padStart(4, "0");

/** An account of its own (phone identifier, as the officials form takes it), with its id. */
async function account(name: string) {
  seq++;
  const phone = `+8493${PREFIX}${String(seq).padStart(3, "0")}`;
  const user = await db.user.create({ data: { name, displayName: name, phone, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, identifier: `0${phone.slice(3)}` };
}

async function member(userId: string, role: Role) {
  await db.membership.create({ data: { userId, communeId, role, status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
}

const accessFor = (userId: string, roles: readonly Role[] = ALL_ROLES) => requireCommuneAccess(userId, communeId, roles, { write: true });
const adminAccess = (userId: string) => requireCommuneAccess(userId, communeId, OFFICIALS_ROLES, { write: true });
const hasFront = async (userId: string) => (await db.membership.count({ where: { userId, communeId, role: "FRONT_REVIEWER", status: "VERIFIED" } })) === 1;
const grant = (identifier: string, role: (typeof OFFICIAL_ROLES)[number]) =>
  grantRoleSchema.parse({ communeId, identifier, role, villageId: role === "VILLAGE_HEAD" ? villageId : "", title: role === "LEADER" ? "Chủ tịch" : "" });

async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.status === 403 ? "403" : e.code;
    throw e;
  }
}

const notified = (userId: string, kind: string) => db.notification.count({ where: { userId, communeId, kind } });

let admin: { id: string; identifier: string };
let chair: { id: string; identifier: string };

beforeAll(async () => {
  await seedDemo();
  const c = await createTestCommune("Xã Thử Mặt Trận");
  communeId = c.communeId;
  villageId = (await createVillage(communeId, { name: "Thôn Mặt Trận", households: 4 })).villageId;
  admin = await account("Quản Trị Viên Thử");
  await member(admin.id, "ADMIN");
  // The Front member set up with the commune (the seed makes the demo's one).
  chair = await account("Chủ Tịch MTTQ Thử");
  await member(chair.id, "FRONT_REVIEWER");
});

describe("appointing a Front reviewer", () => {
  it("is a proposal: no Front access until another Front member confirms; audited; the Front, the proposer and the appointee told", async () => {
    const x = await account("Người Được Đề Nghị");
    const a = await adminAccess(admin.id);
    const proposed = await grantRole(a, grant(x.identifier, "FRONT_REVIEWER"));
    expect(proposed).toMatchObject({ pending: true, membershipId: null });
    await expect(requireCommuneAccess(x.id, communeId, FRONT_ROLES)).rejects.toMatchObject({ status: 403 });
    expect(await notified(chair.id, "frontChangeProposed")).toBeGreaterThan(0);
    // A second proposal for the same person waits for the first to be decided.
    expect(await outcome(() => grantRole(a, grant(x.identifier, "FRONT_REVIEWER")))).toBe("frontChangeAlreadyOpen");

    const changeId = (proposed as { changeId: string }).changeId;
    // Neither the administrator nor the person concerned can decide it: they are not the Front.
    expect(await outcome(async () => decideFrontRoleChange(await accessFor(admin.id), { changeId, decision: "CONFIRM" }))).toBe("403");
    await expect(accessFor(x.id)).rejects.toMatchObject({ status: 403 });
    const noRoles: CommuneAccess = { userId: x.id, communeId, roles: [], memberships: [], actingRole: "RESIDENT" };
    expect(await outcome(() => decideFrontRoleChange(noRoles, { changeId, decision: "CONFIRM" }))).toBe("403");
    expect(await hasFront(x.id)).toBe(false);

    const front = await accessFor(chair.id, FRONT_ROLES);
    const decided = await decideFrontRoleChange(front, { changeId, decision: "CONFIRM" });
    expect(await hasFront(x.id)).toBe(true);
    expect((await requireCommuneAccess(x.id, communeId, FRONT_ROLES)).actingRole).toBe("FRONT_REVIEWER");
    expect(await outcome(() => decideFrontRoleChange(front, { changeId, decision: "DECLINE" }))).toBe("frontChangeDecided");

    const events = await db.auditEvent.findMany({ where: { communeId, entityId: { in: [changeId, decided.membershipId!] } }, orderBy: { seq: "asc" }, select: { action: true, actorId: true } });
    expect(events).toEqual([
      { action: "front.propose", actorId: admin.id },
      { action: "membership.grant", actorId: chair.id },
    ]);
    for (const told of [x.id, admin.id, chair.id]) expect(await notified(told, "frontChangeDecided")).toBeGreaterThan(0);
  });

  it("checks the Committee roles again when the Front confirms, and a declined proposal changes nothing", async () => {
    const a = await adminAccess(admin.id);
    const y = await account("Người Được Cấp Hai Vai Trò");
    const { changeId } = (await grantRole(a, grant(y.identifier, "FRONT_REVIEWER"))) as { changeId: string };
    // Meanwhile the administrator makes the same person staff: the Front's confirmation is refused.
    await grantRole(a, grant(y.identifier, "STAFF"));
    const front = await accessFor(chair.id, FRONT_ROLES);
    expect(await outcome(() => decideFrontRoleChange(front, { changeId, decision: "CONFIRM" }))).toBe("frontAndCommittee");
    expect(await hasFront(y.id)).toBe(false);
    await decideFrontRoleChange(front, { changeId, decision: "DECLINE" });
    expect(await hasFront(y.id)).toBe(false);
    expect(await db.frontRoleChange.findUniqueOrThrow({ where: { id: changeId }, select: { confirmed: true, decidedById: true } })).toEqual({ confirmed: false, decidedById: chair.id });
    expect(await db.auditEvent.count({ where: { communeId, entityId: changeId, action: "front.decline" } })).toBe(1);
  });
});

describe("withdrawing a Front reviewer", () => {
  it("is a proposal the reviewer cannot confirm themself; another Front member confirms; the reviewer and the Front are told", async () => {
    const r = await account("Ủy Viên Sẽ Thôi");
    await member(r.id, "FRONT_REVIEWER");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: r.id, communeId, role: "FRONT_REVIEWER" }, select: { id: true } });
    const proposed = (await revokeRole(await adminAccess(admin.id), { membershipId: membership.id })) as { changeId: string; pending: boolean };
    expect(proposed.pending).toBe(true);
    // Still a reviewer while the proposal waits.
    expect(await hasFront(r.id)).toBe(true);
    expect(await outcome(async () => decideFrontRoleChange(await accessFor(r.id, FRONT_ROLES), { changeId: proposed.changeId, decision: "CONFIRM" }))).toBe("frontChangeOwn");
    expect(await hasFront(r.id)).toBe(true);

    await decideFrontRoleChange(await accessFor(chair.id, FRONT_ROLES), { changeId: proposed.changeId, decision: "CONFIRM" });
    expect(await hasFront(r.id)).toBe(false);
    await expect(requireCommuneAccess(r.id, communeId, FRONT_ROLES)).rejects.toMatchObject({ status: 403 });
    expect(await notified(r.id, "frontChangeDecided")).toBe(1);
    expect(await notified(chair.id, "frontChangeDecided")).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { communeId, entityId: membership.id, action: "membership.revoke", actorId: chair.id } })).toBe(1);
  });
});

describe("granting a role to oneself", () => {
  it.each(OFFICIAL_ROLES)("is refused for %s, and nothing is written", async (role) => {
    const self = await account(`Tự Cấp ${role}`);
    await member(self.id, "ADMIN");
    const before = await db.membership.count({ where: { userId: self.id } });
    expect(await outcome(async () => grantRole(await adminAccess(self.id), grant(self.identifier, role)))).toBe("cannotGrantOwnRole");
    expect(await db.membership.count({ where: { userId: self.id } })).toBe(before);
    expect(await db.frontRoleChange.count({ where: { userId: self.id } })).toBe(0);
  });
});

describe("an administrator alone", () => {
  it("whatever roles it grants, to itself or to accounts it controls, cannot get a report approved without the Front", async () => {
    const a = await adminAccess(admin.id);
    // Accounts the administrator controls (registered by it, passwords it knows).
    const [leader, staff, secondAdmin, wouldBeFront, anotherFront] = await Promise.all(["Lãnh Đạo Bù Nhìn", "Cán Bộ Bù Nhìn", "Quản Trị Thứ Hai", "MTTQ Bù Nhìn", "MTTQ Bù Nhìn Hai"].map(account)) as [
      Awaited<ReturnType<typeof account>>, Awaited<ReturnType<typeof account>>, Awaited<ReturnType<typeof account>>, Awaited<ReturnType<typeof account>>, Awaited<ReturnType<typeof account>>,
    ];
    // To itself: every role refused.
    for (const role of OFFICIAL_ROLES) expect(await outcome(() => grantRole(a, grant(admin.identifier, role)))).toBe("cannotGrantOwnRole");
    // To its accounts: Committee roles work; a second administrator can give the first any Committee role.
    expect(await outcome(() => grantRole(a, grant(leader.identifier, "LEADER")))).toBe("ok");
    expect(await outcome(() => grantRole(a, grant(staff.identifier, "STAFF")))).toBe("ok");
    expect(await outcome(() => grantRole(a, grant(secondAdmin.identifier, "ADMIN")))).toBe("ok");
    const b = await adminAccess(secondAdmin.id);
    expect(await outcome(() => grantRole(b, grant(admin.identifier, "LEADER")))).toBe("ok");
    // Front roles: only proposals, from either administrator; a Committee member cannot even be proposed.
    expect(await outcome(() => grantRole(a, grant(wouldBeFront.identifier, "FRONT_REVIEWER")))).toBe("ok");
    expect(await outcome(() => grantRole(b, grant(anotherFront.identifier, "FRONT_REVIEWER")))).toBe("ok");
    expect(await outcome(() => grantRole(b, grant(leader.identifier, "FRONT_REVIEWER")))).toBe("frontAndCommittee");
    expect(await outcome(() => grantRole(b, grant(admin.identifier, "FRONT_REVIEWER")))).toBe("frontAndCommittee");
    // And it cannot take the real Front away: the withdrawal only waits for the Front.
    const chairMembership = await db.membership.findFirstOrThrow({ where: { userId: chair.id, communeId, role: "FRONT_REVIEWER" }, select: { id: true } });
    expect(await outcome(() => revokeRole(a, { membershipId: chairMembership.id }))).toBe("ok");
    expect(await hasFront(chair.id)).toBe(true);

    // Every identity it controls tries to confirm every open proposal: none is the Front.
    const controlled = [admin.id, leader.id, staff.id, secondAdmin.id, wouldBeFront.id, anotherFront.id];
    const open = await db.frontRoleChange.findMany({ where: { communeId, decidedAt: null }, select: { id: true } });
    for (const id of controlled) {
      const access = await accessFor(id).catch(() => null);
      for (const change of open) {
        if (access) expect(await outcome(() => decideFrontRoleChange(access, { changeId: change.id, decision: "CONFIRM" }))).toBe("403");
      }
    }
    expect(await hasFront(wouldBeFront.id)).toBe(false);
    expect(await hasFront(anotherFront.id)).toBe(false);

    // A report through every step its identities can take.
    const ballot = await createBallot({ communeId, createdById: staff.id, villageIds: [villageId] });
    await closeBallot(ballot.consultationId);
    const staffAccess = await accessFor(staff.id);
    const { reportId } = await generateReport(staffAccess, { communeId, consultationId: ballot.consultationId });
    await submitToFront(staffAccess, { communeId, reportId });
    const step = { communeId, reportId };
    for (const id of controlled) {
      const access = await accessFor(id).catch(() => null);
      if (!access) continue;
      expect(await outcome(() => signOffReport(access, step))).toBe("403");
      expect(await outcome(() => returnReport(access, { ...step, notes: "Tự trả lại để thử lách." }))).toBe("403");
      expect(["403", "reportNotSignedOff"]).toContain(await outcome(() => approveReport(access, step)));
      expect(["403", "reportNotApproved"]).toContain(await outcome(() => publishReport(access, step)));
    }
    // Withdrawing and sending again changes nothing: the sign-off is still the Front's.
    await withdrawFromReview(staffAccess, { ...step, reason: "Thử rút về rồi gửi lại." });
    await submitToFront(staffAccess, step);
    expect(await outcome(async () => approveReport(await accessFor(leader.id), step))).toBe("reportNotSignedOff");
    expect(await outcome(async () => approveReport(await accessFor(admin.id), step))).toBe("reportNotSignedOff");
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } })).status).toBe("FRONT_REVIEW");

    // Only the Front's own sign-off opens the way.
    await signOffReport(await accessFor(chair.id, FRONT_ROLES), step);
    expect(await outcome(async () => approveReport(await accessFor(leader.id), step))).toBe("ok");
  });
});
