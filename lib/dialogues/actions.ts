"use server";

// Server actions of dialogue conferences: each checks who is asking and for which commune
// (communeActionClient, roles in ./roles.ts), then hands over to the domain module.
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";

import { planConference } from "./plan-conference";
import { agreeQuestion, answerQuestion, askQuestion, markCommitmentDone, moderateQuestion, raiseQuestion } from "./questions";
import { enterPaperSignature, openRequest, signRequest } from "./requests";
import { publishResults, recordResults } from "./results";
import { MODERATE_ROLES, PLAN_ROLES, RECORD_ROLES, RESIDENT_ROLES } from "./roles";
import {
  agreeQuestionSchema,
  answerQuestionSchema,
  askQuestionSchema,
  markDoneSchema,
  moderateQuestionSchema,
  openRequestSchema,
  paperSignatureSchema,
  planConferenceSchema,
  publishResultsSchema,
  raiseQuestionSchema,
  recordResultsSchema,
  signRequestSchema,
} from "./schemas";

/** Every dialogue page of every commune reads fresh after a change (they are dynamic; this clears the router cache). */
const refresh = () => revalidatePath("/[locale]/[commune]/dialogues", "layout");

export const planConferenceAction = communeActionClient("planDialogue", PLAN_ROLES)
  .inputSchema(planConferenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await planConference(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const openDialogueRequestAction = communeActionClient("openDialogueRequest", RESIDENT_ROLES)
  .inputSchema(openRequestSchema)
  .action(async ({ parsedInput, ctx }) => openRequest(ctx.access, parsedInput));

export const signDialogueRequestAction = communeActionClient("signDialogueRequest", RESIDENT_ROLES)
  .inputSchema(signRequestSchema)
  .action(async ({ parsedInput, ctx }) => signRequest(ctx.access, parsedInput.requestId));

export const enterPaperSignatureAction = communeActionClient("enterDialogueSignature", RECORD_ROLES)
  .inputSchema(paperSignatureSchema)
  .action(async ({ parsedInput, ctx }) => enterPaperSignature(ctx.access, parsedInput));

export const askDialogueQuestionAction = communeActionClient("askDialogueQuestion", RESIDENT_ROLES)
  .inputSchema(askQuestionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await askQuestion(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const agreeDialogueQuestionAction = communeActionClient("agreeDialogueQuestion", RESIDENT_ROLES)
  .inputSchema(agreeQuestionSchema)
  .action(async ({ parsedInput, ctx }) => agreeQuestion(ctx.access, parsedInput.questionId));

export const moderateDialogueQuestionAction = communeActionClient("moderateDialogueQuestion", MODERATE_ROLES)
  .inputSchema(moderateQuestionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await moderateQuestion(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const raiseDialogueQuestionAction = communeActionClient("raiseDialogueQuestion", RECORD_ROLES)
  .inputSchema(raiseQuestionSchema)
  .action(async ({ parsedInput, ctx }) => raiseQuestion(ctx.access, parsedInput));

export const answerDialogueQuestionAction = communeActionClient("answerDialogueQuestion", RECORD_ROLES)
  .inputSchema(answerQuestionSchema)
  .action(async ({ parsedInput, ctx }) => answerQuestion(ctx.access, parsedInput));

export const markDialogueCommitmentDoneAction = communeActionClient("markDialogueCommitmentDone", RECORD_ROLES)
  .inputSchema(markDoneSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await markCommitmentDone(ctx.access, parsedInput.questionId);
    refresh();
    return result;
  });

export const recordDialogueResultsAction = communeActionClient("recordDialogueResults", RECORD_ROLES)
  .inputSchema(recordResultsSchema)
  .action(async ({ parsedInput, ctx }) => recordResults(ctx.access, parsedInput));

export const publishDialogueResultsAction = communeActionClient("publishDialogueResults", RECORD_ROLES)
  .inputSchema(publishResultsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishResults(ctx.access, parsedInput.conferenceId);
    refresh();
    return result;
  });
