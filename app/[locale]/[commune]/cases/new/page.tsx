import { getTranslations, setRequestLocale } from "next-intl/server";

import { CaseForm } from "@/components/cases/case-form";
import { IntlIsland } from "@/components/intl-island";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listCategories } from "@/lib/cases/categories";
import { CASE_RESIDENT_ROLES } from "@/lib/cases/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { getPathname } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** A signed-in resident files a petition or feedback. */
export default async function NewCase({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, CASE_RESIDENT_ROLES);
  const [categories, villages, t] = await Promise.all([listCategories(commune.id, { activeOnly: true }), listVillages(commune.id), getTranslations("cases")]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className={pageTitle}>{t("fileNew")}</h1>
      <p>{t("fileIntro")}</p>
      <IntlIsland namespaces={["cases", "errors"]}>
        <CaseForm
          communeId={commune.id}
          slug={commune.slug}
          casesPath={getPathname({ href: `/${commune.slug}/cases`, locale })}
          categories={categories.map((c) => ({ value: c.id, label: locale === "en" && c.nameEn ? c.nameEn : c.name }))}
          villages={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
      </IntlIsland>
    </div>
  );
}
