import { db } from "@/lib/db";

import { publicEventSelect, toPublicEvent } from "./public-chain";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The public log: what happened, to which kind of thing, under which role, an official's pseudonym,
 * and the hashes — the same public form as /api/audit/events. Never who (no account id) nor a digest
 * a guess could reverse. The total is the published head's, not a count of rows.
 */
export async function listAuditEvents(communeId: string, page: number, total: number) {
  const rows = await db.auditEvent.findMany({
    where: { communeId },
    select: publicEventSelect,
    orderBy: { seq: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { items: rows.map(toPublicEvent), page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
