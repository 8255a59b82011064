import { revalidatePath } from "next/cache";

import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { routing } from "@/lib/i18n/routing";

/** The consultation page and its results page, in every language: after anything that changes the count. */
export async function revalidateBallotPages(communeId: string, consultationId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { slug: true } });
  revalidateConsultationPages(commune.slug, consultationId);
  for (const locale of routing.locales) revalidatePath(`/${locale}/${commune.slug}/consultations/${consultationId}/results`);
}
