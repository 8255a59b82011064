import "server-only";

// The account a role is about to be granted to. By phone number, or by an email its owner confirmed
// (lib/email-confirmation): an unconfirmed address could be anyone's, typed by someone who hoped to be
// made an official. Before granting, the administrator sees the account's name and the end of its
// phone number (the officials page looks up first, then grants).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";

import { normalizePhone } from "./phone";

export async function findGrantee(tx: Tx, identifier: string) {
  const phone = normalizePhone(identifier);
  const user = await tx.user.findFirst({
    where: phone ? { phone } : { email: { equals: identifier.trim(), mode: "insensitive" } },
    select: { id: true, name: true, phone: true, emailVerifiedAt: true, anonymisedAt: true },
  });
  if (!user || user.anonymisedAt) throw notFound("officialAccountNotFound");
  if (!phone && !user.emailVerifiedAt) throw conflict("officialEmailUnconfirmed");
  return user;
}

/** Only the last 3 digits: enough to tell two people apart on the telephone, not to copy the number. */
export function maskPhone(phone: string): string {
  return `${"•".repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
}

export async function lookUpGrantee(access: CommuneAccess, identifier: string) {
  const user = await db.$transaction((tx) => findGrantee(tx, identifier));
  if (user.id === access.userId) throw conflict("cannotGrantOwnRole");
  return { name: user.name, phone: user.phone ? maskPhone(user.phone) : null };
}
