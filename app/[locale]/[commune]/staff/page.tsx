import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { StatusBadge } from "@/components/consultations/status-badge";
import { buttonPrimary, pageTitle } from "@/components/ui/styles";
import { STAFF_AREA_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listConsultationsForStaff } from "@/lib/consultations/list-for-staff";
import { DISPUTE_READER_ROLES } from "@/lib/contested-votes/roles";
import { Link } from "@/lib/i18n/navigation";

export default async function StaffDashboard({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const [items, t, format] = await Promise.all([listConsultationsForStaff(commune.id), getTranslations(), getFormatter()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className={pageTitle}>{t("staff.consultations")}</h1>
        <Link href={`/${commune.slug}/staff/consultations/new`} className={buttonPrimary}>
          {t("staff.newConsultation")}
        </Link>
      </div>
      {access.roles.some((r) => DISPUTE_READER_ROLES.includes(r)) ? (
        <p>
          <Link href={`/${commune.slug}/vote-reviews`}>{t("contestedVotes.reviewTitle")}</Link>
        </p>
      ) : null}
      {items.length === 0 ? <p>{t("staff.none")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">{t("staff.form.title")}</th>
              <th scope="col" className="p-2">{t("consultation.status")}</th>
              <th scope="col" className="p-2">{t("consultation.commentPeriod")}</th>
              <th scope="col" className="p-2">{t("front.allInput")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/${commune.slug}/staff/consultations/${c.id}`}>{c.title}</Link>
                </td>
                <td className="p-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="p-2 text-sm">
                  {c.commentStartsAt && c.commentEndsAt
                    ? format.dateTimeRange(c.commentStartsAt, c.commentEndsAt, { dateStyle: "short" })
                    : "—"}
                </td>
                <td className="p-2">{c._count.opinions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
