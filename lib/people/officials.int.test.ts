// Granting and withdrawing officials' roles: administrators only, for their own commune; the Front and
// the Committee are kept apart; every change is audited; a withdrawn role stops working at once.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { communeId, userId } from "@/scripts/test/fixtures";
import { PEOPLE, seedPeopleCommune, type Who } from "@/scripts/test/people-fixtures";

import { decideFrontRoleChange } from "./front-appointments";
import { grantRole, revokeRole } from "./officials";
import { OFFICIALS_ROLES } from "./roles";
import { grantRoleSchema } from "./schemas";

let commune: string;
let longBinh: string;
let seq = 0;

async function newAccount() {
  seq++;
  const phone = `+8494600${String(seq).padStart(4, "0")}`;
  await db.user.create({ data: { name: `Cán Bộ Mới ${seq}`, displayName: "Cán bộ", phone, passwordHash: "x" } });
  return `0${phone.slice(3)}`;
}

async function as(who: Who, work: (access: Awaited<ReturnType<typeof requireCommuneAccess>>) => Promise<unknown>, where = commune): Promise<"ok" | number | string> {
  try {
    const access = await requireCommuneAccess(await userId(PEOPLE[who]), where, OFFICIALS_ROLES, { write: true });
    await work(access);
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.status === 409 || e.status === 404 ? e.code : e.status;
    throw e;
  }
}

const grant = (input: Record<string, string>) => grantRoleSchema.parse({ communeId: commune, ...input });

beforeAll(async () => {
  const test = await seedPeopleCommune();
  commune = test.communeId;
  longBinh = test.villages["Long Bình"]!;
});

