import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { PublicCaseList } from "@/components/cases/public-case-list";
import { parseListKey } from "@/lib/cases/list-key";
import { getCommuneBySlug } from "@/lib/communes/get-commune";

// Each filtered page of the public list of cases is its own cached page, like every other public page:
// `/cases?state=RESOLVED&page=2` is served from here (proxy.ts, lib/cases/list-key.ts). Refreshed every
// minute, and at once when a case changes on this instance (lib/cases/public-cache.ts).
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; commune: string; key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "cases" });
  return { title: t("publicTitle") };
}

export default async function PublicCaseView({ params }: Props) {
  const { locale, commune: slug, key } = await params;
  setRequestLocale(locale);
  const view = parseListKey(decodeURIComponent(key));
  if (!view) notFound();
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  return <PublicCaseList commune={commune} locale={locale} view={view} />;
}
