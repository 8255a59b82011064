import { getTranslations } from "next-intl/server";

import { buttonSecondary } from "@/components/ui/styles";

/** The DOCX and PDF of a consultation's outcome notice (plain links: nothing to run on the phone). */
export async function NoticeDownloads({ communeSlug, consultationId }: { communeSlug: string; consultationId: string }) {
  const t = await getTranslations("notice");
  const base = `/api/communes/${communeSlug}/consultations/${consultationId}/notice`;
  return (
    <nav aria-label={t("downloadsLabel")} className="flex flex-wrap gap-3">
      <a href={`${base}/docx`} className={buttonSecondary} download>
        ⬇ {t("downloadDocx")}
      </a>
      <a href={`${base}/pdf`} className={buttonSecondary} download>
        ⬇ {t("downloadPdf")}
      </a>
    </nav>
  );
}
