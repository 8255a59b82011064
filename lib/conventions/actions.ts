"use server";

// Server actions of village conventions: each checks who is asking and for which commune
// (communeActionClient, roles in ./roles.ts), then hands over to the domain module (./life.ts).
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";

import { addDraftText, decide, decideSanction, linkConsultation, markPosted, markSent, propose, recordAdoption, recordGrounds, recordReview, setDraftingGroup, submitDossier } from "./life";
import { PROPOSE_ROLES, RECORD_ROLES, SIGN_ROLES } from "./roles";
import { decideSchema, draftingGroupSchema, draftTextSchema, groundsSchema, linkConsultationSchema, proposeSchema, reviewSchema, sanctionSchema, versionStepSchema } from "./schemas";

/** Every convention page reads fresh after a change. */
const refresh = () => {
  revalidatePath("/[locale]/[commune]/staff/conventions", "layout");
  revalidatePath("/[locale]/[commune]/conventions", "page");
};

const run = async <T>(work: Promise<T>) => {
  const result = await work;
  refresh();
  return result;
};

export const proposeConventionAction = communeActionClient("proposeConvention", PROPOSE_ROLES)
  .inputSchema(proposeSchema)
  .action(async ({ parsedInput, ctx }) => run(propose(ctx.access, parsedInput)));

export const setConventionDraftingGroupAction = communeActionClient("setConventionDraftingGroup", RECORD_ROLES)
  .inputSchema(draftingGroupSchema)
  .action(async ({ parsedInput, ctx }) => run(setDraftingGroup(ctx.access, parsedInput)));

export const addConventionDraftAction = communeActionClient("addConventionDraft", RECORD_ROLES)
  .inputSchema(draftTextSchema)
  .action(async ({ parsedInput, ctx }) => run(addDraftText(ctx.access, parsedInput)));

export const linkConventionConsultationAction = communeActionClient("linkConventionConsultation", RECORD_ROLES)
  .inputSchema(linkConsultationSchema)
  .action(async ({ parsedInput, ctx }) => run(linkConsultation(ctx.access, parsedInput)));

export const recordConventionAdoptionAction = communeActionClient("recordConventionAdoption", RECORD_ROLES)
  .inputSchema(versionStepSchema)
  .action(async ({ parsedInput, ctx }) => run(recordAdoption(ctx.access, parsedInput)));

export const submitConventionDossierAction = communeActionClient("submitConventionDossier", RECORD_ROLES)
  .inputSchema(versionStepSchema)
  .action(async ({ parsedInput, ctx }) => run(submitDossier(ctx.access, parsedInput)));

export const decideConventionAction = communeActionClient("decideConvention", SIGN_ROLES)
  .inputSchema(decideSchema)
  .action(async ({ parsedInput, ctx }) => run(decide(ctx.access, parsedInput)));

export const markConventionSentAction = communeActionClient("markConventionSent", RECORD_ROLES)
  .inputSchema(versionStepSchema)
  .action(async ({ parsedInput, ctx }) => run(markSent(ctx.access, parsedInput)));

export const markConventionPostedAction = communeActionClient("markConventionPosted", RECORD_ROLES)
  .inputSchema(versionStepSchema)
  .action(async ({ parsedInput, ctx }) => run(markPosted(ctx.access, parsedInput)));

export const recordConventionGroundsAction = communeActionClient("recordConventionGrounds", RECORD_ROLES)
  .inputSchema(groundsSchema)
  .action(async ({ parsedInput, ctx }) => run(recordGrounds(ctx.access, parsedInput)));

export const decideConventionSanctionAction = communeActionClient("decideConventionSanction", SIGN_ROLES)
  .inputSchema(sanctionSchema)
  .action(async ({ parsedInput, ctx }) => run(decideSanction(ctx.access, parsedInput)));

export const recordConventionReviewAction = communeActionClient("recordConventionReview", RECORD_ROLES)
  .inputSchema(reviewSchema)
  .action(async ({ parsedInput, ctx }) => run(recordReview(ctx.access, parsedInput)));
