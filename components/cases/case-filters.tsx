import { getTranslations } from "next-intl/server";

import { buttonSecondary, input, label } from "@/components/ui/styles";
import type { CaseFilters } from "@/lib/cases/list-cases";
import { CASE_STATES } from "@/lib/cases/schemas";

/** A plain GET form (works without JavaScript; every filtered view has its own address). */
export async function CaseFilterForm({
  action,
  filters,
  categories,
  villages,
  locale,
}: {
  action: string;
  filters: CaseFilters;
  categories: { id: string; name: string; nameEn: string | null }[];
  villages: { id: string; name: string }[];
  locale: string;
}) {
  const t = await getTranslations();
  return (
    <form method="get" action={action} role="search" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="f-category" className={label}>{t("cases.category")}</label>
        <select id="f-category" name="category" defaultValue={filters.categoryId ?? ""} className={input}>
          <option value="">{t("cases.all")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>{locale === "en" && c.nameEn ? c.nameEn : c.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-state" className={label}>{t("cases.state")}</label>
        <select id="f-state" name="state" defaultValue={filters.state ?? ""} className={input}>
          <option value="">{t("cases.all")}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>{t(`enums.CaseState.${s}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-village" className={label}>{t("cases.village")}</label>
        <select id="f-village" name="village" defaultValue={filters.villageId ?? ""} className={input}>
          <option value="">{t("cases.all")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>{v.name}</option>
          ))}
        </select>
      </div>
      <label className="inline-flex min-h-11 items-center gap-2 self-end">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-5 w-5" />
        {t("cases.overdueOnly")}
      </label>
      <button type="submit" className={`${buttonSecondary} self-end`}>{t("cases.filter")}</button>
    </form>
  );
}

/** Filters from the address's query (unknown values ignored). */
export function readCaseFilters(query: Record<string, string | string[] | undefined>): CaseFilters {
  const one = (k: string) => (typeof query[k] === "string" && (query[k] as string).length <= 40 ? (query[k] as string) : null);
  const state = one("state");
  return {
    categoryId: one("category"),
    villageId: one("village"),
    state: state && (CASE_STATES as readonly string[]).includes(state) ? (state as CaseFilters["state"]) : null,
    overdue: one("overdue") === "1",
  };
}
