import "server-only";

import { db } from "@/lib/db";

/** The commune's latest imports: which file, who, when, and what it changed. */
export async function listImportBatches(communeId: string, take = 10) {
  const batches = await db.importBatch.findMany({
    where: { communeId },
    select: { id: true, fileName: true, rowCount: true, created: true, updated: true, createdById: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take,
  });
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(batches.map((b) => b.createdById))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return batches.map((b) => ({ ...b, createdBy: users.get(b.createdById) ?? "—" }));
}
