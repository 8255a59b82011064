"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { grantRole, revokeRole } from "./officials";
import { OFFICIALS_ROLES } from "./roles";
import { grantRoleSchema, revokeRoleSchema } from "./schemas";

export const grantRoleAction = communeActionClient("grantRole", OFFICIALS_ROLES)
  .inputSchema(grantRoleSchema)
  .action(async ({ parsedInput, ctx }) => grantRole(ctx.access, parsedInput));

export const revokeRoleAction = communeActionClient("revokeRole", OFFICIALS_ROLES)
  .inputSchema(revokeRoleSchema)
  .action(async ({ parsedInput, ctx }) => revokeRole(ctx.access, parsedInput));
