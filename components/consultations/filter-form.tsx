import { getTranslations } from "next-intl/server";

import { input, label } from "@/components/ui/styles";
import type { ListFilters } from "@/lib/consultations/schemas";
import { MatterKind, Subject } from "@/lib/generated/prisma/enums";

/** A plain GET form: works without JavaScript, and every filtered view has its own address. */
export async function FilterForm({
  action,
  filters,
  villages,
}: {
  action: string;
  filters: ListFilters;
  villages: { id: string; name: string }[];
}) {
  const t = await getTranslations();
  return (
    <form method="get" action={action} role="search" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="f-q" className={label}>
          {t("browse.search")}
        </label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("browse.searchPlaceholder")} className={input} />
      </div>
      <div>
        <label htmlFor="f-village" className={label}>
          {t("browse.village")}
        </label>
        <select id="f-village" name="village" defaultValue={filters.village ?? ""} className={input}>
          <option value="">{t("browse.allVillages")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-kind" className={label}>
          {t("browse.kind")}
        </label>
        <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""} className={input}>
          <option value="">{t("browse.allKinds")}</option>
          {Object.values(MatterKind).map((k) => (
            <option key={k} value={k}>
              {t(`enums.MatterKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-subject" className={label}>
          {t("browse.subject")}
        </label>
        <select id="f-subject" name="subject" defaultValue={filters.subject ?? ""} className={input}>
          <option value="">{t("browse.allSubjects")}</option>
          {Object.values(Subject).map((s) => (
            <option key={s} value={s}>
              {t(`enums.Subject.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-status" className={label}>
          {t("browse.status")}
        </label>
        <select id="f-status" name="status" defaultValue={filters.status} className={input}>
          <option value="open">{t("browse.statusOpen")}</option>
          <option value="closed">{t("browse.statusClosed")}</option>
          <option value="all">{t("browse.statusAll")}</option>
        </select>
      </div>
      <input type="hidden" name="view" value={filters.view} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          {t("browse.apply")}
        </button>
        <a href={action} className="inline-flex min-h-11 items-center px-2">
          {t("browse.reset")}
        </a>
      </div>
    </form>
  );
}
