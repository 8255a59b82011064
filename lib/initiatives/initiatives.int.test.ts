// Citizens' initiatives (Law 10/2022 Art. 16.3) against PostgreSQL: one signature per household, the
// threshold at exactly 10% and one short, a paper signature one day past its 3 months, the village
// head told once, who may enter signatures, and the record that it was put to the village.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { addDaysVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { accessOf, createTestCommune, createVillage, outcomesByPerson, type TestCommune } from "@/lib/participation/ballot-test-helpers";

import { enterPaperInitiativeSignature, listInitiatives, proposeInitiative, recordPutToVillage, signInitiative } from "./initiatives";
import { ENTER_ROLES } from "./roles";
import { signatureLastValidDay } from "./rules";

type Village = Awaited<ReturnType<typeof createVillage>>;
let c: TestCommune;
let twenty: Village;
let other: Village;
let head: string;
let otherHead: string;

async function villageHead(villageId: string) {
  const user = await db.user.create({ data: { name: "Trưởng thôn", displayName: "Trưởng thôn", email: `sk-${villageId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
  return user.id;
}

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Sáng Kiến");
  twenty = await createVillage(c.communeId, { name: `Thôn Hai Mươi ${randomUUID().slice(0, 4)}`, households: 20, accounts: 3 });
  other = await createVillage(c.communeId, { name: `Thôn Khác ${randomUUID().slice(0, 4)}`, households: 21, accounts: 1 });
  head = await villageHead(twenty.villageId);
  otherHead = await villageHead(other.villageId);
});

const resident = (v: Village, i: number) => accessOf(v.households[i]!.userId!, c.communeId);
const countOf = async (id: string) => (await listInitiatives(c.communeId)).find((i) => i.id === id)!.count;

describe("10% of the village's households, one per household", () => {
  it("is not reached one signature short, is reached at exactly 10%, and tells the village head once", async () => {
    const { id, valid, needed, reached } = await proposeInitiative(await resident(twenty, 0), { communeId: c.communeId, matter: "Lắp đèn đường xóm", description: "Đề nghị thôn bàn việc lắp đèn chiếu sáng đường xóm." });
    expect({ valid, needed, reached }).toEqual({ valid: 1, needed: 2, reached: false });
    await expect(signInitiative(await resident(twenty, 0), id)).rejects.toMatchObject({ code: "initiativeAlreadySigned", status: 409 });
    const second = await signInitiative(await resident(twenty, 1), id);
    expect(second).toMatchObject({ valid: 2, needed: 2, reached: true, reachedNow: true });
    await signInitiative(await resident(twenty, 2), id);
    const notes = await db.notification.findMany({ where: { userId: head, kind: "initiativeReached" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("khoản 3 Điều 16");
    expect(await db.notification.count({ where: { userId: otherHead, kind: "initiativeReached" } })).toBe(0);
  });

  it("refuses a household of another village", async () => {
    const { id } = await proposeInitiative(await resident(twenty, 1), { communeId: c.communeId, matter: "Nạo vét mương", description: "Đề nghị thôn bàn việc nạo vét mương thoát nước." });
    await expect(signInitiative(await resident(other, 0), id)).rejects.toMatchObject({ code: "initiativeOtherVillage", status: 403 });
  });
});

describe("paper signatures and their 3 months", () => {
  it("a paper signature one day past 3 months does not count; on the last day it does", async () => {
    const { id } = await proposeInitiative(await resident(other, 0), { communeId: c.communeId, matter: "Sửa nhà văn hóa", description: "Đề nghị thôn bàn việc sửa mái nhà văn hóa thôn." });
    const today = toVnDate(new Date());
    // Signed on a day whose 3 months ended yesterday: lapsed.
    let lapsed = addDaysVn(today, -120);
    while (signatureLastValidDay(addDaysVn(lapsed, 1)) < today) lapsed = addDaysVn(lapsed, 1);
    expect(signatureLastValidDay(lapsed)).toBe(addDaysVn(today, -1));
    const otherHeadAccess = await requireCommuneAccess(otherHead, c.communeId, ENTER_ROLES, { write: true });
    await enterPaperInitiativeSignature(otherHeadAccess, { communeId: c.communeId, initiativeId: id, householdCode: other.households[1]!.code, signedOn: lapsed });
    expect(await countOf(id)).toMatchObject({ valid: 1, needed: 3 });
    const lastDay = addDaysVn(lapsed, 1);
    expect(signatureLastValidDay(lastDay) >= today).toBe(true);
    await enterPaperInitiativeSignature(c.staff, { communeId: c.communeId, initiativeId: id, householdCode: other.households[2]!.code, signedOn: lastDay });
    expect(await countOf(id)).toMatchObject({ valid: 2, needed: 3, reached: false });
    await expect(enterPaperInitiativeSignature(c.staff, { communeId: c.communeId, initiativeId: id, householdCode: other.households[3]!.code, signedOn: addDaysVn(today, 1) })).rejects.toMatchObject({ code: "initiativeDateInFuture" });
  });

  it("staff and the village's own head enter paper signatures; another head, the Front and residents may not", async () => {
    const { id } = await proposeInitiative(await resident(twenty, 2), { communeId: c.communeId, matter: "Trồng cây xanh", description: "Đề nghị thôn bàn việc trồng cây xanh hai bên đường." });
    const front = await db.user.create({ data: { name: "MTTQ", displayName: "MTTQ", passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: front.id, communeId: c.communeId, role: "FRONT_REVIEWER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
    const people = { staff: c.staffId, head, otherHead, front: front.id, resident: twenty.households[0]!.userId! };
    let n = 5;
    const out = await outcomesByPerson(people, c.communeId, ENTER_ROLES, (access) =>
      enterPaperInitiativeSignature(access, { communeId: c.communeId, initiativeId: id, householdCode: twenty.households[n++]!.code, signedOn: toVnDate(new Date()) }),
    );
    expect(out).toEqual({ staff: "ok", head: "ok", otherHead: "notYourVillage", front: "forbidden", resident: "forbidden" });
  });
});

describe("put to the village", () => {
  it("the village head records the date and meeting, once; another village's head may not", async () => {
    const { id } = await proposeInitiative(await resident(twenty, 0), { communeId: c.communeId, matter: "Họp bàn an ninh", description: "Đề nghị thôn bàn việc tổ chức tổ tự quản an ninh." });
    const today = toVnDate(new Date());
    const values = { communeId: c.communeId, initiativeId: id, putOn: today, meeting: "Hội nghị thôn quý IV" };
    await expect(recordPutToVillage(await requireCommuneAccess(otherHead, c.communeId, ENTER_ROLES, { write: true }), values)).rejects.toMatchObject({ code: "notYourVillage" });
    await recordPutToVillage(await requireCommuneAccess(head, c.communeId, ENTER_ROLES, { write: true }), values);
    await expect(recordPutToVillage(c.staff, values)).rejects.toMatchObject({ code: "initiativeAlreadyPut" });
    const row = (await listInitiatives(c.communeId)).find((i) => i.id === id)!;
    expect(row.putMeeting).toBe("Hội nghị thôn quý IV");
  });
});
