// Who may do what with the commune's people, for every role and every action and route this part
// adds. Actions are thin: communeActionClient checks requireCommuneAccess(user, commune, roles) and
// calls the domain function with the checked access, so each case here runs exactly that pair.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { communeId, userId } from "@/scripts/test/fixtures";
import { PEOPLE, seedPeopleCommune, TEST_COMMUNE_SLUG, type Who } from "@/scripts/test/people-fixtures";

import { handleListTemplate } from "./import/handle-list-template";
import { handleListUpload } from "./import/handle-list-upload";
import { headedVillages, issueInvite } from "./invites";
import { PEOPLE_ROLES } from "./roles";
import { searchResidents } from "./search-residents";
import { setRepresentative } from "./set-representative";
import { rejectRegistration, verifyRegistration } from "./verify-registration";

const EVERYONE = Object.keys(PEOPLE) as Who[];
const RUNS_THE_LIST: Who[] = ["admin", "staff", "leader"];

let commune: string;
let phuKhuong: string;
let seq = 0;

/** Runs `work` as `who`, through the same check the action runs; the outcome, or the refusal's status. */
async function as<T>(who: Who, roles: readonly Role[], work: (access: Awaited<ReturnType<typeof requireCommuneAccess>>) => Promise<T>): Promise<"ok" | number> {
  try {
    const access = await requireCommuneAccess(await userId(PEOPLE[who]), commune, roles, { write: true });
    await work(access);
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.status;
    throw e;
  }
}

async function pendingRegistration() {
  seq++;
  const user = await db.user.create({ data: { name: `Chờ Duyệt ${seq}`, displayName: "Chờ", phone: `+849450000${String(seq).padStart(2, "0")}`, passwordHash: "x" } });
  const membership = await db.membership.create({
    data: { userId: user.id, communeId: commune, role: "RESIDENT", status: "PENDING", villageId: phuKhuong, claimedName: `Chờ Duyệt ${seq}`, claimedBirthYear: 1980 },
  });
  return membership.id;
}

async function freeListedPerson() {
  return db.resident.findFirstOrThrow({
    where: { communeId: commune, villageId: phuKhuong, memberships: { none: {} }, invites: { none: {} } },
    select: { id: true, householdId: true },
    orderBy: { id: "desc" },
  });
}

beforeAll(async () => {
  const test = await seedPeopleCommune();
  commune = test.communeId;
  phuKhuong = test.villages["Phú Khương"]!;
});

describe("the list import route and its template", () => {
  const csv = new TextEncoder().encode("Thôn,Mã hộ,Họ và tên,Năm sinh\nPhú Khương,AUTH-1,Kiểm Tra Quyền,1970\n");
  const upload = (mode = "preview", headers: Record<string, string> = {}) =>
    new Request(`http://127.0.0.1/api/communes/${TEST_COMMUNE_SLUG}/residents/import?mode=${mode}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "X-File-Name": "kiem-tra.csv", Origin: "http://127.0.0.1", Host: "127.0.0.1", ...headers },
      body: csv,
    });

  it.each(EVERYONE)("upload as %s", async (who) => {
    const response = await handleListUpload(upload(), TEST_COMMUNE_SLUG, await userId(PEOPLE[who]));
    expect(response.status).toBe(RUNS_THE_LIST.includes(who) ? 200 : 403);
    if (response.status === 200) expect((await response.json()).summary).toMatchObject({ totalRows: 1, created: 1 });
    else expect(await response.json()).toEqual({ error: { code: "forbidden", params: {} }, message: "Bạn không có quyền làm việc này." });
  });

  it.each(EVERYONE)("template as %s", async (who) => {
    const response = await handleListTemplate(new Request(`http://127.0.0.1/api/communes/${TEST_COMMUNE_SLUG}/residents/template?format=xlsx`), TEST_COMMUNE_SLUG, await userId(PEOPLE[who]));
    expect(response.status).toBe(RUNS_THE_LIST.includes(who) ? 200 : 403);
  });

  it("asks visitors to sign in, and refuses another commune's staff, an unknown commune, a foreign origin and a form post", async () => {
    expect((await handleListUpload(upload(), TEST_COMMUNE_SLUG, null)).status).toBe(401);
    expect((await handleListTemplate(new Request("http://127.0.0.1/x"), TEST_COMMUNE_SLUG, null)).status).toBe(401);
    const staff = await userId(PEOPLE.staff);
    expect((await handleListUpload(upload(), "nghia-hanh", staff)).status).toBe(403);
    expect((await handleListUpload(upload(), "no-such-commune", staff)).status).toBe(404);
    expect((await handleListUpload(upload("preview", { Origin: "http://evil.example" }), TEST_COMMUNE_SLUG, staff)).status).toBe(403);
    expect((await handleListUpload(upload("preview", { "Content-Type": "multipart/form-data; boundary=x" }), TEST_COMMUNE_SLUG, staff)).status).toBe(415);
    expect((await handleListUpload(upload("delete"), TEST_COMMUNE_SLUG, staff)).status).toBe(422);
    expect(await db.household.count({ where: { code: "AUTH-1" } })).toBe(0);
  });

  it("imports through the route with the previewed file's hash, and refuses an oversized body with 413", async () => {
    const staff = await userId(PEOPLE.staff);
    const preview = await (await handleListUpload(upload(), TEST_COMMUNE_SLUG, staff)).json();
    const done = await handleListUpload(upload(`import&sha256=${preview.summary.sha256}`), TEST_COMMUNE_SLUG, staff);
    expect(done.status).toBe(200);
    expect(await db.household.count({ where: { code: "AUTH-1" } })).toBe(1);

    const huge = new Request(`http://127.0.0.1/api/communes/${TEST_COMMUNE_SLUG}/residents/import?mode=preview`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(500 * 1024 * 1024) },
      body: csv,
    });
    const refused = await handleListUpload(huge, TEST_COMMUNE_SLUG, staff);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: { code: "uploadTooLarge", params: { maxMb: 20 } }, message: "Tệp lớn hơn giới hạn 20 MB." });
  });
});

