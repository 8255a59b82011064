// The law's count on a real database (Law 10/2022 Art. 21.1): each village against ALL its households,
// 2/3 for contributions and funds, more than half otherwise; a commune-wide contribution by 2/3 of its
// villages; web votes set aside where they may not decide; households frozen at close; late entry.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeExpiredConsultations } from "@/lib/consultations/lifecycle";
import { addDaysVn, endOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { importResidentList } from "@/lib/people/import/import-resident-list";
import { getStorage } from "@/lib/storage/storage";

import { accessOf, createBallot, createTestCommune, createVillage, type TestCommune } from "./ballot-test-helpers";
import { castWebVote } from "./cast-web-vote";
import { enterPaperBallot } from "./enter-offline-votes";
import { meetingSchema } from "./ballot-schemas";
import { getBallotResults } from "./get-results";
import { recordMeeting } from "./record-meeting";
import { uploadMinutes } from "./upload-minutes";

let c: TestCommune;
const storedMinutes: string[] = [];

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Cách Tính");
});

afterAll(async () => {
  const rows = await db.attachment.findMany({ where: { id: { in: storedMinutes } }, select: { storageKey: true } });
  await Promise.all(rows.map((r) => getStorage().delete(r.storageKey)));
});

type Ballot = Awaited<ReturnType<typeof createBallot>>;
type Village = Awaited<ReturnType<typeof createVillage>>;

/** Paper ballots: the first `yes` households agree, the next `no` disagree. */
async function paper(b: Ballot, v: Village, yes: number, no = 0) {
  for (const [i, h] of v.households.slice(0, yes + no).entries()) {
    await enterPaperBallot(c.staff, { consultationId: b.consultationId, householdId: h.householdId, answers: [{ questionId: b.questionId, optionIds: [i < yes ? b.agree : b.disagree] }] });
  }
}

async function finalResults(consultationId: string) {
  const r = await getBallotResults(c.communeId, consultationId);
  if (!r.visible || !r.final) throw new Error("final results expected");
  return r.questions[0]!;
}

async function villages(prefix: string, sizes: number[], accounts = 0) {
  const list: Village[] = [];
  for (const [i, n] of sizes.entries()) list.push(await createVillage(c.communeId, { name: `${prefix} ${i + 1} ${randomUUID().slice(0, 4)}`, households: n, accounts }));
  return list;
}

const close = (consultationId: string, at = new Date()) => db.consultation.update({ where: { id: consultationId }, data: { commentEndsAt: new Date(at.getTime() - 1000) } }).then(() => closeExpiredConsultations(at));

describe("a contribution (Art. 15.1): at least 2/3 of ALL households, village by village", () => {
  it("passes a village at exactly 2/3 and fails one household short; the commune needs 2/3 of its villages", async () => {
    const [a, b, d] = await villages("Thôn Đóng Góp", [3, 3, 6]);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, category: "DECISION_COMMUNITY_WORKS", villageIds: [a!.villageId, b!.villageId, d!.villageId], channels: ["PAPER", "MEETING"] });
    await paper(ballot, a!, 2, 1); // exactly 2/3
    await paper(ballot, b!, 1, 2); // 1/3
    await paper(ballot, d!, 3, 3); // one short of 4/6
    await close(ballot.consultationId);
    const q = await finalResults(ballot.consultationId);
    const byId = new Map(q.villages.map((v) => [v.villageId, v]));
    expect(byId.get(a!.villageId)).toMatchObject({ eligible: 3, agree: 2, disagree: 1, outcome: { share: "AT_LEAST_TWO_THIRDS", article: "art21Contribution", numerator: 2, denominator: 3, passed: true } });
    expect(byId.get(d!.villageId)!.outcome).toMatchObject({ numerator: 3, denominator: 6, passed: false });
    // Not commune-wide: each village decides for itself.
    expect(q.commune).toEqual({ rule: "EACH_VILLAGE", villagesPassed: 1, villages: 3, passed: false });
  });

  it("passes a commune-wide contribution with exactly 2/3 of villages, and fails it one village short", async () => {
    const commune = await createTestCommune("Xã Thử Hai Phần Ba");
    const make = async () => {
      const list: Village[] = [];
      for (const n of [3, 3, 3]) list.push(await createVillage(commune.communeId, { name: `Thôn ${randomUUID().slice(0, 6)}`, households: n }));
      return list;
    };
    const vs = await make();
    const ballot = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, category: "DECISION_COMMUNITY_WORKS", channels: ["PAPER"] });
    const enter = async (v: Village, yes: number) => {
      for (const h of v.households.slice(0, yes)) await enterPaperBallot(commune.staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
    };
    await enter(vs[0]!, 2);
    await enter(vs[1]!, 3);
    await enter(vs[2]!, 1);
    await db.consultation.update({ where: { id: ballot.consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000) } });
    await closeExpiredConsultations();
    const r = await getBallotResults(commune.communeId, ballot.consultationId);
    if (!r.visible) throw new Error("results expected");
    expect(r.questions[0]!.commune).toEqual({ rule: "TWO_THIRDS_OF_VILLAGES", villagesPassed: 2, villages: 3, passed: true });
    expect(r.questions[0]!.outcome.passed).toBe(true);

    // A fourth village that did not pass: 2 of 4 is one village short of 2/3 (3 of 4 would pass).
    await createVillage(commune.communeId, { name: `Thôn ${randomUUID().slice(0, 6)}`, households: 3 });
    const again = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, category: "DECISION_COMMUNITY_WORKS", channels: ["PAPER"] });
    for (const [v, yes] of [[vs[0]!, 2], [vs[1]!, 3], [vs[2]!, 1]] as const) {
      for (const h of v.households.slice(0, yes)) await enterPaperBallot(commune.staff, { consultationId: again.consultationId, householdId: h.householdId, answers: [{ questionId: again.questionId, optionIds: [again.agree] }] });
    }
    await db.consultation.update({ where: { id: again.consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000) } });
    await closeExpiredConsultations();
    const short = await getBallotResults(commune.communeId, again.consultationId);
    if (!short.visible) throw new Error("results expected");
    expect(short.questions[0]!.commune).toEqual({ rule: "TWO_THIRDS_OF_VILLAGES", villagesPassed: 2, villages: 4, passed: false });
  });
});

