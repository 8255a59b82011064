"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { editHousehold, markHouseholdMovedAway, markPersonGone, moveHousehold, movePerson, splitHousehold } from "./change-household";
import { answerCorrection, requestCorrection } from "./corrections";
import { HOUSEHOLD_ROLES } from "./roles";
import {
  answerCorrectionSchema,
  editHouseholdSchema,
  markHouseholdMovedAwaySchema,
  markPersonGoneSchema,
  mergeVillagesSchema,
  moveHouseholdSchema,
  movePersonSchema,
  requestCorrectionSchema,
  splitHouseholdSchema,
  splitVillageSchema,
} from "./schemas";
import { mergeVillages, splitVillage } from "./villages";

export const editHouseholdAction = communeActionClient("editHousehold", HOUSEHOLD_ROLES.changeList)
  .inputSchema(editHouseholdSchema)
  .action(async ({ parsedInput, ctx }) => editHousehold(ctx.access, parsedInput));

export const movePersonAction = communeActionClient("movePerson", HOUSEHOLD_ROLES.changeList)
  .inputSchema(movePersonSchema)
  .action(async ({ parsedInput, ctx }) => movePerson(ctx.access, parsedInput));

export const moveHouseholdAction = communeActionClient("moveHousehold", HOUSEHOLD_ROLES.changeList)
  .inputSchema(moveHouseholdSchema)
  .action(async ({ parsedInput, ctx }) => moveHousehold(ctx.access, parsedInput));

export const splitHouseholdAction = communeActionClient("splitHousehold", HOUSEHOLD_ROLES.changeList)
  .inputSchema(splitHouseholdSchema)
  .action(async ({ parsedInput, ctx }) => splitHousehold(ctx.access, parsedInput));

export const markPersonGoneAction = communeActionClient("markPersonGone", HOUSEHOLD_ROLES.changeList)
  .inputSchema(markPersonGoneSchema)
  .action(async ({ parsedInput, ctx }) => markPersonGone(ctx.access, parsedInput));

export const markHouseholdMovedAwayAction = communeActionClient("markHouseholdMovedAway", HOUSEHOLD_ROLES.changeList)
  .inputSchema(markHouseholdMovedAwaySchema)
  .action(async ({ parsedInput, ctx }) => markHouseholdMovedAway(ctx.access, parsedInput));

export const mergeVillagesAction = communeActionClient("mergeVillages", HOUSEHOLD_ROLES.changeVillages)
  .inputSchema(mergeVillagesSchema)
  .action(async ({ parsedInput, ctx }) => mergeVillages(ctx.access, parsedInput));

export const splitVillageAction = communeActionClient("splitVillage", HOUSEHOLD_ROLES.changeVillages)
  .inputSchema(splitVillageSchema)
  .action(async ({ parsedInput, ctx }) => splitVillage(ctx.access, parsedInput));

export const requestHouseholdCorrectionAction = communeActionClient("requestHouseholdCorrection", HOUSEHOLD_ROLES.requestCorrection)
  .inputSchema(requestCorrectionSchema)
  .action(async ({ parsedInput, ctx }) => requestCorrection(ctx.access, parsedInput));

export const answerHouseholdCorrectionAction = communeActionClient("answerHouseholdCorrection", HOUSEHOLD_ROLES.answerCorrection)
  .inputSchema(answerCorrectionSchema)
  .action(async ({ parsedInput, ctx }) => answerCorrection(ctx.access, parsedInput));
