import { getTranslations } from "next-intl/server";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import type { ResidentSearch } from "@/lib/people/schemas";

/** A plain GET form: works without JavaScript, and each search has its own address. */
export async function ResidentSearchForm({ action, search, villages }: { action: string; search: ResidentSearch; villages: { id: string; name: string }[] }) {
  const t = await getTranslations("people.residents");
  return (
    <form method="get" action={action} role="search" className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="r-q" className={label}>
          {t("searchName")}
        </label>
        <input id="r-q" name="q" type="search" defaultValue={search.q} className={input} aria-describedby="r-q-hint" />
        <p id="r-q-hint" className="mt-1 text-sm text-stone-600">
          {t("searchNameHint")}
        </p>
      </div>
      <div>
        <label htmlFor="r-code" className={label}>
          {t("searchCode")}
        </label>
        <input id="r-code" name="code" type="search" defaultValue={search.code} className={input} />
      </div>
      <div>
        <label htmlFor="r-village" className={label}>
          {t("village")}
        </label>
        <select id="r-village" name="village" defaultValue={search.village} className={input}>
          <option value="">{t("allVillages")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-4">
        <button type="submit" className={buttonPrimary}>
          {t("search")}
        </button>
      </div>
    </form>
  );
}
