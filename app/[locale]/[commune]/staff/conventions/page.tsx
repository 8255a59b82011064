import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ClockList } from "@/components/conventions/clocks";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { proposeConventionAction } from "@/lib/conventions/actions";
import { listForStaff } from "@/lib/conventions/read";
import { PROPOSE_ROLES } from "@/lib/conventions/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conventions.staff");
  return { title: t("title") };
}

/** Staff and village heads: every convention with its stage and running clocks; a new proposal. */
export default async function StaffConventionsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PROPOSE_ROLES);
  const [rows, villages, t] = await Promise.all([listForStaff(commune.id), listVillages(commune.id), getTranslations("conventions")]);
  const isStaff = access.roles.some((r) => STAFF_ROLES.includes(r));
  const ownVillage = access.memberships.find((m) => m.role === "VILLAGE_HEAD")?.villageId ?? null;
  const choices = isStaff ? villages : villages.filter((v) => v.id === ownVillage);
  const clocks = rows.flatMap((r) => r.open);
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("staff.title")}</h1>
        <p>{t("staff.intro")}</p>
        <section aria-labelledby="clocks-title" className={`${card} space-y-2`}>
          <h2 id="clocks-title" className="text-xl font-semibold">
            {t("staff.openClocks")}
          </h2>
          {clocks.length === 0 ? <p>{t("staff.noClocks")}</p> : <ClockList clocks={clocks} />}
        </section>
        <section aria-labelledby="list-title" className="space-y-2">
          <h2 id="list-title" className="text-xl font-semibold">
            {t("staff.list")}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">{t("staff.fieldTitle")}</th>
                  <th scope="col" className="p-2">{t("village")}</th>
                  <th scope="col" className="p-2">{t("status")}</th>
                  <th scope="col" className="p-2">{t("staff.stage")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-stone-200">
                    <td className="p-2">
                      <Link href={`/${commune.slug}/staff/conventions/${r.id}`} className="inline-flex min-h-11 items-center underline">
                        {r.title}
                      </Link>
                    </td>
                    <td className="p-2">{r.villageName}</td>
                    <td className="p-2">{t(`statusValue.${r.status}`)}</td>
                    <td className={`p-2 ${r.open.some((k) => k.state === "overdue") ? "font-semibold text-flag-700" : ""}`}>
                      {r.stage ? `${r.versionNumber}. ${t(`stageValue.${r.stage}`)}` : "—"}
                      {r.review?.state === "due" ? ` · ${t("reviewDue", { year: r.review.year, date: r.review.date })}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {choices.length ? (
          <section aria-labelledby="propose-title" className={`${card} space-y-3`}>
            <h2 id="propose-title" className="text-xl font-semibold">
              {t("staff.propose")}
            </h2>
            <ActionForm
              action={proposeConventionAction}
              fixed={{ communeId: commune.id }}
              fields={[
                { name: "villageId", label: t("staff.fieldVillage"), kind: "select", options: choices.map((v) => ({ value: v.id, label: v.name })) },
                { name: "title", label: t("staff.fieldTitle"), kind: "text", maxLength: 200 },
                { name: "proposer", label: t("staff.fieldProposer"), kind: "select", options: (["HEAD_WITH_FRONT", "CITIZENS"] as const).map((p) => ({ value: p, label: t(`staff.proposerValue.${p}`) })) },
                { name: "frontHeadName", label: t("staff.fieldFrontHead"), kind: "text", maxLength: 120 },
                { name: "signatures", label: t("staff.fieldSignatures"), kind: "number" },
                { name: "summary", label: t("staff.fieldSummary"), kind: "textarea", maxLength: 3000 },
                { name: "on", label: t("staff.fieldOn"), kind: "date" },
              ]}
              submitLabel={t("staff.proposeSubmit")}
              successMessage={t("staff.proposed")}
            />
          </section>
        ) : null}
      </div>
    </IntlIsland>
  );
}