describe("verifying and rejecting registrations", () => {
  it.each(EVERYONE)("verify as %s", async (who) => {
    const membershipId = await pendingRegistration();
    const person = await freeListedPerson();
    const outcome = await as(who, PEOPLE_ROLES.verifyRegistration, (access) => verifyRegistration(access, { membershipId, residentId: person.id }));
    expect(outcome).toBe(RUNS_THE_LIST.includes(who) ? "ok" : 403);
    const after = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    expect(after.status).toBe(outcome === "ok" ? "VERIFIED" : "PENDING");
    if (outcome === "ok") expect(after).toMatchObject({ verificationMethod: "IN_PERSON", residentId: person.id, verifiedById: await userId(PEOPLE[who]) });
  });

  it.each(EVERYONE)("reject as %s", async (who) => {
    const membershipId = await pendingRegistration();
    const outcome = await as(who, PEOPLE_ROLES.verifyRegistration, (access) => rejectRegistration(access, { membershipId, reason: "Không có tên trong sổ hộ khẩu của xã." }));
    expect(outcome).toBe(RUNS_THE_LIST.includes(who) ? "ok" : 403);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status).toBe(outcome === "ok" ? "REJECTED" : "PENDING");
  });

  it("touches only registrations of the staff member's own commune, once, and one account per listed person", async () => {
    const otherStaff = await requireCommuneAccess(await userId(PEOPLE.otherCommuneStaff), await communeId("nghia-hanh"), PEOPLE_ROLES.verifyRegistration, { write: true });
    const membershipId = await pendingRegistration();
    const person = await freeListedPerson();
    // Staff of Nghĩa Hành, acting in their own commune, cannot reach Thiện Tín's registration or person.
    await expect(verifyRegistration(otherStaff, { membershipId, residentId: person.id })).rejects.toMatchObject({ status: 404 });
    await expect(rejectRegistration(otherStaff, { membershipId, reason: "Không phải người của xã." })).rejects.toMatchObject({ status: 404 });

    const staff = await requireCommuneAccess(await userId(PEOPLE.staff), commune, PEOPLE_ROLES.verifyRegistration, { write: true });
    const nghiaHanhPerson = await db.resident.findFirstOrThrow({ where: { commune: { slug: "nghia-hanh" } } });
    await expect(verifyRegistration(staff, { membershipId, residentId: nghiaHanhPerson.id })).rejects.toMatchObject({ code: "residentNotFound" });
    await verifyRegistration(staff, { membershipId, residentId: person.id });
    await expect(verifyRegistration(staff, { membershipId, residentId: person.id })).rejects.toMatchObject({ code: "registrationNotPending", status: 409 });
    const second = await pendingRegistration();
    await expect(verifyRegistration(staff, { membershipId: second, residentId: person.id })).rejects.toMatchObject({ code: "residentAlreadyRegistered", status: 409 });
    expect((await db.membership.findUniqueOrThrow({ where: { id: second } })).status).toBe("PENDING");
    const events = await db.auditEvent.findMany({ where: { entityId: membershipId }, select: { action: true, actorRole: true } });
    expect(events).toEqual([{ action: "resident.verify", actorRole: "STAFF" }]);
  });
});

