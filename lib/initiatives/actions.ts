"use server";

// Server actions of citizens' initiatives (Law 10/2022 Art. 16.3): roles in ./roles.ts, work in ./initiatives.ts.
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";

import { enterPaperInitiativeSignature, proposeInitiative, recordPutToVillage, signInitiative } from "./initiatives";
import { ENTER_ROLES, RESIDENT_ROLES } from "./roles";
import { paperInitiativeSignatureSchema, proposeInitiativeSchema, recordPutSchema, signInitiativeSchema } from "./schemas";

const refresh = () => revalidatePath("/[locale]/[commune]/initiatives", "page");

export const proposeInitiativeAction = communeActionClient("proposeInitiative", RESIDENT_ROLES)
  .inputSchema(proposeInitiativeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await proposeInitiative(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const signInitiativeAction = communeActionClient("signInitiative", RESIDENT_ROLES)
  .inputSchema(signInitiativeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await signInitiative(ctx.access, parsedInput.initiativeId);
    refresh();
    return result;
  });

export const enterInitiativeSignatureAction = communeActionClient("enterInitiativeSignature", ENTER_ROLES)
  .inputSchema(paperInitiativeSignatureSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await enterPaperInitiativeSignature(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const recordInitiativePutAction = communeActionClient("recordInitiativePut", ENTER_ROLES)
  .inputSchema(recordPutSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordPutToVillage(ctx.access, parsedInput);
    refresh();
    return result;
  });
