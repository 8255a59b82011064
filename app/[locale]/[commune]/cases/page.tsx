import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { PublicCaseList } from "@/components/cases/public-case-list";
import { readListQuery } from "@/lib/cases/list-key";
import { getCommuneBySlug } from "@/lib/communes/get-commune";

// Visitors never land here: proxy.ts serves this address from the cached page of its canonical view
// (./view/[key]). This render is the same page, for a request that reaches it directly.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "cases" });
  return { title: t("publicTitle") };
}

/** The public map and list of petitions and feedback (never complaints or denunciations). */
export default async function PublicCases({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const query = await searchParams;
  const view = readListQuery((name) => (typeof query[name] === "string" ? (query[name] as string) : null));
  return <PublicCaseList commune={commune} locale={locale} view={view} />;
}
