// The commune's list of case categories (roads, lighting, water, waste…) and its reply templates, as
// staff edit them. A category is never deleted: it is set inactive, and its cases keep it.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

export type CategoryValues = {
  categoryId: string | null;
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  expectedResolutionDays: number;
  active: boolean;
  sortOrder: number;
};

export async function saveCategory(access: CommuneAccess, values: CategoryValues) {
  const { categoryId, ...data } = values;
  return db.$transaction(async (tx) => {
    const clash = await tx.caseCategory.findFirst({ where: { communeId: access.communeId, code: data.code, ...(categoryId ? { NOT: { id: categoryId } } : {}) }, select: { id: true } });
    if (clash) throw conflict("categoryCodeTaken");
    let before: unknown = null;
    let saved;
    if (categoryId) {
      const found = await tx.caseCategory.findFirst({ where: { id: categoryId, communeId: access.communeId } });
      if (!found) throw notFound("categoryNotFound");
      before = found;
      saved = await tx.caseCategory.update({ where: { id: found.id }, data });
    } else {
      saved = await tx.caseCategory.create({ data: { ...data, communeId: access.communeId } });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: categoryId ? "caseCategory.update" : "caseCategory.create",
      entityType: "CaseCategory",
      entityId: saved.id,
      before,
      after: saved,
      details: { code: saved.code, expectedResolutionDays: saved.expectedResolutionDays, active: saved.active },
    });
    return { id: saved.id };
  });
}

export function listCategories(communeId: string, options: { activeOnly?: boolean } = {}) {
  return db.caseCategory.findMany({
    where: { communeId, ...(options.activeOnly ? { active: true } : {}) },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, nameEn: true, description: true, expectedResolutionDays: true, active: true, sortOrder: true },
  });
}

export type TemplateValues = { templateId: string | null; state: CaseState; title: string; body: string; active: boolean };

export async function saveReplyTemplate(access: CommuneAccess, values: TemplateValues) {
  const { templateId, ...data } = values;
  return db.$transaction(async (tx) => {
    let saved;
    if (templateId) {
      const found = await tx.caseReplyTemplate.findFirst({ where: { id: templateId, communeId: access.communeId }, select: { id: true } });
      if (!found) throw notFound("templateNotFound");
      saved = await tx.caseReplyTemplate.update({ where: { id: found.id }, data });
    } else {
      saved = await tx.caseReplyTemplate.create({ data: { ...data, communeId: access.communeId } });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: templateId ? "caseTemplate.update" : "caseTemplate.create",
      entityType: "CaseReplyTemplate",
      entityId: saved.id,
      after: saved,
      details: { state: saved.state },
    });
    return { id: saved.id };
  });
}

export function listReplyTemplates(communeId: string) {
  return db.caseReplyTemplate.findMany({
    where: { communeId },
    orderBy: [{ state: "asc" }, { sortOrder: "asc" }, { title: "asc" }],
    select: { id: true, state: true, title: true, body: true, active: true },
  });
}
