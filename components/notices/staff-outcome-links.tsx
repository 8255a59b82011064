import { getTranslations } from "next-intl/server";

import { buttonSecondary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";

/** On the staff consultation page: the outcome notice and the exports of opinions ("Xuất dữ liệu"). */
export async function StaffOutcomeLinks({ communeSlug, consultationId }: { communeSlug: string; consultationId: string }) {
  const t = await getTranslations("notice");
  const api = `/api/communes/${communeSlug}/consultations/${consultationId}/exports`;
  return (
    <section aria-labelledby="exports-title" className="space-y-3 rounded-xl border border-stone-200 p-4">
      <p>
        <Link href={`/${communeSlug}/staff/consultations/${consultationId}/notice`} className={buttonSecondary}>
          {t("staffLink")}
        </Link>
      </p>
      <h2 id="exports-title" className="text-lg font-bold">
        {t("exportsTitle")}
      </h2>
      <p className="text-sm text-stone-700">{t("exportsIntro")}</p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <a href={`${api}/csv`} className={buttonSecondary} download>
            ⬇ {t("exportCsv")}
          </a>
        </li>
        <li>
          <a href={`${api}/xlsx`} className={buttonSecondary} download>
            ⬇ {t("exportXlsx")}
          </a>
        </li>
        <li>
          <a href={`${api}/geojson`} className={buttonSecondary} download>
            ⬇ {t("exportGeojson")}
          </a>
        </li>
      </ul>
    </section>
  );
}
