import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { STAFF_AREA_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { RECORD_ROLES as CONTRIBUTION_RECORD_ROLES } from "@/lib/contributions/roles";
import { RECORD_ROLES } from "@/lib/dialogues/roles";
import { ANSWERING_ROLES } from "@/lib/inspection/roles";
import { OPEN311_CLIENT_ROLES } from "@/lib/open311/clients";
import { OFFICIALS_ROLES } from "@/lib/people/roles";
import { PRIVACY_STAFF_ROLES } from "@/lib/privacy/roles";
import { RATING_RESULTS_ROLES } from "@/lib/ratings/roles";
import { REGISTER_KEEPER_ROLES } from "@/lib/reception/roles";
import { REGISTER_READER_ROLES } from "@/lib/register/roles";
import { SupervisionNavLink } from "@/components/supervision/nav-link";
import { ANSWER_ROLES } from "@/lib/supervision/roles";
import { SETTINGS_ROLES } from "@/lib/setup/roles";
import { PERIODIC_WRITER_ROLES } from "@/lib/periodic-reports/roles";

export const dynamic = "force-dynamic";

export default async function StaffLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string; commune: string }>;
}) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const [t, tOfficials, tPrivacy, tRatings, tDialogues, tOpen311, tReception, tCases, tContributions] = await Promise.all([
    getTranslations("staff"),
    getTranslations("officials"),
    getTranslations("privacy.staff"),
    getTranslations("ratings"),
    getTranslations("dialogues.staff"),
    getTranslations("open311"),
    getTranslations("reception"),
    getTranslations("cases"),
    getTranslations("contributions"),
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label={t("dashboard")} className="flex flex-wrap gap-4 border-b border-stone-200 pb-2">
        <Link href={`/${commune.slug}/staff`}>{t("consultations")}</Link>
        <Link href={`/${commune.slug}/staff/consultations/new`}>{t("newConsultation")}</Link>
        <Link href={`/${commune.slug}/staff/moderation`}>{t("moderation")}</Link>
        <Link href={`/${commune.slug}/staff/data-requests`}>{t("dataRequests")}</Link>
        <Link href={`/${commune.slug}/staff/residents`}>{t("residents")}</Link>
        {RATING_RESULTS_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/ratings/review`}>{tRatings("nav")}</Link> : null}
        {RECORD_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/dialogues`}>{tDialogues("nav")}</Link> : null}
        {CONTRIBUTION_RECORD_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/contributions`}>{tContributions("staff.nav")}</Link> : null}
        {PRIVACY_STAFF_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/privacy`}>{tPrivacy("nav")}</Link> : null}
        {REGISTER_KEEPER_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/reception`}>{tReception("nav")}</Link> : null}
        {CASE_STAFF_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/cases`}>{tCases("staffNav")}</Link> : null}
        <Link href={`/${commune.slug}/staff/works`}>{(await getTranslations("works"))("staffNav")}</Link>
        {ANSWERING_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/inspection`}>{(await getTranslations("inspection"))("nav")}</Link> : null}
        {OFFICIALS_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/officials`}>{tOfficials("nav")}</Link> : null}
        <Link href={`/${commune.slug}/staff/conventions`}>{(await getTranslations("conventions"))("nav")}</Link>
        {ANSWER_ROLES.some((r) => access.roles.includes(r)) ? <SupervisionNavLink href={`/${commune.slug}/staff/supervision`} labelKey="staffTitle" /> : null}
        {OPEN311_CLIENT_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/open311`}>{tOpen311("nav")}</Link> : null}
        {REGISTER_READER_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/register`}>{(await getTranslations("documentRegister"))("nav")}</Link> : null}
        {SETTINGS_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/settings`}>{(await getTranslations("setup"))("settings.nav")}</Link> : null}
        {PERIODIC_WRITER_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/periodic-reports`}>{(await getTranslations("periodicReports"))("nav")}</Link> : null}
        {PERIODIC_WRITER_ROLES.some((r) => access.roles.includes(r)) ? <Link href={`/${commune.slug}/staff/dashboard`}>{(await getTranslations("periodicReports"))("dashboardNav")}</Link> : null}
      </nav>
      {children}
    </div>
  );
}
