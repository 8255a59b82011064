"use server";

// Server actions of opinions received off the web (Art. 26.1). Each checks who is asking and for which
// commune (communeActionClient), then hands over to the domain module.
import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateBallotPages } from "@/lib/participation/revalidate-ballot";
import { searchHouseholds } from "@/lib/participation/search-households";

import { enterChannelOpinion } from "./enter-opinion";
import { CHANNEL_ENTRY_ROLES, channelVillageOf } from "./roles";
import { channelHouseholdSearchSchema, channelOpinionSchema } from "./schemas";

export const enterChannelOpinionAction = communeActionClient("enterChannelOpinion", CHANNEL_ENTRY_ROLES)
  .inputSchema(channelOpinionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const opinion = await enterChannelOpinion(ctx.access, parsedInput);
    await revalidateBallotPages(ctx.access.communeId, parsedInput.consultationId);
    return opinion;
  });

/** The household lookup of the entry screen: by code, or by a member's name typed without diacritics. */
export const searchChannelHouseholdsAction = communeActionClient("searchChannelHouseholds", CHANNEL_ENTRY_ROLES)
  .inputSchema(channelHouseholdSearchSchema)
  .action(async ({ parsedInput, ctx }) => {
    const found = await searchHouseholds(ctx.access, parsedInput, new Date(), channelVillageOf(ctx.access));
    // Only what the entry screen shows: no votes, no birth years.
    return found.map((h) => ({ id: h.id, code: h.code, village: h.village, members: h.members.map((m) => ({ id: m.id, fullName: m.fullName })) }));
  });
