import { revalidatePath } from "next/cache";

import { routing } from "@/lib/i18n/routing";

/** The register pages are cached (ISR); a posting recorded on this instance refreshes them at once. */
export function revalidateRegister(communeSlug: string, entryId?: string) {
  for (const locale of routing.locales) {
    revalidatePath(`/${locale}/${communeSlug}/disclosure`, "layout");
    if (entryId) revalidatePath(`/${locale}/${communeSlug}/disclosure/${entryId}`);
  }
}
