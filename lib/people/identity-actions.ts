"use server";

// Confirming a resident's identity in person, so that the account may vote. Staff for the whole
// commune; a village head for their own village (checked in the domain function).
import { z } from "zod";

import { communeActionClient } from "@/lib/actions/safe-action";
import { STAFF_AREA_ROLES } from "@/lib/auth/roles";

import { confirmIdentityInPerson } from "./confirm-identity";

const confirmIdentitySchema = z.object({ communeId: z.string().min(1).max(40), residentId: z.string().min(1).max(40) });

export const confirmIdentityAction = communeActionClient("confirmIdentityInPerson", STAFF_AREA_ROLES)
  .inputSchema(confirmIdentitySchema)
  .action(async ({ parsedInput, ctx }) => confirmIdentityInPerson(ctx.access, parsedInput));
