import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { StatusBadge } from "@/components/consultations/status-badge";
import { NotesPanel } from "@/components/oversight/notes-panel";
import { ParticipationTable } from "@/components/oversight/participation-table";
import { FrontReportReview } from "@/components/reports/front-report-review";
import { parseReviewQuery, ReviewInput } from "@/components/oversight/review-input";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { listSupervisionNotes } from "@/lib/oversight/list-for-review";
import { offlineRecords, participationByVillage } from "@/lib/oversight/participation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; commune: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The Front's review of one consultation, without asking staff for anything: all input with hidden
 * opinions and their history, participation by village against all households, the offline records
 * with their minutes, the disclosure register entries, and the supervision notes.
 */
export default async function FrontConsultation({ params, searchParams }: Props) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, FRONT_ROLES);
  const consultation = await getConsultationForStaff(commune.id, id);
  if (!consultation || consultation.status === "DRAFT" || consultation.status === "SCHEDULED") notFound();
  const { filter, page } = parseReviewQuery(await searchParams);
  const [t, format, notes, participation, records, villages] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listSupervisionNotes(consultation.id),
    participationByVillage(commune.id, consultation.id),
    offlineRecords(consultation.id),
    listVillages(commune.id),
  ]);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "…");
  return (
    <IntlIsland namespaces={["common", "errors", "staff", "answers", "moderation", "enums"]}>
    <div className="space-y-8">
      <div className="space-y-1">
        <p>
          <Link href={`/${commune.slug}/front`}>← {t("front.title")}</Link>
        </p>
        <StatusBadge status={consultation.status} />
        <h1 className={pageTitle}>{consultation.title}</h1>
        <p>
          <Link href={`/${commune.slug}/consultations/${consultation.id}`}>{t("staff.viewPublic")}</Link>
        </p>
        <p>
          <Link href={`/${commune.slug}/front/consultations/${consultation.id}/channel-opinions`}>{t("channels.link")}</Link>
        </p>
      </div>

      <FrontReportReview communeId={commune.id} consultationId={consultation.id} />

      <ParticipationTable rows={participation} />

      <section aria-labelledby="offline-title" className="space-y-2">
        <h2 id="offline-title" className="text-xl font-bold">
          {t("front.offlineTitle")}
        </h2>
        {records.meetings.length === 0 ? <p>{t("front.noMeetings")}</p> : null}
        <ul className="space-y-2">
          {records.meetings.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3">
              {villageName.get(m.villageId)} · {date(m.heldAt)} · {m.householdsPresent}/{m.householdsTotal}
              {m.minutesId ? (
                <>
                  {" · "}
                  <a href={`/api/attachments/${m.minutesId}`} className="underline">
                    {t("front.minutes")}
                  </a>
                </>
              ) : null}
              {m.notes ? <p className="text-sm">{m.notes}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="postings-title" className="space-y-2">
        <h2 id="postings-title" className="text-xl font-bold">
          {t("front.postingsTitle")}
        </h2>
        <p>
          {t("enums.PostingChannel.WEB_PORTAL")}: {date(consultation.postingStartsAt)} – {date(consultation.postingEndsAt)}
        </p>
        {records.postings.length === 0 ? <p>{t("front.noPostings")}</p> : null}
        <ul className="space-y-2">
          {records.postings.map((p) => (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-3">
              {t(`enums.PostingChannel.${p.channel}`)} · {p.location} · {date(p.startsAt)} – {date(p.endsAt)}
              {p.broadcastDates.length ? ` · ${p.broadcastDates.length}×` : ""}
            </li>
          ))}
        </ul>
      </section>

      <NotesPanel notes={notes} communeId={commune.id} consultationId={consultation.id} viewer="front" />

      <ReviewInput
        communeId={commune.id}
        consultationId={consultation.id}
        filter={filter}
        page={page}
        viewer="front"
        basePath={getPathname({ href: `/${commune.slug}/front/consultations/${consultation.id}`, locale })}
      />
    </div>
    </IntlIsland>
  );
}
