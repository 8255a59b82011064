import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { isAppError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { vnDate as dmy } from "@/lib/participation/record-vote";
import { readVisit } from "@/lib/reception/register";
import { REGISTER_KEEPER_ROLES } from "@/lib/reception/roles";


/** One register entry in full, its ID number included: opening it is an audited read. */
export default async function ReceptionVisitPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, REGISTER_KEEPER_ROLES);
  const visit = await readVisit(access, id).catch((error: unknown) => {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const t = await getTranslations("reception");
  const rows: [string, string][] = [
    [t("date"), dmy(visit.visitedAt)],
    [t("visitorName"), visit.visitorName ?? t("denouncerHidden")],
    [t("visitorAddress"), visit.visitorAddress ?? "—"],
    [t("idNumber"), visit.idNumber ?? t("noId")],
    [t("kind"), t(`kind${visit.kind}`)],
    [t("summary"), visit.summary],
    [t("peopleCount"), String(visit.peopleCount)],
    [t("representatives"), visit.representatives.join("; ") || "—"],
    [t("handledBy"), visit.handledBy ?? "—"],
    [t("competent"), visit.competent ? t("yes") : t("no")],
    [t("guidedTo"), visit.guidedTo ?? "—"],
    [t("acceptedBy"), visit.acceptedBy ?? "—"],
    [t("conclusion"), visit.conclusion ?? "—"],
    [t("deadline"), visit.deadline ? dmy(visit.deadline) : "—"],
    [t("followUp"), visit.followUp ?? "—"],
    [t("notes"), visit.notes ?? "—"],
  ];
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/${commune.slug}/staff/reception/sessions/${visit.sessionId}`} className="underline">
          {t("backToSession")}
        </Link>
      </p>
      <h1 className={pageTitle}>{t("entry", { number: visit.number })}</h1>
      <p className="text-sm text-stone-700">{t("idAudited")}</p>
      <dl className={`${card} grid gap-2 sm:grid-cols-[minmax(10rem,auto)_1fr]`}>
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-semibold">{k}</dt>
            <dd className="whitespace-pre-line" data-testid={k === t("idNumber") ? "full-id" : undefined}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {visit.caseNumber !== null ? <p data-testid="visit-case">{t("case", { number: visit.caseNumber })}</p> : null}
    </div>
  );
}
