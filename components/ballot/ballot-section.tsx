import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";

import type { LegalCategory } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import type { Ballot } from "@/lib/participation/ballot-scope";
import { isDecisionCategory } from "@/lib/participation/counting-rules";
import { isBallotClosed, isBallotOpen } from "@/lib/participation/eligibility";

import { PollAnswer } from "@/components/online-deciding/poll-answer";

import { BallotVoting } from "./ballot-voting";

const OFFLINE = ["PAPER", "MEETING", "ASSISTED"] as const;

/**
 * The ballot on a consultation page: the questions for everyone, the voting form for residents. The
 * results and receipt links are not prefetched: most readers on mobile data never open them.
 */
export async function BallotSection({ commune, ballot, category }: { commune: { id: string; slug: string }; ballot: Ballot; category: LegalCategory }) {
  const t = await getTranslations("ballot");
  const tCounting = await getTranslations("ballot.counting");
  const tOnline = await getTranslations("onlineDeciding");
  const format = await getFormatter();
  const messages = await getMessages();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const open = isBallotOpen(ballot.window);
  const closed = isBallotClosed(ballot.window);
  const webAllowed = ballot.allowedChannels.includes("WEB");
  const offline = OFFLINE.filter((c) => ballot.allowedChannels.includes(c)).map((channel) => t("offlineChannel", { channel }));

  return (
    <section id="ballot" aria-labelledby="ballot-title" className="space-y-4 rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
      <h2 id="ballot-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p>
        {closed && ballot.commentEndsAt
          ? t("closedOn", { date: date(ballot.commentEndsAt) })
          : open && ballot.commentEndsAt
            ? t("closesOn", { date: date(ballot.commentEndsAt) })
            : !closed
              ? t("notStarted")
              : null}
      </p>
      {!webAllowed ? <p>{t("webNotAllowed")}</p> : null}
      {/* Decree 59/2023 Art. 5: a web vote is recorded but never decides this matter; say so before anyone votes. */}
      {webAllowed && isDecisionCategory(category) ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950" data-testid="web-not-deciding">
          {category === "DECISION_OTHER_SELF_MANAGEMENT" ? tOnline("legalBasis") : tCounting("webNotDecidingNote")}
        </p>
      ) : null}
      {offline.length > 0 && !closed ? <p className="text-sm text-stone-800">{t("offlineChannels", { channels: new Intl.ListFormat(locale, { type: "disjunction" }).format(offline) })}</p> : null}
      {/* Decree 59/2023 Art. 5: before an Art. 15.6 vote opens, households choose whether to decide online. */}
      {category === "DECISION_OTHER_SELF_MANAGEMENT" && webAllowed && !open && !closed ? (
        <NextIntlClientProvider messages={pickMessages(messages, ["onlineDeciding", "errors"])}>
          <PollAnswer communeId={commune.id} consultationId={ballot.id} />
        </NextIntlClientProvider>
      ) : null}
      <NextIntlClientProvider messages={pickMessages(messages, ["ballot", "errors"])}>
        <BallotVoting
          communeId={commune.id}
          communeSlug={commune.slug}
          consultationId={ballot.id}
          questions={ballot.questions}
          webOpen={open && webAllowed}
        />
      </NextIntlClientProvider>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/${commune.slug}/consultations/${ballot.id}/results`} prefetch={false} className="inline-flex min-h-11 items-center font-semibold">
          {t("viewResults")}
        </Link>
        <Link href={`/${commune.slug}/receipts`} prefetch={false} className="inline-flex min-h-11 items-center">
          {t("checkReceipt")}
        </Link>
      </p>
    </section>
  );
}
