// Creating, editing and publishing a work (issue 13 §1). A work comes from an outcome notice (its
// consultation, villages and title prefilled) or stands on its own. Its money is split by source (state
// budget, residents' cash, labour days, sponsors: Law 10/2022 Art. 15.1, residents decide their
// contribution); publishing puts it on the public map and list (Art. 11: what the commune discloses).
// Every write is audited in its transaction; a rejected input writes nothing.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadCommuneContext } from "@/lib/consultations/create-consultation";
import { validateGeometry } from "@/lib/consultations/geometry";
import { db, type Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import { toWorkGeometry } from "./geometry";
import type { BudgetLineValues, SaveWorkValues } from "./schemas";

/** A budget line is either money (VND) or labour days, as its source says. */
function checkBudget(lines: readonly BudgetLineValues[]) {
  lines.forEach((line, i) => {
    const field = `budget.${i}`;
    if (line.source === "LABOUR_DAYS") {
      if (line.labourDays === null) throw invalid("workLabourDaysRequired", { n: i + 1 }, { [field]: "workLabourDaysRequired" });
    } else if (line.amountVnd === null) throw invalid("workAmountRequired", { n: i + 1 }, { [field]: "workAmountRequired" });
  });
}

async function checkLinks(communeId: string, values: SaveWorkValues) {
  const villages = await db.village.count({ where: { id: { in: values.villageIds }, communeId } });
  if (villages !== new Set(values.villageIds).size) throw invalid("unknownVillage", {}, { villageIds: "unknownVillage" });
  let consultationId = values.consultationId;
  if (values.outcomeNoticeId) {
    const notice = await db.outcomeNotice.findFirst({ where: { id: values.outcomeNoticeId, communeId }, select: { consultationId: true } });
    if (!notice) throw invalid("workUnknownNotice", {}, { outcomeNoticeId: "workUnknownNotice" });
    if (consultationId && consultationId !== notice.consultationId) throw invalid("workNoticeOtherConsultation", {}, { consultationId: "workNoticeOtherConsultation" });
    consultationId = notice.consultationId;
  }
  let opinionIds: string[] = [];
  if (consultationId) {
    const consultation = await db.consultation.findFirst({ where: { id: consultationId, communeId }, select: { id: true } });
    if (!consultation) throw invalid("workUnknownConsultation", {}, { consultationId: "workUnknownConsultation" });
    const numbers = [...new Set(values.opinionNumbers)];
    if (numbers.length > 0) {
      const opinions = await db.opinion.findMany({ where: { consultationId, communeId, number: { in: numbers }, moderationState: "VISIBLE" }, select: { id: true } });
      if (opinions.length !== numbers.length) throw invalid("workUnknownOpinion", {}, { opinionNumbers: "workUnknownOpinion" });
      opinionIds = opinions.map((o) => o.id);
    }
  } else if (values.opinionNumbers.length > 0) throw invalid("workOpinionsNeedConsultation", {}, { opinionNumbers: "workOpinionsNeedConsultation" });
  return { consultationId, opinionIds };
}

async function writeLinks(tx: Tx, communeId: string, workId: string, values: SaveWorkValues, opinionIds: string[]) {
  await tx.workVillage.deleteMany({ where: { workId } });
  await tx.workVillage.createMany({ data: [...new Set(values.villageIds)].map((villageId) => ({ workId, villageId })) });
  await tx.workOpinion.deleteMany({ where: { workId } });
  await tx.workOpinion.createMany({ data: opinionIds.map((opinionId) => ({ workId, opinionId })) });
  await tx.workBudgetLine.deleteMany({ where: { workId } });
  await tx.workBudgetLine.createMany({
    data: values.budget.map((line, sortOrder) => ({
      communeId,
      workId,
      sortOrder,
      source: line.source,
      amountVnd: line.source === "LABOUR_DAYS" ? null : line.amountVnd,
      labourDays: line.source === "LABOUR_DAYS" ? line.labourDays : null,
      spentVnd: line.source === "LABOUR_DAYS" ? null : line.spentVnd,
      spentDays: line.source === "LABOUR_DAYS" ? line.spentDays : null,
      note: line.note,
    })),
  });
}

const dateOf = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Budget lines as the audit log keeps them (amounts as strings: JSON has no BigInt). */
const auditBudget = (lines: readonly BudgetLineValues[]) => lines.map((l) => ({ ...l, amountVnd: l.amountVnd?.toString() ?? null, spentVnd: l.spentVnd?.toString() ?? null }));

/** Creates a work (values.workId null) or saves an existing one; returns its id. */
export async function saveWork(access: CommuneAccess, values: SaveWorkValues) {
  if (values.startOn && values.endOn && values.endOn < values.startOn) throw invalid("workEndBeforeStart", {}, { endOn: "workEndBeforeStart" });
  checkBudget(values.budget);
  let geometry: Prisma.InputJsonValue | undefined;
  if (values.geometry !== null && values.geometry !== undefined) {
    const { bounds, settings } = await loadCommuneContext(access.communeId);
    const result = validateGeometry(values.geometry, { bounds, km: settings.geometryReachKm });
    if (!result.ok) throw invalid(result.problem.code, result.problem.params, { geometry: result.problem.code });
    geometry = toWorkGeometry(result.geometry) as unknown as Prisma.InputJsonValue;
  }
  const { consultationId, opinionIds } = await checkLinks(access.communeId, values);
  const fields = {
    title: values.title,
    description: values.description,
    startOn: dateOf(values.startOn),
    endOn: dateOf(values.endOn),
    consultationId,
    outcomeNoticeId: values.outcomeNoticeId,
    investor: values.investor,
    contractor: values.contractor,
    supervisor: values.supervisor,
  };
  return db.$transaction(async (tx) => {
    let workId: string;
    let before: unknown = null;
    if (values.workId) {
      const existing = await tx.work.findFirst({ where: { id: values.workId, communeId: access.communeId }, select: { id: true, title: true, description: true, status: true } });
      if (!existing) throw notFound("workNotFound");
      before = existing;
      await tx.work.update({ where: { id: existing.id }, data: { ...fields, ...(geometry !== undefined ? { geometry } : {}) } });
      workId = existing.id;
    } else {
      const created = await tx.work.create({ data: { ...fields, communeId: access.communeId, createdById: access.userId, ...(geometry !== undefined ? { geometry } : {}) }, select: { id: true } });
      workId = created.id;
    }
    await writeLinks(tx, access.communeId, workId, values, opinionIds);
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.workId ? "work.update" : "work.create",
      entityType: "Work",
      entityId: workId,
      before,
      after: { ...fields, villageIds: values.villageIds, opinionIds, budget: auditBudget(values.budget) },
      details: { consultationId, outcomeNoticeId: values.outcomeNoticeId },
    });
    return { workId };
  });
}

/** Publishes a work: on the public map and list from now on. Publishing twice is refused. */
export async function publishWork(access: CommuneAccess, workId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.work.updateMany({ where: { id: workId, communeId: access.communeId, publishedAt: null }, data: { publishedAt: now } });
    if (count !== 1) {
      const exists = await tx.work.count({ where: { id: workId, communeId: access.communeId } });
      throw exists ? conflict("workAlreadyPublished") : notFound("workNotFound");
    }
    await appendAudit(tx, { communeId: access.communeId, actorId: access.userId, actorRole: access.actingRole, action: "work.publish", entityType: "Work", entityId: workId, after: { publishedAt: now.toISOString() } });
    return { published: true };
  });
}
