"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";

import { postOpinion } from "./post-opinion";
import { opinionSchema } from "./schemas";

export const postOpinionAction = communeActionClient("postOpinion", ["RESIDENT"])
  .inputSchema(opinionSchema)
  .action(
  async ({ parsedInput, ctx }) => {
    const opinion = await postOpinion(ctx.access, parsedInput);
    const commune = await db.commune.findUniqueOrThrow({ where: { id: ctx.access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, parsedInput.consultationId);
    return opinion;
  },
);
