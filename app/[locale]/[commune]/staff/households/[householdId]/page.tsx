import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { changeText } from "@/components/households/change-text";
import { IntlIsland } from "@/components/intl-island";
import { card, hint, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import {
  editHouseholdAction,
  markHouseholdMovedAwayAction,
  markPersonGoneAction,
  moveHouseholdAction,
  movePersonAction,
  splitHouseholdAction,
} from "@/lib/households/actions";
import { getHouseholdForStaff, listOpenVillages } from "@/lib/households/get-household";
import { today } from "@/lib/households/list-day";
import { HOUSEHOLD_ROLES } from "@/lib/households/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** One household for staff: its members, the changes staff record (each with its day), and its history. */
export default async function HouseholdPage({ params }: { params: Promise<{ locale: string; commune: string; householdId: string }> }) {
  const { locale, commune: slug, householdId } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, HOUSEHOLD_ROLES.changeList);
  const [household, villages, t, tEnums, format] = await Promise.all([
    getHouseholdForStaff(commune.id, householdId),
    listOpenVillages(commune.id),
    getTranslations("households.household"),
    getTranslations("enums"),
    getFormatter(),
  ]);
  if (!household) notFound();
  const communeId = commune.id;
  const day = today();
  const dateField = { name: "effectiveOn", label: t("effectiveOn"), kind: "date" as const, required: true, defaultValue: day };
  const active = household.members.filter((m) => m.isActive);
  const memberOptions = active.map((m) => ({ value: m.id, label: `${m.fullName} (${m.birthYear ?? "?"})` }));
  const fmtDay = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <p><Link href={`/${commune.slug}/staff/residents?code=${encodeURIComponent(household.code)}`}>← {t("back")}</Link></p>
        <h1 className={pageTitle}>{t("title", { code: household.code })}</h1>
        <dl className={`${card} grid gap-2 sm:grid-cols-3`}>
          <div><dt className="text-sm text-stone-600">{t("village")}</dt><dd>{household.village.name}</dd></div>
          <div><dt className="text-sm text-stone-600">{t("address")}</dt><dd>{household.address ?? "—"}</dd></div>
          <div><dt className="text-sm text-stone-600">{t("status")}</dt><dd data-testid="household-status">{household.isActive ? t("onList") : t("offList")}</dd></div>
        </dl>
        <p className={hint}>{t("effectiveHint")}</p>

        <section aria-labelledby="members-title" className={`${card} space-y-3`}>
          <h2 id="members-title" className="text-xl font-bold">{t("members")}</h2>
          <ul className="space-y-3">
            {household.members.map((m) => (
              <li key={m.id} className="rounded-lg border border-stone-200 p-3" data-testid="household-member">
                <p className="font-semibold">
                  {m.fullName} · {m.birthYear ?? "—"}
                  {household.representativeId === m.id ? <strong className="ml-2 text-brand-800">{t("representative")}</strong> : null}
                  {m.isActive ? null : <span className="ml-2 text-stone-600">({t("offList")})</span>}
                </p>
                {m.isActive ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer font-medium">{t("change")}</summary>
                    <div className="mt-2 grid gap-4 sm:grid-cols-2">
                      <ActionForm
                        action={markPersonGoneAction}
                        fixed={{ communeId, residentId: m.id }}
                        legend={t("personGone")}
                        fields={[
                          { name: "reason", label: t("reason"), kind: "select", options: [{ value: "DIED", label: tEnums("HouseholdChangeKind.DIED") }, { value: "MOVED_AWAY", label: tEnums("HouseholdChangeKind.MOVED_AWAY") }] },
                          dateField,
                        ]}
                        submitLabel={t("markGone")}
                        successMessage={t("markedGone")}
                        confirmText={t("personGoneConfirm")}
                        danger
                      />
                      <ActionForm
                        action={movePersonAction}
                        fixed={{ communeId, residentId: m.id }}
                        legend={t("movePerson")}
                        fields={[{ name: "toHouseholdCode", label: t("toHouseholdCode"), kind: "text", required: true, maxLength: 50 }, dateField]}
                        submitLabel={t("move")}
                        successMessage={t("moved")}
                      />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        {household.isActive ? (
          <section aria-labelledby="changes-title" className={`${card} space-y-4`}>
            <h2 id="changes-title" className="text-xl font-bold">{t("change")}</h2>
            <ActionForm
              action={editHouseholdAction}
              fixed={{ communeId, householdId: household.id }}
              legend={t("edit")}
              fields={[
                { name: "address", label: t("address"), kind: "text", defaultValue: household.address ?? "", maxLength: 300 },
                { name: "representativeId", label: t("representative"), kind: "select", options: [{ value: "", label: t("keepRepresentative") }, ...memberOptions] },
                dateField,
              ]}
              submitLabel={t("save")}
              successMessage={t("saved")}
              resetOnSuccess={false}
            />
            <ActionForm
              action={moveHouseholdAction}
              fixed={{ communeId, householdId: household.id }}
              legend={t("moveHousehold")}
              fields={[{ name: "villageId", label: t("toVillage"), kind: "select", options: villages.filter((v) => v.id !== household.villageId).map((v) => ({ value: v.id, label: v.name })) }, dateField]}
              submitLabel={t("move")}
              successMessage={t("moved")}
            />
            {active.length > 1 ? (
              <ActionForm
                action={splitHouseholdAction}
                fixed={{ communeId, householdId: household.id }}
                legend={t("split")}
                fields={[
                  { name: "residentIds", label: t("splitMembers"), kind: "checkboxes", options: memberOptions },
                  { name: "newCode", label: t("newCode"), kind: "text", required: true, maxLength: 50 },
                  { name: "address", label: t("newAddress"), kind: "text", maxLength: 300 },
                  { name: "representativeId", label: t("newRepresentative"), kind: "select", options: [{ value: "", label: t("noneYet") }, ...memberOptions] },
                  dateField,
                ]}
                submitLabel={t("doSplit")}
                successMessage={t("splitDone")}
              />
            ) : null}
            <ActionForm
              action={markHouseholdMovedAwayAction}
              fixed={{ communeId, householdId: household.id }}
              legend={t("movedAway")}
              fields={[dateField]}
              submitLabel={t("markMovedAway")}
              successMessage={t("markedGone")}
              confirmText={t("movedAwayConfirm")}
              danger
            />
          </section>
        ) : null}

        <section aria-labelledby="history-title" className={`${card} space-y-3`}>
          <h2 id="history-title" className="text-xl font-bold">{t("history")}</h2>
          {household.history.length === 0 ? <p>{t("noHistory")}</p> : null}
          <ul className="space-y-2">
            {household.history.map((h) => (
              <li key={h.id} data-testid="household-change">
                <strong>{fmtDay(h.effectiveOn)}</strong> · {tEnums(`HouseholdChangeKind.${h.kind}`)} · {changeText(h.details)}{" "}
                <span className="text-sm text-stone-600">({t("recordedAt", { date: format.dateTime(h.recordedAt, { dateStyle: "short" }) })})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </IntlIsland>
  );
}
