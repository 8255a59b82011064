// Writing a contribution (dân làm): set up from the households' decision, collection opened only once
// that decision passed under Law 10/2022 Art. 15.1, receipts and reversing entries in an append-only
// ledger, exemptions per household, spending, and the Art. 11.5 disclosure posted in the register.
// Each write is one transaction with its audit event.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { endOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { isoToDateColumn } from "@/lib/disclosure/broadcast-days";
import { db, type Tx } from "@/lib/db";
import { recordPostingIn } from "@/lib/disclosure/record-posting";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { isBallotClosed } from "@/lib/participation/eligibility";
import { computeResults } from "@/lib/participation/get-results";

import { assertOwnVillage } from "./roles";
import { collectionGate, disclosureEndDate, type GateRefusal, validReducedLevel } from "./rules";
import type { AddCategoryValues, CreateContributionValues, DiscloseValues, ExemptHouseholdValues, RecordReceiptValues, RecordSpendingValues, ReverseEntryValues } from "./schemas";

const audit = (tx: Tx, access: CommuneAccess, action: string, entityId: string, after: Record<string, unknown>, entityType = "Contribution") =>
  appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action, entityType, entityId, after: after as never });

const isDuplicate = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

async function loadContribution(communeId: string, contributionId: string) {
  const c = await db.contribution.findFirst({
    where: { id: contributionId, communeId },
    select: { id: true, consultationId: true, questionId: true, openedAt: true, levelPerHousehold: true, unit: true, disclosureEndsAt: true, title: true, villages: { select: { villageId: true } } },
  });
  if (!c) throw notFound("contributionNotFound");
  return c;
}

/** Art. 15.1 through the counting code of lib/participation: null when the decision passed. */
export async function decisionGate(communeId: string, consultationId: string, questionId: string, now = new Date()): Promise<GateRefusal | null> {
  const ballot = await loadBallot(communeId, consultationId);
  const results = await computeResults(communeId, ballot, now);
  return collectionGate(isBallotClosed(ballot.window, now), results.find((r) => r.question.id === questionId) ?? null);
}

export async function createContribution(access: CommuneAccess, values: CreateContributionValues) {
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId, matterKind: "DECISION" },
    select: { id: true, isCommuneWide: true, villages: { select: { villageId: true } }, questions: { where: { votingUnit: "HOUSEHOLD" }, orderBy: { position: "asc" }, take: 1, select: { id: true } } },
  });
  const question = consultation?.questions[0];
  if (!consultation || !question) throw invalid("contributionNoDecision", { article: "15.1" }, { consultationId: "contributionNoDecision" });
  const scope = consultation.isCommuneWide ? null : consultation.villages.map((v) => v.villageId);
  const wanted = values.villageIds.length > 0 ? values.villageIds : scope;
  const villages = await db.village.findMany({ where: { communeId: access.communeId, ...(wanted ? { id: { in: wanted } } : {}) }, select: { id: true } });
  if (villages.length === 0 || (wanted && villages.length !== wanted.length)) throw invalid("contributionVillagesInvalid", {}, { villageIds: "contributionVillagesInvalid" });
  // The decision binds only the villages it was put to.
  if (scope && villages.some((v) => !scope.includes(v.id))) throw invalid("contributionVillageOutsideDecision", { article: "15.1" }, { villageIds: "contributionVillageOutsideDecision" });
  if (values.workId && !(await db.work.findFirst({ where: { id: values.workId, communeId: access.communeId }, select: { id: true } }))) {
    throw invalid("contributionWorkNotFound", {}, { workId: "contributionWorkNotFound" });
  }
  return db.$transaction(async (tx) => {
    const row = await tx.contribution.create({
      data: {
        communeId: access.communeId,
        title: values.title,
        description: values.description,
        consultationId: consultation.id,
        questionId: question.id,
        workId: values.workId || null,
        unit: values.unit,
        levelPerHousehold: values.levelPerHousehold,
        periodStart: isoToDateColumn(values.periodStart),
        periodEnd: isoToDateColumn(values.periodEnd),
        createdById: access.userId,
        villages: { create: villages.map((v) => ({ villageId: v.id })) },
      },
      select: { id: true },
    });
    await audit(tx, access, "contribution.create", row.id, { ...values, villageIds: villages.map((v) => v.id) });
    return row;
  });
}

