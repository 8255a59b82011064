// Village meetings against individual votes: a village's figures come from one or the other, never
// both; recording a meeting over existing votes asks for a choice, says what is set aside, logs it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { type AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";
import { accessAs, communeId, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { decideMeetingCount } from "@/lib/meeting-count/decide-meeting-count";

import { accessOf, addFrontReviewer, closeBallot, createBallot, createTestCommune, createVillage, type TestCommune } from "./ballot-test-helpers";
import { meetingSchema } from "./ballot-schemas";
import { castWebVote } from "./cast-web-vote";
import { checkReceipt } from "./check-receipt";
import { enterPaperBallot } from "./enter-offline-votes";
import { getBallotResults } from "./get-results";
import { chooseTallySource, recordMeeting } from "./record-meeting";
import { uploadMinutes } from "./upload-minutes";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0")]);

let thienTin: string;
let staffId: string;
let c: TestCommune;
const storedKeys: string[] = [];

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  staffId = await userId(STAFF_EMAIL);
  c = await createTestCommune("Xã Thử Hội Nghị");
});

afterAll(async () => {
  const rows = await db.attachment.findMany({ where: { id: { in: storedKeys } }, select: { storageKey: true } });
  await Promise.all(rows.map((r) => getStorage().delete(r.storageKey)));
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

async function minutesFor(consultationId: string) {
  const staff = c.staff;
  const file = await uploadMinutes(staff, { consultationId, fileName: "bien-ban-hoi-nghi.pdf", data: PDF });
  storedKeys.push(file.id);
  return file.id;
}

/**
 * A village and a ballot. Tests that weigh web votes against a meeting use a consultation by household
 * (a boundary change, Decree 321/2025): on a decision matter web votes never decide (counting-rules.ts).
 */
async function setup(name: string, households: number, accounts = 0) {
  const village = await createVillage(c.communeId, { name, households, accounts });
  const category = accounts > 0 ? "CONSULTATION_ADMINISTRATIVE_BOUNDARY" : "DECISION_VILLAGE_CONVENTION";
  const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category });
  return { village, ballot };
}

const meeting = (b: Awaited<ReturnType<typeof createBallot>>, villageId: string, minutesId: string, present: number, counts: [number, number, number], extra: Record<string, unknown> = {}) =>
  meetingSchema.parse({
    communeId: c.communeId,
    consultationId: b.consultationId,
    villageId,
    heldOn: today(),
    heldTime: "00:00",
    form: "SHOW_OF_HANDS",
    householdsPresent: present,
    minutesId,
    notes: "",
    tallies: [
      { questionId: b.questionId, optionId: b.agree, count: counts[0] },
      { questionId: b.questionId, optionId: b.disagree, count: counts[1] },
      { questionId: b.questionId, optionId: b.other, count: counts[2] },
    ],
    sourceChoice: null,
    reason: "",
    ...extra,
  });

