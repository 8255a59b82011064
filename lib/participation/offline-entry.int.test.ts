// Paper ballots and assisted entry: household by household, found by code or by a name typed without
// diacritics; who entered each vote and why is kept; a duplicate refuses the whole ballot.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { seedDemo } from "@/scripts/test/fixtures";

import { accessOf, addMember, createBallot, createTestCommune, createVillage, type TestCommune } from "./ballot-test-helpers";
import { castWebVote } from "./cast-web-vote";
import { enterAssisted, enterPaperBallot } from "./enter-offline-votes";
import { listPublicOpinions } from "./list-opinions";
import { searchHouseholds } from "./search-households";

let c: TestCommune;

beforeAll(async () => {
  await seedDemo();
  c = await createTestCommune("Xã Thử Phiếu Giấy");
});

/** A ballot with a household question and a second, per-person question. */
async function twoQuestions(villageId: string) {
  const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [villageId] });
  const q2 = await db.ballotQuestion.create({
    data: { communeId: c.communeId, consultationId: b.consultationId, position: 1, text: "Ông/bà chọn phương án nào?", kind: "SINGLE_CHOICE", votingUnit: "RESIDENT", thresholdRule: "NONE" },
    select: { id: true },
  });
  await db.ballotOption.createMany({ data: [{ communeId: c.communeId, questionId: q2.id, position: 0, label: "Phương án A" }, { communeId: c.communeId, questionId: q2.id, position: 1, label: "Phương án B" }] });
  const options = await db.ballotOption.findMany({ where: { questionId: q2.id }, orderBy: { position: "asc" }, select: { id: true } });
  return { ...b, q2: q2.id, a: options[0]!.id, b: options[1]!.id };
}

describe("paper ballots", () => {
  it("record a household's answers to every question in one entry, with who entered them", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Phiếu Hai Câu", households: 3 });
    const ballot = await twoQuestions(v.villageId);
    const staff = c.staff;
    const h = v.households[0]!;
    const receipts = await enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }, { questionId: ballot.q2, optionIds: [ballot.b], residentId: h.residentId }] });
    expect(receipts).toHaveLength(2);
    const votes = await db.vote.findMany({ where: { consultationId: ballot.consultationId }, select: { voterKey: true, channel: true, enteredById: true, userId: true } });
    expect(votes).toEqual(expect.arrayContaining([
      { voterKey: `H:${h.householdId}`, channel: "PAPER", enteredById: staff.userId, userId: null },
      { voterKey: `R:${h.residentId}`, channel: "PAPER", enteredById: staff.userId, userId: null },
    ]));
    expect(await db.auditEvent.count({ where: { action: "vote.paper", entityType: "Vote", details: { path: ["consultationId"], equals: ballot.consultationId } } })).toBe(2);
  });

  it("refuse the whole ballot when one answer is a duplicate, leaving nothing half-written", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Phiếu Trùng", households: 2, accounts: 1 });
    const ballot = await twoQuestions(v.villageId);
    const staff = c.staff;
    const h = v.households[0]!;
    await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: ballot.q2, optionIds: [ballot.a] });
    await expect(enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }, { questionId: ballot.q2, optionIds: [ballot.b], residentId: h.residentId }] }))
      .rejects.toMatchObject({ code: "alreadyVoted", status: 409, params: { unit: "RESIDENT", channel: "WEB" } });
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(0);
  });

  it("need the member who answered a per-person question, and an adult", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Phiếu Người", households: 1 });
    const ballot = await twoQuestions(v.villageId);
    const staff = c.staff;
    const h = v.households[0]!;
    const child = await addMember(c.communeId, h, { fullName: "Nguyễn Thị Út", birthYear: new Date().getFullYear() - 10 });
    await expect(enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.q2, optionIds: [ballot.a] }] })).rejects.toMatchObject({ code: "memberRequired" });
    await expect(enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.q2, optionIds: [ballot.a], residentId: child.residentId }] })).rejects.toMatchObject({ code: "notAdult" });
  });
});

