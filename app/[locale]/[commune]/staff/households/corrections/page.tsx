import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { PeopleNav } from "@/components/people/people-nav";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { answerHouseholdCorrectionAction } from "@/lib/households/actions";
import { listCorrections } from "@/lib/households/corrections";
import { HOUSEHOLD_ROLES } from "@/lib/households/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** Residents' requests to correct their household or village: open ones first, each answered in writing. */
export default async function CorrectionsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, HOUSEHOLD_ROLES.answerCorrection);
  const [rows, t, tEnums, format] = await Promise.all([listCorrections(commune.id), getTranslations("households.corrections"), getTranslations("enums"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-4">
        <h1 className={pageTitle}>{t("title")}</h1>
        <PeopleNav slug={commune.slug} active="corrections" roles={access.roles} />
        <p>{t("intro")}</p>
        {rows.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="space-y-3">
          {rows.map((r) => (
            <li key={r.id} className={`${card} space-y-2`} data-testid="correction">
              <p className="font-semibold">{t("from", { name: r.fullName, code: r.householdCode, village: r.villageName })}</p>
              <p className="text-sm text-stone-600">{t("sentAt", { date: date(r.createdAt) })} · {tEnums(`HouseholdCorrectionStatus.${r.status}`)}</p>
              <p className="whitespace-pre-line">{r.body}</p>
              <p><Link href={`/${commune.slug}/staff/households/${r.householdId}`}>{t("openHousehold")}</Link></p>
              {r.status === "OPEN" ? (
                <ActionForm
                  action={answerHouseholdCorrectionAction}
                  fixed={{ communeId: commune.id, correctionId: r.id }}
                  fields={[{ name: "answer", label: t("answer"), kind: "textarea", required: true, maxLength: 2000 }]}
                  submitLabel={t("send")}
                  successMessage={t("sent")}
                />
              ) : (
                <p className="border-l-4 border-brand-700 pl-3">{t("answered", { date: r.answeredAt ? date(r.answeredAt) : "—", answer: r.answer ?? "" })}</p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </IntlIsland>
  );
}