describe("a convention (Art. 15.3): more than 50% of ALL households", () => {
  it("fails at exactly half and passes with one household more", async () => {
    const [half, more] = await villages("Thôn Hương Ước", [4, 4]);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [half!.villageId, more!.villageId], channels: ["PAPER", "MEETING"] });
    await paper(ballot, half!, 2, 2);
    await paper(ballot, more!, 3);
    await close(ballot.consultationId);
    const q = await finalResults(ballot.consultationId);
    const byId = new Map(q.villages.map((v) => [v.villageId, v.outcome]));
    expect(byId.get(half!.villageId)).toMatchObject({ share: "MORE_THAN_HALF", article: "art21SelfManagement", numerator: 2, denominator: 4, passed: false });
    expect(byId.get(more!.villageId)).toMatchObject({ numerator: 3, denominator: 4, passed: true });
    expect(q.commune).toMatchObject({ rule: "EACH_VILLAGE", villagesPassed: 1, villages: 2, passed: false });
  });

  it("records web votes but sets them aside, with the reason, and never lets them decide", async () => {
    const [v] = await villages("Thôn Bỏ Phiếu Mạng", [4], 3);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v!.villageId] });
    for (const h of v!.households.slice(0, 3)) await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    await paper(ballot, { ...v!, households: v!.households.slice(3) }, 1);
    await close(ballot.consultationId);
    const q = await finalResults(ballot.consultationId);
    expect(await db.vote.count({ where: { questionId: ballot.questionId, channel: "WEB" } })).toBe(3);
    expect(q.villages[0]).toMatchObject({ participants: 1, agree: 1, notDeciding: ["WEB"], setAside: { WEB: 3 }, outcome: { numerator: 1, denominator: 4, passed: false } });
  });

  it("shows running figures while voting is open, without a verdict", async () => {
    const [v] = await villages("Thôn Đang Bỏ Phiếu", [2]);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v!.villageId], showResultsLive: true });
    await paper(ballot, v!, 2);
    const live = await getBallotResults(c.communeId, ballot.consultationId);
    if (!live.visible) throw new Error("live results expected");
    expect(live.final).toBe(false);
    expect(live.questions[0]!.villages[0]!.outcome).toMatchObject({ numerator: 2, denominator: 2, passed: null });
    expect(live.questions[0]!.outcome.passed).toBeNull();
  });

  it("never counts a voided vote", async () => {
    const [v] = await villages("Thôn Phiếu Hủy", [3]);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v!.villageId], channels: ["PAPER"] });
    await paper(ballot, v!, 2);
    // A voided vote frees its key (the check constraint wants "#void:<id>" on it), as voiding does.
    await db.$executeRaw`UPDATE "Vote" SET "voidedAt" = now(), "voidReason" = 'Hộ khiếu nại, Mặt trận xác nhận', "voterKey" = "voterKey" || '#void:' || "id"
      WHERE "questionId" = ${ballot.questionId} AND "householdId" = ${v!.households[0]!.householdId}`;
    await close(ballot.consultationId);
    expect((await finalResults(ballot.consultationId)).villages[0]).toMatchObject({ participants: 1, agree: 1, outcome: { passed: false } });
  });
});

