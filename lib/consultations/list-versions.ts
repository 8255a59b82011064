import { db } from "@/lib/db";

import type { ConsultationChange } from "./diff-consultation";

/** The public version history, newest first: what changed, when, and the officer's note. */
export async function listConsultationVersions(consultationId: string) {
  const rows = await db.consultationVersion.findMany({
    where: { consultationId },
    select: { id: true, version: true, changes: true, note: true, createdAt: true },
    orderBy: { version: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ ...r, changes: r.changes as unknown as ConsultationChange[] }));
}

export type ConsultationVersionEntry = Awaited<ReturnType<typeof listConsultationVersions>>[number];
