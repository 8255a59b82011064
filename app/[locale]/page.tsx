import { getTranslations, setRequestLocale } from "next-intl/server";

import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { defaultCommuneSlug, listCommunes } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { Link, redirect } from "@/lib/i18n/navigation";

// Which communes exist changes rarely, but it is read per request so that a new commune shows at once.
export const dynamic = "force-dynamic";

export default async function Root({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const communes = await listCommunes();
  const only = defaultCommuneSlug(communes, env.DEFAULT_COMMUNE);
  if (only) redirect({ href: `/${only}`, locale });
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("chooseCommune")}</h1>
        <p>{communes.length ? t("chooseCommuneIntro") : t("noCommunes")}</p>
        <ul className="space-y-2">
          {communes.map((c) => (
            <li key={c.slug}>
              <Link href={`/${c.slug}`} className="text-lg font-semibold">
                {t("communeName", { name: c.name })}
              </Link>{" "}
              <span className="text-stone-600">({c.province})</span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
