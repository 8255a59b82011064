import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

/** The public log: what happened, to which kind of thing, under which role, and the hashes. No names. */
export async function listAuditEvents(communeId: string, page: number) {
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { communeId },
      select: { seq: true, createdAt: true, action: true, entityType: true, entityId: true, actorRole: true, hash: true, prevHash: true },
      orderBy: { seq: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where: { communeId } }),
  ]);
  return { items: rows.map((r) => ({ ...r, seq: r.seq.toString() })), total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
