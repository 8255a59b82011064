import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { DecideMeetingCountForm, DecideVoidForm, ProposeVoidForm } from "@/components/contested-votes/review-forms";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listDisputes } from "@/lib/contested-votes/list-disputes";
import { DECIDE_VOID_ROLES, DISPUTE_READER_ROLES, PROPOSE_VOID_ROLES } from "@/lib/contested-votes/roles";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { listPendingMeetingCounts } from "@/lib/meeting-count/list-pending";
import { DECIDE_MEETING_COUNT_ROLES } from "@/lib/meeting-count/roles";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contestedVotes");
  return { title: t("reviewTitle") };
}

/**
 * What needs two hands before a vote leaves the count: disputed votes (staff propose voiding, the
 * Front decides) and villages proposed to be counted by their meeting (the Front decides).
 */
export default async function VoteReviewsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, DISPUTE_READER_ROLES);
  const mayPropose = access.roles.some((r) => PROPOSE_VOID_ROLES.includes(r));
  const mayDecide = access.roles.some((r) => DECIDE_VOID_ROLES.includes(r));
  const mayDecideMeetingCount = access.roles.some((r) => DECIDE_MEETING_COUNT_ROLES.includes(r));
  const [disputes, meetingCounts, t, tEnums, format, messages] = await Promise.all([
    listDisputes(access),
    listPendingMeetingCounts(commune.id),
    getTranslations("contestedVotes"),
    getTranslations("enums"),
    getFormatter(),
    getMessages(),
  ]);
  const when = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" });
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("reviewTitle")}</h1>
      <p>{t("reviewIntro")}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ["contestedVotes", "errors"])}>
        <section aria-labelledby="disputes-title" className="space-y-3">
          <h2 id="disputes-title" className="text-lg font-semibold">
            {t("disputesTitle")}
          </h2>
          {disputes.length === 0 ? <p>{t("noDisputes")}</p> : null}
          <ul className="space-y-3">
            {disputes.map((d) => (
              <li key={d.id} className={card} data-testid="vote-dispute">
                <p className="font-semibold">{d.vote?.question.consultation.title ?? "—"}</p>
                <p className="text-sm">
                  {d.vote ? `${tEnums(`Channel.${d.vote.channel}`)} · ${when(d.vote.createdAt)}` : null} · {t(`status.${d.status}`)}
                </p>
                <p>
                  <span className="font-medium">{t("statement")}:</span> {d.statement}
                </p>
                {d.proposalReason ? (
                  <p>
                    <span className="font-medium">{t("proposalReason")}:</span> {d.proposalReason}
                  </p>
                ) : null}
                {d.decisionNote ? (
                  <p>
                    <span className="font-medium">{t("decisionNote")}:</span> {d.decisionNote}
                  </p>
                ) : null}
                {d.status === "OPEN" && mayPropose ? <ProposeVoidForm communeId={commune.id} disputeId={d.id} /> : null}
                {d.status === "PROPOSED" && mayDecide ? <DecideVoidForm communeId={commune.id} disputeId={d.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="meeting-counts-title" className="space-y-3">
          <h2 id="meeting-counts-title" className="text-lg font-semibold">
            {t("meetingCountsTitle")}
          </h2>
          {meetingCounts.length === 0 ? <p>{t("noMeetingCounts")}</p> : null}
          <ul className="space-y-3">
            {meetingCounts.map((p) => (
              <li key={p.id} className={card} data-testid="meeting-count-proposal">
                <p className="font-semibold">
                  {p.consultation} · {p.village}
                </p>
                {p.meeting ? <p className="text-sm">{t("meetingHeld", { date: when(p.meeting.heldAt), present: p.meeting.householdsPresent, total: p.meeting.householdsTotal })}</p> : null}
                <p>
                  <span className="font-medium">{t("proposalReason")}:</span> {p.reason}
                </p>
                {mayDecideMeetingCount ? <DecideMeetingCountForm communeId={commune.id} proposalId={p.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
      </NextIntlClientProvider>
    </div>
  );
}
