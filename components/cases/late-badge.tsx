import { getTranslations } from "next-intl/server";

import type { Lateness } from "@/lib/cases/clocks";

/** "Overdue" with why: no reply within the legal clock, past the legal deadline, or past the commune's own date. */
export async function LateBadge({ late }: { late: Lateness | null }) {
  if (!late) return null;
  const t = await getTranslations("cases");
  return <span className="rounded bg-flag-700 px-2 py-0.5 text-sm font-semibold text-white" data-testid="overdue">{t(`late.${late}`)}</span>;
}
