import { notFound, redirect } from "next/navigation";

import { type CommuneSummary, getCommuneBySlug } from "@/lib/communes/get-commune";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

import { type CommuneAccess, requireCommuneAccess } from "./authorize";
import { getSessionUser } from "./session";

/**
 * For pages of the staff and Front areas: the commune, and the signed-in user's access to it under
 * one of `roles`. Redirects to sign-in, or to the forbidden page, otherwise.
 */
export async function requirePageAccess(
  locale: string,
  slug: string,
  roles: readonly Role[],
): Promise<{ commune: CommuneSummary; access: CommuneAccess }> {
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const prefix = locale === "vi" ? "" : `/${locale}`;
  const user = await getSessionUser();
  if (!user) redirect(`${prefix}/sign-in`);
  try {
    const access = await requireCommuneAccess(user.id, commune.id, roles);
    return { commune, access };
  } catch (error) {
    if (isAppError(error) && error.status === 403) redirect(`${prefix}/forbidden`);
    throw error;
  }
}
