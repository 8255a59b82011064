import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { type AppError } from "@/lib/errors";
import { accessAs, communeId, seedDemo } from "@/scripts/test/fixtures";

import { accessOf, addMember, closeBallot, createBallot, createTestCommune, createVillage, type TestCommune } from "./ballot-test-helpers";
import { castWebVote, changeWebVote } from "./cast-web-vote";
import { checkReceipt } from "./check-receipt";
import { enterPaperBallot } from "./enter-offline-votes";
import { getMyBallot } from "./get-my-ballot";
import { getBallotResults } from "./get-results";
import { RECEIPT_PATTERN } from "./receipt";

/** The seeded village convention of Tân Phú 1 (tests create other conventions of their own). */
const CONVENTION = "Dự thảo Hương ước thôn Tân Phú 1";

let thienTin: string;
let c: TestCommune;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  c = await createTestCommune("Xã Thử Biểu Quyết");
});

describe("web voting on the seeded village convention", () => {
  it("lets the household representative vote, gives a receipt, and shows the rest of the household that it was cast", async () => {
    const convention = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: CONVENTION } }, select: { id: true, questions: { select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } } } });
    const question = convention.questions[0]!;
    const rep = await accessAs("0901000003", "thien-tin", ["RESIDENT"]); // Tân Phú 1, representative
    const vote = await castWebVote(rep, { questionId: question.id, optionIds: [question.options[0]!.id] });
    expect(vote.receiptCode).toMatch(RECEIPT_PATTERN);

    const mine = await getMyBallot(rep, convention.id);
    expect(mine.questions[0]).toMatchObject({ refusal: null, own: { receiptCode: vote.receiptCode, optionIds: [question.options[0]!.id], changeCount: 0 }, other: null });

    const stored = await db.vote.findUniqueOrThrow({ where: { receiptCode: vote.receiptCode }, select: { channel: true, userId: true, voterKey: true, householdId: true } });
    expect(stored).toMatchObject({ channel: "WEB", userId: rep.userId, voterKey: `H:${stored.householdId}` });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vote.cast", entityType: "Vote" }, orderBy: { seq: "desc" }, select: { details: true, afterDigest: true } });
    // The public log says a vote was cast on which question, never what was chosen.
    expect(JSON.stringify(audit.details)).not.toContain(question.options[0]!.id);
    expect(audit.afterDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a resident outside the consultation's villages", async () => {
    const convention = await db.ballotQuestion.findFirstOrThrow({ where: { communeId: thienTin, consultation: { title: { startsWith: CONVENTION } } }, select: { id: true, options: { select: { id: true } } } });
    const outsider = await accessAs("0901000001", "thien-tin", ["RESIDENT"]); // Phú Khương
    await expect(castWebVote(outsider, { questionId: convention.id, optionIds: [convention.options[0]!.id] })).rejects.toMatchObject({ code: "outsideScope", status: 403 });
  });
});

describe("who casts a household's vote", () => {
  it("is the representative only, where one is marked", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Đại Diện", households: 2, accounts: 1 });
    const h = v.households[0]!;
    const member = await addMember(c.communeId, h, { fullName: "Trần Thị Bé", birthYear: 1990, account: true });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const access = await accessOf(member.userId!, c.communeId);
    await expect(castWebVote(access, { questionId: b.questionId, optionIds: [b.agree] })).rejects.toMatchObject({ code: "notRepresentative", status: 403 });
    expect((await getMyBallot(access, b.consultationId)).questions[0]!.refusal).toEqual({ code: "notRepresentative" });
  });

  it("is the first verified adult to vote where none is marked; the others see who and when, not the choice", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Không Đại Diện", households: 1, accounts: 1, representative: false });
    const h = v.households[0]!;
    const second = await addMember(c.communeId, h, { fullName: "Lê Văn Hai", birthYear: 1985, account: true });
    const child = await addMember(c.communeId, h, { fullName: "Lê Văn Nhỏ", birthYear: new Date().getFullYear() - 12, account: true });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const first = await accessOf(h.userId!, c.communeId);
    const other = await accessOf(second.userId!, c.communeId);

    await expect(castWebVote(await accessOf(child.userId!, c.communeId), { questionId: b.questionId, optionIds: [b.agree] })).rejects.toMatchObject({ code: "notAdult" });
    await castWebVote(first, { questionId: b.questionId, optionIds: [b.disagree] });
    const refusal = await castWebVote(other, { questionId: b.questionId, optionIds: [b.agree] }).catch((e: AppError) => e);
    expect(refusal).toMatchObject({ code: "alreadyVoted", status: 409, params: { unit: "HOUSEHOLD", channel: "WEB" } });
    expect((refusal as AppError).params.time).toMatch(/^\d{2}:\d{2}$/);
    expect((refusal as AppError).params.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    const seen = (await getMyBallot(other, b.consultationId)).questions[0]!;
    expect(seen.own).toBeNull();
    expect(seen.other).toMatchObject({ channel: "WEB", byName: "Thử 1 (Thôn Không Đại Diện)" });
    expect(JSON.stringify(seen)).not.toContain(b.disagree);
    // And the second adult cannot change what the first chose.
    await expect(changeWebVote(other, { questionId: b.questionId, optionIds: [b.agree] })).rejects.toMatchObject({ code: "voteNotYours", status: 409 });
  });
});

