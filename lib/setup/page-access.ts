import "server-only";

import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

import { type PlatformAdmin, requirePlatformAdmin } from "./platform-admin";

/** For the administration pages: the signed-in platform administrator, or sign-in / the forbidden page. */
export async function requirePlatformPage(locale: string): Promise<PlatformAdmin> {
  const prefix = locale === "vi" ? "" : `/${locale}`;
  const user = await getSessionUser();
  if (!user) redirect(`${prefix}/sign-in`);
  try {
    return await requirePlatformAdmin(user.id);
  } catch (error) {
    if (isAppError(error) && error.status === 403) redirect(`${prefix}/forbidden`);
    throw error;
  }
}
