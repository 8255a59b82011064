// Contributions (issue 13 §2) against PostgreSQL: the Art. 15.1 gate read from the real count, the
// append-only ledger and its sums, who may record and read (a village head for their own village only,
// the Front reads, a resident sees only their own household, another commune is refused), privacy of
// exemptions in the public summary, and the Art. 11.5 disclosure posted for 30 days.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { closeExpiredConsultations } from "@/lib/consultations/lifecycle";
import { addDaysVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addFrontReviewer, createBallot, createTestCommune, createVillage, outcomesByPerson, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { enterPaperBallot } from "@/lib/participation/enter-offline-votes";

import { addCategory, createContribution, discloseContribution, exemptHousehold, openCollection, recordReceipt, recordSpending, reverseEntry } from "./manage";
import { getLedger, getMyHouseholdRecord, getPublicSummary } from "./read";
import { LEDGER_READ_ROLES, MANAGE_ROLES, RECORD_ROLES } from "./roles";
import { createContributionSchema, recordReceiptSchema } from "./schemas";
import { residentFundsForWork } from "./work-budget";

type Village = Awaited<ReturnType<typeof createVillage>>;
type Ballot = Awaited<ReturnType<typeof createBallot>>;

let c: TestCommune;
let other: TestCommune;
let a: Village;
let b: Village;
let people: Record<string, string>;
let head: { userId: string };
const today = () => toVnDate(new Date());

async function villageHead(villageId: string) {
  const user = await db.user.create({ data: { name: "Trưởng thôn đóng góp", displayName: "Trưởng thôn", email: `dg-${villageId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
  return { userId: user.id };
}

async function paper(ballot: Ballot, v: Village, yes: number) {
  for (const h of v.households.slice(0, yes)) {
    await enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: h.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
  }
}

async function decision(yesA: number, yesB: number, closed = true) {
  const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, category: "DECISION_COMMUNITY_WORKS", villageIds: [a.villageId, b.villageId], channels: ["PAPER", "MEETING"] });
  await paper(ballot, a, yesA);
  await paper(ballot, b, yesB);
  if (closed) {
    await db.consultation.update({ where: { id: ballot.consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000) } });
    await closeExpiredConsultations();
  }
  return ballot;
}

const setUp = (consultationId: string) =>
  createContribution(
    c.staff,
    createContributionSchema.parse({ communeId: c.communeId, consultationId, title: "Đóng góp bê tông hóa đường thôn", unit: "MONEY", levelPerHousehold: 500_000, periodStart: "2026-03-01", periodEnd: "2026-06-30" }),
  );

const receipt = (contributionId: string, code: string, amount: number, receiptNumber: string) =>
  recordReceiptSchema.parse({ communeId: c.communeId, contributionId, householdCode: code, amount, receivedOn: today(), receivedBy: "Nguyễn Thị Thu", receiptNumber });

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Đóng Góp");
  other = await createTestCommune("Xã Thử Khác");
  a = await createVillage(c.communeId, { name: `Thôn A ${randomUUID().slice(0, 4)}`, households: 3, accounts: 3 });
  b = await createVillage(c.communeId, { name: `Thôn B ${randomUUID().slice(0, 4)}`, households: 3, accounts: 1 });
  head = await villageHead(a.villageId);
  const front = await addFrontReviewer(c.communeId);
  people = { staff: c.staffId, villageHead: head.userId, front: front.userId, resident: a.households[0]!.userId!, otherCommuneStaff: other.staffId };
});

describe("the Art. 15.1 gate: collection opens only on a decision that passed", () => {
  it("refuses a decision one household short of 2/3 in a village, citing the article", async () => {
    const ballot = await decision(2, 1); // A: exactly 2/3; B: 1/3
    const { id } = await setUp(ballot.consultationId);
    await expect(openCollection(c.staff, id)).rejects.toMatchObject({ code: "contributionNotPassed", status: 409, params: { article: "15.1", passed: 1, villages: 2 } });
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).openedAt).toBeNull();
  });

  it("refuses while voting is open", async () => {
    const ballot = await decision(3, 3, false);
    const { id } = await setUp(ballot.consultationId);
    await expect(openCollection(c.staff, id)).rejects.toMatchObject({ code: "contributionVoteOpen", status: 409 });
  });

  it("opens at exactly 2/3 in every village, once", async () => {
    const ballot = await decision(2, 2);
    const { id } = await setUp(ballot.consultationId);
    await openCollection(c.staff, id);
    await expect(openCollection(c.staff, id)).rejects.toMatchObject({ code: "contributionAlreadyOpen" });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "contribution.open" } })).toBe(1);
  });

  it("refuses a matter not counted at 2/3 (a convention)", async () => {
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [a.villageId], channels: ["PAPER"] });
    await db.consultation.update({ where: { id: ballot.consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000) } });
    await closeExpiredConsultations();
    const { id } = await createContribution(c.staff, createContributionSchema.parse({ communeId: c.communeId, consultationId: ballot.consultationId, title: "Không phải đóng góp", unit: "LABOUR_DAYS", levelPerHousehold: 2, periodStart: "2026-03-01", periodEnd: "2026-03-02" }));
    await expect(openCollection(c.staff, id)).rejects.toMatchObject({ code: "contributionNotContributionMatter" });
  });
});

describe("the ledger", () => {
  let id: string;
  beforeAll(async () => {
    const ballot = await decision(3, 2);
    id = (await setUp(ballot.consultationId)).id;
    await openCollection(c.staff, id);
  });

  it("sums receipts and reversing entries per village; the ledger is never edited", async () => {
    const r1 = await recordReceipt(c.staff, receipt(id, a.households[0]!.code, 500_000, "BL-001"));
    const head_ = await requireCommuneAccess(head.userId, c.communeId, RECORD_ROLES, { write: true });
    await recordReceipt(head_, receipt(id, a.households[1]!.code, 300_000, "BL-002"));
    await recordReceipt(c.staff, receipt(id, b.households[0]!.code, 500_000, "BL-003"));
    await expect(recordReceipt(c.staff, receipt(id, b.households[1]!.code, 500_000, "BL-003"))).rejects.toMatchObject({ code: "contributionReceiptTaken", status: 422, fields: { receiptNumber: "contributionReceiptTaken" } });
    await reverseEntry(c.staff, { communeId: c.communeId, contributionId: id, entryId: r1.id, reason: "Ghi nhầm hộ" });
    await expect(reverseEntry(c.staff, { communeId: c.communeId, contributionId: id, entryId: r1.id, reason: "Lần nữa" })).rejects.toMatchObject({ code: "contributionAlreadyReversed" });
    const s = await getPublicSummary(c.communeId, id);
    expect(Object.fromEntries(s.villages.map((v) => [v.villageId, v.collected]))).toEqual({ [a.villageId]: 300_000, [b.villageId]: 500_000 });
    expect(s.collected).toBe(800_000);
    expect(s.expected).toBe(6 * 500_000);
    expect(s.percent).toBe(26.7); // 800,000 of 3,000,000
    await expect(db.contributionEntry.update({ where: { id: r1.id }, data: { amount: 1 } })).rejects.toThrow();
    await expect(db.contributionEntry.delete({ where: { id: r1.id } })).rejects.toThrow();
  });

  it("a village head records for their own village only; the Front, a resident and another commune may not record", async () => {
    expect(await outcomesByPerson(people, c.communeId, RECORD_ROLES, async (access) => recordReceipt(access, receipt(id, b.households[2]!.code, 100_000, `BL-${randomUUID().slice(0, 6)}`)))).toEqual({
      staff: "ok",
      villageHead: "notYourVillage",
      front: "forbidden",
      resident: "forbidden",
      otherCommuneStaff: "forbidden",
    });
    expect(await outcomesByPerson(people, c.communeId, MANAGE_ROLES, async () => undefined)).toMatchObject({ staff: "ok", villageHead: "forbidden", front: "forbidden", resident: "forbidden" });
  });

  it("another commune's staff cannot reach this contribution through their own commune", async () => {
    await expect(recordReceipt(other.staff, { ...receipt(id, a.households[2]!.code, 1, "X-1"), communeId: other.communeId })).rejects.toMatchObject({ code: "contributionNotFound", status: 404 });
    await expect(getPublicSummary(other.communeId, id)).rejects.toMatchObject({ code: "contributionNotFound" });
  });

  it("the Front reads the whole ledger; a village head their village; a resident not at all", async () => {
    const read = await outcomesByPerson(people, c.communeId, LEDGER_READ_ROLES, async (access) => {
      const l = await getLedger(access, id);
      if (new Set(l.entries.map((e) => e.villageId)).size === 2) return;
      if (l.entries.every((e) => e.villageId === a.villageId)) throw new AppError("ownVillageOnly", 200);
    });
    expect(read).toEqual({ staff: "ok", villageHead: "ownVillageOnly", front: "ok", resident: "forbidden", otherCommuneStaff: "forbidden" });
  });

  it("a resident sees their own household's record, nobody else's", async () => {
    const mine = await getMyHouseholdRecord(c.communeId, id, a.households[1]!.residentId);
    expect(mine).toMatchObject({ householdCode: a.households[1]!.code, expected: 500_000, paid: 300_000, category: null });
    expect(mine!.entries.map((e) => e.receiptNumber)).toEqual(["BL-002"]);
    const first = await getMyHouseholdRecord(c.communeId, id, a.households[0]!.residentId);
    expect(first!.paid).toBe(0);
    expect(first!.entries.map((e) => e.kind)).toEqual(["RECEIPT", "REVERSAL"]);
  });

  it("the public sees exemptions as counts per category, never the household", async () => {
    const poor = await addCategory(c.staff, { communeId: c.communeId, contributionId: id, name: "Hộ nghèo", reducedLevel: null });
    const merit = await addCategory(c.staff, { communeId: c.communeId, contributionId: id, name: "Gia đình có công", reducedLevel: 250_000 });
    await expect(addCategory(c.staff, { communeId: c.communeId, contributionId: id, name: "Sai mức", reducedLevel: 500_000 })).rejects.toMatchObject({ code: "contributionReducedLevel" });
    const exempt = b.households[1]!;
    await exemptHousehold(c.staff, { communeId: c.communeId, contributionId: id, householdCode: exempt.code, categoryId: poor.id });
    await exemptHousehold(c.staff, { communeId: c.communeId, contributionId: id, householdCode: b.households[2]!.code, categoryId: merit.id });
    await expect(exemptHousehold(c.staff, { communeId: c.communeId, contributionId: id, householdCode: exempt.code, categoryId: merit.id })).rejects.toMatchObject({ code: "contributionAlreadyExempt" });
    const s = await getPublicSummary(c.communeId, id);
    expect(s.exemptions.map((e) => [e.name, e.households])).toEqual([["Gia đình có công", 1], ["Hộ nghèo", 1]]);
    expect(s.expected).toBe(4 * 500_000 + 250_000);
    const resident = await db.resident.findUniqueOrThrow({ where: { id: exempt.residentId }, select: { fullName: true } });
    const json = JSON.stringify(s);
    expect(json).not.toContain(resident.fullName);
    expect(json).not.toContain(exempt.code);
    expect(json).not.toContain(exempt.householdId);
  });

  it("posts the disclosure in the register for 30 days (Art. 11.5), once while it runs", async () => {
    const { postingId, from, to } = await discloseContribution(c.staff, { communeId: c.communeId, contributionId: id, location: "Nhà văn hóa thôn" });
    expect(to).toBe(addDaysVn(from, 29));
    const posting = await db.disclosurePosting.findUniqueOrThrow({ where: { id: postingId } });
    expect(posting.channel).toBe("NOTICE_BOARD");
    expect(posting.note).toContain("Điều 11");
    await expect(discloseContribution(c.staff, { communeId: c.communeId, contributionId: id, location: "Nhà văn hóa thôn" })).rejects.toMatchObject({ code: "contributionAlreadyDisclosed" });
  });
});

describe("spending set against the linked work's budget lines (lib/contributions/work-budget.ts)", () => {
  it("shows per residents' line what was planned, raised (receipts less reversals) and spent; an unopened contribution does not count", async () => {
    const work = await db.work.create({
      data: {
        communeId: c.communeId,
        title: "Bê tông hóa đường thôn A",
        description: "Thử",
        status: "IN_PROGRESS",
        createdById: c.staffId,
        budgetLines: {
          create: [
            { communeId: c.communeId, source: "STATE_BUDGET", amountVnd: 900_000_000n, sortOrder: 0 },
            { communeId: c.communeId, source: "RESIDENT_CASH", amountVnd: 3_000_000n, note: "Theo nghị quyết hội nghị thôn", sortOrder: 1 },
            { communeId: c.communeId, source: "LABOUR_DAYS", labourDays: 40, sortOrder: 2 },
          ],
        },
      },
      select: { id: true },
    });
    const ballot = await decision(3, 3);
    const make = (unit: "MONEY" | "LABOUR_DAYS", title: string) =>
      createContribution(c.staff, createContributionSchema.parse({ communeId: c.communeId, consultationId: ballot.consultationId, workId: work.id, title, unit, levelPerHousehold: unit === "MONEY" ? 500_000 : 2, periodStart: "2026-03-01", periodEnd: "2026-06-30" }));
    const cash = await make("MONEY", "Tiền đóng góp đường thôn A");
    const labour = await make("LABOUR_DAYS", "Ngày công đường thôn A");
    const unopened = await make("MONEY", "Đợt hai, chưa mở thu");
    await openCollection(c.staff, cash.id);
    await openCollection(c.staff, labour.id);
    const r1 = await recordReceipt(c.staff, receipt(cash.id, a.households[0]!.code, 500_000, `WB-${randomUUID().slice(0, 6)}`));
    await recordReceipt(c.staff, receipt(cash.id, a.households[1]!.code, 500_000, `WB-${randomUUID().slice(0, 6)}`));
    await recordReceipt(c.staff, receipt(cash.id, b.households[0]!.code, 400_000, `WB-${randomUUID().slice(0, 6)}`));
    await reverseEntry(c.staff, { communeId: c.communeId, contributionId: cash.id, entryId: r1.id, reason: "Ghi nhầm hộ" });
    await recordReceipt(c.staff, receipt(labour.id, a.households[2]!.code, 2, `WB-${randomUUID().slice(0, 6)}`));
    await recordSpending(c.staff, { communeId: c.communeId, contributionId: cash.id, spentOn: today(), description: "Mua xi măng", amount: 600_000 });
    await recordSpending(c.staff, { communeId: c.communeId, contributionId: labour.id, spentOn: today(), description: "Đào rãnh", amount: 1 });

    const rows = await residentFundsForWork(c.communeId, work.id);
    expect(rows).toMatchObject([
      { source: "RESIDENT_CASH", unit: "MONEY", planned: 3_000_000, raised: 900_000, spent: 600_000, lines: [{ note: "Theo nghị quyết hội nghị thôn", planned: 3_000_000 }], contributions: [{ id: cash.id }] },
      { source: "LABOUR_DAYS", unit: "LABOUR_DAYS", planned: 40, raised: 2, spent: 1, contributions: [{ id: labour.id }] },
    ]);
    expect(rows.flatMap((r) => r.contributions.map((x) => x.id))).not.toContain(unopened.id);
    // The state budget is not residents' money; another commune sees nothing of this work.
    expect(rows.map((r) => r.source)).not.toContain("STATE_BUDGET");
    expect(await residentFundsForWork(other.communeId, work.id)).toEqual([]);
  });
});
