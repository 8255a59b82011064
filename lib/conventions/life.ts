// The life of a village convention (Decree 61/2023), step by step. Each step is one transaction that
// moves the version (or the convention) on, writes a ConventionStep with its date, who acted and the clock
// it answered, and an audit event. The draft's posting and the village's vote belong to the consultation of
// the convention kind (lib/consultations, lib/participation): adoption is read from its tally, never recounted.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db, type Tx } from "@/lib/db";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { ConventionFileKind, ConventionStage } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { assertMayEnterFor, loadBallot } from "@/lib/participation/ballot-scope";
import { isBallotClosed } from "@/lib/participation/eligibility";
import { computeResults } from "@/lib/participation/get-results";
import { readSettings } from "@/lib/settings";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { DOCUMENT_OR_IMAGE } from "@/lib/storage/inspect-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

import { tellOfStep } from "./notify";
import { ARTICLES, clockOf, type ClockKind, enoughSignatures, signaturesNeeded } from "./rules";
import { RECORD_ROLES, SIGN_ROLES } from "./roles";
import type { ProposeInput } from "./schemas";

const HOUR = 3600 * 1000;
const DOSSIER_KINDS: ConventionFileKind[] = ["REQUEST", "MINUTES", "ADOPTED_TEXT"];

/** The instant of a step: now, or midday of the day staff name (never a day still to come). */
export function stepInstant(on: string, now = new Date()): Date {
  if (!on || on === toVnDate(now)) return now;
  if (on > toVnDate(now)) throw invalid("conventionDateInFuture", {}, { on: "conventionDateInFuture" });
  return new Date(startOfDayVn(on).getTime() + 12 * HOUR);
}

const need = (access: CommuneAccess, roles: readonly string[]) => {
  if (!access.roles.some((r) => roles.includes(r))) throw forbidden();
};

async function extraHolidays(communeId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } });
  return readSettings(commune.settings).extraHolidays;
}

type StepInput = {
  conventionId: string;
  versionId?: string | null;
  kind: string;
  at: Date;
  note?: string | null;
  documentId?: string | null;
  clock?: { kind: ClockKind; startedAt: Date; extraHolidays: readonly string[] };
};

async function writeStep(tx: Tx, access: CommuneAccess, s: StepInput) {
  const clock = s.clock ? clockOf(s.clock.kind, s.clock.startedAt, s.at, s.at, s.clock.extraHolidays) : null;
  const step = await tx.conventionStep.create({
    data: {
      communeId: access.communeId,
      conventionId: s.conventionId,
      versionId: s.versionId ?? null,
      kind: s.kind,
      at: s.at,
      dueAt: clock?.deadline ?? null,
      onTime: clock ? clock.state === "done" : null,
      actorId: access.userId,
      actorRole: access.actingRole,
      note: s.note ?? null,
      documentId: s.documentId ?? null,
    },
    select: { id: true, onTime: true, dueAt: true },
  });
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: `convention.${s.kind.toLowerCase()}`,
    entityType: "Convention",
    entityId: s.conventionId,
    after: { versionId: s.versionId ?? null, at: s.at.toISOString(), onTime: step.onTime, documentId: s.documentId ?? null },
    details: { kind: s.kind, versionId: s.versionId ?? null },
  });
  await tellOfStep(tx, access, { conventionId: s.conventionId, kind: s.kind });
  return step;
}

async function lockVersion(tx: Tx, communeId: string, versionId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ConventionVersion" WHERE id = ${versionId} AND "communeId" = ${communeId} FOR UPDATE`;
  if (!row) throw notFound("conventionNotFound");
  return tx.conventionVersion.findUniqueOrThrow({
    where: { id: versionId },
    include: { convention: { select: { id: true, villageId: true, title: true, status: true } }, files: { select: { kind: true } }, drafts: { select: { id: true } } },
  });
}

const expectStage = (stage: ConventionStage, allowed: ConventionStage[]) => {
  if (!allowed.includes(stage)) throw conflict("conventionWrongStage", { stage });
};

/**
 * A proposal (Art. 7): a new convention of a village, or an amendment of one in force (a new version that
 * goes through the same steps). The village head with the Front committee head, or citizens with
 * signatures of at least 10% of the village's households (entered by staff from the signed sheets).
 */
