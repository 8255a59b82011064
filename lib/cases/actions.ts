"use server";

// Server actions of the cases domain (issue 12 §2): residents file, follow and answer "Has it been
// fixed?"; staff file for a caller or visitor, move cases through their states, name the handler,
// reclassify, merge, and edit the category list and reply templates. Each is checked for its role in
// the commune named (lib/actions/safe-action.ts); the work and its rules are in the modules below.
import { communeActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

import { saveCategory, saveReplyTemplate } from "./categories";
import { fileCase } from "./file-case";
import { answerFixCheck } from "./fix-check";
import { followCase, unfollowCase } from "./follow";
import { CASE_RESIDENT_ROLES, CASE_STAFF_ROLES } from "./roles";
import {
  answerFixCheckSchema,
  assignHandlerSchema,
  followCaseSchema,
  mergeCasesSchema,
  moveCaseSchema,
  reclassifyCaseSchema,
  residentFileCaseSchema,
  saveCategorySchema,
  saveReplyTemplateSchema,
  staffFileCaseSchema,
} from "./schemas";
import { assignHandler, mergeCases, moveCase, reclassifyCase } from "./workflow";

export const fileCaseAction = communeActionClient("fileCase", CASE_RESIDENT_ROLES)
  .inputSchema(residentFileCaseSchema)
  .action(async ({ parsedInput: { communeId: _c, handlerId: _h, ...values }, ctx }) => {
    const filed = await fileCase({ communeId: ctx.access.communeId, userId: ctx.access.userId, actorRole: ctx.access.actingRole, source: "WEB" }, values);
    return { number: filed.number };
  });

export const staffFileCaseAction = communeActionClient("staffFileCase", CASE_STAFF_ROLES)
  .inputSchema(staffFileCaseSchema)
  .action(async ({ parsedInput: { communeId: _c, source, receivedAt, ...values }, ctx }) => {
    const filed = await fileCase({ communeId: ctx.access.communeId, userId: ctx.access.userId, actorRole: ctx.access.actingRole, source }, { ...values, receivedAt });
    return { number: filed.number };
  });

export const moveCaseAction = communeActionClient("moveCase", CASE_STAFF_ROLES)
  .inputSchema(moveCaseSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => moveCase(ctx.access, values));

export const assignHandlerAction = communeActionClient("assignCaseHandler", CASE_STAFF_ROLES)
  .inputSchema(assignHandlerSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => assignHandler(ctx.access, values));

export const reclassifyCaseAction = communeActionClient("reclassifyCase", CASE_STAFF_ROLES)
  .inputSchema(reclassifyCaseSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => reclassifyCase(ctx.access, values));

export const mergeCasesAction = communeActionClient("mergeCases", CASE_STAFF_ROLES)
  .inputSchema(mergeCasesSchema)
  .action(async ({ parsedInput: { caseId, intoNumber }, ctx }) => {
    const kept = await db.case.findFirst({ where: { communeId: ctx.access.communeId, number: intoNumber }, select: { id: true } });
    if (!kept) throw notFound("caseNotFound");
    return mergeCases(ctx.access, { caseId, intoId: kept.id });
  });

export const followCaseAction = communeActionClient("followCase", CASE_RESIDENT_ROLES)
  .inputSchema(followCaseSchema)
  .action(async ({ parsedInput: { caseId }, ctx }) => followCase(ctx.access, caseId));

export const unfollowCaseAction = communeActionClient("unfollowCase", CASE_RESIDENT_ROLES)
  .inputSchema(followCaseSchema)
  .action(async ({ parsedInput: { caseId }, ctx }) => unfollowCase(ctx.access, caseId));

export const answerFixCheckAction = communeActionClient("answerFixCheck", CASE_RESIDENT_ROLES)
  .inputSchema(answerFixCheckSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => answerFixCheck(ctx.access, values));

export const saveCaseCategoryAction = communeActionClient("saveCaseCategory", CASE_STAFF_ROLES)
  .inputSchema(saveCategorySchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => saveCategory(ctx.access, values));

export const saveReplyTemplateAction = communeActionClient("saveCaseReplyTemplate", CASE_STAFF_ROLES)
  .inputSchema(saveReplyTemplateSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => saveReplyTemplate(ctx.access, values));