describe("marking a household's representative", () => {
  it.each(EVERYONE)("as %s", async (who) => {
    const household = await db.household.findFirstOrThrow({
      where: { communeId: commune, members: { some: {} } },
      select: { id: true, representativeId: true, members: { select: { id: true } } },
      orderBy: { code: "asc" },
      skip: EVERYONE.indexOf(who) + 30,
    });
    const other = household.members.find((m) => m.id !== household.representativeId) ?? household.members[0]!;
    const outcome = await as(who, PEOPLE_ROLES.setRepresentative, (access) => setRepresentative(access, { householdId: household.id, residentId: other.id }));
    expect(outcome).toBe(RUNS_THE_LIST.includes(who) ? "ok" : 403);
    const after = await db.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(after.representativeId).toBe(outcome === "ok" ? other.id : household.representativeId);
  });

  it("accepts only a member of the household, and the database refuses anyone else too", async () => {
    const staff = await requireCommuneAccess(await userId(PEOPLE.staff), commune, PEOPLE_ROLES.setRepresentative, { write: true });
    const [a, b] = await db.household.findMany({ where: { communeId: commune, members: { some: {} } }, select: { id: true, representativeId: true, members: { select: { id: true } } }, take: 2 });
    await expect(setRepresentative(staff, { householdId: a!.id, residentId: b!.members[0]!.id })).rejects.toMatchObject({ code: "notHouseholdMember", status: 422 });
    await expect(db.household.update({ where: { id: a!.id }, data: { representativeId: b!.members.find((m) => m.id !== b!.representativeId)?.id ?? b!.members[0]!.id } })).rejects.toThrow();
    const before = await db.auditEvent.count({ where: { entityId: a!.id } });
    const member = a!.members.find((m) => m.id !== a!.representativeId) ?? a!.members[0]!;
    await setRepresentative(staff, { householdId: a!.id, residentId: member.id });
    expect(await db.auditEvent.count({ where: { entityId: a!.id, action: "household.representative" } })).toBe(before + (member.id === a!.representativeId ? 0 : 1));
  });
});

describe("invitation codes", () => {
  it.each(EVERYONE)("issued by %s for a person of Phú Khương", async (who) => {
    const person = await freeListedPerson();
    const outcome = await as(who, PEOPLE_ROLES.issueInvite, (access) => issueInvite(access, person.id));
    // Only the head of Phú Khương: the head of Tân Phú 1 is refused for another village.
    expect(outcome).toBe(who === "headPhuKhuong" ? "ok" : 403);
    expect(await db.residentInvite.count({ where: { residentId: person.id } })).toBe(outcome === "ok" ? 1 : 0);
  });
});

describe("reading the list, the pending registrations and the outbox", () => {
  const pages = [
    ["resident list", PEOPLE_ROLES.searchResidents, ["admin", "staff", "leader", "headPhuKhuong", "headTanPhu"]],
    ["pending registrations", PEOPLE_ROLES.verifyRegistration, RUNS_THE_LIST],
    ["import page", PEOPLE_ROLES.importList, RUNS_THE_LIST],
    ["text-message outbox", PEOPLE_ROLES.readOutbox, RUNS_THE_LIST],
  ] as const;
  for (const [page, roles, allowed] of pages) {
    it.each(EVERYONE)(`${page} as %s`, async (who) => {
      expect(await as(who, roles, async () => {})).toBe((allowed as readonly Who[]).includes(who) ? "ok" : 403);
    });
  }

  it("shows a village head only their own village", async () => {
    const head = await requireCommuneAccess(await userId(PEOPLE.headTanPhu), commune, PEOPLE_ROLES.searchResidents);
    const own = headedVillages(head);
    expect(own).toHaveLength(1);
    const result = await searchResidents(commune, { q: "", code: "", village: phuKhuong, page: 1 }, own);
    expect(result.total).toBe(0);
    const mine = await searchResidents(commune, { q: "", code: "", village: "", page: 1 }, own);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.households.every((h) => h.village.id === own[0])).toBe(true);
  });
});
