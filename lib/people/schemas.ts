import { z } from "zod";

import { newPasswordSchema } from "@/lib/accounts/password-rules";

import { displayNameSchema } from "./display-name";
import { isEmail, normalizePhone } from "./phone";

const thisYear = new Date().getFullYear();

const phone = z
  .string()
  .trim()
  .max(20, { error: "phoneInvalid" })
  .refine((v) => normalizePhone(v) !== null, { error: "phoneInvalid" });

/** Step one of registration: the phone number to send the code to. */
export const phoneCodeRequestSchema = z.object({
  communeId: z.string().min(1).max(40),
  phone,
});

export const registrationSchema = z.object({
  communeId: z.string().min(1),
  name: z.string().trim().min(2, { error: "tooShort" }).max(100, { error: "tooLong" }),
  displayName: displayNameSchema,
  phone,
  code: z.string().trim().regex(/^\d{6}$/, { error: "codeFormat" }),
  birthYear: z.coerce
    .number({ error: "birthYearInvalid" })
    .int({ error: "birthYearInvalid" })
    .min(1900, { error: "birthYearInvalid" })
    .max(thisYear - 14, { error: "birthYearInvalid" }),
  villageId: z.string().min(1, { error: "required" }).max(40),
  /** A code from the village head, if the person has one. */
  inviteCode: z.string().trim().max(20, { error: "inviteInvalid" }).optional().default(""),
  password: newPasswordSchema,
  consent: z.literal(true, { error: "consentRequired" }),
});

export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationValues = z.output<typeof registrationSchema>;

/** The version of the consent text shown at registration (messages register.consent). */
export const REGISTRATION_CONSENT_VERSION = "registration-2026-12";

/** A signed-in resident waiting for verification types a village head's code. */
export const redeemInviteSchema = z.object({
  communeId: z.string().min(1).max(40),
  inviteCode: z.string().trim().min(1, { error: "required" }).max(20, { error: "inviteInvalid" }),
});

export const issueInviteSchema = z.object({ communeId: z.string().min(1).max(40), residentId: z.string().min(1).max(40) });

export const verifyRegistrationSchema = z.object({
  communeId: z.string().min(1).max(40),
  membershipId: z.string().min(1).max(40),
  residentId: z.string().min(1, { error: "chooseResident" }).max(40),
});

export const rejectRegistrationSchema = z.object({
  communeId: z.string().min(1).max(40),
  membershipId: z.string().min(1).max(40),
  reason: z.string().trim().min(5, { error: "reasonTooShort" }).max(500, { error: "tooLong" }),
});

export const setRepresentativeSchema = z.object({
  communeId: z.string().min(1).max(40),
  householdId: z.string().min(1).max(40),
  residentId: z.string().min(1).max(40),
});

/** Search parameters from the address bar: anything malformed falls back to "not given". */
export const residentSearchSchema = z.object({
  q: z.string().trim().max(100).default("").catch(""),
  code: z.string().trim().max(40).default("").catch(""),
  village: z.string().max(40).default("").catch(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ResidentSearch = z.output<typeof residentSearchSchema>;

/** The roles an administrator grants to the commune's officials (residents verify themselves). */
export const OFFICIAL_ROLES = ["STAFF", "LEADER", "VILLAGE_HEAD", "FRONT_REVIEWER", "ADMIN"] as const;
export const LEADER_TITLES = ["Chủ tịch", "Phó Chủ tịch"] as const;

/** The phone number or email of an existing account. */
const accountIdentifier = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .max(200, { error: "tooLong" })
  .refine((v) => normalizePhone(v) !== null || isEmail(v), { error: "identifierInvalid" });

export const lookUpGranteeSchema = z.object({ communeId: z.string().min(1).max(40), identifier: accountIdentifier });

export const grantRoleSchema = z
  .object({
    communeId: z.string().min(1).max(40),
    identifier: accountIdentifier,
    role: z.enum(OFFICIAL_ROLES, { error: "roleInvalid" }),
    villageId: z.string().max(40).optional().default(""),
    title: z.string().max(40).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.role === "VILLAGE_HEAD" && !v.villageId) ctx.addIssue({ code: "custom", path: ["villageId"], message: "villageRequired" });
    if (v.role === "LEADER" && !(LEADER_TITLES as readonly string[]).includes(v.title)) ctx.addIssue({ code: "custom", path: ["title"], message: "leaderTitleRequired" });
  });

export const revokeRoleSchema = z.object({ communeId: z.string().min(1).max(40), membershipId: z.string().min(1).max(40) });

/** The Front confirms or declines an administrator's proposal to appoint or withdraw a Front reviewer. */
export const decideFrontChangeSchema = z.object({
  communeId: z.string().min(1).max(40),
  changeId: z.string().min(1).max(40),
  decision: z.enum(["CONFIRM", "DECLINE"]),
});