describe("changing a web vote", () => {
  it("works until the ballot closes, keeps the receipt, counts and logs each change; after close it is refused", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Đổi Phiếu", households: 3, accounts: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const voter = await accessOf(v.households[0]!.userId!, c.communeId);
    const cast = await castWebVote(voter, { questionId: b.questionId, optionIds: [b.agree] });
    const changed = await changeWebVote(voter, { questionId: b.questionId, optionIds: [b.disagree] });
    expect(changed).toMatchObject({ receiptCode: cast.receiptCode, changeCount: 1, optionIds: [b.disagree] });
    await changeWebVote(voter, { questionId: b.questionId, optionIds: [b.other] });
    const row = await db.vote.findUniqueOrThrow({ where: { receiptCode: cast.receiptCode }, select: { id: true, changeCount: true, choices: { select: { optionId: true } } } });
    expect(row.changeCount).toBe(2);
    expect(row.choices).toEqual([{ optionId: b.other }]);
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "vote.change" } })).toBe(2);

    const end = (await db.consultation.findUniqueOrThrow({ where: { id: b.consultationId }, select: { commentEndsAt: true } })).commentEndsAt!;
    const afterClose = new Date(end.getTime() + 1);
    await expect(changeWebVote(voter, { questionId: b.questionId, optionIds: [b.agree] }, afterClose)).rejects.toMatchObject({ code: "votingClosed", status: 409 });
    await expect(castWebVote(voter, { questionId: b.questionId, optionIds: [b.agree] }, afterClose)).rejects.toMatchObject({ code: "votingClosed" });
    expect((await db.vote.findUniqueOrThrow({ where: { receiptCode: cast.receiptCode }, select: { changeCount: true } })).changeCount).toBe(2);
  });

  it("refuses options of another question, and two choices on a yes/no question", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Sai Phương Án", households: 1, accounts: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const b2 = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const voter = await accessOf(v.households[0]!.userId!, c.communeId);
    await expect(castWebVote(voter, { questionId: b.questionId, optionIds: [b2.agree] })).rejects.toMatchObject({ code: "unknownOption", status: 422 });
    await expect(castWebVote(voter, { questionId: b.questionId, optionIds: [b.agree, b.disagree] })).rejects.toMatchObject({ code: "tooManyChoices", status: 422 });
    expect(await db.vote.count({ where: { questionId: b.questionId } })).toBe(0);
  });
});

