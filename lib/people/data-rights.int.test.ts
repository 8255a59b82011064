import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { opinionSchema } from "@/lib/participation/schemas";
import { postOpinion } from "@/lib/participation/post-opinion";
import { accessAs, communeId, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { ANONYMOUS_NAME, correctMyDetails, exportMyData, requestDataChange, resolveDataRequest } from "./data-rights";

beforeAll(async () => {
  await seedDemo();
  await db.rateLimit.deleteMany({});
});

describe("data rights", () => {
  it("exports everything held about a person, and nothing of anyone else", async () => {
    const me = await userId("0901000001");
    const data = await exportMyData(me);
    expect(data.account).toMatchObject({ phone: "+84901000001" });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(data.account.memberships[0]?.resident?.household?.code).toMatch(/^TT-/);
    const otherPhones = JSON.stringify(data).match(/\+849010000(0[2-9])/g);
    expect(otherPhones).toBeNull();
  });

  it("lets a person correct their public name and email", async () => {
    const me = await userId("0901000003");
    const thienTin = await communeId("thien-tin");
    await correctMyDetails(me, thienTin, { displayName: "Bác Hai Tân Phú", email: "bachai@example.vn" });
    expect(await db.user.findUniqueOrThrow({ where: { id: me }, select: { displayName: true, email: true } })).toEqual({ displayName: "Bác Hai Tân Phú", email: "bachai@example.vn" });
    const other = await userId("0901000004");
    await expect(correctMyDetails(other, thienTin, { displayName: "Người khác", email: "bachai@example.vn" })).rejects.toMatchObject({ code: "emailTaken", status: 409 });
  });

  it("tracks a deletion request due in 2 working days, one open at a time", async () => {
    const me = await userId("0901000009");
    const thienTin = await communeId("thien-tin");
    const friday = new Date("2026-11-27T03:00:00Z");
    const request = await requestDataChange(me, thienTin, "DELETION", "Tôi không dùng nữa.", friday);
    expect(request.dueAt.toISOString()).toBe("2026-12-01T16:59:59.999Z"); // Monday and Tuesday
    await expect(requestDataChange(me, thienTin, "DELETION", null)).rejects.toMatchObject({ code: "deletionAlreadyRequested" });
  });

  it("anonymises on deletion: opinion text kept without identity, votes still counted, sign-in gone", async () => {
    const thienTin = await communeId("thien-tin");
    // A resident of its own, so that no other test meets an anonymised account.
    const listed = await db.resident.findFirstOrThrow({ where: { communeId: thienTin, memberships: { none: {} }, village: { name: "Phú Khương" } }, select: { id: true, villageId: true } });
    const account = await db.user.create({ data: { name: "Người xin xóa", displayName: "Xin xóa", phone: "+84909999001", passwordHash: "x" } });
    await db.membership.create({ data: { userId: account.id, communeId: thienTin, role: "RESIDENT", status: "VERIFIED", residentId: listed.id, villageId: listed.villageId } });
    const person = await accessAs("0909999001", "thien-tin", ["RESIDENT"]);
    const road = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } });
    const opinion = await postOpinion(person, opinionSchema.parse({ communeId: thienTin, consultationId: road.id, body: "Ý kiến trước khi xin xóa dữ liệu.", stance: "SUPPORT", lat: null, lng: null, sectionId: null, parentId: null }));
    const question = await db.ballotQuestion.findFirstOrThrow({ where: { communeId: thienTin, votingUnit: "RESIDENT" }, select: { id: true, consultationId: true, options: { select: { id: true } } } });
    const resident = person.memberships.find((m) => m.role === "RESIDENT")!.residentId!;
    const villageId = (await db.resident.findUniqueOrThrow({ where: { id: resident }, select: { villageId: true } })).villageId;
    await db.vote.create({
      data: {
        communeId: thienTin,
        consultationId: question.consultationId,
        questionId: question.id,
        voterKey: `R:${resident}`,
        residentId: resident,
        villageId,
        userId: person.userId,
        channel: "WEB",
        receiptCode: `DR-${Date.now()}`,
        choices: { create: [{ optionId: question.options[0]!.id, communeId: thienTin, questionId: question.id }] },
      },
    });
    const votesBefore = await db.vote.count({ where: { questionId: question.id } });

    const request = await requestDataChange(person.userId, thienTin, "DELETION", null);
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    await resolveDataRequest(staff, { requestId: request.id, status: "DONE", resolution: "Đã ẩn danh theo yêu cầu." });

    const row = await db.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
    expect(row).toMatchObject({ body: "Ý kiến trước khi xin xóa dữ liệu.", authorId: null, residentId: null, displayName: ANONYMOUS_NAME });
    expect(await db.vote.count({ where: { questionId: question.id } })).toBe(votesBefore);
    expect(await db.vote.count({ where: { userId: person.userId } })).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(user).toMatchObject({ phone: null, email: null, name: ANONYMOUS_NAME });
    expect(user.anonymisedAt).not.toBeNull();
    await expect(accessAs("0909999001", "thien-tin", ["RESIDENT"])).rejects.toThrow(); // the phone no longer exists
  });
});
