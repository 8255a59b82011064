// The first platform administrator of a real deployment (npm run admin:create): a real deployment
// starts with an empty database, without the demo accounts, and this is how its first account comes.
// The same password rule as everywhere else; an email already in use is refused, never taken over.
import { z } from "zod";

import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { isEmail } from "@/lib/people/phone";

import { newPasswordSchema } from "./password-rules";

const adminSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .refine((v) => isEmail(v), "is not an email address"),
  password: newPasswordSchema,
  name: z.string().trim().min(2).max(100),
});

/** Messages for the terminal: the command is run by whoever installs the platform, in English or Vietnamese. */
const REASONS: Record<string, string> = {
  passwordTooShort: "the password needs at least 8 characters / mật khẩu cần ít nhất 8 ký tự",
  tooLong: "the password is longer than 200 characters / mật khẩu dài quá 200 ký tự",
};

export class AdminInputError extends Error {}

export async function createPlatformAdmin(db: Db, input: { email: string; password: string; name?: string }) {
  const parsed = adminSchema.safeParse({ ...input, name: input.name || "Quản trị hệ thống" });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${REASONS[i.message] ?? i.message}`);
    throw new AdminInputError(lines.join("\n"));
  }
  const { email, password, name } = parsed.data;
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) throw new AdminInputError(`email: ${email} already has an account / đã có tài khoản`);
  return db.user.create({
    // The operator typed this address on the server itself: that is the proof of ownership a link
    // would give (lib/email-confirmation), and without it the first administrator could never sign in.
    data: { email, name, displayName: name, passwordHash: await hashPassword(password), isPlatformAdmin: true, emailDigest: false, emailVerifiedAt: new Date() },
    select: { id: true, email: true },
  });
}
