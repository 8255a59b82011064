import { z } from "zod";

import { normalizePhone } from "./phone";

const thisYear = new Date().getFullYear();

export const registrationSchema = z.object({
  communeId: z.string().min(1),
  name: z.string().trim().min(2, { error: "tooShort" }).max(100, { error: "tooLong" }),
  displayName: z.string().trim().min(2, { error: "tooShort" }).max(50, { error: "tooLong" }),
  phone: z
    .string()
    .trim()
    .max(20, { error: "phoneInvalid" })
    .refine((v) => normalizePhone(v) !== null, { error: "phoneInvalid" }),
  birthYear: z.coerce
    .number({ error: "birthYearInvalid" })
    .int({ error: "birthYearInvalid" })
    .min(1900, { error: "birthYearInvalid" })
    .max(thisYear - 14, { error: "birthYearInvalid" }),
  villageId: z.string().min(1, { error: "required" }).max(40),
  password: z.string().min(8, { error: "passwordTooShort" }).max(200, { error: "tooLong" }),
  consent: z.literal(true, { error: "consentRequired" }),
});

export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationValues = z.output<typeof registrationSchema>;

/** The version of the consent text shown at registration (messages register.consent). */
export const REGISTRATION_CONSENT_VERSION = "registration-2026-11";
