import { revalidatePath } from "next/cache";

import { expireOpenData } from "@/lib/disclosure/open-data-cache";
import { routing } from "@/lib/i18n/routing";

/**
 * Public pages are cached (ISR) and refreshed every minute; a change made through this instance
 * refreshes them at once. Pages of opinions are refreshed as a group (they regenerate lazily, on their
 * next visit). The cached open data goes with them.
 */
export function revalidateConsultationPages(communeSlug: string, consultationId?: string) {
  for (const locale of routing.locales) {
    revalidatePath(`/${locale}/${communeSlug}`);
    if (consultationId) revalidatePath(`/${locale}/${communeSlug}/consultations/${consultationId}`);
  }
  if (consultationId) revalidatePath("/[locale]/[commune]/consultations/[id]/opinions/[page]", "page");
  expireOpenData();
}
