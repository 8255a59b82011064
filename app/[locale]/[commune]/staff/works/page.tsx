import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { buttonPrimary, card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { listStaffWorks } from "@/lib/works/read";
import { WORK_READ_ROLES, WORK_STAFF_ROLES } from "@/lib/works/roles";

export const dynamic = "force-dynamic";

/** The staff list of works, drafts first; officials create new ones, village heads read. */
export default async function StaffWorks({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, WORK_READ_ROLES);
  const canEdit = WORK_STAFF_ROLES.some((r) => access.roles.includes(r));
  const [works, t, format] = await Promise.all([listStaffWorks(commune.id), getTranslations(), getFormatter()]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("works.staff.title")}</h1>
      <p>{canEdit ? t("works.staff.intro") : t("works.staff.readOnly")}</p>
      {canEdit ? <Link href={`/${commune.slug}/staff/works/new`} className={buttonPrimary}>{t("works.staff.new")}</Link> : null}
      {works.length === 0 ? <p>{t("works.none")}</p> : null}
      <ul className="space-y-3">
        {works.map((w) => (
          <li key={w.id} className={card} data-testid="staff-work-item">
            <p className="font-semibold"><Link href={`/${commune.slug}/staff/works/${w.id}`}>{w.title}</Link></p>
            <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
              <span>{t(`enums.WorkStatus.${w.status}`)}</span>
              <span>{t("works.progressValue", { progress: w.progress })}</span>
              <span>{w.publishedAt ? t("works.staff.published", { date: format.dateTime(w.publishedAt, { dateStyle: "medium" }) }) : t("works.staff.draft")}</span>
              <span>{t("works.staff.milestones", { count: w._count.milestones })}</span>
              <span>{t("works.followers")}: {w._count.follows}</span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
