import { getFormatter, getTranslations } from "next-intl/server";

import { daysLeft } from "@/lib/consultations/periods";

/** "Còn 12 ngày", "Bắt đầu từ …" or "Đã kết thúc ngày …" for a comment period. */
export async function PeriodInfo({ startsAt, endsAt, now = new Date() }: { startsAt: Date | null; endsAt: Date | null; now?: Date }) {
  const t = await getTranslations("consultation");
  const format = await getFormatter();
  if (!endsAt) return null;
  if (startsAt && startsAt > now) {
    return <span>{t("notStarted", { date: format.dateTime(startsAt, { dateStyle: "medium" }) })}</span>;
  }
  const left = daysLeft(endsAt, now);
  if (left === null) return <span>{t("ended", { date: format.dateTime(endsAt, { dateStyle: "medium" }) })}</span>;
  return <span className="font-semibold text-brand-800">{t("daysLeft", { days: left })}</span>;
}