describe("results", () => {
  it("stay hidden before the ballot closes, and show numerator, denominator and rule after", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Kết Quả", households: 5, accounts: 3 });
    // A consultation by household (Decree 321/2025): web votes count; on a decision matter they would not (counting.int.test.ts).
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId], category: "CONSULTATION_ADMINISTRATIVE_BOUNDARY" });
    for (const [i, option] of [b.agree, b.agree, b.disagree].entries()) {
      await castWebVote(await accessOf(v.households[i]!.userId!, c.communeId), { questionId: b.questionId, optionIds: [option] });
    }
    const before = await getBallotResults(c.communeId, b.consultationId);
    expect(before).toEqual({ visible: false, closesAt: expect.any(Date), questionCount: 1 });
    expect(JSON.stringify(before)).not.toMatch(/agree|participants/);

    await closeBallot(b.consultationId);
    const after = await getBallotResults(c.communeId, b.consultationId);
    if (!after.visible) throw new Error("results should be visible");
    expect(after.final).toBe(true);
    const [q] = after.questions;
    // 2 of 5 households agree: 40% of all households, although 2 of the 3 who voted agreed.
    expect(q!.outcome).toEqual({ rule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, numerator: 2, denominator: 5, percent: 40, passed: false });
    expect(q).toMatchObject({ eligible: 5, participants: 3, agree: 2, disagree: 1, other: 0 });
    expect(q!.villages).toEqual([expect.objectContaining({ name: "Thôn Kết Quả", source: "INDIVIDUAL", byChannel: { WEB: 3 } })]);
  });

  it("show while voting is open when the consultation shows results live, marked as not final", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Trực Tiếp", households: 2, accounts: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId], showResultsLive: true, category: "CONSULTATION_ADMINISTRATIVE_BOUNDARY" });
    await castWebVote(await accessOf(v.households[0]!.userId!, c.communeId), { questionId: b.questionId, optionIds: [b.agree] });
    // Running figures, without a verdict.
    expect(await getBallotResults(c.communeId, b.consultationId)).toMatchObject({ visible: true, final: false, questions: [{ agree: 1, eligible: 2, outcome: { passed: null } }] });
  });
});

describe("receipts", () => {
  it("prove a vote was counted — question, channel, time — without the choice or the voter", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Biên Nhận", households: 2, accounts: 1 });
    // A household consultation ballot: a web vote counts there (on a decision matter it is set aside, Decree 59/2023 Art. 5).
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId], category: "CONSULTATION_ADMINISTRATIVE_BOUNDARY" });
    const voter = await accessOf(v.households[0]!.userId!, c.communeId);
    const { receiptCode } = await castWebVote(voter, { questionId: b.questionId, optionIds: [b.disagree] });
    await changeWebVote(voter, { questionId: b.questionId, optionIds: [b.agree] });

    const checked = await checkReceipt(c.communeId, receiptCode.toLowerCase().replace(/-/g, " "), "test-receipts-1");
    expect(checked).toMatchObject({ found: true, question: "Hộ gia đình có đồng ý thông qua không?", channel: "WEB", changeCount: 1, counted: true, consultation: { id: b.consultationId } });
    const text = JSON.stringify(checked);
    for (const secret of [b.agree, b.disagree, "Đồng ý", v.households[0]!.householdId, voter.userId]) expect(text).not.toContain(secret);

    expect(await checkReceipt(c.communeId, "AAAA-BBBB-CCCC", "test-receipts-1")).toEqual({ found: false });
    expect(await checkReceipt(await communeId("nghia-hanh"), receiptCode, "test-receipts-1")).toEqual({ found: false });
  });

  it("are rate-limited per address, so codes cannot be tried in bulk", async () => {
    const tries = await Promise.allSettled(Array.from({ length: 25 }, () => checkReceipt(c.communeId, "AAAA-BBBB-CCCC", "test-receipts-bulk")));
    const refused = tries.filter((t) => t.status === "rejected");
    expect(refused.length).toBe(5);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "rateLimited", status: 429 });
  });

  it("are given for paper ballots too, and the refusal names the web vote already there", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Phiếu Giấy", households: 2, accounts: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const staff = c.staff;
    const [paper] = await enterPaperBallot(staff, { consultationId: b.consultationId, householdId: v.households[1]!.householdId, answers: [{ questionId: b.questionId, optionIds: [b.agree] }] });
    expect(paper!.receiptCode).toMatch(RECEIPT_PATTERN);
    expect(await checkReceipt(c.communeId, paper!.receiptCode, "test-receipts-2")).toMatchObject({ found: true, channel: "PAPER" });

    const web = await castWebVote(await accessOf(v.households[0]!.userId!, c.communeId), { questionId: b.questionId, optionIds: [b.agree] });
    const refusal = await enterPaperBallot(staff, { consultationId: b.consultationId, householdId: v.households[0]!.householdId, answers: [{ questionId: b.questionId, optionIds: [b.disagree] }] }).catch((e: AppError) => e);
    const at = web.createdAt;
    const hhmm = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
    expect(refusal).toMatchObject({ code: "alreadyVoted", status: 409, params: { unit: "HOUSEHOLD", channel: "WEB", time: hhmm } });
  });
});
