import { getTranslations, setRequestLocale } from "next-intl/server";

import { CommuneForm } from "@/components/setup/commune-form";
import { pageTitle } from "@/components/ui/styles";
import { mapSettings } from "@/lib/map/map-props";
import { requirePlatformPage } from "@/lib/setup/page-access";
import { errorTexts, villageTexts } from "@/lib/setup/page-texts";

export const dynamic = "force-dynamic";

/** A new commune: names, address, villages and boundaries (issue 14 §1). */
export default async function NewCommunePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlatformPage(locale);
  const [t, tForm, errors, villages] = await Promise.all([getTranslations("setup.admin"), getTranslations("setup.form"), errorTexts(), villageTexts()]);
  const keys = ["slug", "name", "province", "address", "committeeName", "frontName", "slugHint", "committeeHint", "frontHint", "boundaryLabel", "boundaryHint", "boundaryRead", "submit", "created"] as const;
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("newTitle")}</h1>
      <CommuneForm
        prefix={locale === "vi" ? "" : `/${locale}`}
        settings={mapSettings()}
        locale={locale}
        texts={Object.fromEntries(keys.map((k) => [k, tForm.raw(k) as string])) as Record<(typeof keys)[number], string>}
        villageTexts={villages}
        errorTexts={errors}
      />
    </div>
  );
}