export async function propose(access: CommuneAccess, input: ProposeInput, now = new Date()) {
  const at = stepInstant(input.on, now);
  return db.$transaction(async (tx) => {
    let conventionId = input.conventionId;
    let villageId = input.villageId;
    if (conventionId) {
      const [existing] = await tx.$queryRaw<{ id: string; villageId: string; status: string }[]>`
        SELECT id, "villageId", status::text AS status FROM "Convention" WHERE id = ${conventionId} AND "communeId" = ${access.communeId} FOR UPDATE`;
      if (!existing) throw notFound("conventionNotFound");
      if (existing.status !== "IN_FORCE" && existing.status !== "SUSPENDED") throw conflict("conventionNotInForce");
      const open = await tx.conventionVersion.count({ where: { conventionId, stage: { notIn: ["RECOGNISED", "REFUSED", "NOT_ADOPTED"] } } });
      if (open > 0) throw conflict("conventionVersionOpen");
      villageId = existing.villageId;
    }
    const village = await tx.village.findFirst({ where: { id: villageId, communeId: access.communeId }, select: { id: true, householdCount: true } });
    if (!village) throw notFound("villageNotFound");
    // A village head proposes for their own village only (the rule of lib/participation).
    assertMayEnterFor(access, village.id);
    if (input.proposer === "CITIZENS" && !enoughSignatures(input.signatures ?? 0, village.householdCount)) {
      throw invalid(
        "conventionTooFewSignatures",
        { signatures: input.signatures ?? 0, needed: signaturesNeeded(village.householdCount), households: village.householdCount, article: ARTICLES.proposal },
        { signatures: "conventionTooFewSignatures" },
      );
    }
    if (!conventionId) {
      const created = await tx.convention.create({ data: { communeId: access.communeId, villageId: village.id, title: input.title, createdById: access.userId }, select: { id: true } });
      conventionId = created.id;
    }
    const number = (await tx.conventionVersion.count({ where: { conventionId } })) + 1;
    const version = await tx.conventionVersion.create({
      data: {
        communeId: access.communeId,
        conventionId,
        number,
        kind: number === 1 ? "NEW" : "AMENDMENT",
        proposer: input.proposer,
        frontHeadName: input.proposer === "HEAD_WITH_FRONT" ? input.frontHeadName : null,
        signatures: input.proposer === "CITIZENS" ? input.signatures : null,
        householdsAtProposal: village.householdCount,
        summary: input.summary,
        createdAt: at,
      },
      select: { id: true },
    });
    await writeStep(tx, access, { conventionId, versionId: version.id, kind: "PROPOSED", at, note: input.summary });
    return { conventionId, versionId: version.id };
  });
}

/** The drafting group (Art. 9): one member a line. */
export async function setDraftingGroup(access: CommuneAccess, input: { versionId: string; members: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  const members = input.members.split(/\r?\n|;/).map((m) => m.trim()).filter((m) => m.length > 0);
  if (members.length < 2) throw invalid("conventionGroupTooSmall", {}, { members: "conventionGroupTooSmall" });
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["PROPOSED", "DRAFTING"]);
    await tx.conventionVersion.update({ where: { id: v.id }, data: { draftingGroup: members, stage: "DRAFTING" } });
    await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "DRAFTING_GROUP", at, note: members.join("; ") });
    return { id: v.id };
  });
}

/** A new text of the draft; the last one is the one posted and voted. */
export async function addDraftText(access: CommuneAccess, input: { versionId: string; text: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["DRAFTING"]);
    const number = v.drafts.length + 1;
    await tx.conventionDraft.create({ data: { communeId: access.communeId, versionId: v.id, number, text: input.text, createdById: access.userId, createdAt: now } });
    await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "DRAFT_TEXT", at: now, note: `#${number}` });
    return { number };
  });
}

/**
 * The draft is posted through a consultation of the convention kind (Art. 9): its own rules hold the 30
 * days of posting before the vote. It must be this commune's, of that kind, published, and cover the village.
 */
export async function linkConsultation(access: CommuneAccess, input: { versionId: string; consultationId: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["DRAFTING"]);
    if (v.drafts.length === 0) throw conflict("conventionNoDraft");
    const c = await tx.consultation.findFirst({
      where: { id: input.consultationId, communeId: access.communeId },
      select: { id: true, legalCategory: true, status: true, isCommuneWide: true, postingStartsAt: true, publishedAt: true, villages: { select: { villageId: true } } },
    });
    if (!c) throw notFound("consultationNotFound");
    if (c.legalCategory !== "DECISION_VILLAGE_CONVENTION") throw invalid("conventionNotConventionKind", { article: ARTICLES.posting }, { consultationId: "conventionNotConventionKind" });
    if (c.status !== "PUBLISHED" && c.status !== "CLOSED") throw conflict("conventionConsultationNotPublished");
    if (!c.isCommuneWide && !c.villages.some((x) => x.villageId === v.convention.villageId)) throw invalid("conventionConsultationOtherVillage", {}, { consultationId: "conventionConsultationOtherVillage" });
    await tx.conventionVersion.update({ where: { id: v.id }, data: { consultationId: c.id, stage: "POSTED" } });
    await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "POSTED", at: c.postingStartsAt ?? c.publishedAt ?? now });
    return { id: v.id };
  });
}

