import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { SiteHeader } from "@/components/site-header";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { SupervisionNavLink } from "@/components/supervision/nav-link";

// Communes are rendered on first visit and cached (ISR), none at build time.
export function generateStaticParams() {
  return [];
}

export default async function CommuneLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string; commune: string }>;
}) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const t = await getTranslations("common");
  const tDisclosure = await getTranslations("disclosure");
  const tDialogues = await getTranslations("dialogues");
  const tReception = await getTranslations("reception");
  const tCases = await getTranslations("cases");
  const tContributions = await getTranslations("contributions");
  return (
    <>
      <SiteHeader commune={{ slug: commune.slug, name: commune.name }} />
      {commune.isDemo ? (
        <p className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950" role="note">
          {t("demoNotice")}
        </p>
      ) : null}
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mt-8 border-t border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-stone-700">
          <p>{t("footer", { name: commune.name })}</p>
          <p className="mt-1 italic">{t("tagline")}</p>
          <nav aria-label={tDisclosure("title")} className="mt-2 flex flex-wrap gap-x-4">
            <Link href={`/${commune.slug}/disclosure`} className="inline-flex min-h-11 items-center underline">
              {tDisclosure("title")}
            </Link>
            <Link href={`/${commune.slug}/disclosure#open-data`} className="inline-flex min-h-11 items-center underline">
              {tDisclosure("openData")}
            </Link>
            <Link href={`/${commune.slug}/dialogues`} className="inline-flex min-h-11 items-center underline">
              {tDialogues("title")}
            </Link>
            <Link href={`/${commune.slug}/contributions`} className="inline-flex min-h-11 items-center underline">{tContributions("title")}</Link>
            <Link href={`/${commune.slug}/cases`} className="inline-flex min-h-11 items-center underline">
              {tCases("nav")}
            </Link>
            <Link href={`/${commune.slug}/works`} className="inline-flex min-h-11 items-center underline">{(await getTranslations("works"))("nav")}</Link>
            <Link href={`/${commune.slug}/audit`} className="inline-flex min-h-11 items-center underline">
              {t("auditLog")}
            </Link>
            <Link href={`/${commune.slug}/conventions`} className="inline-flex min-h-11 items-center underline">{(await getTranslations("conventions"))("nav")}</Link>
            <Link href={`/${commune.slug}/reception`} className="inline-flex min-h-11 items-center underline">
              {tReception("nav")}
            </Link>
            <SupervisionNavLink href={`/${commune.slug}/supervision`} className="inline-flex min-h-11 items-center underline" />
            <Link href={`/${commune.slug}/inspection-board`} className="inline-flex min-h-11 items-center underline">
              {(await getTranslations("inspection"))("nav")}
            </Link>
          </nav>
        </div>
      </footer>
    </>
  );
}
