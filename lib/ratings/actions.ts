"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { RATER_ROLES } from "./roles";
import { submitRatingSchema } from "./schemas";
import { submitRating } from "./submit-rating";

export const submitRatingAction = communeActionClient("submitRating", RATER_ROLES)
  .inputSchema(submitRatingSchema)
  .action(async ({ parsedInput, ctx }) => submitRating(ctx.access, parsedInput));
