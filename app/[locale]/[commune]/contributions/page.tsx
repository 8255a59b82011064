import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { listPublicContributions } from "@/lib/contributions/read";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributions");
  return { title: t("title") };
}

/** The public list of contributions the households decided (Law 10/2022 Art. 15.1), with what was collected. */
export default async function ContributionsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [rows, t, format] = await Promise.all([listPublicContributions(commune.id), getTranslations("contributions"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className={pageTitle}>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href={`/${commune.slug}/initiatives`} className="underline">
            {t("initiativesLink")}
          </Link>
        </p>
      </div>
      {rows.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {rows.map((r) => (
          <li key={r.id} className={card} data-testid="contribution-card">
            <h2 className="text-lg font-semibold">
              <Link href={`/${commune.slug}/contributions/${r.id}`}>{r.title}</Link>
            </h2>
            <p>{t("levelLine", { level: t(r.unit, { amount: r.levelPerHousehold }), from: day(r.periodStart), to: day(r.periodEnd) })}</p>
            <p>{t("collectedLine", { amount: t(r.unit, { amount: r.collected }) })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
