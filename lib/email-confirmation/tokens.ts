import "server-only";

// Proof that a person owns an email address: a random token goes out in a link, only its SHA-256 is
// stored (a copy of the table opens nothing), it works once, for 24 hours, and only while the address
// it was sent to is still the account's. Until then the address is neither a way to sign in nor a way
// to be granted a role (lib/auth/sign-in.ts, lib/people/officials.ts).
import { createHash, randomBytes } from "node:crypto";

import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const CONFIRMATION_HOURS = 24;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token for the account's current address; earlier unused ones stop working. */
export async function issueConfirmation(tx: Tx, userId: string, email: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.emailConfirmation.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.emailConfirmation.create({
    data: { userId, email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + CONFIRMATION_HOURS * 3600_000) },
  });
  return token;
}

/** Marks the address confirmed. A used, expired, unknown or outdated token is refused with a 410/404. */
export async function confirmEmail(token: string, now = new Date()): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.emailConfirmation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, email: true, expiresAt: true, usedAt: true, user: { select: { email: true, anonymisedAt: true } } },
    });
    if (!row) throw new AppError("emailConfirmUnknown", 404);
    if (row.usedAt) throw new AppError("emailConfirmUsed", 410);
    if (now.getTime() >= row.expiresAt.getTime()) throw new AppError("emailConfirmExpired", 410, { hours: CONFIRMATION_HOURS });
    if (row.user.anonymisedAt || row.user.email !== row.email) throw new AppError("emailConfirmOutdated", 410);
    // Taken in the same statement that checks it is unused: two clicks at once confirm once.
    const { count } = await tx.emailConfirmation.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) throw new AppError("emailConfirmUsed", 410);
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    return { email: row.email };
  });
}
