import { getTranslations, setRequestLocale } from "next-intl/server";

import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";

export default async function Forbidden({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl space-y-3 px-4 py-8">
        <h1 className={pageTitle}>{t("forbiddenTitle")}</h1>
        <p>{t("forbiddenBody")}</p>
        <Link href="/">{t("home")}</Link>
      </main>
    </>
  );
}
