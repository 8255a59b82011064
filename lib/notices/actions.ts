"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { revalidateRegister } from "@/lib/disclosure/revalidate";

import { approveNotice, draftNotice, publishNotice, updateNotice } from "./notices";
import { draftNoticeSchema, noticeIdSchema, updateNoticeSchema } from "./schemas";

/** Leaders sign the notice; an administrator runs the platform but does not sign for the committee. */
const APPROVER_ROLES = ["LEADER"] as const;

export const draftNoticeAction = communeActionClient("draftNotice", STAFF_ROLES)
  .inputSchema(draftNoticeSchema)
  .action(async ({ parsedInput, ctx }) => draftNotice(ctx.access, parsedInput));

export const updateNoticeAction = communeActionClient("updateNotice", STAFF_ROLES)
  .inputSchema(updateNoticeSchema)
  .action(async ({ parsedInput, ctx }) => updateNotice(ctx.access, parsedInput));

export const approveNoticeAction = communeActionClient("approveNotice", APPROVER_ROLES)
  .inputSchema(noticeIdSchema)
  .action(async ({ parsedInput, ctx }) => approveNotice(ctx.access, parsedInput));

export const publishNoticeAction = communeActionClient("publishNotice", STAFF_ROLES)
  .inputSchema(noticeIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishNotice(ctx.access, parsedInput);
    const notice = await db.outcomeNotice.findUniqueOrThrow({ where: { id: result.id }, select: { consultationId: true } });
    const commune = await db.commune.findUniqueOrThrow({ where: { id: ctx.access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, notice.consultationId);
    revalidateRegister(commune.slug);
    return result;
  });
