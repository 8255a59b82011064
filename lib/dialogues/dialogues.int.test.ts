// Dialogue conferences (issue 12 §4) against PostgreSQL: the 7-day notice, the 10% request at its
// boundary, questions with agrees and moderation, the results and their 10-day clock, commitments,
// and who may do each.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { toVnDateTime } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { accessOf, addFrontReviewer, addMember, createTestCommune, createVillage, outcomesByPerson, type TestCommune } from "@/lib/participation/ballot-test-helpers";

import { planConference } from "./plan-conference";
import { agreeQuestion, answerQuestion, askQuestion, markCommitmentDone, moderateQuestion, raiseQuestion } from "./questions";
import { followUp, getConference } from "./read-dialogues";
import { countVoters, enterPaperSignature, openRequest, signRequest } from "./requests";
import { publishResults, recordResults } from "./results";
import { MODERATE_ROLES, PLAN_ROLES, RECORD_ROLES, RESIDENT_ROLES } from "./roles";
import { answerQuestionSchema, planConferenceSchema } from "./schemas";

const DAY = 24 * 3600 * 1000;
const vn = (s: string) => new Date(`${s}+07:00`);

let c: TestCommune;
let front: Awaited<ReturnType<typeof addFrontReviewer>>;
let village: Awaited<ReturnType<typeof createVillage>>;
let head: { userId: string };
let people: Record<string, string>;

