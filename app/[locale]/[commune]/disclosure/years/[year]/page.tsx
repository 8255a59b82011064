import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { RegisterYear } from "@/components/disclosure/register-year";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { listRegisterYears } from "@/lib/disclosure/list-register";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string; year: string }> };

const parseYear = (value: string) => (/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : null);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, year } = await params;
  const t = await getTranslations({ locale, namespace: "disclosure" });
  return { title: `${t("title")} · ${t("year", { year })}` };
}

/** The register of one year. */
export default async function DisclosureRegisterYear({ params }: Params) {
  const { locale, commune: slug, year: yearParam } = await params;
  setRequestLocale(locale);
  const year = parseYear(yearParam);
  const commune = year ? await getCommuneBySlug(slug) : null;
  if (!commune || !year) notFound();
  return <RegisterYear commune={commune} year={year} years={await listRegisterYears(commune.id)} />;
}
