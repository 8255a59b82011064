"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";

import { removeConsultationAttachment, renameConsultationAttachment } from "./attachments/change-attachment";
import { createConsultation } from "./create-consultation";
import { checkGeometryImport } from "./import-geometry";
import { fromVnDateTime } from "./periods";
import { publishConsultation } from "./publish-consultation";
import { revalidateConsultationPages } from "./revalidate";
import { scheduleConsultation, unscheduleConsultation } from "./schedule-consultation";
import {
  attachmentRefSchema,
  attachmentTitleSchema,
  consultationRefSchema,
  consultationSchema,
  consultationUpdateSchema,
  geometryImportSchema,
  scheduleSchema,
} from "./schemas";
import { updateConsultation } from "./update-consultation";

async function revalidate(communeId: string, consultationId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  revalidateConsultationPages(commune.slug, consultationId);
}

export const createConsultationAction = communeActionClient("createConsultation", STAFF_ROLES)
  .inputSchema(consultationSchema)
  .action(async ({ parsedInput, ctx }) => createConsultation(ctx.access, parsedInput));

export const updateConsultationAction = communeActionClient("updateConsultation", STAFF_ROLES)
  .inputSchema(consultationUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateConsultation(ctx.access, parsedInput);
    await revalidate(ctx.access.communeId, result.id);
    return result;
  });

export const publishConsultationAction = communeActionClient("publishConsultation", STAFF_ROLES)
  .inputSchema(consultationRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishConsultation(ctx.access, parsedInput.consultationId);
    await revalidate(ctx.access.communeId, parsedInput.consultationId);
    return result;
  });

export const scheduleConsultationAction = communeActionClient("scheduleConsultation", STAFF_ROLES)
  .inputSchema(scheduleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const publishAt = fromVnDateTime(parsedInput.publishAt);
    if (Number.isNaN(publishAt.getTime())) throw invalid("invalidDate", {}, { publishAt: "invalidDate" });
    return scheduleConsultation(ctx.access, parsedInput.consultationId, publishAt);
  });

export const unscheduleConsultationAction = communeActionClient("unscheduleConsultation", STAFF_ROLES)
  .inputSchema(consultationRefSchema)
  .action(async ({ parsedInput, ctx }) => unscheduleConsultation(ctx.access, parsedInput.consultationId));

export const removeAttachmentAction = communeActionClient("removeAttachment", STAFF_ROLES)
  .inputSchema(attachmentRefSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeConsultationAttachment(ctx.access, parsedInput.attachmentId);
    await revalidate(ctx.access.communeId, result.consultationId);
    return result;
  });

export const renameAttachmentAction = communeActionClient("renameAttachment", STAFF_ROLES)
  .inputSchema(attachmentTitleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await renameConsultationAttachment(ctx.access, parsedInput.attachmentId, parsedInput.title);
    await revalidate(ctx.access.communeId, result.consultationId);
    return result;
  });

/** Checks a GeoJSON file for the map editor; nothing is saved until the form is. */
export const checkGeometryImportAction = communeActionClient("checkGeometryImport", STAFF_ROLES)
  .inputSchema(geometryImportSchema)
  .action(async ({ parsedInput, ctx }) => checkGeometryImport(ctx.access.communeId, parsedInput.text));
