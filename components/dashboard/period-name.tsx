import { getTranslations } from "next-intl/server";

import { parseReportPeriod } from "@/lib/periodic-reports/periods";

const ROMAN = ["I", "II", "III", "IV"];

/** "Quý III năm 2026", "6 tháng đầu năm 2026", "Năm 2026" in the reader's language. */
export async function PeriodName({ periodKey }: { periodKey: string }) {
  const t = await getTranslations("periodicReports");
  const p = parseReportPeriod(periodKey);
  if (!p) return periodKey;
  if (p.kind === "QUARTER") return t("periodQuarter", { index: ROMAN[p.index - 1]!, year: p.year });
  if (p.kind === "HALF") return t("periodHalf", { index: String(p.index), year: p.year });
  return t("periodYear", { year: p.year });
}
