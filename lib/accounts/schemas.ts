import { z } from "zod";

import { normalizePhone } from "@/lib/people/phone";

import { newPasswordSchema } from "./password-rules";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(200, { error: "tooLong" }),
    newPassword: newPasswordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, { error: "passwordUnchanged", path: ["newPassword"] });

const phone = z
  .string()
  .trim()
  .max(20, { error: "phoneInvalid" })
  .refine((v) => normalizePhone(v) !== null, { error: "phoneInvalid" });

export const requestResetSchema = z.object({ phone });

export const resetPasswordSchema = z.object({
  phone,
  code: z.string().trim().regex(/^\d{6}$/, { error: "codeFormat" }),
  newPassword: newPasswordSchema,
});
