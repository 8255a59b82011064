import { getTranslations } from "next-intl/server";

import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<ConsultationStatus, string> = {
  DRAFT: "bg-stone-200 text-stone-900",
  SCHEDULED: "bg-amber-100 text-amber-950",
  PUBLISHED: "bg-brand-100 text-brand-900",
  CLOSED: "bg-stone-200 text-stone-900",
  SUMMARISED: "bg-sky-100 text-sky-950",
  OUTCOME_PUBLISHED: "bg-blue-100 text-blue-950",
};

export async function StatusBadge({ status }: { status: ConsultationStatus }) {
  const t = await getTranslations("enums.ConsultationStatus");
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${STYLES[status]}`}>{t(status)}</span>
  );
}
