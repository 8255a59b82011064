import "server-only";

import { db } from "@/lib/db";

/** The commune's latest text messages, newest first. Bodies sent through a real gateway are masked at storage. */
export async function listSmsOutbox(communeId: string, take = 100) {
  return db.smsMessage.findMany({
    where: { communeId },
    select: { id: true, phone: true, body: true, provider: true, status: true, error: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take,
  });
}
