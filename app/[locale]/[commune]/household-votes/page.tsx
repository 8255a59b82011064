import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { DisputeForm } from "@/components/contested-votes/dispute-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listHouseholdVotes } from "@/lib/contested-votes/list-disputes";
import { DISPUTE_ROLES } from "@/lib/contested-votes/roles";
import { pickMessages } from "@/lib/i18n/pick-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contestedVotes");
  return { title: t("householdTitle") };
}

/** Every vote recorded in the household's name, on any channel, with the time: never the choice. A member may dispute one. */
export default async function HouseholdVotesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, DISPUTE_ROLES);
  const [votes, t, tEnums, format, messages] = await Promise.all([listHouseholdVotes(access), getTranslations("contestedVotes"), getTranslations("enums"), getFormatter(), getMessages()]);
  const when = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className={pageTitle}>{t("householdTitle")}</h1>
      <p>{t("householdIntro")}</p>
      {votes.length === 0 ? <p>{t("noVotes")}</p> : null}
      <ul className="space-y-3">
        {votes.map((v) => (
          <li key={v.id} className={card} data-testid="household-vote">
            <h2 className="font-semibold">{v.question.consultation.title}</h2>
            <p>{v.question.text}</p>
            <p className="text-sm">
              {tEnums(`Channel.${v.channel}`)} · {when(v.createdAt)}
            </p>
            {v.voidedAt ? (
              <p className="font-medium" data-testid="vote-voided">
                {t("voided", { date: when(v.voidedAt), reason: v.voidReason ?? "—" })}
              </p>
            ) : v.dispute ? (
              <p className="font-medium" data-testid="dispute-status">
                {t(`status.${v.dispute.status}`)}
                {v.dispute.decisionNote ? ` — ${v.dispute.decisionNote}` : ""}
              </p>
            ) : (
              <details className="mt-2">
                <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">{t("notOurs")}</summary>
                <NextIntlClientProvider messages={pickMessages(messages, ["contestedVotes", "errors"])}>
                  <DisputeForm communeId={commune.id} voteId={v.id} />
                </NextIntlClientProvider>
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
