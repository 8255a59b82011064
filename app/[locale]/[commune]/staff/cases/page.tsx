import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { CaseFilterForm, readCaseFilters } from "@/components/cases/case-filters";
import { LateBadge } from "@/components/cases/late-badge";
import { buttonPrimary, buttonSecondary, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listCategories } from "@/lib/cases/categories";
import { nextDueAt } from "@/lib/cases/clocks";
import { listStaffCases } from "@/lib/cases/list-cases";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { getPathname, Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** Every case of the commune, overdue ones marked; the denouncer hidden from all but the handler. */
export default async function StaffCases({ params, searchParams }: { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, CASE_STAFF_ROLES);
  const filters = readCaseFilters(await searchParams);
  const [cases, categories, villages, t, format] = await Promise.all([
    listStaffCases(commune.id, access.userId, filters),
    listCategories(commune.id),
    listVillages(commune.id),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("cases.staffTitle")}</h1>
      <p className="flex flex-wrap gap-3">
        <Link href={`/${commune.slug}/staff/cases/new`} className={buttonPrimary}>{t("cases.staffFileNew")}</Link>
        <Link href={`/${commune.slug}/staff/cases/categories`} className={buttonSecondary}>{t("cases.categoriesTitle")}</Link>
      </p>
      <CaseFilterForm action={getPathname({ href: `/${commune.slug}/staff/cases`, locale })} filters={filters} categories={categories} villages={villages} locale={locale} />
      {cases.length === 0 ? <p>{t("cases.none")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">#</th>
              <th scope="col" className="p-2">{t("cases.titleLabel")}</th>
              <th scope="col" className="p-2">{t("cases.kind")}</th>
              <th scope="col" className="p-2">{t("cases.state")}</th>
              <th scope="col" className="p-2">{t("cases.sender")}</th>
              <th scope="col" className="p-2">{t("cases.dueAt")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-stone-200" data-testid="staff-case">
                <td className="p-2">{c.number}</td>
                <td className="p-2">
                  <Link href={`/${commune.slug}/staff/cases/${c.number}`}>{c.title}</Link> {c.mergedIntoId ? <span className="italic">({t("cases.merged")})</span> : null}
                </td>
                <td className="p-2">{t(`enums.CaseKind.${c.kind}`)}</td>
                <td className="p-2">{t(`enums.CaseState.${c.state}`)} <LateBadge late={c.late} /></td>
                <td className="p-2">{c.senderHidden ? t("cases.senderSecret") : (c.senderName ?? "")}</td>
                <td className="p-2">{format.dateTime(nextDueAt(c), { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
