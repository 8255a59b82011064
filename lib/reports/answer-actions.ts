"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";

import { answerOpinions, answerOpinionsSchema } from "./answer-opinions";

export const answerOpinionsAction = communeActionClient("answerOpinions", STAFF_ROLES)
  .inputSchema(answerOpinionsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await answerOpinions(ctx.access, parsedInput);
    const commune = await db.commune.findUniqueOrThrow({ where: { id: ctx.access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, parsedInput.consultationId);
    return result;
  });