/**
 * The village's decision, as the tally of the consultation gives it once voting closed (Art. 10; Law
 * 10/2022 Art. 15.3, 21.1: more than 50% of ALL households of the village; a meeting needs more than half
 * present, household ballots when it failed — all decided by lib/participation, read here, never recounted).
 */
export async function recordAdoption(access: CommuneAccess, input: { versionId: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const v0 = await db.conventionVersion.findFirst({ where: { id: input.versionId, communeId: access.communeId }, select: { consultationId: true, stage: true, convention: { select: { villageId: true } } } });
  if (!v0) throw notFound("conventionNotFound");
  expectStage(v0.stage, ["POSTED"]);
  if (!v0.consultationId) throw conflict("conventionNotPosted");
  const ballot = await loadBallot(access.communeId, v0.consultationId);
  if (!isBallotClosed(ballot.window, now)) throw conflict("conventionVoteOpen");
  const [question] = await computeResults(access.communeId, ballot, now);
  const village = question?.villages.find((x) => x.villageId === v0.convention.villageId);
  if (!question || !village?.outcome) throw conflict("conventionNoResult");
  const passed = village.outcome.passed === true;
  const decidedAt = village.meeting?.heldAt ?? ballot.commentEndsAt ?? now;
  const result = {
    agree: village.agree,
    households: village.eligible,
    percent: village.outcome.percent,
    source: village.source,
    meeting: village.meeting ? { heldAt: village.meeting.heldAt.toISOString(), present: village.meeting.householdsPresent, total: village.meeting.householdsTotal } : null,
    quorumMissing: village.quorumMissing,
    passed,
  };
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["POSTED"]);
    await tx.conventionVersion.update({ where: { id: v.id }, data: { stage: passed ? "ADOPTED" : "NOT_ADOPTED", adoptionResult: result, adoptedAt: passed ? decidedAt : null } });
    await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: passed ? "ADOPTED" : "NOT_ADOPTED", at: decidedAt, note: `${result.agree}/${result.households}` });
    return result;
  });
}

/** A scan of the dossier (request, minutes, adopted text, with their signatures), judged by its content. */
export async function uploadDossierFile(access: CommuneAccess, input: { versionId: string; kind: ConventionFileKind; fileName: string; data: Buffer }) {
  need(access, RECORD_ROLES);
  if (!DOSSIER_KINDS.includes(input.kind)) throw invalid("invalidInput");
  const { data, inspected } = await inspectAndCleanUpload(input.data, DOCUMENT_OR_IMAGE);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["ADOPTED"]);
    const saved = await saveAttachment({ communeId: access.communeId, kind: "DOCUMENT", fileName: input.fileName, title: input.kind, uploadedById: access.userId, data, inspected }, tx);
    await tx.conventionFile.create({ data: { communeId: access.communeId, versionId: v.id, kind: input.kind, attachmentId: saved.id, uploadedById: access.userId } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "convention.file.upload",
      entityType: "Convention",
      entityId: v.conventionId,
      after: { versionId: v.id, kind: input.kind, sha256: inspected.sha256 },
      details: { kind: input.kind, sha256: inspected.sha256, sizeBytes: inspected.sizeBytes },
    });
    return { id: saved.id, fileName: saved.fileName };
  });
}

/** The dossier received by the People's Committee (Art. 11: within 5 working days of the adoption). */
export async function submitDossier(access: CommuneAccess, input: { versionId: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  const holidays = await extraHolidays(access.communeId);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["ADOPTED"]);
    const missing = DOSSIER_KINDS.filter((k) => !v.files.some((f) => f.kind === k));
    if (missing.length) throw conflict("conventionDossierIncomplete", { missing: missing.join(", "), article: ARTICLES.dossier });
    if (at < v.adoptedAt!) throw invalid("conventionDateBeforeAdoption", {}, { on: "conventionDateBeforeAdoption" });
    await tx.conventionVersion.update({ where: { id: v.id }, data: { stage: "SUBMITTED", submittedAt: at } });
    const step = await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "SUBMITTED", at, clock: { kind: "dossier", startedAt: v.adoptedAt!, extraHolidays: holidays } });
    return { onTime: step.onTime, dueAt: step.dueAt };
  });
}