async function villageHead(villageId: string) {
  const user = await db.user.create({ data: { name: "Trưởng thôn đối thoại", displayName: "Trưởng thôn", email: `dt-${villageId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
  return { userId: user.id };
}

const plan = (startsAt: Date, extra: Partial<Record<string, unknown>> = {}) =>
  planConferenceSchema.parse({
    communeId: c.communeId,
    title: "Đối thoại về đường giao thông nông thôn",
    startsAt: toVnDateTime(startsAt),
    place: "Hội trường UBND xã",
    onlineLink: "",
    topics: "Tiến độ bê tông hóa đường thôn\nThu gom rác thải",
    officials: "Chủ tịch UBND xã; Chủ tịch Ủy ban MTTQ xã",
    villageIds: [village.villageId],
    ...extra,
  });

/** A conference held `daysAgo` days ago, planned 10 days before it. */
async function heldConference(daysAgo: number) {
  const startsAt = new Date(Date.now() - daysAgo * DAY);
  return planConference(c.staff, plan(startsAt), new Date(startsAt.getTime() - 10 * DAY));
}

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Đối Thoại");
  front = await addFrontReviewer(c.communeId);
  village = await createVillage(c.communeId, { name: "Thôn Đối Thoại", households: 4, accounts: 3 });
  head = await villageHead(village.villageId);
  const leader = await db.user.create({ data: { name: "Chủ tịch thử", displayName: "Chủ tịch", passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: leader.id, communeId: c.communeId, role: "LEADER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  people = { staff: c.staffId, leader: leader.id, front: front.userId, villageHead: head.userId, resident: village.households[0]!.userId! };
});

describe("planning a conference (Law 72/2025 Art. 43: announced at least 7 days ahead)", () => {
  it("accepts a date exactly 7 days ahead and tells every village head of the villages concerned", async () => {
    const now = vn("2027-03-01T16:00:00");
    const { id, villageHeadsTold } = await planConference(c.staff, plan(vn("2027-03-08T08:00:00")), now);
    expect(villageHeadsTold).toBe(1);
    const note = await db.notification.findFirstOrThrow({ where: { userId: head.userId, kind: "dialogueAnnounced", link: { endsWith: id } } });
    expect(note.body).toContain("Hội trường UBND xã");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "dialogue.plan" } })).toBe(1);
  });

  it("refuses one day short, citing the article, and writes nothing", async () => {
    const before = await db.dialogueConference.count({ where: { communeId: c.communeId } });
    await expect(planConference(c.staff, plan(vn("2027-03-07T08:00:00")), vn("2027-03-01T07:00:00"))).rejects.toMatchObject({
      code: "dialogueTooSoon",
      status: 422,
      params: { days: 7, ahead: 6, lastDate: "2027-02-28" },
      fields: { startsAt: "dialogueTooSoon" },
    });
    expect(await db.dialogueConference.count({ where: { communeId: c.communeId } })).toBe(before);
  });

  it("is for staff, leaders and the Front; not residents or village heads", async () => {
    const startsAt = new Date(Date.now() + 30 * DAY);
    expect(await outcomesByPerson(people, c.communeId, PLAN_ROLES, (a) => planConference(a, plan(startsAt)))).toEqual({
      staff: "ok",
      leader: "ok",
      front: "ok",
      villageHead: "forbidden",
      resident: "forbidden",
    });
  });

  it("refuses a village of another commune", async () => {
    const other = await createTestCommune("Xã Khác Đối Thoại");
    const otherVillage = await createVillage(other.communeId, { name: "Thôn Xã Khác", households: 1 });
    await expect(planConference(c.staff, plan(new Date(Date.now() + 30 * DAY), { villageIds: [otherVillage.villageId] }))).rejects.toMatchObject({ code: "villageNotFound", status: 404 });
  });
});

describe("residents' request (10% of the commune's voters)", () => {
  it("counts adults on the list, one signature each, and tells staff and the Front at exactly 10%", async () => {
    const t = await createTestCommune("Xã Thử Đề Nghị");
    const tFront = await addFrontReviewer(t.communeId);
    // 20 adults (one per household) and a child: 20 voters, 2 signatures needed.
    const v = await createVillage(t.communeId, { name: "Thôn Đề Nghị", households: 20, accounts: 2 });
    const child = await addMember(t.communeId, v.households[2]!, { fullName: "Trần Thị Nhỏ", birthYear: new Date().getFullYear() - 10, account: true });
    expect(await countVoters(t.communeId)).toBe(20);

    const first = await accessOf(v.households[0]!.userId!, t.communeId);
    const opened = await openRequest(first, { subject: "Đề nghị đối thoại về việc cấp nước sạch cho thôn" });
    expect(opened).toMatchObject({ signatures: 1, voters: 20, needed: 2, reached: false });
    await expect(signRequest(first, opened.id)).rejects.toMatchObject({ code: "dialogueAlreadySigned", status: 409 });
    await expect(signRequest(await accessOf(child.userId!, t.communeId), opened.id)).rejects.toMatchObject({ code: "dialogueNotAVoter", status: 403 });
    expect(await db.notification.count({ where: { communeId: t.communeId, kind: "dialogueRequestReached" } })).toBe(0);

    // A paper signature entered by staff reaches 2 of 20: exactly 10%.
    // Found on the list by household code and name, typed without diacritics.
    await expect(enterPaperSignature(t.staff, { requestId: opened.id, householdCode: v.households[5]!.code, fullName: "Nguyen Van Thu 7" })).rejects.toMatchObject({ code: "residentNotFound", status: 404 });
    const second = await enterPaperSignature(t.staff, { requestId: opened.id, householdCode: v.households[5]!.code.toLowerCase(), fullName: "Nguyen Van Thu 6" });
    expect(second).toMatchObject({ signatures: 2, reached: true });
    // The same person cannot sign again online after signing on paper.
    await expect(enterPaperSignature(t.staff, { requestId: opened.id, householdCode: v.households[5]!.code, fullName: "Nguyễn Văn Thử 6" })).rejects.toMatchObject({ code: "dialogueAlreadySigned" });
    const told = await db.notification.findMany({ where: { communeId: t.communeId, kind: "dialogueRequestReached" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([t.staffId, tFront.userId].sort());
    // Told once: a third signature does not tell them again.
    await signRequest(await accessOf(v.households[1]!.userId!, t.communeId), opened.id);
    expect(await db.notification.count({ where: { communeId: t.communeId, kind: "dialogueRequestReached" } })).toBe(2);
  });

  it("lets residents sign, staff enter paper signatures, and no one else", async () => {
    const t = await createTestCommune("Xã Thử Ký");
    const v = await createVillage(t.communeId, { name: "Thôn Ký", households: 30, accounts: 2 });
    const opened = await openRequest(await accessOf(v.households[0]!.userId!, t.communeId), { subject: "Đề nghị đối thoại về quy hoạch khu dân cư mới" });
    const tFront = await addFrontReviewer(t.communeId);
    const asResident = await outcomesByPerson({ resident: v.households[1]!.userId!, staff: t.staffId, front: tFront.userId }, t.communeId, RESIDENT_ROLES, (a) => signRequest(a, opened.id));
    expect(asResident).toEqual({ resident: "ok", staff: "forbidden", front: "forbidden" });
    const paper = await outcomesByPerson({ staff: t.staffId, front: tFront.userId }, t.communeId, RECORD_ROLES, (a) => enterPaperSignature(a, { requestId: opened.id, householdCode: v.households[7]!.code, fullName: "Nguyễn Văn Thử 8" }));
    expect(paper).toEqual({ staff: "ok", front: "forbidden" });
  });
});

describe("questions sent beforehand", () => {
  it("are public with agree counts, one agree per person, never one's own", async () => {
    const { id } = await planConference(c.staff, plan(new Date(Date.now() + 20 * DAY)));
    const [a, b] = [await accessOf(village.households[0]!.userId!, c.communeId), await accessOf(village.households[1]!.userId!, c.communeId)];
    const q = await askQuestion(a, { conferenceId: id, body: "Khi nào thôn được làm lại đoạn đường bị sạt lở?" });
    expect(q.number).toBe(1);
    await expect(agreeQuestion(a, q.id)).rejects.toMatchObject({ code: "dialogueOwnQuestion" });
    await expect(agreeQuestion(b, q.id)).resolves.toEqual({ agreeCount: 1 });
    await expect(agreeQuestion(b, q.id)).rejects.toMatchObject({ code: "dialogueAlreadyAgreed", status: 409 });
    const view = await getConference(c.communeId, id, { oversee: false, userId: b.userId });
    expect(view!.questions).toEqual([expect.objectContaining({ number: 1, agreeCount: 1, hasAgreed: true, isMine: false })]);
    // Only residents ask.
    expect(await outcomesByPerson({ staff: c.staffId, front: front.userId, villageHead: head.userId }, c.communeId, RESIDENT_ROLES, (x) => askQuestion(x, { conferenceId: id, body: "Câu hỏi thử quyền gửi câu hỏi." }))).toEqual({
      staff: "forbidden",
      front: "forbidden",
      villageHead: "forbidden",
    });
  });

  it("close when the conference begins", async () => {
    const { id } = await heldConference(1);
    await expect(askQuestion(await accessOf(village.households[0]!.userId!, c.communeId), { conferenceId: id, body: "Câu hỏi gửi muộn sau khi hội nghị đã bắt đầu." })).rejects.toMatchObject({ code: "dialogueQuestionsClosed" });
  });

  it("are hidden with a reason, kept, the author told, and the Front still sees them", async () => {
    const { id } = await planConference(c.staff, plan(new Date(Date.now() + 20 * DAY)));
    const author = await accessOf(village.households[2]!.userId!, c.communeId);
    const q = await askQuestion(author, { conferenceId: id, body: "Câu hỏi có số điện thoại riêng của một người khác 0912345678." });
    expect(await outcomesByPerson({ front: front.userId, villageHead: head.userId, resident: village.households[0]!.userId! }, c.communeId, MODERATE_ROLES, (x) =>
      moderateQuestion(x, { questionId: q.id, action: "HIDE", reason: "PERSONAL_DATA", details: "Câu hỏi có số điện thoại của người khác." }),
    )).toEqual({ front: "forbidden", villageHead: "forbidden", resident: "forbidden" });
    await moderateQuestion(c.staff, { questionId: q.id, action: "HIDE", reason: "PERSONAL_DATA", details: "Câu hỏi có số điện thoại của người khác." });
    await expect(moderateQuestion(c.staff, { questionId: q.id, action: "HIDE", reason: "SPAM", details: "Ẩn lần thứ hai để thử." })).rejects.toMatchObject({ code: "alreadyInState" });
    await expect(agreeQuestion(await accessOf(village.households[0]!.userId!, c.communeId), q.id)).rejects.toMatchObject({ code: "dialogueQuestionNotFound" });

    const publicView = await getConference(c.communeId, id, { oversee: false, userId: null });
    expect(publicView!.questions.map((x) => x.id)).not.toContain(q.id);
    const frontView = await getConference(c.communeId, id, { oversee: true, userId: front.userId });
    expect(frontView!.questions.find((x) => x.id === q.id)).toMatchObject({ moderationState: "HIDDEN", moderation: [expect.objectContaining({ action: "HIDE", reason: "PERSONAL_DATA" })] });
    expect((await followUp(c.communeId)).hidden.map((h) => h.id)).toContain(q.id);
    expect(await db.notification.count({ where: { userId: author.userId, kind: "dialogueQuestionHidden" } })).toBe(1);

    await moderateQuestion(c.staff, { questionId: q.id, action: "RESTORE", reason: "OTHER", details: "Người gửi đã đồng ý, số điện thoại đã che." });
    expect(await db.dialogueModeration.count({ where: { questionId: q.id } })).toBe(2);
  });
});

describe("results (published within 10 days) and commitments", () => {
  it("are recorded only once the conference has begun", async () => {
    const { id } = await planConference(c.staff, plan(new Date(Date.now() + 20 * DAY)));
    await expect(recordResults(c.staff, { conferenceId: id, minutesText: "Biên bản hội nghị đối thoại thử.", attendanceCount: 50, attendedVillageIds: [village.villageId] })).rejects.toMatchObject({ code: "dialogueNotHeldYet" });
  });

  it("go from minutes and answers to publication, with every question answered first", async () => {
    const startsAt = new Date(Date.now() - 2 * DAY);
    const { id } = await planConference(c.staff, plan(startsAt), new Date(startsAt.getTime() - 8 * DAY));
    const early = await db.dialogueQuestion.create({ data: { communeId: c.communeId, conferenceId: id, number: 1, source: "BEFOREHAND", authorId: village.households[0]!.userId, body: "Câu hỏi gửi trước về nước sạch cho thôn." } });
    const raised = await raiseQuestion(c.staff, { conferenceId: id, askedBy: "Ông Lê Văn B, Thôn Đối Thoại", body: "Khi nào sửa cầu tràn qua suối?" });
    expect(raised.number).toBe(2);

    await expect(publishResults(c.staff, id)).rejects.toMatchObject({ code: "dialogueNotRecorded" });
    expect(await outcomesByPerson({ front: front.userId, villageHead: head.userId }, c.communeId, RECORD_ROLES, (a) => recordResults(a, { conferenceId: id, minutesText: "x".repeat(20), attendanceCount: 1, attendedVillageIds: [village.villageId] }))).toEqual({ front: "forbidden", villageHead: "forbidden" });
    await recordResults(c.staff, { conferenceId: id, minutesText: "Hội nghị khai mạc lúc 8 giờ, có 85 người dự. Chủ tịch UBND xã trả lời các câu hỏi.", attendanceCount: 85, attendedVillageIds: [village.villageId] });
    await answerQuestion(c.staff, answerQuestionSchema.parse({ communeId: c.communeId, questionId: early.id, answer: "Xã đã đưa vào kế hoạch năm sau.", responsible: "", deadline: "", status: "ANSWERED" }));
    await expect(publishResults(c.staff, id)).rejects.toMatchObject({ code: "dialogueUnanswered", params: { count: 1 } });
    // A commitment needs who and by when.
    expect(answerQuestionSchema.safeParse({ communeId: c.communeId, questionId: raised.id, answer: "UBND xã sẽ sửa cầu tràn.", responsible: "", deadline: "", status: "IN_PROGRESS" }).success).toBe(false);
    await answerQuestion(c.staff, answerQuestionSchema.parse({ communeId: c.communeId, questionId: raised.id, answer: "UBND xã sẽ sửa cầu tràn trước mùa mưa.", responsible: "Phó Chủ tịch UBND xã", deadline: "2020-01-10", status: "IN_PROGRESS" }));

    // Before publication the public sees questions but not answers or minutes.
    const before = await getConference(c.communeId, id, { oversee: false, userId: null });
    expect(before).toMatchObject({ minutesText: null, attendanceCount: null, clock: { state: "open", daysLeft: 8 } });
    expect(before!.questions.every((q) => q.answer === null)).toBe(true);

    const published = await publishResults(c.staff, id);
    expect(published.onTime).toBe(true);
    expect(await db.notification.count({ where: { userId: head.userId, kind: "dialogueResultsPublished" } })).toBeGreaterThanOrEqual(1);
    await expect(publishResults(c.staff, id)).rejects.toMatchObject({ code: "dialogueAlreadyPublished" });
    const after = await getConference(c.communeId, id, { oversee: false, userId: null });
    expect(after).toMatchObject({ attendanceCount: 85, clock: { state: "published", onTime: true } });
    expect(after!.villages).toEqual([expect.objectContaining({ attended: true })]);
    expect(after!.questions.find((q) => q.number === 2)).toMatchObject({ status: "IN_PROGRESS", responsible: "Phó Chủ tịch UBND xã", isOverdue: true });

    // The overdue commitment shows on the follow-up list (the Front's page) until it is done.
    expect((await followUp(c.communeId)).commitments.find((q) => q.id === raised.id)).toMatchObject({ isOverdue: true });
    await expect(markCommitmentDone(c.staff, early.id)).rejects.toMatchObject({ code: "dialogueNotACommitment" });
    await markCommitmentDone(c.staff, raised.id);
    expect((await followUp(c.communeId)).commitments.map((q) => q.id)).not.toContain(raised.id);
  });

  it("shows a conference past its 10 days without results as overdue, and a late publication as late", async () => {
    const { id } = await heldConference(11);
    expect((await followUp(c.communeId)).results.find((r) => r.id === id)).toMatchObject({ clock: { state: "overdue", daysLate: 1 } });
    const onTheTenth = await heldConference(10);
    expect((await followUp(c.communeId)).results.find((r) => r.id === onTheTenth.id)).toMatchObject({ clock: { state: "open", daysLeft: 0 } });
    await recordResults(c.staff, { conferenceId: id, minutesText: "Biên bản ghi muộn của hội nghị.", attendanceCount: 40, attendedVillageIds: [village.villageId] });
    await expect(publishResults(c.staff, id)).resolves.toMatchObject({ onTime: false });
  });

  it("refuses attendance from a village outside the conference", async () => {
    const { id } = await heldConference(1);
    const other = await createVillage(c.communeId, { name: "Thôn Ngoài Phạm Vi", households: 1 });
    await expect(recordResults(c.staff, { conferenceId: id, minutesText: "Biên bản hội nghị thử phạm vi.", attendanceCount: 10, attendedVillageIds: [other.villageId] })).rejects.toMatchObject({ code: "dialogueVillageNotInvited", status: 422 });
  });
});

describe("another commune", () => {
  it("cannot see or touch this commune's conference", async () => {
    const { id } = await planConference(c.staff, plan(new Date(Date.now() + 20 * DAY)));
    const other = await createTestCommune("Xã Bên Ngoài");
    expect(await getConference(other.communeId, id, { oversee: true, userId: null })).toBeNull();
    await expect(recordResults(other.staff, { conferenceId: id, minutesText: "Biên bản của xã khác thử.", attendanceCount: 1, attendedVillageIds: [] })).rejects.toMatchObject({ code: "dialogueNotFound" });
    await expect(requireCommuneAccess(other.staffId, c.communeId, RECORD_ROLES)).rejects.toMatchObject({ code: "forbidden" });
  });
});
