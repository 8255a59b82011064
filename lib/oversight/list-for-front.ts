import { db } from "@/lib/db";

/** Every published (or later) consultation with all its input counted, hidden input included. */
export async function listConsultationsForFront(communeId: string) {
  const [consultations, counts] = await Promise.all([
    db.consultation.findMany({
      where: { communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
      select: { id: true, title: true, status: true },
      orderBy: { publishedAt: "desc" },
    }),
    db.opinion.groupBy({ by: ["consultationId", "moderationState"], where: { communeId }, _count: { _all: true } }),
  ]);
  return consultations.map((c) => {
    const mine = counts.filter((x) => x.consultationId === c.id);
    const total = mine.reduce((n, x) => n + x._count._all, 0);
    const hidden = mine.filter((x) => x.moderationState !== "VISIBLE").reduce((n, x) => n + x._count._all, 0);
    return { ...c, total, hidden };
  });
}
