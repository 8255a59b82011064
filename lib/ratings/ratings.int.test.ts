import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { publishNotice } from "@/lib/notices/notices";
import { accessOf, addFrontReviewer, closeBallot, createBallot, createTestCommune, createVillage, outcomesByPerson, type TestCommune, type TestHousehold } from "@/lib/participation/ballot-test-helpers";
import type { SmsSender } from "@/lib/sms/send-sms";
import { outboxSender } from "@/lib/sms/send-sms";
import { sendQueuedTexts } from "@/lib/telling/send-texts";

import { getRatingResults } from "./get-results";
import { inviteToRate } from "./invite-to-rate";
import { RATER_ROLES, RATING_RESULTS_ROLES } from "./roles";
import type { SubmitRatingValues } from "./schemas";
import { submitRating } from "./submit-rating";

let commune: TestCommune;
let consultationId: string;
let noticeId: string;
let households: TestHousehold[];
/** Households 0–5 took part online, 6–7 on paper with an account, 8 on paper without one; 9–11 did not take part. */
let participants: string[];

const scores = (n: number, extra: Partial<SubmitRatingValues> = {}): SubmitRatingValues => ({
  communeId: commune.communeId,
  subjectType: "CONSULTATION",
  subjectId: consultationId,
  informedInTime: n,
  ableToTakePart: n,
  opinionAnswered: n,
  outcomeUnderstood: n,
  overall: n,
  comment: null,
  ...extra,
});
const rate = async (h: TestHousehold, values: SubmitRatingValues) => submitRating(await accessOf(h.userId!, commune.communeId), values);

beforeAll(async () => {
  commune = await createTestCommune("Xã Đánh Giá");
  const village = await createVillage(commune.communeId, { name: `Thôn Đánh Giá ${randomUUID().slice(0, 4)}`, households: 12, accounts: 10 });
  households = village.households;
  const ballot = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Nâng cấp nhà văn hóa thôn", villageIds: [village.villageId] });
  consultationId = ballot.consultationId;
  const vote = (h: TestHousehold, channel: "WEB" | "PAPER") =>
    db.vote.create({
      data: {
        communeId: commune.communeId,
        consultationId,
        questionId: ballot.questionId,
        voterKey: `H:${h.householdId}`,
        householdId: h.householdId,
        residentId: channel === "PAPER" ? null : h.residentId,
        villageId: h.villageId,
        userId: channel === "WEB" ? h.userId : null,
        channel,
        enteredById: channel === "PAPER" ? commune.staffId : null,
        receiptCode: randomUUID().slice(0, 12),
        choices: { create: { optionId: ballot.agree, communeId: commune.communeId, questionId: ballot.questionId } },
      },
    });
  for (const [i, h] of households.slice(0, 2).entries()) {
    await db.opinion.create({ data: { communeId: commune.communeId, consultationId, number: i + 1, authorId: h.userId, villageId: h.villageId, displayName: "Người thử", body: "Đề nghị sửa mái nhà văn hóa.", channel: "WEB" } });
  }
  for (const h of households.slice(2, 6)) await vote(h, "WEB");
  for (const h of households.slice(6, 9)) await vote(h, "PAPER");
  // Household 8 voted on paper and has no account: its person is not on any account.
  await db.membership.deleteMany({ where: { residentId: households[8]!.residentId } });
  participants = households.slice(0, 8).map((h) => h.userId!).sort();
  await closeBallot(consultationId);
  const report = await db.report.create({ data: { communeId: commune.communeId, consultationId, status: "APPROVED", createdById: commune.staffId }, select: { id: true } });
  const notice = await db.outcomeNotice.create({
    data: { communeId: commune.communeId, consultationId, reportId: report.id, status: "APPROVED", title: "Kết quả lấy ý kiến", body: "Nội dung thông báo.", loudspeakerText: "Loa", createdById: commune.staffId },
    select: { id: true },
  });
  noticeId = notice.id;
}, 120_000);

