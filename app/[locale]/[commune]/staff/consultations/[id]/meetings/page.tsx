import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { MeetingForm } from "@/components/ballot/staff/meeting-form";
import { MeetingOpinions } from "@/components/channels/meeting-opinions";
import { SourceChooser } from "@/components/ballot/staff/source-chooser";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import { env } from "@/lib/env";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { enteringVillageOf } from "@/lib/participation/ballot-scope";
import { getStaffBallot, listEntryVillages, listMeetings } from "@/lib/participation/get-staff-ballot";
import { BALLOT_STAFF_ROLES, ENTRY_ROLES } from "@/lib/participation/vote-roles";
import { listMeetingOpinions } from "@/lib/channels/meeting-opinions";
import { Link } from "@/lib/i18n/navigation";

/** Village meetings: recorded by the village head (own village) or staff; staff choose each village's source. */
export default async function MeetingsPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, ENTRY_ROLES);
  const ballot = await getStaffBallot(commune.id, id);
  if (!ballot) notFound();
  const own = enteringVillageOf(access);
  const [villages, recorded, raised, tChannels, t, tCount, tEnum, format, messages] = await Promise.all([
    listEntryVillages(commune.id, ballot, own),
    listMeetings(commune.id, ballot.id),
    listMeetingOpinions(commune.id, ballot.id),
    getTranslations("channels"),
    getTranslations("ballotStaff.meetings"),
    getTranslations("ballotStaff.meetingCount"),
    getTranslations("enums"),
    getFormatter(),
    getMessages(),
  ]);
  const isPublic = ballot.status !== "DRAFT" && ballot.status !== "SCHEDULED";
  const canRecord = isPublic && (ballot.status === "PUBLISHED" || ballot.status === "CLOSED") && ballot.allowedChannels.includes("MEETING") && ballot.questions.length > 0;
  const canChoose = access.roles.some((r) => BALLOT_STAFF_ROLES.includes(r));
  const when = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const meetingsOf = (villageId: string) => recorded.meetings.filter((m) => m.villageId === villageId);

  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="text-lg">{ballot.title}</p>
      <BallotStaffNav communeSlug={commune.slug} consultationId={ballot.id} current="meetings" isPublic={isPublic} online={ballot.legalCategory === "DECISION_OTHER_SELF_MANAGEMENT"} />
      <p>{t("intro")}</p>

      {canRecord ? (
        <NextIntlClientProvider messages={pickMessages(messages, ["ballotStaff.meetings", "ballotStaff.meetingCount", "ballot", "errors", "enums.MeetingForm"])}>
          <MeetingForm
            communeId={commune.id}
            consultationId={ballot.id}
            villages={villages}
            questions={ballot.questions}
            today={toVnDate(new Date())}
            nowTime={new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date())}
            maxUploadMb={env.MAX_UPLOAD_MB}
          />
        </NextIntlClientProvider>
      ) : null}

      <section aria-labelledby="recorded-title" className="space-y-3">
        <h2 id="recorded-title" className="text-lg font-semibold">
          {t("recorded")}
        </h2>
        {recorded.meetings.filter((m) => villages.some((v) => v.id === m.villageId)).length === 0 ? <p>{t("noneRecorded")}</p> : null}
        <ul className="space-y-2">
          {recorded.meetings
            .filter((m) => villages.some((v) => v.id === m.villageId))
            .map((m) => (
              <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="meeting-record">
                <p className="font-medium">
                  {villages.find((v) => v.id === m.villageId)?.name} · {when(m.heldAt)} · {tEnum(`MeetingForm.${m.form}`)}
                </p>
                <p className="text-sm">
                  {t("present")}: {m.householdsPresent}/{m.householdsTotal} · {t("enteredBy")}: {m.enteredBy}
                  {m.minutesId ? (
                    <>
                      {" · "}
                      <a href={`/api/participation/minutes/${m.minutesId}?communeId=${commune.id}`} className="inline-flex min-h-11 items-center">
                        {t("downloadMinutes")}
                      </a>
                    </>
                  ) : null}
                  {" · "}
                  {tCount("countMinutes")}:{" "}
                  <a href={`/api/participation/meetings/${m.id}/count-minutes?communeId=${commune.id}&format=pdf`} className="inline-flex min-h-11 items-center">
                    PDF
                  </a>
                  {" · "}
                  <a href={`/api/participation/meetings/${m.id}/count-minutes?communeId=${commune.id}&format=docx`} className="inline-flex min-h-11 items-center">
                    DOCX
                  </a>
                </p>
                <MeetingOpinions opinions={raised.get(m.id) ?? []} t={tChannels} kindLabel={(k) => tEnum(`AnswerKind.${k}`)} />
              </li>
            ))}
        </ul>
        {isPublic ? (
          <p>
            <Link href={`/${commune.slug}/staff/consultations/${ballot.id}/channel-opinions`} className="inline-flex min-h-11 items-center">
              {tChannels("addMeetingOpinions")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="sources-title" className="space-y-3">
        <h2 id="sources-title" className="text-lg font-semibold">
          {t("sources")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {villages.map((v) => {
            const current = recorded.sources[v.id] ?? null;
            const meetings = meetingsOf(v.id);
            const individual = v.individual.WEB + v.individual.PAPER + v.individual.ASSISTED;
            return (
              <li key={v.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="village-source">
                <p className="font-semibold">{v.name}</p>
                <p className="text-sm">
                  {t("currentSource")}: {current ? tEnum(`TallySource.${current.source}`) : individual > 0 ? tEnum("TallySource.INDIVIDUAL") : "—"} · {t("individualCount")}: {individual}
                </p>
                {canChoose && meetings.length > 0 ? (
                  <NextIntlClientProvider messages={pickMessages(messages, ["ballotStaff.meetings", "ballotStaff.meetingCount", "errors"])}>
                    <SourceChooser
                      communeId={commune.id}
                      consultationId={ballot.id}
                      villageId={v.id}
                      meetings={meetings.map((m) => ({ id: m.id, label: when(m.heldAt) }))}
                      current={current}
                    />
                  </NextIntlClientProvider>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
