import { getTranslations } from "next-intl/server";

import type { CheckStatus } from "@/lib/disclosure/compliance";

type Status = CheckStatus | "notRequired";

const STYLES: Record<Status, string> = {
  met: "bg-green-100 text-green-950 border-green-700",
  inProgress: "bg-amber-100 text-amber-950 border-amber-700",
  upcoming: "bg-stone-100 text-stone-900 border-stone-500",
  notMet: "bg-red-100 text-red-950 border-red-700",
  notRequired: "bg-stone-100 text-stone-900 border-stone-400",
};
const MARKS: Record<Status, string> = { met: "✓", inProgress: "…", upcoming: "…", notMet: "✗", notRequired: "–" };

/** The check against a rule, in words (never colour alone). */
export async function Verdict({ status, overall = false }: { status: Status; overall?: boolean }) {
  const t = await getTranslations("disclosure");
  const text = overall && status !== "upcoming" && status !== "notRequired" ? t(`overall.${status}`) : t(`status.${status}`);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-semibold ${STYLES[status]}`} data-testid="verdict">
      <span aria-hidden="true">{MARKS[status]}</span>
      {text}
    </span>
  );
}
