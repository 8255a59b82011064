"use server";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";

import { recordPosting, updatePosting } from "./record-posting";
import { revalidateRegister } from "./revalidate";
import { postingSchema, postingUpdateSchema } from "./schemas";

// The register is the commune's official record, kept by its staff and leaders; village heads report
// their postings to the commune office, which records them here.
export const recordPostingAction = communeActionClient("recordPosting", STAFF_ROLES)
  .inputSchema(postingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const posting = await recordPosting(ctx.access, parsedInput);
    await refresh(ctx.access.communeId, parsedInput.consultationId);
    return { id: posting.id };
  });

export const updatePostingAction = communeActionClient("updatePosting", STAFF_ROLES)
  .inputSchema(postingUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const posting = await updatePosting(ctx.access, parsedInput);
    await refresh(ctx.access.communeId, parsedInput.consultationId);
    return { id: posting.id };
  });

async function refresh(communeId: string, consultationId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  revalidateRegister(commune.slug, consultationId);
}
