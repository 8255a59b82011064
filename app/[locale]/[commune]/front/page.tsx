import { getTranslations, setRequestLocale } from "next-intl/server";

import { StatusBadge } from "@/components/consultations/status-badge";
import { IntlIsland } from "@/components/intl-island";
import { FrontChanges } from "@/components/people/front-changes";
import { pageTitle } from "@/components/ui/styles";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { listConsultationsForFront } from "@/lib/oversight/list-for-front";
import { listOpenFrontChanges } from "@/lib/people/front-appointments";
import { SupervisionNavLink } from "@/components/supervision/nav-link";

export const dynamic = "force-dynamic";

/** The Front's overview: every consultation with all input counted, hidden input included. */
export default async function FrontHome({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, FRONT_ROLES);
  const [rows, frontChanges, t] = await Promise.all([listConsultationsForFront(commune.id), listOpenFrontChanges(commune.id), getTranslations()]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("front.title")}</h1>
      <p>{t("front.intro")}</p>
      <p>
        <Link href={`/${commune.slug}/vote-reviews`}>{t("contestedVotes.reviewTitle")}</Link>
        {" · "}
        <Link href={`/${commune.slug}/front/reception`}>{t("reception.register")}</Link>
      </p>
      <p>
        <Link href={`/${commune.slug}/ratings/review`}>{t("ratings.reviewTitle")}</Link>
      </p>
      <p>
        <Link href={`/${commune.slug}/front/dialogues`}>{t("dialogues.front.title")}</Link>
      </p>
      <p>
        <Link href={`/${commune.slug}/front/conventions`}>{t("conventions.front.title")}</Link>
        <SupervisionNavLink href={`/${commune.slug}/front/supervision`} labelKey="frontTitle" />
      </p>
      <p>
        <Link href={`/${commune.slug}/front/cases`}>{t("cases.frontTitle")}</Link>
      </p>
      <p>
        <Link href={`/${commune.slug}/front/inspection`}>{t("inspection.frontTitle")}</Link>
      </p>
      <p>
        <Link href={`/${commune.slug}/front/dashboard`}>{t("periodicReports.dashboardNav")}</Link>
      </p>
      {rows.length === 0 ? <p>{t("front.none")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">{t("staff.form.title")}</th>
              <th scope="col" className="p-2">{t("consultation.status")}</th>
              <th scope="col" className="p-2">{t("front.allInput")}</th>
              <th scope="col" className="p-2">{t("front.hiddenInput")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/${commune.slug}/front/consultations/${r.id}`}>{r.title}</Link>
                </td>
                <td className="p-2">
                  <StatusBadge status={r.status} />
                </td>
                <td className="p-2">{r.total}</td>
                <td className="p-2">{r.hidden}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <IntlIsland namespaces={["errors"]}>
        <FrontChanges communeId={commune.id} changes={frontChanges} canDecide />
      </IntlIsland>
    </div>
  );
}
