"use server";

// Server actions of the personal data domain: the breach register and requests from people without
// an account (staff), and consents (each signed-in person, for themselves).
import { communeActionClient, userActionClient } from "@/lib/actions/safe-action";
import { PRIVACY_STAFF_ROLES } from "./roles";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";

import { recordBreach, updateBreach } from "./breaches";
import { giveConsent, withdrawConsent } from "./consents";
import { answerRegisterRequest, recordRegisterRequest } from "./register-requests";
import { answerRegisterRequestSchema, consentSchema, recordBreachSchema, recordRegisterRequestSchema, updateBreachSchema } from "./schemas";

export const recordBreachAction = communeActionClient("recordBreach", PRIVACY_STAFF_ROLES)
  .inputSchema(recordBreachSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => recordBreach(ctx.access, values));

export const updateBreachAction = communeActionClient("updateBreach", PRIVACY_STAFF_ROLES)
  .inputSchema(updateBreachSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => updateBreach(ctx.access, values));

export const recordRegisterRequestAction = communeActionClient("recordRegisterRequest", PRIVACY_STAFF_ROLES)
  .inputSchema(recordRegisterRequestSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => recordRegisterRequest(ctx.access, values));

export const answerRegisterRequestAction = communeActionClient("answerRegisterRequest", PRIVACY_STAFF_ROLES)
  .inputSchema(answerRegisterRequestSchema)
  .action(async ({ parsedInput: { communeId: _c, ...values }, ctx }) => answerRegisterRequest(ctx.access, values));

/** Consents belong to every account of the commune, verified or not (as data rights do). */
async function requireAnyMembership(userId: string, communeId: string) {
  const member = await db.membership.findFirst({ where: { userId, communeId }, select: { id: true } });
  if (!member) throw forbidden();
}

export const giveConsentAction = userActionClient
  .metadata({ name: "giveConsent" })
  .inputSchema(consentSchema)
  .action(async ({ parsedInput, ctx }) => {
    await requireAnyMembership(ctx.user.id, parsedInput.communeId);
    return giveConsent(ctx.user.id, parsedInput.communeId, parsedInput.purpose);
  });

export const withdrawConsentAction = userActionClient
  .metadata({ name: "withdrawConsent" })
  .inputSchema(consentSchema)
  .action(async ({ parsedInput, ctx }) => {
    await requireAnyMembership(ctx.user.id, parsedInput.communeId);
    return withdrawConsent(ctx.user.id, parsedInput.communeId, parsedInput.purpose);
  });
