import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { VillageStepsForm } from "@/components/online-deciding/village-steps-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import { isAppError } from "@/lib/errors";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getOnlineDeciding } from "@/lib/online-deciding/get-online-deciding";
import { ENTRY_ROLES } from "@/lib/participation/vote-roles";

/**
 * Online deciding (Decree 59/2023 Art. 5), per village: which of the four conditions are met, the
 * forms to record them, and after the vote the clock of the 5 working days for the form 03 minutes.
 */
export default async function OnlineDecidingPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, ENTRY_ROLES);
  const view = await getOnlineDeciding(access, id).catch((e: unknown) => {
    if (isAppError(e) && (e.status === 404 || e.status === 422)) notFound();
    throw e;
  });
  const [t, format, messages] = await Promise.all([getTranslations("onlineDeciding"), getFormatter(), getMessages()]);
  const day = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
  const iso = (d: Date | null | undefined) => (d ? toVnDate(d) : "");
  const CONDITIONS = ["agreed", "poll", "notified", "team"] as const;

  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="text-lg">{view.consultation.title}</p>
      <BallotStaffNav communeSlug={commune.slug} consultationId={view.consultation.id} current="online" isPublic online />
      <p>{t("legalBasis")}</p>
      {view.villages.map((v) => (
        <section key={v.id} aria-labelledby={`village-${v.id}`} className={`${card} space-y-3`} data-testid="online-village">
          <h2 id={`village-${v.id}`} className="text-lg font-semibold">
            {v.name}
          </h2>
          <ul className="space-y-1">
            {CONDITIONS.map((c) => (
              <li key={c}>
                <strong>{v.conditions[c] ? t("conditions.met") : t("conditions.notMet")}</strong>: {t(`conditions.${c}`, { yes: v.conditions.pollYes, households: v.conditions.households })}
              </li>
            ))}
          </ul>
          <p className="font-semibold">{v.conditions.allMet ? t("conditions.allMet") : t("conditions.notAllMet")}</p>
          {v.clock ? (
            <div className="space-y-1">
              <p>{t("minutes.dueBy", { date: day(v.clock.dueBy) })}</p>
              {v.clock.sentOn ? <p>{t("minutes.sentOn", { date: day(v.clock.sentOn) })}</p> : null}
              {v.clock.overdue ? <p className="font-semibold text-flag-700">{t("minutes.overdue")}</p> : null}
              <p className="flex flex-wrap gap-4">
                <a className="inline-flex min-h-11 items-center" href={`/api/online-deciding/${view.consultation.id}/minutes?communeId=${commune.id}&villageId=${v.id}&format=pdf`}>
                  {t("minutes.downloadPdf")}
                </a>
                <a className="inline-flex min-h-11 items-center" href={`/api/online-deciding/${view.consultation.id}/minutes?communeId=${commune.id}&villageId=${v.id}&format=docx`}>
                  {t("minutes.downloadDocx")}
                </a>
              </p>
            </div>
          ) : null}
          <NextIntlClientProvider messages={pickMessages(messages, ["onlineDeciding", "errors"])}>
            <VillageStepsForm
              communeId={commune.id}
              consultationId={view.consultation.id}
              villageId={v.id}
              today={toVnDate(new Date())}
              closed={v.clock !== null}
              initial={{
                agreedOn: iso(v.record?.agreedOn),
                villageHeadName: v.record?.villageHeadName ?? "",
                frontCommitteeName: v.record?.frontCommitteeName ?? "",
                notifiedOn: iso(v.record?.notifiedOn),
                sentOn: iso(v.record?.minutesSentOn),
                team: v.record?.team ?? [],
              }}
            />
          </NextIntlClientProvider>
        </section>
      ))}
    </div>
  );
}
