"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";

import { blockAccount, liftBlock } from "./blocks";
import { appealModeration, decideAppeal, moderateOpinion, reportOpinion } from "./moderation";
import {
  answerNoteSchema,
  appealSchema,
  blockAccountSchema,
  decideAppealSchema,
  liftBlockSchema,
  moderateOpinionSchema,
  reportOpinionSchema,
  supervisionNoteSchema,
} from "./schemas";
import { answerSupervisionNote, writeSupervisionNote } from "./supervision";

/** Public pages count hidden opinions and show flags: refresh the consultation page after a change. */
async function refreshForOpinion(opinionId: string) {
  const o = await db.opinion.findUniqueOrThrow({
    where: { id: opinionId },
    select: { consultation: { select: { id: true, commune: { select: { slug: true } } } } },
  });
  revalidateConsultationPages(o.consultation.commune.slug, o.consultation.id);
}

export const reportOpinionAction = communeActionClient("reportOpinion", ["RESIDENT"])
  .inputSchema(reportOpinionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await reportOpinion(ctx.access, parsedInput);
    if (result.autoHidden) await refreshForOpinion(parsedInput.opinionId);
    return result;
  });

export const moderateOpinionAction = communeActionClient("moderateOpinion", STAFF_ROLES)
  .inputSchema(moderateOpinionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await moderateOpinion(ctx.access, parsedInput);
    await refreshForOpinion(parsedInput.opinionId);
    return result;
  });

export const appealModerationAction = communeActionClient("appealModeration", ["RESIDENT"])
  .inputSchema(appealSchema)
  .action(async ({ parsedInput, ctx }) => appealModeration(ctx.access, parsedInput));

export const decideAppealAction = communeActionClient("decideAppeal", [...STAFF_ROLES, ...FRONT_ROLES])
  .inputSchema(decideAppealSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decideAppeal(ctx.access, parsedInput);
    await refreshForOpinion(parsedInput.opinionId);
    return result;
  });

export const blockAccountAction = communeActionClient("blockAccount", STAFF_ROLES)
  .inputSchema(blockAccountSchema)
  .action(async ({ parsedInput, ctx }) => blockAccount(ctx.access, parsedInput));

export const liftBlockAction = communeActionClient("liftBlock", STAFF_ROLES)
  .inputSchema(liftBlockSchema)
  .action(async ({ parsedInput, ctx }) => liftBlock(ctx.access, parsedInput.blockId));

export const writeSupervisionNoteAction = communeActionClient("writeSupervisionNote", FRONT_ROLES)
  .inputSchema(supervisionNoteSchema)
  .action(async ({ parsedInput, ctx }) => {
    const note = await writeSupervisionNote(ctx.access, parsedInput);
    if (parsedInput.isPublicFlag) {
      const c = await db.consultation.findUniqueOrThrow({ where: { id: parsedInput.consultationId }, select: { commune: { select: { slug: true } } } });
      revalidateConsultationPages(c.commune.slug, parsedInput.consultationId);
    }
    return note;
  });

export const answerSupervisionNoteAction = communeActionClient("answerSupervisionNote", STAFF_ROLES)
  .inputSchema(answerNoteSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await answerSupervisionNote(ctx.access, parsedInput);
    revalidateConsultationPages(result.communeSlug, result.consultationId);
    return { respondedAt: result.respondedAt };
  });

