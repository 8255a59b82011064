import "server-only";

// "Send the link again" from the account page: only for the account's own, still unconfirmed address,
// a few times an hour (each mail goes to an address nobody has proved yet).
import { db } from "@/lib/db";
import { AppError, conflict, invalid } from "@/lib/errors";
import { getMailer, type Mailer } from "@/lib/notifications/mailer";
import { consumeRateLimit } from "@/lib/rate-limit";

import { sendConfirmation } from "./send";
import { issueConfirmation } from "./tokens";

export async function resendConfirmation(userId: string, now = new Date(), mailer: Mailer | null = getMailer()): Promise<{ sent: true }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, locale: true } });
  if (!user.email) throw invalid("emailConfirmNoEmail");
  if (user.emailVerifiedAt) throw conflict("emailConfirmAlready");
  if (!mailer) throw new AppError("emailConfirmNoMailer", 503);
  await consumeRateLimit("emailConfirmation", userId);
  const email = user.email;
  const token = await db.$transaction((tx) => issueConfirmation(tx, userId, email, now));
  await sendConfirmation(email, token, user.locale, mailer);
  return { sent: true as const };
}
