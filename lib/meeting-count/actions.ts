"use server";

// The Front's decision on counting a village by its meeting. Staff propose through the existing
// tally-source choice (lib/participation/record-meeting.ts chooseTallySource).
import { communeActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { revalidateBallotPages } from "@/lib/participation/revalidate-ballot";

import { decideMeetingCount } from "./decide-meeting-count";
import { DECIDE_MEETING_COUNT_ROLES } from "./roles";
import { decideMeetingCountSchema } from "./schemas";

export const decideMeetingCountAction = communeActionClient("decideMeetingCount", DECIDE_MEETING_COUNT_ROLES)
  .inputSchema(decideMeetingCountSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decideMeetingCount(ctx.access, parsedInput);
    const proposal = await db.meetingCountProposal.findUniqueOrThrow({ where: { id: result.proposalId }, select: { consultationId: true } });
    await revalidateBallotPages(ctx.access.communeId, proposal.consultationId);
    return result;
  });
