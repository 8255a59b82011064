"use server";

import { getLocale } from "next-intl/server";

import { actionClient, communeActionClient, userActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requestAddress } from "@/lib/network/request-address";

import { issueInvite } from "./invites";
import { normalizePhone } from "./phone";
import { issuePhoneCode } from "./phone-codes";
import { registerResident } from "./register-resident";
import { redeemInviteForAccount } from "./registration-status";
import { PEOPLE_ROLES } from "./roles";
import {
  issueInviteSchema,
  phoneCodeRequestSchema,
  redeemInviteSchema,
  registrationSchema,
  rejectRegistrationSchema,
  setRepresentativeSchema,
  verifyRegistrationSchema,
} from "./schemas";
import { setRepresentative } from "./set-representative";
import { rejectRegistration, verifyRegistration } from "./verify-registration";

const clientIp = requestAddress;

async function requireCommune(communeId: string) {
  const commune = await db.commune.findUnique({ where: { id: communeId }, select: { id: true } });
  if (!commune) throw notFound("communeNotFound");
}

// Registration is for people without an account yet: anyone may ask, limited per phone and address.
export const requestPhoneCodeAction = actionClient
  .metadata({ name: "requestPhoneCode" })
  .inputSchema(phoneCodeRequestSchema)
  .action(async ({ parsedInput }) => {
    await requireCommune(parsedInput.communeId);
    const { expiresAt } = await issuePhoneCode({
      communeId: parsedInput.communeId,
      phone: normalizePhone(parsedInput.phone)!,
      ip: await clientIp(),
      locale: await getLocale(),
    });
    return { expiresAt: expiresAt.toISOString() };
  });

export const registerResidentAction = actionClient
  .metadata({ name: "registerResident" })
  .inputSchema(registrationSchema)
  .action(async ({ parsedInput }) => {
    await requireCommune(parsedInput.communeId);
    const result = await registerResident(parsedInput, await clientIp());
    return { status: result.status, method: result.method };
  });

/** The signed-in person's own pending registration only: the check is inside redeemInviteForAccount. */
export const redeemInviteAction = userActionClient
  .metadata({ name: "redeemInvite" })
  .inputSchema(redeemInviteSchema)
  .action(async ({ parsedInput, ctx }) => redeemInviteForAccount(ctx.user.id, parsedInput.communeId, parsedInput.inviteCode, await clientIp()));

export const issueInviteAction = communeActionClient("issueInvite", PEOPLE_ROLES.issueInvite)
  .inputSchema(issueInviteSchema)
  .action(async ({ parsedInput, ctx }) => {
    const invite = await issueInvite(ctx.access, parsedInput.residentId);
    return { ...invite, expiresAt: invite.expiresAt.toISOString() };
  });

export const verifyRegistrationAction = communeActionClient("verifyRegistration", PEOPLE_ROLES.verifyRegistration)
  .inputSchema(verifyRegistrationSchema)
  .action(async ({ parsedInput, ctx }) => verifyRegistration(ctx.access, parsedInput));

export const rejectRegistrationAction = communeActionClient("rejectRegistration", PEOPLE_ROLES.verifyRegistration)
  .inputSchema(rejectRegistrationSchema)
  .action(async ({ parsedInput, ctx }) => rejectRegistration(ctx.access, parsedInput));

export const setRepresentativeAction = communeActionClient("setRepresentative", PEOPLE_ROLES.setRepresentative)
  .inputSchema(setRepresentativeSchema)
  .action(async ({ parsedInput, ctx }) => setRepresentative(ctx.access, parsedInput));
