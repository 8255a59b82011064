import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

import { pickMessages } from "@/lib/i18n/pick-messages";

/**
 * Translations for client islands that still call useTranslations: only around them, only the
 * namespaces they read. There is no provider in the root layout: a page without such islands loads no
 * translation runtime at all (see README, "Client islands").
 */
export async function IntlIsland({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
