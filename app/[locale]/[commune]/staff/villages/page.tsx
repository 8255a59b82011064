import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { PeopleNav } from "@/components/people/people-nav";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { mergeVillagesAction, splitVillageAction } from "@/lib/households/actions";
import { listVillageHistory } from "@/lib/households/get-household";
import { today } from "@/lib/households/list-day";
import { HOUSEHOLD_ROLES } from "@/lib/households/roles";

export const dynamic = "force-dynamic";

type VillageDetails = { from?: string | string[]; to?: string; into?: string; households?: number };

/** Administrators record villages merging and splitting, each from its day; old villages are kept. */
export default async function VillagesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, HOUSEHOLD_ROLES.changeVillages);
  const [{ villages, changes }, t, tHousehold, format] = await Promise.all([
    listVillageHistory(commune.id),
    getTranslations("households.villages"),
    getTranslations("households.household"),
    getFormatter(),
  ]);
  const fmtDay = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const open = villages.filter((v) => !v.retiredOn).map((v) => ({ value: v.id, label: v.name }));
  const dateField = { name: "effectiveOn", label: tHousehold("effectiveOn"), kind: "date" as const, required: true, defaultValue: today() };
  const communeId = commune.id;

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("title")}</h1>
        <PeopleNav slug={commune.slug} active="villages" roles={access.roles} />
        <p>{t("intro")}</p>

        <section aria-labelledby="village-list" className={`${card} overflow-x-auto`}>
          <h2 id="village-list" className="mb-2 text-xl font-bold">{t("list")}</h2>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("name")}</th>
                <th scope="col" className="p-2">{t("households")}</th>
                <th scope="col" className="p-2">{t("established")}</th>
                <th scope="col" className="p-2">{t("retired")}</th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr key={v.id} className="border-b border-stone-200" data-testid="village-row">
                  <th scope="row" className="p-2 font-medium">{v.name}</th>
                  <td className="p-2">{v.householdCount}</td>
                  <td className="p-2">{fmtDay(v.establishedOn)}</td>
                  <td className="p-2">{fmtDay(v.retiredOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="merge-title" className={`${card} space-y-3`}>
          <h2 id="merge-title" className="text-xl font-bold">{t("merge")}</h2>
          <ActionForm
            action={mergeVillagesAction}
            fixed={{ communeId }}
            fields={[
              { name: "villageIds", label: t("mergeVillages"), kind: "checkboxes", options: open },
              { name: "intoVillageId", label: t("into"), kind: "select", options: [{ value: "", label: t("intoNew") }, ...open] },
              { name: "newName", label: t("newName"), kind: "text", maxLength: 100 },
              dateField,
            ]}
            submitLabel={t("doMerge")}
            successMessage={t("merged")}
            confirmText={t("mergeConfirm")}
          />
        </section>

        <section aria-labelledby="split-title" className={`${card} space-y-3`}>
          <h2 id="split-title" className="text-xl font-bold">{t("split")}</h2>
          <ActionForm
            action={splitVillageAction}
            fixed={{ communeId }}
            fields={[
              { name: "villageId", label: t("village"), kind: "select", options: open },
              { name: "newName", label: t("newName"), kind: "text", required: true, maxLength: 100 },
              { name: "householdCodes", label: t("householdCodes"), kind: "textarea", required: true, maxLength: 20000 },
              dateField,
            ]}
            submitLabel={t("doSplit")}
            successMessage={t("splitDone")}
          />
        </section>

        <section aria-labelledby="village-history" className={`${card} space-y-2`}>
          <h2 id="village-history" className="text-xl font-bold">{t("history")}</h2>
          <ul className="list-disc space-y-1 pl-5">
            {changes.map((c) => {
              const d = c.details as VillageDetails;
              const from = Array.isArray(d.from) ? d.from.join(", ") : (d.from ?? "");
              return (
                <li key={c.id}>
                  {fmtDay(c.effectiveOn)}:{" "}
                  {c.kind === "VILLAGES_MERGED" ? t("mergedText", { from, into: d.into ?? "", households: d.households ?? 0 }) : t("splitText", { from, to: d.to ?? "", households: d.households ?? 0 })}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </IntlIsland>
  );
}
