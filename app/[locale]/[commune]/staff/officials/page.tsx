import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { FrontChanges } from "@/components/people/front-changes";
import { GrantRoleSteps } from "@/components/people/grant-role-steps";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { db } from "@/lib/db";
import { revokeRoleAction } from "@/lib/people/official-actions";
import { listOpenFrontChanges } from "@/lib/people/front-appointments";
import { listOfficials } from "@/lib/people/officials";
import { formatPhone } from "@/lib/people/phone";
import { OFFICIALS_ROLES } from "@/lib/people/roles";
import { LEADER_TITLES, OFFICIAL_ROLES } from "@/lib/people/schemas";

export default async function OfficialsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, OFFICIALS_ROLES);
  const [officials, frontChanges, villages, t, tFront, tRole, format, tConfirm] = await Promise.all([
    listOfficials(commune.id),
    listOpenFrontChanges(commune.id),
    db.village.findMany({ where: { communeId: commune.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    getTranslations("officials"),
    getTranslations("frontAppointments"),
    getTranslations("enums.Role"),
    getFormatter(),
    getTranslations("emailConfirm"),
  ]);
  return (
    <IntlIsland namespaces={["errors"]}>
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="officials-list" className="space-y-2">
        <h2 id="officials-list" className="text-xl font-semibold">
          {t("listHeading", { count: officials.length })}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("name")}</th>
                <th scope="col" className="p-2">{t("contact")}</th>
                <th scope="col" className="p-2">{t("role")}</th>
                <th scope="col" className="p-2">{t("since")}</th>
                <th scope="col" className="p-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {officials.map((o) => (
                <tr key={o.membershipId} className="border-b border-stone-200 align-top" data-testid="official">
                  <td className="p-2">{o.name}</td>
                  <td className="p-2 text-sm">{[o.phone ? formatPhone(o.phone) : null, o.email].filter(Boolean).join(" · ")}</td>
                  <td className="p-2">
                    {tRole(o.role)}
                    {o.title ? ` — ${o.title}` : null}
                    {o.village ? ` — ${o.village}` : null}
                  </td>
                  <td className="p-2 text-sm">{format.dateTime(o.since, { dateStyle: "short" })}</td>
                  <td className="p-2">
                    <ActionForm
                      action={revokeRoleAction}
                      fixed={{ communeId: commune.id, membershipId: o.membershipId }}
                      fields={[]}
                      submitLabel={t("revoke")}
                      successMessage={t("revoked")}
                      pendingMessage={tFront("withdrawProposed")}
                      danger
                      confirmText={t("revokeConfirm", { role: tRole(o.role), name: o.name })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <FrontChanges communeId={commune.id} changes={frontChanges} canDecide={false} />
      <section aria-labelledby="officials-grant" className="max-w-xl space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="officials-grant" className="text-xl font-semibold">
          {t("grantHeading")}
        </h2>
        <GrantRoleSteps
          communeId={commune.id}
          fields={[
            { name: "role", label: t("role"), kind: "select", options: OFFICIAL_ROLES.map((r) => ({ value: r, label: tRole(r) })) },
            { name: "villageId", label: t("village"), kind: "select", options: [{ value: "", label: t("noVillage") }, ...villages.map((v) => ({ value: v.id, label: v.name }))] },
            { name: "title", label: t("leaderTitle"), kind: "select", options: [{ value: "", label: t("noTitle") }, ...LEADER_TITLES.map((v) => ({ value: v, label: v }))] },
          ]}
          texts={{
            identifier: t("identifier"),
            lookUp: tConfirm("lookUp"),
            lookUpAgain: tConfirm("lookUpAgain"),
            found: tConfirm.raw("lookUpFound") as string,
            noPhone: tConfirm("lookUpNoPhone"),
            grantTo: tConfirm.raw("grantTo") as string,
            grant: t("grant"),
            granted: t("granted"),
            proposed: tFront("proposed"),
          }}
        />
      </section>
    </div>
    </IntlIsland>
  );
}