describe("households frozen when voting closes", () => {
  it("keeps each village's count with the question; a later import of the list changes nothing", async () => {
    const [v] = await villages("Phú Khương Thử", [3]);
    const name = (await db.village.findUniqueOrThrow({ where: { id: v!.villageId }, select: { name: true } })).name;
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v!.villageId], channels: ["PAPER"] });
    await paper(ballot, v!, 2);
    await close(ballot.consultationId);
    expect(await db.closedVillageCount.findMany({ where: { questionId: ballot.questionId }, select: { villageId: true, eligible: true } })).toEqual([{ villageId: v!.villageId, eligible: 3 }]);
    const before = await finalResults(ballot.consultationId);
    expect(before.villages[0]!.outcome).toMatchObject({ numerator: 2, denominator: 3, passed: true });

    // Three more households arrive with a re-import: 2 of 6 would fail, but the closed count stands.
    const lines = ["Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ", ...["An", "Bình", "Cường"].map((given) => `${name},NEW-${randomUUID().slice(0, 6)},,Trần Văn ${given},1980,x`)];
    const bytes = new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`);
    const { createHash } = await import("node:crypto");
    await importResidentList(c.staff, { name: "bo-sung.csv", bytes }, createHash("sha256").update(bytes).digest("hex"), 1024 * 1024);
    expect(await db.household.count({ where: { villageId: v!.villageId, isActive: true } })).toBe(6);
    const after = await finalResults(ballot.consultationId);
    expect(after.villages[0]).toMatchObject({ eligible: 3, outcome: { numerator: 2, denominator: 3, passed: true } });
    // Closing again (a second scheduler) keeps the first figures.
    await closeExpiredConsultations();
    expect(await db.closedVillageCount.count({ where: { questionId: ballot.questionId } })).toBe(1);
  });
});

describe("late entry of paper ballots and meeting records", () => {
  async function closedBallot(days = 3) {
    await db.commune.update({ where: { id: c.communeId }, data: { settings: { lateEntryDays: days } } });
    const [v] = await villages("Thôn Nhập Muộn", [4]);
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v!.villageId], channels: ["PAPER", "MEETING"], opensIn: -10, closesIn: -1 });
    const ends = (await db.consultation.findUniqueOrThrow({ where: { id: ballot.consultationId }, select: { commentEndsAt: true, commentStartsAt: true } }));
    return { v: v!, ballot, lastDay: toVnDate(ends.commentEndsAt!), firstDay: toVnDate(ends.commentStartsAt!) };
  }
  const ballotOf = (b: Ballot, householdId: string, datedOn: string | null) => ({ consultationId: b.consultationId, householdId, datedOn, answers: [{ questionId: b.questionId, optionIds: [b.agree] }] });

  it("takes a ballot dated inside the period up to the end of the Nth day after the close, and refuses it a day later", async () => {
    const { v, ballot, lastDay } = await closedBallot(3);
    const lastMoment = endOfDayVn(addDaysVn(lastDay, 3));
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, lastDay), lastMoment)).resolves.toHaveLength(1);
    const dayOver = new Date(lastMoment.getTime() + 1);
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[1]!.householdId, lastDay), dayOver)).rejects.toMatchObject({ code: "lateEntryClosed", status: 409, params: { days: 3 } });
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(1);
  });

  it("follows the commune's own window", async () => {
    const { v, ballot, lastDay } = await closedBallot(1);
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, lastDay), endOfDayVn(addDaysVn(lastDay, 2)))).rejects.toMatchObject({ code: "lateEntryClosed", params: { days: 1 } });
  });

  it("takes a meeting record within the window and refuses it a day over", async () => {
    const { v, ballot, lastDay } = await closedBallot(3);
    const lastMoment = endOfDayVn(addDaysVn(lastDay, 3));
    const minutes = async () => {
      const file = await uploadMinutes(c.staff, { consultationId: ballot.consultationId, fileName: "bien-ban.pdf", data: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
      storedMinutes.push(file.id);
      return file.id;
    };
    const meeting = async () =>
      meetingSchema.parse({
        communeId: c.communeId,
        consultationId: ballot.consultationId,
        villageId: v.villageId,
        heldOn: lastDay,
        heldTime: "08:00",
        form: "SHOW_OF_HANDS",
        householdsPresent: 3,
        minutesId: await minutes(),
        notes: "",
        tallies: [{ questionId: ballot.questionId, optionId: ballot.agree, count: 3 }],
        sourceChoice: null,
        reason: "",
      });
    await expect(recordMeeting(c.staff, await meeting(), new Date(lastMoment.getTime() + 1))).rejects.toMatchObject({ code: "lateEntryClosed", status: 409 });
    expect(await db.meetingRecord.count({ where: { consultationId: ballot.consultationId } })).toBe(0);
    await expect(recordMeeting(c.staff, await meeting(), lastMoment)).resolves.toMatchObject({ householdsTotal: 4 });
  });

  it("refuses a late ballot dated outside the voting period, or without its date", async () => {
    const { v, ballot, lastDay, firstDay } = await closedBallot(3);
    const now = endOfDayVn(addDaysVn(lastDay, 1));
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, addDaysVn(lastDay, 1)), now)).rejects.toMatchObject({ code: "ballotDateOutside", status: 409 });
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, addDaysVn(firstDay, -1)), now)).rejects.toMatchObject({ code: "ballotDateOutside" });
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, null), now)).rejects.toMatchObject({ code: "ballotDateRequired" });
    await expect(enterPaperBallot(c.staff, ballotOf(ballot, v.households[0]!.householdId, firstDay), now)).resolves.toHaveLength(1);
    await db.commune.update({ where: { id: c.communeId }, data: { settings: {} } });
  });
});
