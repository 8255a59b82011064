"use server";

// Server actions of ballots, votes and meeting records. Each checks who is asking and for which
// commune (communeActionClient), then hands over to the domain module.
import { z } from "zod";

import { actionClient, communeActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requestAddress } from "@/lib/network/request-address";

import {
  assistedEntrySchema,
  castVoteSchema,
  householdSearchSchema,
  meetingSchema,
  myBallotSchema,
  paperBallotSchema,
  questionRefSchema,
  questionSchema,
  receiptCheckSchema,
  tallySourceSchema,
  voteSettingsSchema,
} from "./ballot-schemas";
import { castWebVote, changeWebVote } from "./cast-web-vote";
import { checkReceipt } from "./check-receipt";
import { enterAssisted, enterPaperBallot } from "./enter-offline-votes";
import { getMyBallot } from "./get-my-ballot";
import { addQuestion, removeQuestion, updateVoteSettings } from "./manage-ballot";
import { chooseTallySource, recordMeeting } from "./record-meeting";
import { revalidateBallotPages } from "./revalidate-ballot";
import { searchHouseholds } from "./search-households";
import { BALLOT_STAFF_ROLES, ENTRY_ROLES, VOTER_ROLES } from "./vote-roles";


// ─── Ballot set-up (staff) ───────────────────────────────────────────────────────────────────────

export const addQuestionAction = communeActionClient("addBallotQuestion", BALLOT_STAFF_ROLES)
  .inputSchema(questionSchema)
  .action(async ({ parsedInput, ctx }) => addQuestion(ctx.access, parsedInput));

export const removeQuestionAction = communeActionClient("removeBallotQuestion", BALLOT_STAFF_ROLES)
  .inputSchema(questionRefSchema)
  .action(async ({ parsedInput, ctx }) => removeQuestion(ctx.access, parsedInput.questionId));

export const updateVoteSettingsAction = communeActionClient("updateVoteSettings", BALLOT_STAFF_ROLES)
  .inputSchema(voteSettingsSchema)
  .action(async ({ parsedInput, ctx }) => updateVoteSettings(ctx.access, parsedInput));

// ─── Web votes (residents) ───────────────────────────────────────────────────────────────────────

export const getMyBallotAction = communeActionClient("getMyBallot", VOTER_ROLES, { voting: true })
  .inputSchema(myBallotSchema)
  .action(async ({ parsedInput, ctx }) => getMyBallot(ctx.access, parsedInput.consultationId));

export const castVoteAction = communeActionClient("castVote", VOTER_ROLES, { voting: true })
  .inputSchema(castVoteSchema)
  .action(async ({ parsedInput, ctx }) => castWebVote(ctx.access, parsedInput));

export const changeVoteAction = communeActionClient("changeVote", VOTER_ROLES, { voting: true })
  .inputSchema(castVoteSchema)
  .action(async ({ parsedInput, ctx }) => changeWebVote(ctx.access, parsedInput));

// ─── Offline channels (staff; village heads for their own village) ─────────────────────────────────

export const searchHouseholdsAction = communeActionClient("searchHouseholds", ENTRY_ROLES)
  .inputSchema(householdSearchSchema)
  .action(async ({ parsedInput, ctx }) => searchHouseholds(ctx.access, parsedInput));

export const enterPaperBallotAction = communeActionClient("enterPaperBallot", ENTRY_ROLES)
  .inputSchema(paperBallotSchema)
  .action(async ({ parsedInput, ctx }) => enterPaperBallot(ctx.access, parsedInput));

export const enterAssistedAction = communeActionClient("enterAssisted", ENTRY_ROLES)
  .inputSchema(assistedEntrySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await enterAssisted(ctx.access, parsedInput);
    if (result.opinionNumber !== null) await revalidateBallotPages(ctx.access.communeId, parsedInput.consultationId);
    return result;
  });

export const recordMeetingAction = communeActionClient("recordMeeting", ENTRY_ROLES)
  .inputSchema(meetingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordMeeting(ctx.access, parsedInput);
    await revalidateBallotPages(ctx.access.communeId, parsedInput.consultationId);
    return result;
  });

export const chooseTallySourceAction = communeActionClient("chooseTallySource", BALLOT_STAFF_ROLES)
  .inputSchema(tallySourceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await chooseTallySource(ctx.access, parsedInput);
    await revalidateBallotPages(ctx.access.communeId, parsedInput.consultationId);
    return result;
  });

// ─── Receipts (anyone) ───────────────────────────────────────────────────────────────────────────

const requesterSchema = z.string().max(100);

/** Anyone may check a receipt; the limit is per address, so codes cannot be tried in bulk. */
export const checkReceiptAction = actionClient
  .metadata({ name: "checkReceipt" })
  .inputSchema(receiptCheckSchema)
  .action(async ({ parsedInput }) => {
    const commune = await db.commune.findUnique({ where: { id: parsedInput.communeId }, select: { id: true } });
    if (!commune) throw notFound("communeNotFound");
    const address = requesterSchema.catch("unknown").parse(await requestAddress());
    return checkReceipt(commune.id, parsedInput.code, address);
  });
