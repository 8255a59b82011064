"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";

import { editOpinion } from "./edit-opinion";
import { postOpinion } from "./post-opinion";
import { reactToOpinion } from "./react-to-opinion";
import { editOpinionSchema, opinionSchema, reactionSchema } from "./schemas";

/** The consultation page shows opinions and their counts: refresh it on this instance now. */
async function refreshPages(opinionId: string) {
  const o = await db.opinion.findUniqueOrThrow({
    where: { id: opinionId },
    select: { consultation: { select: { id: true, commune: { select: { slug: true } } } } },
  });
  revalidateConsultationPages(o.consultation.commune.slug, o.consultation.id);
}

export const postOpinionAction = communeActionClient("postOpinion", ["RESIDENT"])
  .inputSchema(opinionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const opinion = await postOpinion(ctx.access, parsedInput);
    await refreshPages(opinion.id);
    return opinion;
  });

export const reactToOpinionAction = communeActionClient("reactToOpinion", ["RESIDENT"])
  .inputSchema(reactionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await reactToOpinion(ctx.access, parsedInput);
    await refreshPages(parsedInput.opinionId);
    return result;
  });

export const editOpinionAction = communeActionClient("editOpinion", ["RESIDENT"])
  .inputSchema(editOpinionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await editOpinion(ctx.access, parsedInput);
    await refreshPages(parsedInput.opinionId);
    return result;
  });