/** The leader's own signer block: the name and the title of their membership. */
async function signerOf(tx: Tx, access: CommuneAccess) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: access.userId }, select: { name: true } });
  const title = access.memberships.find((m) => m.role === "LEADER")?.title ?? null;
  return { name: user.name, title };
}

/**
 * The chair's decision (Art. 11; Law 10/2022 Art. 21.2): recognition by a decision (QĐ), or a written
 * refusal with reasons (a notice, TB), within 5 working days of receiving the dossier. Numbers come from
 * the commune's register of documents. A recognised version comes into force; an amendment replaces the text.
 */
export async function decide(access: CommuneAccess, input: { versionId: string; recognise: boolean; reasons: string }, now = new Date()) {
  need(access, SIGN_ROLES);
  const holidays = await extraHolidays(access.communeId);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["SUBMITTED"]);
    const village = await tx.village.findUniqueOrThrow({ where: { id: v.convention.villageId }, select: { name: true } });
    const signer = await signerOf(tx, access);
    const issued = await issueDocumentNumber(tx, access, {
      type: input.recognise ? "QD" : "TB",
      subject: input.recognise ? `Công nhận ${v.convention.title} (${village.name})` : `Không công nhận ${v.convention.title} (${village.name})`,
      issuedAt: now,
    });
    await tx.conventionVersion.update({
      where: { id: v.id },
      data: { stage: input.recognise ? "RECOGNISED" : "REFUSED", decidedAt: now, decisionReasons: input.reasons || null, decisionDocumentId: issued.id },
    });
    if (input.recognise) {
      const first = v.convention.status === "IN_MAKING";
      await tx.convention.update({ where: { id: v.conventionId }, data: { status: first ? "IN_FORCE" : undefined, inForceSince: first ? now : undefined, currentVersionId: v.id } });
    }
    const step = await writeStep(tx, access, {
      conventionId: v.conventionId,
      versionId: v.id,
      kind: input.recognise ? "RECOGNISED" : "REFUSED",
      at: now,
      note: JSON.stringify({ signer, reasons: input.reasons || null }),
      documentId: issued.id,
      clock: { kind: "recognition", startedAt: v.submittedAt!, extraHolidays: holidays },
    });
    return { label: issued.label, stepId: step.id, onTime: step.onTime };
  });
}

/** The decision sent to the village and the Front (Art. 18.1.a: within 2 working days), and the text posted. */
export async function markSent(access: CommuneAccess, input: { versionId: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  const holidays = await extraHolidays(access.communeId);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["RECOGNISED", "REFUSED"]);
    if (v.sentAt) throw conflict("conventionAlreadyDone");
    if (at < v.decidedAt!) throw invalid("conventionDateBeforeDecision", {}, { on: "conventionDateBeforeDecision" });
    await tx.conventionVersion.update({ where: { id: v.id }, data: { sentAt: at } });
    const step = await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "SENT", at, clock: { kind: "sending", startedAt: v.decidedAt!, extraHolidays: holidays } });
    return { onTime: step.onTime };
  });
}

export async function markPosted(access: CommuneAccess, input: { versionId: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  return db.$transaction(async (tx) => {
    const v = await lockVersion(tx, access.communeId, input.versionId);
    expectStage(v.stage, ["RECOGNISED"]);
    if (v.postedAt) throw conflict("conventionAlreadyDone");
    await tx.conventionVersion.update({ where: { id: v.id }, data: { postedAt: at } });
    await writeStep(tx, access, { conventionId: v.conventionId, versionId: v.id, kind: "PUBLISHED", at });
    return { id: v.id };
  });
}

async function lockConvention(tx: Tx, communeId: string, conventionId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string; villageId: string; title: string }[]>`
    SELECT id, status::text AS status, "villageId", title FROM "Convention" WHERE id = ${conventionId} AND "communeId" = ${communeId} FOR UPDATE`;
  if (!row) throw notFound("conventionNotFound");
  return row;
}