export async function addCategory(access: CommuneAccess, values: AddCategoryValues) {
  const c = await loadContribution(access.communeId, values.contributionId);
  if (!validReducedLevel(c.levelPerHousehold, values.reducedLevel)) throw invalid("contributionReducedLevel", { level: c.levelPerHousehold }, { reducedLevel: "contributionReducedLevel" });
  return db
    .$transaction(async (tx) => {
      const row = await tx.contributionCategory.create({ data: { contributionId: c.id, name: values.name, reducedLevel: values.reducedLevel }, select: { id: true } });
      await audit(tx, access, "contribution.category.add", c.id, { categoryId: row.id, name: values.name, reducedLevel: values.reducedLevel });
      return row;
    })
    .catch((e: unknown) => {
      if (isDuplicate(e)) throw conflict("contributionCategoryTaken", { name: values.name });
      throw e;
    });
}

/** Opens collection: refused, citing Art. 15.1, unless the linked decision passed. */
export async function openCollection(access: CommuneAccess, contributionId: string, now = new Date()) {
  const c = await loadContribution(access.communeId, contributionId);
  if (c.openedAt) throw conflict("contributionAlreadyOpen");
  const refusal = await decisionGate(access.communeId, c.consultationId, c.questionId, now);
  if (refusal) throw new AppError(refusal.code, 409, refusal.params);
  return db.$transaction(async (tx) => {
    const done = await tx.contribution.updateMany({ where: { id: c.id, openedAt: null }, data: { openedAt: now } });
    if (done.count === 0) throw conflict("contributionAlreadyOpen");
    await audit(tx, access, "contribution.open", c.id, { openedAt: now.toISOString() });
    return { id: c.id };
  });
}

async function findHousehold(access: CommuneAccess, contribution: { villages: { villageId: string }[] }, code: string) {
  const household = await db.household.findFirst({ where: { communeId: access.communeId, code: code.trim().toUpperCase() }, select: { id: true, villageId: true, code: true } });
  if (!household) throw invalid("householdNotFound", {}, { householdCode: "householdNotFound" });
  if (!contribution.villages.some((v) => v.villageId === household.villageId)) throw invalid("contributionHouseholdOutside", {}, { householdCode: "contributionHouseholdOutside" });
  assertOwnVillage(access, household.villageId);
  return household;
}

const assertNotFuture = (date: string, now: Date, field: string) => {
  if (date > toVnDate(now)) throw invalid("contributionDateInFuture", { date }, { [field]: "contributionDateInFuture" });
};

export async function recordReceipt(access: CommuneAccess, values: RecordReceiptValues, now = new Date()) {
  const c = await loadContribution(access.communeId, values.contributionId);
  if (!c.openedAt) throw conflict("contributionNotOpen");
  const household = await findHousehold(access, c, values.householdCode);
  assertNotFuture(values.receivedOn, now, "receivedOn");
  return db
    .$transaction(async (tx) => {
      const entry = await tx.contributionEntry.create({
        data: {
          communeId: access.communeId,
          contributionId: c.id,
          householdId: household.id,
          villageId: household.villageId,
          kind: "RECEIPT",
          amount: values.amount,
          receivedOn: isoToDateColumn(values.receivedOn),
          receivedBy: values.receivedBy,
          receiptNumber: values.receiptNumber,
          recordedById: access.userId,
        },
        select: { id: true },
      });
      await audit(tx, access, "contribution.receipt", entry.id, { contributionId: c.id, householdId: household.id, amount: values.amount, receiptNumber: values.receiptNumber }, "ContributionEntry");
      return entry;
    })
    .catch((e: unknown) => {
      if (isDuplicate(e)) throw invalid("contributionReceiptTaken", { number: values.receiptNumber }, { receiptNumber: "contributionReceiptTaken" });
      throw e;
    });
}

/** A correction: a reversing entry for the whole receipt (the ledger is never edited). */
export async function reverseEntry(access: CommuneAccess, values: ReverseEntryValues, now = new Date()) {
  const c = await loadContribution(access.communeId, values.contributionId);
  const entry = await db.contributionEntry.findFirst({ where: { id: values.entryId, contributionId: c.id, communeId: access.communeId }, select: { id: true, kind: true, householdId: true, villageId: true, amount: true, receivedBy: true } });
  if (!entry) throw notFound("contributionEntryNotFound");
  if (entry.kind !== "RECEIPT") throw conflict("contributionReverseReversal");
  assertOwnVillage(access, entry.villageId);
  return db
    .$transaction(async (tx) => {
      const row = await tx.contributionEntry.create({
        data: {
          communeId: access.communeId,
          contributionId: c.id,
          householdId: entry.householdId,
          villageId: entry.villageId,
          kind: "REVERSAL",
          amount: -entry.amount,
          receivedOn: isoToDateColumn(toVnDate(now)),
          receivedBy: entry.receivedBy,
          reversesId: entry.id,
          reason: values.reason,
          recordedById: access.userId,
        },
        select: { id: true },
      });
      await audit(tx, access, "contribution.reverse", row.id, { contributionId: c.id, reverses: entry.id, amount: -entry.amount, reason: values.reason }, "ContributionEntry");
      return row;
    })
    .catch((e: unknown) => {
      if (isDuplicate(e)) throw conflict("contributionAlreadyReversed");
      throw e;
    });
}

