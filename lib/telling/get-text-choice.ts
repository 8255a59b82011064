import "server-only";

import { db } from "@/lib/db";

/** Whether the person chose text messages, and whether their account has a phone to send them to. */
export async function getTextChoice(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { textMessages: true, phone: true } });
  return { textMessages: user.textMessages, hasPhone: user.phone !== null };
}
