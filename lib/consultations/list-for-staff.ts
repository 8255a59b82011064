import { db } from "@/lib/db";

/** Every consultation of the commune, drafts first, then by end of comment period. */
export const listConsultationsForStaff = (communeId: string) =>
  db.consultation.findMany({
    where: { communeId },
    select: {
      id: true,
      title: true,
      status: true,
      commentStartsAt: true,
      commentEndsAt: true,
      _count: { select: { opinions: true } },
    },
    orderBy: [{ createdAt: "desc" }],
    take: 500,
  });
