import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { createContributionAction } from "@/lib/contributions/actions";
import { listAllContributions, listDecisions, listWorks } from "@/lib/contributions/read";
import { MANAGE_ROLES, RECORD_ROLES } from "@/lib/contributions/roles";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributions.staff");
  return { title: t("title") };
}

/** Staff set up a contribution from a decision; staff and village heads reach each ledger from here. */
export default async function StaffContributionsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, RECORD_ROLES);
  const mayManage = access.roles.some((r) => MANAGE_ROLES.includes(r));
  const [rows, decisions, works, villages, t] = await Promise.all([
    listAllContributions(commune.id),
    mayManage ? listDecisions(commune.id) : [],
    mayManage ? listWorks(commune.id) : [],
    mayManage ? db.village.findMany({ where: { communeId: commune.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }) : [],
    getTranslations("contributions"),
  ]);
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("staff.title")}</h1>
        <section aria-labelledby="list-title" className="space-y-3">
          <h2 id="list-title" className="text-xl font-semibold">
            {t("staff.list")}
          </h2>
          {rows.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="space-y-2">
            {rows.map((r) => (
              <li key={r.id} className={card} data-testid="staff-contribution">
                <p className="font-semibold">
                  <Link href={`/${commune.slug}/contributions/${r.id}/ledger`}>{r.title}</Link>
                </p>
                <p>{r.openedAt ? t("staff.open") : t("staff.notOpen")}</p>
              </li>
            ))}
          </ul>
        </section>
        {mayManage ? (
          <section aria-labelledby="create-title" className={`${card} space-y-3`}>
            <h2 id="create-title" className="text-xl font-semibold">
              {t("staff.create")}
            </h2>
            <p>{t("staff.createIntro")}</p>
            {decisions.length === 0 ? (
              <p>{t("staff.noDecisions")}</p>
            ) : (
              <ActionForm
                action={createContributionAction}
                fixed={{ communeId: commune.id }}
                fields={[
                  { name: "consultationId", label: t("staff.decision"), kind: "select", options: decisions.map((d) => ({ value: d.id, label: d.title })) },
                  { name: "title", label: t("staff.titleField"), kind: "text", maxLength: 200 },
                  { name: "description", label: t("staff.description"), kind: "textarea", maxLength: 3000 },
                  { name: "unit", label: t("staff.unit"), kind: "select", options: [{ value: "MONEY", label: t("staff.money") }, { value: "LABOUR_DAYS", label: t("staff.labourDays") }] },
                  { name: "levelPerHousehold", label: t("staff.level"), kind: "number" },
                  { name: "periodStart", label: t("staff.periodStart"), kind: "date" },
                  { name: "periodEnd", label: t("staff.periodEnd"), kind: "date" },
                  { name: "villageIds", label: t("staff.villages"), kind: "checkboxes", options: villages.map((v) => ({ value: v.id, label: v.name })) },
                  { name: "workId", label: t("staff.work"), kind: "select", options: [{ value: "", label: t("staff.noWork") }, ...works.map((w) => ({ value: w.id, label: w.title }))] },
                ]}
                submitLabel={t("staff.createSubmit")}
                successMessage={t("staff.created")}
              />
            )}
          </section>
        ) : null}
      </div>
    </IntlIsland>
  );
}
