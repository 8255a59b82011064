import { revalidatePath } from "next/cache";

import { routing } from "@/lib/i18n/routing";

/**
 * The register pages are cached (ISR); a posting recorded on this instance refreshes them at once.
 * `revalidatePath` takes either a literal path without a type, or a route pattern with one: a literal
 * path with "layout" names no route file, and left the register's index stale (served as STALE after a
 * posting until its 60 s were up). So the index and the entry are literal paths, and the yearly pages
 * (any year may hold the entry) go by their pattern.
 */
export function revalidateRegister(communeSlug: string, entryId?: string) {
  for (const locale of routing.locales) {
    revalidatePath(`/${locale}/${communeSlug}/disclosure`);
    if (entryId) revalidatePath(`/${locale}/${communeSlug}/disclosure/${entryId}`);
  }
  revalidatePath("/[locale]/[commune]/disclosure/years/[year]", "page");
}