export async function exemptHousehold(access: CommuneAccess, values: ExemptHouseholdValues) {
  const c = await loadContribution(access.communeId, values.contributionId);
  const category = await db.contributionCategory.findFirst({ where: { id: values.categoryId, contributionId: c.id }, select: { id: true } });
  if (!category) throw invalid("contributionCategoryNotFound", {}, { categoryId: "contributionCategoryNotFound" });
  const household = await findHousehold(access, c, values.householdCode);
  return db
    .$transaction(async (tx) => {
      const row = await tx.contributionExemption.create({
        data: { communeId: access.communeId, contributionId: c.id, householdId: household.id, categoryId: category.id, recordedById: access.userId },
        select: { id: true },
      });
      await audit(tx, access, "contribution.exempt", c.id, { householdId: household.id, categoryId: category.id });
      return row;
    })
    .catch((e: unknown) => {
      if (isDuplicate(e)) throw invalid("contributionAlreadyExempt", {}, { householdCode: "contributionAlreadyExempt" });
      throw e;
    });
}

export async function recordSpending(access: CommuneAccess, values: RecordSpendingValues, now = new Date()) {
  const c = await loadContribution(access.communeId, values.contributionId);
  assertNotFuture(values.spentOn, now, "spentOn");
  return db.$transaction(async (tx) => {
    const row = await tx.contributionSpending.create({
      data: { communeId: access.communeId, contributionId: c.id, spentOn: isoToDateColumn(values.spentOn), description: values.description, amount: values.amount, recordedById: access.userId },
      select: { id: true },
    });
    await audit(tx, access, "contribution.spending", c.id, { spendingId: row.id, amount: values.amount, description: values.description });
    return row;
  });
}

/**
 * Art. 11.5: the amounts raised and their use are posted in the disclosure register (lib/disclosure),
 * for 30 days (Law on Access to Information 2016 Art. 21.2), from today. Refused while a posting runs.
 */
export async function discloseContribution(access: CommuneAccess, values: DiscloseValues, now = new Date()) {
  const c = await loadContribution(access.communeId, values.contributionId);
  if (!c.openedAt) throw conflict("contributionNotOpen");
  if (c.disclosureEndsAt && c.disclosureEndsAt > now) throw conflict("contributionAlreadyDisclosed", { until: toVnDate(c.disclosureEndsAt) });
  const start = toVnDate(now);
  const end = disclosureEndDate(start);
  // The posting and the contribution's own record in one transaction: both or neither. The conditional
  // update claims the disclosure, so two officials pressing at once get one posting and one refusal.
  return db.$transaction(async (tx) => {
    const claimed = await tx.contribution.updateMany({
      where: { id: c.id, OR: [{ disclosureEndsAt: null }, { disclosureEndsAt: { lte: now } }] },
      data: { disclosedAt: now, disclosureEndsAt: endOfDayVn(end) },
    });
    if (claimed.count === 0) throw conflict("contributionAlreadyDisclosed", { until: end });
    const posting = await recordPostingIn(
      tx,
      access,
      {
        communeId: access.communeId,
        consultationId: c.consultationId,
        channel: "NOTICE_BOARD",
        location: values.location,
        startsAt: start,
        endsAt: end,
        broadcastDates: [],
        photoId: null,
        note: `Công khai số tiền huy động và việc sử dụng: ${c.title} (khoản 5 Điều 11 Luật Thực hiện dân chủ ở cơ sở).`,
      },
      now,
    );
    await tx.contribution.update({ where: { id: c.id }, data: { disclosurePostingId: posting.id } });
    await audit(tx, access, "contribution.disclose", c.id, { postingId: posting.id, from: start, to: end });
    return { postingId: posting.id, from: start, to: end };
  });
}