describe("recording a village meeting", () => {
  it("counts the meeting when the village has no individual votes, against all its households", async () => {
    const { village, ballot } = await setup("Thôn Họp Một", 10);
    const staff = c.staff;
    const recorded = await recordMeeting(staff, meeting(ballot, village.villageId, await minutesFor(ballot.consultationId), 8, [6, 1, 1]));
    expect(recorded.sources).toEqual({ [ballot.questionId]: "MEETING" });
    expect(await db.villageTallySource.findFirst({ where: { questionId: ballot.questionId, villageId: village.villageId } })).toMatchObject({ source: "MEETING", meetingId: recorded.id });

    await db.consultation.update({ where: { id: ballot.consultationId }, data: { showResultsLive: true } });
    const results = await getBallotResults(c.communeId, ballot.consultationId);
    if (!results.visible) throw new Error("live results expected");
    expect(results.questions[0]).toMatchObject({ eligible: 10, participants: 8, agree: 6, disagree: 1, other: 1, byChannel: { MEETING: { voters: 8 } } });
    // While voting is open the figures carry no verdict; once closed the village passes with 6 of its 10 households.
    expect(results.questions[0]!.villages[0]!.outcome).toMatchObject({ numerator: 6, denominator: 10, passed: null });
    await closeBallot(ballot.consultationId);
    const closed = await getBallotResults(c.communeId, ballot.consultationId);
    if (!closed.visible) throw new Error("final results expected");
    expect(closed.questions[0]!.villages[0]!.outcome).toMatchObject({ numerator: 6, denominator: 10, passed: true });
    expect(closed.questions[0]!.outcome.passed).toBe(true);
  });

  it("asks for a choice when the village already voted individually, names what would be set aside, and logs the choice", async () => {
    const { village, ballot } = await setup("Thôn Tân Phú Thử", 12, 3);
    const staff = c.staff;
    for (const h of village.households.slice(0, 3)) await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.disagree] });
    for (const h of village.households.slice(3, 5)) await enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.disagree] }] });
    const minutesId = await minutesFor(ballot.consultationId);

    const asked = await recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 9, [8, 1, 0])).catch((e: AppError) => e);
    expect(asked).toMatchObject({ code: "individualVotesExist", status: 409, params: { village: "Thôn Tân Phú Thử", WEB: 3, PAPER: 2, ASSISTED: 0 } });
    expect(await db.meetingRecord.count({ where: { consultationId: ballot.consultationId } })).toBe(0);

    // Choosing the meeting over cast votes is staff's proposal; the votes count until the Front confirms.
    const recorded = await recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 9, [8, 1, 0], { sourceChoice: "MEETING", reason: "Hội nghị có 9/12 hộ, biểu quyết giơ tay" }));
    expect(recorded).toMatchObject({ setAside: null, wouldSetAside: { WEB: 3, PAPER: 2, ASSISTED: 0 }, meetingCount: "PROPOSED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: recorded.id, action: "meeting.record" }, select: { details: true } });
    expect(audit.details).toMatchObject({ choice: "MEETING", meetingCount: "PROPOSED", village: "Thôn Tân Phú Thử" });
    const proposed = await db.auditEvent.findFirstOrThrow({ where: { entityId: recorded.proposalId!, action: "tally.meeting.propose" }, select: { details: true } });
    expect(proposed.details).toMatchObject({ setAside: { WEB: 3, PAPER: 2, ASSISTED: 0 }, village: "Thôn Tân Phú Thử" });

    await db.consultation.update({ where: { id: ballot.consultationId }, data: { showResultsLive: true } });
    const pending = await getBallotResults(c.communeId, ballot.consultationId);
    if (!pending.visible) throw new Error("live results expected");
    expect(pending.questions[0]!.villages[0]).toMatchObject({ source: "INDIVIDUAL", participants: 5 });
    await decideMeetingCount(await addFrontReviewer(c.communeId), { proposalId: recorded.proposalId!, decision: "CONFIRM", note: "Đã xem biên bản hội nghị" });
    const results = await getBallotResults(c.communeId, ballot.consultationId);
    if (!results.visible) throw new Error("live results expected");
    // The meeting's 9 households count; the 5 individual votes are set aside, never added on top.
    expect(results.questions[0]!.villages[0]).toMatchObject({ source: "MEETING", participants: 9, agree: 8, setAside: { WEB: 3, PAPER: 2, ASSISTED: 0 } });

    // Further individual votes of the village are refused with the reason; receipts say they are set aside.
    const late = village.households[5]!;
    await expect(enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: late.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] })).rejects.toMatchObject({ code: "villageCountedAtMeeting", status: 409 });
    const earlier = await db.vote.findFirstOrThrow({ where: { questionId: ballot.questionId, channel: "WEB" }, select: { receiptCode: true } });
    expect(await checkReceipt(c.communeId, earlier.receiptCode, "meetings-test")).toMatchObject({ found: true, counted: false });

    // Staff may later switch back, with a reason, and the choice is logged again.
    await expect(chooseTallySource(staff, { consultationId: ballot.consultationId, villageId: village.villageId, source: "INDIVIDUAL", meetingId: null, reason: "Biên bản thiếu chữ ký thư ký" })).resolves.toMatchObject({ source: "INDIVIDUAL" });
    const back = await getBallotResults(c.communeId, ballot.consultationId);
    if (!back.visible) throw new Error("live results expected");
    expect(back.questions[0]!.villages[0]).toMatchObject({ source: "INDIVIDUAL", participants: 5, disagree: 5, setAside: { meetings: 1 } });
    expect(await db.auditEvent.count({ where: { action: "tally.source", entityId: `${ballot.consultationId}:${village.villageId}` } })).toBe(1);
  });

  it("keeps the individual votes when that is the choice, recording the meeting without counting it", async () => {
    const { village, ballot } = await setup("Thôn Giữ Phiếu", 6, 2);
    const staff = c.staff;
    for (const h of village.households.slice(0, 2)) await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    const recorded = await recordMeeting(staff, meeting(ballot, village.villageId, await minutesFor(ballot.consultationId), 5, [1, 4, 0], { sourceChoice: "INDIVIDUAL" }));
    expect(recorded.sources).toEqual({ [ballot.questionId]: "INDIVIDUAL" });
    await db.consultation.update({ where: { id: ballot.consultationId }, data: { showResultsLive: true } });
    const results = await getBallotResults(c.communeId, ballot.consultationId);
    if (!results.visible) throw new Error("live results expected");
    expect(results.questions[0]!.villages[0]).toMatchObject({ source: "INDIVIDUAL", participants: 2, agree: 2, setAside: { meetings: 1 } });
  });

  it("does not count a meeting without the quorum, and refuses to choose it", async () => {
    const { village, ballot } = await setup("Thôn Thiếu Hộ", 10, 1);
    const staff = c.staff;
    const thin = await recordMeeting(staff, meeting(ballot, village.villageId, await minutesFor(ballot.consultationId), 5, [5, 0, 0]));
    expect(thin.sources).toEqual({ [ballot.questionId]: "unchanged" });
    expect(await db.villageTallySource.count({ where: { questionId: ballot.questionId } })).toBe(0);
    await castWebVote(await accessOf(village.households[0]!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, await minutesFor(ballot.consultationId), 5, [5, 0, 0], { sourceChoice: "MEETING" }))).rejects.toMatchObject({ code: "meetingLacksQuorum", params: { present: 5, total: 10, quorum: 50 } });
  });

  it("refuses impossible figures, a date outside the period and missing minutes, writing nothing", async () => {
    const { village, ballot } = await setup("Thôn Số Sai", 4);
    const staff = c.staff;
    const minutesId = await minutesFor(ballot.consultationId);
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 5, [1, 0, 0]))).rejects.toMatchObject({ code: "presentExceedsTotal", status: 422, params: { total: 4 } });
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 3, [2, 2, 0]))).rejects.toMatchObject({ code: "talliesExceedPresent", params: { number: 1, present: 3 } });
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 3, [2, 1, 0], { heldOn: "2020-01-01" }))).rejects.toMatchObject({ code: "meetingDateOutside", fields: { heldOn: "meetingDateOutside" } });
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, "no-such-file", 3, [2, 1, 0]))).rejects.toMatchObject({ code: "minutesRequired" });
    expect(meetingSchema.safeParse({ ...meeting(ballot, village.villageId, minutesId, 3, [2, 1, 0]), minutesId: "" }).success).toBe(false);
    expect(await db.meetingRecord.count({ where: { consultationId: ballot.consultationId } })).toBe(0);

    await recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 3, [2, 1, 0]));
    await expect(recordMeeting(staff, meeting(ballot, village.villageId, minutesId, 3, [2, 1, 0]))).rejects.toMatchObject({ code: "minutesAlreadyUsed" });
  });

  it("lets a village head record their own village only", async () => {
    const tanPhu1 = await db.village.findFirstOrThrow({ where: { communeId: thienTin, name: "Tân Phú 1" }, select: { id: true, householdCount: true } });
    const b = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1.id] });
    const ownHead = await accessAs("truongthon.tanphu1@thientin.danban.local", "thien-tin", ["VILLAGE_HEAD"]);
    const otherHead = await accessAs("truongthon.phukhuong@thientin.danban.local", "thien-tin", ["VILLAGE_HEAD"]);
    const minutes = await uploadMinutes(ownHead, { consultationId: b.consultationId, fileName: "bien-ban.pdf", data: PDF });
    storedKeys.push(minutes.id);
    const present = Math.floor(tanPhu1.householdCount / 2) + 1;
    await expect(recordMeeting(otherHead, meeting(b, tanPhu1.id, minutes.id, present, [present, 0, 0], { communeId: thienTin }))).rejects.toMatchObject({ code: "notYourVillage", status: 403 });
    const recorded = await recordMeeting(ownHead, meeting(b, tanPhu1.id, minutes.id, present, [present - 1, 1, 0], { communeId: thienTin }));
    expect(await db.meetingRecord.findUniqueOrThrow({ where: { id: recorded.id }, select: { enteredById: true, householdsTotal: true } })).toEqual({ enteredById: ownHead.userId, householdsTotal: tanPhu1.householdCount });
  });
});

describe("minutes uploads", () => {
  it("are judged by their content: a program named .pdf is refused and nothing is stored", async () => {
    const { ballot } = await setup("Thôn Biên Bản", 2);
    const staff = c.staff;
    const before = await db.attachment.count();
    await expect(uploadMinutes(staff, { consultationId: ballot.consultationId, fileName: "bien-ban.pdf", data: EXE })).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415 });
    expect(await db.attachment.count()).toBe(before);
    const file = await uploadMinutes(staff, { consultationId: ballot.consultationId, fileName: "../../bien ban.pdf", data: PDF });
    storedKeys.push(file.id);
    expect(file).toMatchObject({ kind: "MINUTES", mimeType: "application/pdf", fileName: "bien ban.pdf" });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: file.id }, select: { storageKey: true } });
    expect(await getStorage().get(row.storageKey)).toEqual(PDF);
  });
});
