import "server-only";

// "Send the link again" from the account page: only for the account's own, still unconfirmed address,
// a few times an hour (each mail goes to an address nobody has proved yet).
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";

import { sendConfirmation } from "./send";
import { issueConfirmation } from "./tokens";

export async function resendConfirmation(userId: string, now = new Date()): Promise<{ sent: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, locale: true } });
  if (!user.email) throw invalid("emailConfirmNoEmail");
  if (user.emailVerifiedAt) throw conflict("emailConfirmAlready");
  await consumeRateLimit("emailConfirmation", userId);
  const email = user.email;
  const token = await db.$transaction((tx) => issueConfirmation(tx, userId, email, now));
  return { sent: await sendConfirmation(email, token, user.locale) };
}
