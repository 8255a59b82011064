import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { LateBadge } from "@/components/cases/late-badge";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listCasesForFront } from "@/lib/cases/list-cases";
import { CASE_FRONT_ROLES } from "@/lib/cases/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** The Front's supervision of cases: overdue ones and those reopened by a "not fixed" answer. */
export default async function FrontCases({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, CASE_FRONT_ROLES);
  const [rows, t, format] = await Promise.all([listCasesForFront(commune.id), getTranslations(), getFormatter()]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("cases.frontTitle")}</h1>
      <p>{t("cases.frontIntro")}</p>
      {rows.length === 0 ? <p>{t("cases.none")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">#</th>
              <th scope="col" className="p-2">{t("cases.titleLabel")}</th>
              <th scope="col" className="p-2">{t("cases.kind")}</th>
              <th scope="col" className="p-2">{t("cases.state")}</th>
              <th scope="col" className="p-2">{t("cases.receivedAt")}</th>
              <th scope="col" className="p-2">{t("cases.reopened")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-b border-stone-200" data-testid="front-case">
                <td className="p-2">{c.number}</td>
                <td className="p-2">{c.title === null ? <span className="italic">{t("cases.contentSecret")}</span> : <Link href={`/${commune.slug}/cases/${c.number}`}>{c.title}</Link>}</td>
                <td className="p-2">{t(`enums.CaseKind.${c.kind}`)}</td>
                <td className="p-2">{t(`enums.CaseState.${c.state}`)} <LateBadge late={c.late} /></td>
                <td className="p-2">{format.dateTime(c.receivedAt, { dateStyle: "medium" })}</td>
                <td className="p-2">{c.reopenCount > 0 ? t("cases.reopenedTimes", { count: c.reopenCount }) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