describe("granting an official's role", () => {
  it.each(Object.keys(PEOPLE) as Who[])("as %s", async (who) => {
    const identifier = await newAccount();
    const outcome = await as(who, (access) => grantRole(access, grant({ identifier, role: "STAFF" })));
    expect(outcome).toBe(who === "admin" ? "ok" : 403);
    const held = await db.membership.count({ where: { communeId: commune, role: "STAFF", user: { phone: `+84${identifier.slice(1)}` } } });
    expect(held).toBe(who === "admin" ? 1 : 0);
  });

  it("gives a working role at once, audited, and takes it back at once", async () => {
    const identifier = await newAccount();
    const user = await db.user.findUniqueOrThrow({ where: { phone: `+84${identifier.slice(1)}` }, select: { id: true } });
    await expect(requireCommuneAccess(user.id, commune, ["LEADER"], { write: true })).rejects.toMatchObject({ status: 403 });

    const admin = await requireCommuneAccess(await userId(PEOPLE.admin), commune, OFFICIALS_ROLES, { write: true });
    const membershipId = (await grantRole(admin, grant({ identifier, role: "LEADER", title: "Phó Chủ tịch" }))).membershipId!;
    const access = await requireCommuneAccess(user.id, commune, ["LEADER"], { write: true });
    expect(access.roles).toContain("LEADER");
    expect(await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).toMatchObject({ status: "VERIFIED", verificationMethod: "APPOINTED", title: "Phó Chủ tịch" });

    await revokeRole(admin, { membershipId });
    await expect(requireCommuneAccess(user.id, commune, ["LEADER"], { write: true })).rejects.toMatchObject({ status: 403 });
    const events = await db.auditEvent.findMany({ where: { communeId: commune, entityId: membershipId }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["membership.grant", "membership.revoke"]);
  });

  it("names what is wrong: unknown account, village of another commune, a role held twice, Front with Committee", async () => {
    const admin = await requireCommuneAccess(await userId(PEOPLE.admin), commune, OFFICIALS_ROLES, { write: true });
    const run = async (input: Record<string, string>) => {
      try {
        await grantRole(admin, grant(input));
        return "ok";
      } catch (e) {
        if (isAppError(e)) return e.code;
        throw e;
      }
    };
    expect(await run({ identifier: "0999999999", role: "STAFF" })).toBe("officialAccountNotFound");
    const otherVillage = await db.village.findFirstOrThrow({ where: { communeId: await communeId("nghia-hanh") }, select: { id: true } });
    const head = await newAccount();
    expect(await run({ identifier: head, role: "VILLAGE_HEAD", villageId: otherVillage.id })).toBe("villageNotFound");
    expect(await run({ identifier: head, role: "VILLAGE_HEAD", villageId: longBinh })).toBe("ok");
    expect(await run({ identifier: head, role: "VILLAGE_HEAD", villageId: longBinh })).toBe("roleAlreadyHeld");

    const staffer = await newAccount();
    expect(await run({ identifier: staffer, role: "STAFF" })).toBe("ok");
    expect(await run({ identifier: staffer, role: "FRONT_REVIEWER" })).toBe("frontAndCommittee");
    const reviewer = await newAccount();
    expect(await run({ identifier: reviewer, role: "FRONT_REVIEWER" })).toBe("ok");
    // The appointment takes effect when the Front confirms it (front-appointments.int.test.ts).
    const change = await db.frontRoleChange.findFirstOrThrow({ where: { communeId: commune, decidedAt: null, userId: (await db.user.findUniqueOrThrow({ where: { phone: `+84${reviewer.slice(1)}` }, select: { id: true } })).id }, select: { id: true } });
    await decideFrontRoleChange(await requireCommuneAccess(await userId(PEOPLE.front), commune, ["FRONT_REVIEWER"], { write: true }), { changeId: change.id, decision: "CONFIRM" });
    expect(await run({ identifier: reviewer, role: "ADMIN" })).toBe("frontAndCommittee");
    // Nothing was written by the refusals.
    expect(await db.membership.count({ where: { communeId: commune, user: { phone: `+84${reviewer.slice(1)}` } } })).toBe(1);
  });

  it("validates the form: a leader needs a title, a village head a village, an identifier a phone or email", () => {
    const issues = (input: Record<string, string>) => {
      const r = grantRoleSchema.safeParse({ communeId: "c", ...input });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({ identifier: "0912345678", role: "LEADER" })).toEqual(["title:leaderTitleRequired"]);
    expect(issues({ identifier: "0912345678", role: "VILLAGE_HEAD" })).toEqual(["villageId:villageRequired"]);
    expect(issues({ identifier: "not a phone", role: "STAFF" })).toEqual(["identifier:identifierInvalid"]);
    expect(issues({ identifier: "a@b.vn", role: "RESIDENT" })).toEqual(["role:roleInvalid"]);
  });
});

describe("withdrawing a role", () => {
  it("is refused to everyone but an administrator of the commune, and an administrator cannot withdraw their own administration", async () => {
    const admin = await requireCommuneAccess(await userId(PEOPLE.admin), commune, OFFICIALS_ROLES, { write: true });
    const membershipId = (await grantRole(admin, grant({ identifier: await newAccount(), role: "STAFF" }))).membershipId!;
    for (const who of ["staff", "leader", "front", "resident", "headPhuKhuong"] as Who[]) {
      expect(await as(who, (access) => revokeRole(access, { membershipId }))).toBe(403);
    }
    expect(await as("otherCommuneStaff", (access) => revokeRole(access, { membershipId }), await communeId("nghia-hanh"))).toBe(403);
    expect(await db.membership.count({ where: { id: membershipId } })).toBe(1);

    const own = await db.membership.findFirstOrThrow({ where: { communeId: commune, role: "ADMIN", userId: admin.userId }, select: { id: true } });
    expect(await as("admin", (access) => revokeRole(access, { membershipId: own.id }))).toBe("cannotRevokeOwnAdmin");
    // A membership of another commune is not found from this one.
    const elsewhere = await db.membership.findFirstOrThrow({ where: { communeId: await communeId("nghia-hanh"), role: "STAFF" }, select: { id: true } });
    expect(await as("admin", (access) => revokeRole(access, { membershipId: elsewhere.id }))).toBe("membershipNotFound");
    expect(await as("admin", (access) => revokeRole(access, { membershipId }))).toBe("ok");
  });
});
