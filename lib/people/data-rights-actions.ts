"use server";

import { z } from "zod";

import { communeActionClient, userActionClient } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";

import { correctMyDetails, requestDataChange, resolveDataRequest } from "./data-rights";
import { displayNameText } from "./display-name";

const communeId = z.string().min(1).max(40);

/** Data rights belong to every account of the commune, verified or not. */
async function requireAnyMembership(userId: string, commune: string) {
  const member = await db.membership.findFirst({ where: { userId, communeId: commune }, select: { id: true } });
  if (!member) throw forbidden();
}

export const requestDataChangeAction = userActionClient
  .metadata({ name: "requestDataChange" })
  .inputSchema(
    z.object({
      communeId,
      kind: z.enum(["CORRECTION", "DELETION"]),
      details: z.string().trim().max(2000, { error: "tooLong" }).nullable(),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    await requireAnyMembership(ctx.user.id, parsedInput.communeId);
    return requestDataChange(ctx.user.id, parsedInput.communeId, parsedInput.kind, parsedInput.details || null);
  });

export const correctMyDetailsAction = userActionClient
  .metadata({ name: "correctMyDetails" })
  .inputSchema(
    z.object({
      communeId,
      displayName: displayNameText,
      email: z
        .string()
        .trim()
        .max(200, { error: "tooLong" })
        .transform((v) => (v ? v.toLowerCase() : null))
        .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: "emailInvalid" }),
      // Digests by email are off unless the box is ticked.
      emailNotifications: z.boolean().default(false),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    await requireAnyMembership(ctx.user.id, parsedInput.communeId);
    return correctMyDetails(ctx.user.id, parsedInput.communeId, {
      displayName: parsedInput.displayName,
      email: parsedInput.email,
      emailOptOut: !parsedInput.emailNotifications,
    });
  });

export const resolveDataRequestAction = communeActionClient("resolveDataRequest", STAFF_ROLES)
  .inputSchema(
    z.object({
      communeId,
      requestId: z.string().min(1).max(40),
      status: z.enum(["DONE", "REFUSED"]),
      resolution: z.string().trim().min(5, { error: "moderationDetailsRequired" }).max(2000, { error: "tooLong" }),
    }),
  )
  .action(async ({ parsedInput, ctx }) => resolveDataRequest(ctx.access, parsedInput));
