"use server";

// The Front's decision on counting a village by its meeting. Staff propose through the existing
// tally-source choice (lib/participation/record-meeting.ts chooseTallySource).
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { routing } from "@/lib/i18n/routing";

import { decideMeetingCount } from "./decide-meeting-count";
import { DECIDE_MEETING_COUNT_ROLES } from "./roles";
import { decideMeetingCountSchema } from "./schemas";

export const decideMeetingCountAction = communeActionClient("decideMeetingCount", DECIDE_MEETING_COUNT_ROLES)
  .inputSchema(decideMeetingCountSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decideMeetingCount(ctx.access, parsedInput);
    const proposal = await db.meetingCountProposal.findUniqueOrThrow({ where: { id: result.proposalId }, select: { consultationId: true } });
    const commune = await db.commune.findUniqueOrThrow({ where: { id: ctx.access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, proposal.consultationId);
    for (const locale of routing.locales) revalidatePath(`/${locale}/${commune.slug}/consultations/${proposal.consultationId}/results`);
    return result;
  });
