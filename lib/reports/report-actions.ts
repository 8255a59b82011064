"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";

import {
  APPROVER_ROLES,
  approveReport,
  DRAFTING_ROLES,
  editReportText,
  editReportTextSchema,
  generateReport,
  generateReportSchema,
  mergeReportThemes,
  mergeThemePairSchema,
  publishReport,
  renameReportTheme,
  renameThemeSchema,
  reportStepSchema,
  returnReport,
  returnReportSchema,
  REVIEWER_ROLES,
  signOffReport,
  submitToFront,
} from "./report-workflow";
import { withdrawFromReview, WITHDRAWING_ROLES, withdrawReportSchema } from "./withdraw-report";

/** The public consultation page offers the published report; staff and Front pages are dynamic. */
async function revalidateReport(communeId: string, consultationId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  revalidateConsultationPages(commune.slug, consultationId);
}

const consultationOf = async (reportId: string) => (await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { consultationId: true } })).consultationId;

export const generateReportAction = communeActionClient("generateReport", DRAFTING_ROLES)
  .inputSchema(generateReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await generateReport(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, parsedInput.consultationId);
    return result;
  });

export const editReportTextAction = communeActionClient("editReportText", DRAFTING_ROLES)
  .inputSchema(editReportTextSchema)
  .action(async ({ parsedInput, ctx }) => editReportText(ctx.access, parsedInput));

export const renameReportThemeAction = communeActionClient("renameReportTheme", DRAFTING_ROLES)
  .inputSchema(renameThemeSchema)
  .action(async ({ parsedInput, ctx }) => renameReportTheme(ctx.access, parsedInput));

export const mergeReportThemesAction = communeActionClient("mergeReportThemes", DRAFTING_ROLES)
  .inputSchema(mergeThemePairSchema)
  .action(async ({ parsedInput, ctx }) =>
    mergeReportThemes(ctx.access, { communeId: parsedInput.communeId, reportId: parsedInput.reportId, themeIds: [parsedInput.targetId, parsedInput.sourceId] }),
  );

export const submitReportAction = communeActionClient("submitReport", DRAFTING_ROLES)
  .inputSchema(reportStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await submitToFront(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, await consultationOf(parsedInput.reportId));
    return result;
  });

export const signOffReportAction = communeActionClient("signOffReport", REVIEWER_ROLES)
  .inputSchema(reportStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await signOffReport(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, await consultationOf(parsedInput.reportId));
    return result;
  });

export const returnReportAction = communeActionClient("returnReport", REVIEWER_ROLES)
  .inputSchema(returnReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await returnReport(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, await consultationOf(parsedInput.reportId));
    return result;
  });

export const approveReportAction = communeActionClient("approveReport", APPROVER_ROLES)
  .inputSchema(reportStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await approveReport(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, await consultationOf(parsedInput.reportId));
    return { status: result.status, number: result.number };
  });

export const publishReportAction = communeActionClient("publishReport", DRAFTING_ROLES)
  .inputSchema(reportStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishReport(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, result.consultationId);
    return { status: result.status };
  });

/** Staff take the report back from the Front's review, with a reason; the Front is told. */
export const withdrawReportAction = communeActionClient("withdrawReport", WITHDRAWING_ROLES)
  .inputSchema(withdrawReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withdrawFromReview(ctx.access, parsedInput);
    await revalidateReport(ctx.access.communeId, await consultationOf(parsedInput.reportId));
    return result;
  });
