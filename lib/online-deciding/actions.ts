"use server";

// Server actions of online deciding (Decree 59/2023 Art. 5). Each checks who is asking and for which
// commune (communeActionClient), then hands over to the domain module. Staff record the steps for
// every village, a village head for their own (village-scope.ts); residents answer the poll.
import { communeActionClient } from "@/lib/actions/safe-action";
import { ENTRY_ROLES, VOTER_ROLES } from "@/lib/participation/vote-roles";

import { answerPoll, getMyPollAnswer } from "./answer-poll";
import { getOnlineDeciding } from "./get-online-deciding";
import { recordAgreement, recordMinutesSent, recordNotice } from "./record-village-steps";
import { recordTeam } from "./record-team";
import { agreementSchema, consultationRefSchema, minutesSentSchema, noticeSchema, pollAnswerSchema, teamSchema } from "./schemas";

export const recordAgreementAction = communeActionClient("recordOnlineAgreement", ENTRY_ROLES)
  .inputSchema(agreementSchema)
  .action(async ({ parsedInput, ctx }) => recordAgreement(ctx.access, parsedInput));

export const recordNoticeAction = communeActionClient("recordOnlineNotice", ENTRY_ROLES)
  .inputSchema(noticeSchema)
  .action(async ({ parsedInput, ctx }) => recordNotice(ctx.access, parsedInput));

export const recordTeamAction = communeActionClient("recordOnlineTeam", ENTRY_ROLES)
  .inputSchema(teamSchema)
  .action(async ({ parsedInput, ctx }) => recordTeam(ctx.access, parsedInput));

export const recordMinutesSentAction = communeActionClient("recordOnlineMinutesSent", ENTRY_ROLES)
  .inputSchema(minutesSentSchema)
  .action(async ({ parsedInput, ctx }) => recordMinutesSent(ctx.access, parsedInput));

export const getOnlineDecidingAction = communeActionClient("getOnlineDeciding", ENTRY_ROLES)
  .inputSchema(consultationRefSchema)
  .action(async ({ parsedInput, ctx }) => getOnlineDeciding(ctx.access, parsedInput.consultationId));

// A household's say is not moderation's to take away (safe-action.ts): the poll is a voting act.
export const answerPollAction = communeActionClient("answerOnlinePoll", VOTER_ROLES, { voting: true })
  .inputSchema(pollAnswerSchema)
  .action(async ({ parsedInput, ctx }) => answerPoll(ctx.access, parsedInput));

export const getMyPollAnswerAction = communeActionClient("getMyOnlinePollAnswer", VOTER_ROLES, { voting: true })
  .inputSchema(consultationRefSchema)
  .action(async ({ parsedInput, ctx }) => getMyPollAnswer(ctx.access, parsedInput.consultationId));