describe("assisted entry", () => {
  it("casts the vote and posts the opinion of a resident who asked for help, saying who entered it and why", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Ghi Giúp", households: 2 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const staff = c.staff;
    const h = v.households[0]!;
    const result = await enterAssisted(staff, {
      consultationId: ballot.consultationId,
      residentId: h.residentId,
      reason: "Cụ già 80 tuổi, mắt kém, nhờ cán bộ ghi giúp tại UBND xã",
      answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }],
      opinion: { body: "Đề nghị làm thêm mương thoát nước trước nhà văn hóa.", stance: "SUPPORT" },
    });
    expect(result.votes).toHaveLength(1);
    expect(result.opinionNumber).toBe(1);
    const vote = await db.vote.findFirstOrThrow({ where: { questionId: ballot.questionId }, select: { channel: true, enteredById: true, assistReason: true, residentId: true } });
    expect(vote).toEqual({ channel: "ASSISTED", enteredById: staff.userId, assistReason: "Cụ già 80 tuổi, mắt kém, nhờ cán bộ ghi giúp tại UBND xã", residentId: h.residentId });
    const opinion = await db.opinion.findFirstOrThrow({ where: { consultationId: ballot.consultationId }, select: { channel: true, enteredById: true, assistReason: true, displayName: true } });
    expect(opinion).toMatchObject({ channel: "ASSISTED", enteredById: staff.userId, displayName: "1 (Thôn Ghi Giúp)" });
    // The public sees the opinion under a short name, never the reason or who the resident is.
    const listed = await listPublicOpinions(ballot.consultationId);
    expect(listed.items[0]).toMatchObject({ channel: "ASSISTED", body: "Đề nghị làm thêm mương thoát nước trước nhà văn hóa." });
    expect(JSON.stringify(listed)).not.toContain("mắt kém");
  });

  it("follows the same rules as the web: the representative votes for the household", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Ghi Giúp Hai", households: 1 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const staff = c.staff;
    const member = await addMember(c.communeId, v.households[0]!, { fullName: "Trần Văn Con", birthYear: 1995 });
    await expect(enterAssisted(staff, { consultationId: ballot.consultationId, residentId: member.residentId, reason: "Nhờ ghi giúp", answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }], opinion: null })).rejects.toMatchObject({ code: "notRepresentative" });
  });
});

describe("finding households", () => {
  it("by household code or by a member's name typed without diacritics", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Tìm Hộ", households: 3 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    await addMember(c.communeId, v.households[1]!, { fullName: "Phạm Thị Hường", birthYear: 1978 });
    const staff = c.staff;
    const byCode = await searchHouseholds(staff, { consultationId: ballot.consultationId, query: v.households[2]!.code.toLowerCase() });
    expect(byCode.map((h) => h.id)).toEqual([v.households[2]!.householdId]);
    const byName = await searchHouseholds(staff, { consultationId: ballot.consultationId, query: "pham thi huong" });
    expect(byName.map((h) => h.id)).toEqual([v.households[1]!.householdId]);
    expect(byName[0]!.members.map((m) => m.fullName)).toContain("Phạm Thị Hường");
    // Wildcards are matched literally, and households outside the consultation's scope never appear.
    expect(await searchHouseholds(staff, { consultationId: ballot.consultationId, query: "%" })).toEqual([]);
    expect(await searchHouseholds(staff, { consultationId: ballot.consultationId, query: "TT-" })).toEqual([]);
  });

  it("shows the vote already recorded for a household, by channel and time", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Tìm Phiếu", households: 1, accounts: 1 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    await castWebVote(await accessOf(v.households[0]!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    const staff = c.staff;
    const [found] = await searchHouseholds(staff, { consultationId: ballot.consultationId, query: v.households[0]!.code });
    expect(found!.votes).toEqual([{ questionId: ballot.questionId, residentId: null, channel: "WEB", at: expect.any(Date) }]);
  });
});
