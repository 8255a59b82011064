import { getTranslations, setRequestLocale } from "next-intl/server";

import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { defaultCommuneSlug, listCommunes } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { Link, redirect } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** Registration belongs to a commune: go straight to it when there is only one. */
export default async function RegisterChooser({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const communes = await listCommunes();
  const only = defaultCommuneSlug(communes, env.DEFAULT_COMMUNE);
  if (only) redirect({ href: `/${only}/register`, locale });
  const t = await getTranslations();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("register.title")}</h1>
        <p>{t("common.chooseCommuneIntro")}</p>
        <ul className="space-y-2">
          {communes.map((c) => (
            <li key={c.slug}>
              <Link href={`/${c.slug}/register`} className="text-lg font-semibold">
                {t("common.communeName", { name: c.name })}
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
