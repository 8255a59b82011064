// Checks a phone number or email and a password. Failures say nothing about which part was wrong,
// take the same time whether or not the account exists, are limited per address, and slow the
// account's next attempt down (sign-in-delay.ts) rather than lock it. Something that is neither a
// phone number nor an email is refused before any hashing: it cannot be an account. An unconfirmed
// email signs nobody in (the phone number still does).
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { isEmail, normalizePhone } from "@/lib/people/phone";
import { consumeRateLimit } from "@/lib/rate-limit";

import { hashPassword, verifyPassword } from "./password";
import { forgetFailures, recordFailure, secondsToWait } from "./sign-in-delay";

export type SignInFailure = "invalidCredentials" | "emailUnconfirmed" | `rateLimited:${number}`;

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
  if (!key) return { ok: false, reason: "invalidCredentials" };
  try {
    await consumeRateLimit("signInIp", ip);
    const wait = await secondsToWait(key);
    if (wait > 0) return { ok: false, reason: `rateLimited:${wait}` };

    const user = await db.user.findFirst({
      where: key.startsWith("+") ? { phone: key } : { email: key },
      select: { id: true, passwordHash: true, anonymisedAt: true, emailVerifiedAt: true },
    });
    dummyHash ??= hashPassword("not-a-real-password").catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !valid || user.anonymisedAt) {
      await recordFailure(key);
      return { ok: false, reason: "invalidCredentials" };
    }
    await forgetFailures(key);
    // An email is a way in only once its owner opened the confirmation link (lib/email-confirmation).
    // Said only after the right password, so it tells a stranger nothing about the address.
    if (!key.startsWith("+") && !user.emailVerifiedAt) return { ok: false, reason: "emailUnconfirmed" };
    return { ok: true, userId: user.id };
  } catch (e) {
    // Over the address limit, or every hashing slot taken (503): try again shortly.
    if (isAppError(e) && e.status === 429) return { ok: false, reason: `rateLimited:${Number(e.params.seconds)}` };
    if (isAppError(e) && e.code === "serverBusy") return { ok: false, reason: "rateLimited:5" };
    throw e;
  }
}
