"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { decideFrontRoleChange, FRONT_DECIDING_ROLES } from "./front-appointments";
import { lookUpGrantee } from "./grantee";
import { grantRole, revokeRole } from "./officials";
import { OFFICIALS_ROLES } from "./roles";
import { decideFrontChangeSchema, grantRoleSchema, lookUpGranteeSchema, revokeRoleSchema } from "./schemas";

/** First step of a grant: whose account this is (name, end of the phone number), before anything is given. */
export const lookUpGranteeAction = communeActionClient("lookUpGrantee", OFFICIALS_ROLES)
  .inputSchema(lookUpGranteeSchema)
  .action(async ({ parsedInput, ctx }) => lookUpGrantee(ctx.access, parsedInput.identifier));

export const grantRoleAction = communeActionClient("grantRole", OFFICIALS_ROLES)
  .inputSchema(grantRoleSchema)
  .action(async ({ parsedInput, ctx }) => grantRole(ctx.access, parsedInput));

export const revokeRoleAction = communeActionClient("revokeRole", OFFICIALS_ROLES)
  .inputSchema(revokeRoleSchema)
  .action(async ({ parsedInput, ctx }) => revokeRole(ctx.access, parsedInput));

/** The Front confirms or declines an appointment or withdrawal of a Front reviewer. */
export const decideFrontChangeAction = communeActionClient("decideFrontChange", FRONT_DECIDING_ROLES)
  .inputSchema(decideFrontChangeSchema)
  .action(async ({ parsedInput, ctx }) => decideFrontRoleChange(ctx.access, parsedInput));
