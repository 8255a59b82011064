"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { createOpen311Client, OPEN311_CLIENT_ROLES, revokeOpen311Client } from "./clients";
import { createOpen311ClientSchema, revokeOpen311ClientSchema } from "./schemas";

/** Staff create an Open311 client; the answer carries the API key, shown this once. */
export const createOpen311ClientAction = communeActionClient("createOpen311Client", OPEN311_CLIENT_ROLES)
  .inputSchema(createOpen311ClientSchema)
  .action(async ({ parsedInput, ctx }) => createOpen311Client(ctx.access, { name: parsedInput.name, contact: parsedInput.contact }));

export const revokeOpen311ClientAction = communeActionClient("revokeOpen311Client", OPEN311_CLIENT_ROLES)
  .inputSchema(revokeOpen311ClientSchema)
  .action(async ({ parsedInput, ctx }) => revokeOpen311Client(ctx.access, parsedInput.clientId));