/** Grounds for a suspension or a repeal (Art. 12–14): found, or a request received; starts the clock. */
export async function recordGrounds(access: CommuneAccess, input: { conventionId: string; kind: "SUSPENSION" | "REPEAL"; note: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  return db.$transaction(async (tx) => {
    const c = await lockConvention(tx, access.communeId, input.conventionId);
    const allowed = input.kind === "SUSPENSION" ? ["IN_FORCE"] : ["IN_FORCE", "SUSPENDED"];
    if (!allowed.includes(c.status)) throw conflict("conventionNotInForce");
    const open = await openGrounds(tx, c.id, input.kind);
    if (open) throw conflict("conventionGroundsOpen");
    await writeStep(tx, access, { conventionId: c.id, kind: `${input.kind}_GROUNDS`, at, note: input.note });
    return { id: c.id };
  });
}

/** The latest grounds of a kind that no decision followed yet. */
async function openGrounds(tx: Tx | typeof db, conventionId: string, kind: "SUSPENSION" | "REPEAL") {
  const steps = await tx.conventionStep.findMany({
    where: { conventionId, kind: { in: [`${kind}_GROUNDS`, kind === "SUSPENSION" ? "SUSPENDED" : "REPEALED"] } },
    orderBy: [{ at: "desc" }, { createdAt: "desc" }],
    take: 1,
  });
  return steps[0]?.kind === `${kind}_GROUNDS` ? steps[0] : null;
}

/** The chair's decision to suspend (3 working days) or repeal (5 working days; Art. 12–14), numbered QĐ. */
export async function decideSanction(access: CommuneAccess, input: { conventionId: string; kind: "SUSPENSION" | "REPEAL" }, now = new Date()) {
  need(access, SIGN_ROLES);
  const holidays = await extraHolidays(access.communeId);
  return db.$transaction(async (tx) => {
    const c = await lockConvention(tx, access.communeId, input.conventionId);
    const grounds = await openGrounds(tx, c.id, input.kind);
    if (!grounds) throw conflict("conventionNoGrounds", { article: ARTICLES[input.kind === "SUSPENSION" ? "suspension" : "repeal"] });
    const village = await tx.village.findUniqueOrThrow({ where: { id: c.villageId }, select: { name: true } });
    const signer = await signerOf(tx, access);
    const verb = input.kind === "SUSPENSION" ? "Tạm ngưng thực hiện" : "Bãi bỏ";
    const issued = await issueDocumentNumber(tx, access, { type: "QD", subject: `${verb} ${c.title} (${village.name})`, issuedAt: now });
    await tx.convention.update({
      where: { id: c.id },
      data: input.kind === "SUSPENSION" ? { status: "SUSPENDED", suspendedAt: now } : { status: "REPEALED", repealedAt: now },
    });
    const step = await writeStep(tx, access, {
      conventionId: c.id,
      kind: input.kind === "SUSPENSION" ? "SUSPENDED" : "REPEALED",
      at: now,
      note: JSON.stringify({ signer, reasons: grounds.note }),
      documentId: issued.id,
      clock: { kind: input.kind === "SUSPENSION" ? "suspension" : "repeal", startedAt: grounds.at, extraHolidays: holidays },
    });
    return { label: issued.label, stepId: step.id, onTime: step.onTime };
  });
}

/** The yearly review (Art. 15) with its outcome; one a year. */
export async function recordReview(access: CommuneAccess, input: { conventionId: string; year: number; outcome: "KEEP" | "AMEND" | "REPEAL"; note: string; on: string }, now = new Date()) {
  need(access, RECORD_ROLES);
  const at = stepInstant(input.on, now);
  if (input.year > Number(toVnDate(now).slice(0, 4))) throw invalid("conventionDateInFuture", {}, { year: "conventionDateInFuture" });
  return db.$transaction(async (tx) => {
    const c = await lockConvention(tx, access.communeId, input.conventionId);
    if (c.status !== "IN_FORCE" && c.status !== "SUSPENDED") throw conflict("conventionNotInForce");
    const done = await tx.conventionReview.findUnique({ where: { conventionId_year: { conventionId: c.id, year: input.year } }, select: { id: true } });
    if (done) throw new AppError("conventionReviewDone", 409, { year: input.year });
    await tx.conventionReview.create({ data: { communeId: access.communeId, conventionId: c.id, year: input.year, reviewedAt: at, outcome: input.outcome, note: input.note, reviewedById: access.userId } });
    await writeStep(tx, access, { conventionId: c.id, kind: "REVIEWED", at, note: `${input.year}: ${input.outcome} — ${input.note}` });
    return { id: c.id };
  });
}

export const isStaff = (access: CommuneAccess) => access.roles.some((r) => STAFF_ROLES.includes(r));
