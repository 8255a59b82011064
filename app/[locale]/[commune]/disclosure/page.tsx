import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { RegisterYear } from "@/components/disclosure/register-year";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { toVnDate } from "@/lib/consultations/periods";
import { feedPath } from "@/lib/disclosure/feed";
import { listRegisterYears } from "@/lib/disclosure/list-register";

// Static for everyone, refreshed every minute and at once when a posting is recorded on this instance.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, commune: slug } = await params;
  const t = await getTranslations({ locale, namespace: "disclosure" });
  return { title: t("title"), alternates: { types: { "application/atom+xml": feedPath(slug) } } };
}

/** The disclosure register (sổ công khai): the latest year with publications. */
export default async function DisclosureRegister({ params }: Params) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const years = await listRegisterYears(commune.id);
  const year = years[0] ?? Number(toVnDate(new Date()).slice(0, 4));
  return <RegisterYear commune={commune} year={year} years={years} />;
}