describe("publishing the outcome notice", () => {
  it("invites every participant with an account to rate, online and on paper, once", async () => {
    await publishNotice(commune.staff, { communeId: commune.communeId, noticeId });
    const invites = await db.ratingInvite.findMany({ where: { subjectId: consultationId }, select: { userId: true, category: true, ratedAt: true } });
    expect(invites.map((i) => i.userId).sort()).toEqual(participants);
    expect(invites.every((i) => i.category === "DECISION" && i.ratedAt === null)).toBe(true);
    const told = await db.notification.findMany({ where: { kind: "ratingInvited", communeId: commune.communeId }, select: { userId: true, link: true } });
    expect(told.map((n) => n.userId).sort()).toEqual(participants);
    expect(told[0]!.link).toMatch(new RegExp(`/rate/consultation/${consultationId}$`));

    // Asked again (a second call, as the cases code may make): nobody is invited or told twice.
    const again = await db.$transaction((tx) => inviteToRate(tx, { communeId: commune.communeId, subjectType: "CONSULTATION", subjectId: consultationId, userIds: participants }));
    expect(again).toEqual([]);
    expect(await db.notification.count({ where: { kind: "ratingInvited", communeId: commune.communeId } })).toBe(participants.length);
  });

  it("texts the notice to each paper household with a phone, once, and records the delivery", async () => {
    const texts = await db.queuedText.findMany({ where: { noticeId }, select: { householdId: true, phone: true, status: true, body: true } });
    const users = await db.user.findMany({ where: { id: { in: [households[6]!.userId!, households[7]!.userId!] } }, select: { phone: true } });
    expect(texts.map((t) => t.householdId).sort()).toEqual([households[6]!.householdId, households[7]!.householdId].sort());
    expect(texts.map((t) => t.phone).sort()).toEqual(users.map((u) => u.phone).sort());
    expect(texts[0]!.body).toContain("Nang cap nha van hoa thon");

    // A gateway that fails: the text stays pending with its error and is tried on the next run.
    const failing: SmsSender = { name: "http", keepsBody: false, deliver: async () => ({ ok: false, error: "HTTP 500" }) };
    await sendQueuedTexts({ sender: failing });
    const failed = await db.queuedText.findMany({ where: { noticeId }, select: { status: true, attempts: true, lastError: true } });
    expect(failed.every((t) => t.status === "PENDING" && t.attempts === 1 && t.lastError === "smsFailed")).toBe(true);

    await sendQueuedTexts({ sender: outboxSender });
    const sent = await db.queuedText.findMany({ where: { noticeId }, select: { status: true, smsMessageId: true, phone: true } });
    expect(sent.every((t) => t.status === "SKIPPED" && t.smsMessageId)).toBe(true);
    expect(await db.smsMessage.count({ where: { id: { in: sent.map((t) => t.smsMessageId!) }, status: "SKIPPED" } })).toBe(2);
    expect(await sendQueuedTexts({ sender: outboxSender })).toBe(0);
  });
});

