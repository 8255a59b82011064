// The filter of the public works list: a plain GET form (works without JavaScript).
import { getTranslations } from "next-intl/server";

import { buttonSecondary, input, label } from "@/components/ui/styles";
import type { WorkFilters } from "@/lib/works/read";
import { WORK_STATUSES } from "@/lib/works/schemas";

export async function WorkFilterForm({ action, filters, villages, years }: { action: string; filters: WorkFilters; villages: { id: string; name: string }[]; years: number[] }) {
  const t = await getTranslations();
  return (
    <form action={action} method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end" aria-label={t("works.filterTitle")}>
      <div>
        <label htmlFor="wf-village" className={label}>{t("works.village")}</label>
        <select id="wf-village" name="village" defaultValue={filters.village ?? ""} className={input}>
          <option value="">{t("works.allVillages")}</option>
          {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="wf-status" className={label}>{t("works.status")}</label>
        <select id="wf-status" name="status" defaultValue={filters.status ?? ""} className={input}>
          <option value="">{t("works.allStatuses")}</option>
          {WORK_STATUSES.map((s) => <option key={s} value={s}>{t(`enums.WorkStatus.${s}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="wf-year" className={label}>{t("works.year")}</label>
        <select id="wf-year" name="year" defaultValue={filters.year ? String(filters.year) : ""} className={input}>
          <option value="">{t("works.allYears")}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <button type="submit" className={buttonSecondary}>{t("works.filter")}</button>
    </form>
  );
}
