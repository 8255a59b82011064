import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { communeId, OTHER_RESIDENT_PHONE, OTHER_STAFF_EMAIL, PENDING_PHONE, RESIDENT_PHONE, STAFF_EMAIL, seedDemo, userId } from "@/scripts/test/fixtures";

import { requireCommuneAccess } from "./authorize";
import { FRONT_ROLES, STAFF_AREA_ROLES, STAFF_ROLES } from "./roles";
import { checkCredentials } from "./sign-in";

async function outcome(identifier: string, slug: "thien-tin" | "nghia-hanh", roles: readonly Role[]) {
  try {
    const access = await requireCommuneAccess(await userId(identifier), await communeId(slug), roles);
    return access.actingRole;
  } catch (e) {
    if (isAppError(e)) return e.status;
    throw e;
  }
}

beforeAll(async () => {
  await seedDemo();
});

describe("requireCommuneAccess, per role and commune", () => {
  const cases: [string, string, "thien-tin" | "nghia-hanh", readonly Role[], Role | number][] = [
    ["staff of this commune runs consultations", STAFF_EMAIL, "thien-tin", STAFF_ROLES, "STAFF"],
    ["staff of another commune may not", OTHER_STAFF_EMAIL, "thien-tin", STAFF_ROLES, 403],
    ["the leader acts as leader", "chutich@thientin.danban.local", "thien-tin", STAFF_ROLES, "LEADER"],
    ["the Front reviewer is not staff", "mttq@thientin.danban.local", "thien-tin", STAFF_ROLES, 403],
    ["the Front reviewer enters the Front area", "mttq@thientin.danban.local", "thien-tin", FRONT_ROLES, "FRONT_REVIEWER"],
    ["staff do not enter the Front area", STAFF_EMAIL, "thien-tin", FRONT_ROLES, 403],
    ["a village head enters the staff area", "truongthon.phukhuong@thientin.danban.local", "thien-tin", STAFF_AREA_ROLES, "VILLAGE_HEAD"],
    ["a village head does not run consultations", "truongthon.phukhuong@thientin.danban.local", "thien-tin", STAFF_ROLES, 403],
    ["a verified resident takes part", RESIDENT_PHONE, "thien-tin", ["RESIDENT"], "RESIDENT"],
    ["a pending resident does not, yet", PENDING_PHONE, "thien-tin", ["RESIDENT"], 403],
    ["a resident of another commune does not", OTHER_RESIDENT_PHONE, "thien-tin", ["RESIDENT"], 403],
    ["a resident is not staff", RESIDENT_PHONE, "thien-tin", STAFF_AREA_ROLES, 403],
    ["the administrator administers both communes", "admin@danban.local", "nghia-hanh", ["ADMIN"], "ADMIN"],
  ];
  it.each(cases)("%s", async (_name, who, slug, roles, expected) => {
    expect(await outcome(who, slug, roles)).toBe(expected);
  });

  it("lets a blocked account read but not write", async () => {
    const user = await userId(RESIDENT_PHONE);
    const commune = await communeId("thien-tin");
    const block = await db.accountBlock.create({ data: { communeId: commune, userId: user, reason: "test", createdById: user } });
    try {
      await expect(requireCommuneAccess(user, commune, ["RESIDENT"])).resolves.toMatchObject({ actingRole: "RESIDENT" });
      await expect(requireCommuneAccess(user, commune, ["RESIDENT"], { write: true })).rejects.toMatchObject({ code: "accountBlocked", status: 403 });
    } finally {
      await db.accountBlock.update({ where: { id: block.id }, data: { liftedAt: new Date() } });
    }
  });
});

describe("checkCredentials", () => {
  it("accepts the right password by phone or email, in any typed form", async () => {
    await expect(checkCredentials("0901 000 001", "danban2026", "10.0.0.1")).resolves.toMatchObject({ ok: true });
    await expect(checkCredentials("CANBO@thientin.danban.local", "danban2026", "10.0.0.1")).resolves.toMatchObject({ ok: true });
  });

  it("says the same for an unknown account and a wrong password", async () => {
    await expect(checkCredentials("0999999999", "danban2026", "10.0.0.2")).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
    await expect(checkCredentials("0901000002", "wrong-password", "10.0.0.2")).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
  });

  it("slows an account down after five failures instead of locking it, across instances (PostgreSQL)", async () => {
    for (let i = 0; i < 6; i++) {
      await expect(checkCredentials("0901000004", "wrong", `10.0.1.${i}`)).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
    }
    // The sixth failure makes the next attempt wait a second, even with the right password…
    await expect(checkCredentials("0901000004", "danban2026", "10.0.1.99")).resolves.toEqual({ ok: false, reason: "rateLimited:1" });
    expect(await db.rateLimit.count({ where: { key: { startsWith: "signInDelay:" } } })).toBeGreaterThan(0);
    // …and no longer: the owner is in after the wait, and the count starts over.
    await new Promise((r) => setTimeout(r, 1100));
    await expect(checkCredentials("0901000004", "danban2026", "10.0.1.99")).resolves.toMatchObject({ ok: true });
    await expect(checkCredentials("0901000004", "wrong", "10.0.1.98")).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
    await expect(checkCredentials("0901000004", "danban2026", "10.0.1.98")).resolves.toMatchObject({ ok: true });
  });

  it("refuses an identifier that is neither a phone number nor an email before anything is counted or hashed", async () => {
    const started = Date.now();
    await expect(checkCredentials("admin' OR 1=1 --", "x".repeat(200), "10.0.2.1")).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
    expect(Date.now() - started).toBeLessThan(20);
    expect(await db.rateLimit.count({ where: { key: "signInIp:10.0.2.1" } })).toBe(0);
  });
});
