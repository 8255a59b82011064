"use server";

// Server actions of contributions (dân làm): each checks who is asking and for which commune
// (communeActionClient, roles in ./roles.ts), then hands over to manage.ts.
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";

import { addCategory, createContribution, discloseContribution, exemptHousehold, openCollection, recordReceipt, recordSpending, reverseEntry } from "./manage";
import { MANAGE_ROLES, RECORD_ROLES } from "./roles";
import { addCategorySchema, contributionIdSchema, createContributionSchema, discloseSchema, exemptHouseholdSchema, recordReceiptSchema, recordSpendingSchema, reverseEntrySchema } from "./schemas";

const refresh = () => revalidatePath("/[locale]/[commune]/contributions", "layout");

export const createContributionAction = communeActionClient("createContribution", MANAGE_ROLES)
  .inputSchema(createContributionSchema)
  .action(async ({ parsedInput, ctx }) => createContribution(ctx.access, parsedInput));

export const addContributionCategoryAction = communeActionClient("addContributionCategory", MANAGE_ROLES)
  .inputSchema(addCategorySchema)
  .action(async ({ parsedInput, ctx }) => addCategory(ctx.access, parsedInput));

export const openContributionAction = communeActionClient("openContribution", MANAGE_ROLES)
  .inputSchema(contributionIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await openCollection(ctx.access, parsedInput.contributionId);
    refresh();
    return result;
  });

export const recordContributionReceiptAction = communeActionClient("recordContributionReceipt", RECORD_ROLES)
  .inputSchema(recordReceiptSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordReceipt(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const reverseContributionEntryAction = communeActionClient("reverseContributionEntry", RECORD_ROLES)
  .inputSchema(reverseEntrySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await reverseEntry(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const exemptContributionHouseholdAction = communeActionClient("exemptContributionHousehold", RECORD_ROLES)
  .inputSchema(exemptHouseholdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await exemptHousehold(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const recordContributionSpendingAction = communeActionClient("recordContributionSpending", MANAGE_ROLES)
  .inputSchema(recordSpendingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordSpending(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const discloseContributionAction = communeActionClient("discloseContribution", MANAGE_ROLES)
  .inputSchema(discloseSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await discloseContribution(ctx.access, parsedInput);
    refresh();
    return result;
  });
