import "server-only";

import { db } from "@/lib/db";
import type { RatingSubjectType } from "@/lib/generated/prisma/enums";

/** The subject's name on the rating page: a consultation's title; a case has none here (lib/cases owns it). */
export async function getRatingSubjectTitle(communeId: string, subjectType: RatingSubjectType, subjectId: string): Promise<string | null> {
  if (subjectType !== "CONSULTATION") return null;
  const consultation = await db.consultation.findFirst({ where: { id: subjectId, communeId }, select: { title: true } });
  return consultation?.title ?? null;
}
