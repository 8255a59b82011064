// Checks a phone number or email and a password. Failures say nothing about which part was wrong,
// take the same time whether or not the account exists, and are limited per account and per address.
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { isEmail, normalizePhone } from "@/lib/people/phone";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit";

import { hashPassword, verifyPassword } from "./password";

export type SignInFailure = "invalidCredentials" | `rateLimited:${number}`;

let dummyHash: Promise<string> | undefined;

export function identifierKey(identifier: string): string | null {
  const trimmed = identifier.trim();
  if (isEmail(trimmed)) return trimmed.toLowerCase();
  return normalizePhone(trimmed);
}

export async function checkCredentials(
  identifier: string,
  password: string,
  ip: string,
): Promise<{ ok: true; userId: string } | { ok: false; reason: SignInFailure }> {
  const key = identifierKey(identifier);
  try {
    await consumeRateLimit("signInIp", ip);
    if (key) await consumeRateLimit("signIn", key);
  } catch (e) {
    if (isAppError(e) && e.status === 429) return { ok: false, reason: `rateLimited:${Number(e.params.seconds)}` };
    throw e;
  }

  const user = key
    ? await db.user.findFirst({
        where: key.startsWith("+") ? { phone: key } : { email: key },
        select: { id: true, passwordHash: true, anonymisedAt: true },
      })
    : null;
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid || user.anonymisedAt) return { ok: false, reason: "invalidCredentials" };

  if (key) await resetRateLimit("signIn", key);
  return { ok: true, userId: user.id };
}
