import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { DashboardView } from "@/components/dashboard/dashboard-view";
import { requirePageAccess } from "@/lib/auth/page-access";
import { dashboardYear } from "@/lib/dashboard/series";
import type { Role } from "@/lib/generated/prisma/enums";

export type DashboardPageProps = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<{ year?: string }> };

export async function dashboardMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "periodicReports.dashboard" });
  return { title: t("title") };
}

/** The dashboard page of an area (staff or front), for the roles that area admits. */
export async function DashboardPage({ params, searchParams, roles, area }: DashboardPageProps & { roles: readonly Role[]; area: "staff" | "front" }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, roles);
  const year = dashboardYear((await searchParams).year);
  return <DashboardView communeId={commune.id} slug={commune.slug} basePath={`/${commune.slug}/${area}/dashboard`} year={year} />;
}