describe("rating", () => {
  it("keeps answers apart from people: no column or value leads from an answer to a person", async () => {
    await rate(households[0]!, scores(4, { comment: "Trả lời rõ ràng." }));
    const columns = await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'RatingAnswer'`;
    const names = columns.map((c) => c.column_name);
    expect(names).not.toContain("userId");
    expect(names.some((n) => /user|invite|created|updated|rated/i.test(n))).toBe(false);
    const inviteColumns = (await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'RatingInvite'`).map((c) => c.column_name);
    expect(inviteColumns.some((n) => /informed|overall|comment|answer/i.test(n))).toBe(false);

    const [answer] = await db.ratingAnswer.findMany({ where: { subjectId: consultationId } });
    const invite = await db.ratingInvite.findFirstOrThrow({ where: { subjectId: consultationId, userId: households[0]!.userId! } });
    expect(invite.ratedAt).not.toBeNull();
    // A random id (not time-ordered like the invite's), the quarter only, no person anywhere in the row.
    expect(answer!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer!.quarter).toMatch(/^\d{4}-Q[1-4]$/);
    const values = JSON.stringify(answer);
    for (const id of [...participants, invite.id]) expect(values).not.toContain(id);
    // The audit log says who rated, never what they answered.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "rating.submit", entityId: invite.id } });
    expect([event.beforeDigest, event.afterDigest]).toEqual([null, null]);
    const logged = JSON.stringify(event.details);
    expect(logged).not.toContain("Trả lời rõ ràng");
    expect(logged).not.toMatch(/informedInTime|overall|quarter/);
  });

  it("takes one rating per person: a second one, even at the same moment, is refused and nothing is stored", async () => {
    const h = households[1]!;
    const both = await Promise.allSettled([rate(h, scores(5)), rate(h, scores(1))]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(rate(h, scores(2))).rejects.toMatchObject({ code: "ratingAlreadyGiven", status: 409 });
    expect(await db.ratingAnswer.count({ where: { subjectId: consultationId } })).toBe(2);
    // Someone who did not take part has no invitation.
    await expect(rate(households[9]!, scores(3))).rejects.toMatchObject({ code: "ratingNotInvited", status: 404 });
  });

  it("refuses scores outside 1–5 in the database too", async () => {
    await expect(
      db.ratingAnswer.create({ data: { communeId: commune.communeId, subjectType: "CONSULTATION", subjectId: consultationId, category: "DECISION", quarter: "2026-Q4", informedInTime: 6, ableToTakePart: 1, outcomeUnderstood: 1, overall: 1 } }),
    ).rejects.toThrow();
  });

  it("shows no averages for 4 answers, and shows them from exactly 5", async () => {
    await rate(households[2]!, scores(2, { opinionAnswered: null }));
    await rate(households[3]!, scores(3));
    let results = await getRatingResults(commune.communeId, { withComments: true });
    let row = results.bySubject.find((r) => r.subjectId === consultationId)!;
    expect(row).toMatchObject({ answers: 4, averages: null, invited: participants.length, title: "Nâng cấp nhà văn hóa thôn" });
    expect(results.byCategory).toEqual([{ key: "CONSULTATION:DECISION", answers: 4, averages: null }]);
    expect(results.byQuarter[0]).toMatchObject({ answers: 4, averages: null });
    expect(results.comments.size).toBe(0);

    await rate(households[6]!, scores(1, { comment: "Ấm áp." }));
    results = await getRatingResults(commune.communeId, { withComments: true });
    row = results.bySubject.find((r) => r.subjectId === consultationId)!;
    expect(row.answers).toBe(5);
    // Household 1's score is 5 or 1, whichever of its two clicks won.
    const h1 = (await db.ratingAnswer.findMany({ where: { subjectId: consultationId }, select: { overall: true } })).map((a) => a.overall);
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
    expect(row.averages!.overall).toBe(mean(h1));
    // "I gave no opinion" is left out of that item's average, not counted as a score.
    const answered = (await db.ratingAnswer.findMany({ where: { subjectId: consultationId, opinionAnswered: { not: null } }, select: { opinionAnswered: true } })).map((a) => a.opinionAnswered!);
    expect(answered).toHaveLength(4);
    expect(row.averages!.opinionAnswered).toBe(mean(answered));
    expect(results.comments.get(`CONSULTATION:${consultationId}`)).toEqual(["Trả lời rõ ràng.", "Ấm áp."].sort((a, b) => (a < b ? -1 : 1)));
    // The public figures carry no comments.
    expect((await getRatingResults(commune.communeId)).comments.size).toBe(0);
  });

  it("is generic over the subject: a resolved case is rated the same way and grouped under its kind", async () => {
    const caseId = randomUUID();
    const h = households[9]!;
    await db.$transaction((tx) => inviteToRate(tx, { communeId: commune.communeId, subjectType: "CASE", subjectId: caseId, userIds: [h.userId!], category: "POTHOLE" }));
    await submitRating(await accessOf(h.userId!, commune.communeId), { ...scores(5), subjectType: "CASE", subjectId: caseId });
    const results = await getRatingResults(commune.communeId);
    expect(results.bySubject.find((r) => r.subjectId === caseId)).toMatchObject({ subjectType: "CASE", answers: 1, averages: null, title: null });
    expect(results.byCategory.map((c) => c.key)).toContain("CASE:POTHOLE");
  });
});

describe("who may do what", () => {
  it("only residents rate; staff, leaders, administrators and the Front read the detailed results, residents do not", async () => {
    const front = await addFrontReviewer(commune.communeId);
    const people = { resident: households[4]!.userId!, staff: commune.staffId, front: front.userId };
    expect(await outcomesByPerson(people, commune.communeId, RATER_ROLES, async () => undefined)).toEqual({ resident: "ok", staff: "forbidden", front: "forbidden" });
    expect(await outcomesByPerson(people, commune.communeId, RATING_RESULTS_ROLES, async () => undefined)).toEqual({ resident: "forbidden", staff: "ok", front: "ok" });
    // A resident of another commune cannot rate here, even with this commune's subject.
    const other = await createTestCommune("Xã Khác");
    const village = await createVillage(other.communeId, { name: "Thôn Khác", households: 1, accounts: 1 });
    const outsider = village.households[0]!.userId!;
    await expect(requireCommuneAccess(outsider, commune.communeId, RATER_ROLES, { write: true })).rejects.toMatchObject({ status: 403 });
    await expect(submitRating(await accessOf(outsider, other.communeId), { ...scores(3), communeId: other.communeId })).rejects.toMatchObject({ code: "ratingNotInvited" });
  });
});
