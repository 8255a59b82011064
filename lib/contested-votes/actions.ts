"use server";

// Server actions of contested votes. Each checks who is asking and for which commune
// (communeActionClient), then hands over to the domain module.
import { communeActionClient } from "@/lib/actions/safe-action";
import { revalidateBallotPages } from "@/lib/participation/revalidate-ballot";

import { decideVoid } from "./decide-void";
import { disputeVote } from "./dispute-vote";
import { listDisputes, listHouseholdVotes } from "./list-disputes";
import { proposeVoid } from "./propose-void";
import { DECIDE_VOID_ROLES, DISPUTE_READER_ROLES, DISPUTE_ROLES, PROPOSE_VOID_ROLES } from "./roles";
import { decideVoidSchema, disputeVoteSchema, listDisputesSchema, proposeVoidSchema } from "./schemas";

// A blocked account may still dispute a vote made in its household's name: a block stops opinions, not votes.
export const disputeVoteAction = communeActionClient("disputeVote", DISPUTE_ROLES, { voting: true })
  .inputSchema(disputeVoteSchema)
  .action(async ({ parsedInput, ctx }) => disputeVote(ctx.access, parsedInput));

export const proposeVoidAction = communeActionClient("proposeVoidVote", PROPOSE_VOID_ROLES)
  .inputSchema(proposeVoidSchema)
  .action(async ({ parsedInput, ctx }) => proposeVoid(ctx.access, parsedInput));

export const decideVoidAction = communeActionClient("decideVoidVote", DECIDE_VOID_ROLES)
  .inputSchema(decideVoidSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decideVoid(ctx.access, parsedInput);
    await revalidateBallotPages(ctx.access.communeId, result.consultationId);
    return result;
  });

export const listDisputesAction = communeActionClient("listVoteDisputes", DISPUTE_READER_ROLES)
  .inputSchema(listDisputesSchema)
  .action(async ({ parsedInput, ctx }) => listDisputes(ctx.access, parsedInput.consultationId));

export const listHouseholdVotesAction = communeActionClient("listHouseholdVotes", DISPUTE_ROLES, { voting: true })
  .inputSchema(listDisputesSchema.pick({ communeId: true }))
  .action(async ({ ctx }) => listHouseholdVotes(ctx.access));
