import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { QuestionForm } from "@/components/ballot/staff/question-form";
import { RemoveQuestionButton } from "@/components/ballot/staff/remove-question-button";
import { VoteSettingsForm } from "@/components/ballot/staff/vote-settings-form";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { STAFF_AREA_ROLES } from "@/lib/auth/roles";
import { ruleFor } from "@/lib/consultations/legal-rules";
import { toVnDate } from "@/lib/consultations/periods";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { VOTE_CHANNEL_VALUES } from "@/lib/participation/ballot-schemas";
import { getStaffBallot } from "@/lib/participation/get-staff-ballot";
import { isSecretByDefault } from "@/lib/participation/secret-vote-rules";
import { BALLOT_STAFF_ROLES } from "@/lib/participation/vote-roles";
import { readSettings } from "@/lib/settings";

/** Staff set up a consultation's ballot while it is a draft; everyone in the staff area can read it. */
export default async function BallotPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const ballot = await getStaffBallot(commune.id, id);
  if (!ballot) notFound();
  const [t, tCommon, tEnum, tSecret, format, messages] = await Promise.all([
    getTranslations("ballotStaff.ballot"),
    getTranslations("common"),
    getTranslations("enums"),
    getTranslations("ballotStaff.secretBallot"),
    getFormatter(),
    getMessages(),
  ]);
  const isDraft = ballot.status === "DRAFT" || ballot.status === "SCHEDULED";
  const canEdit = isDraft && access.roles.some((r) => BALLOT_STAFF_ROLES.includes(r));
  const rule = ruleFor(ballot.legalCategory, readSettings(commune.settings));

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${commune.slug}/staff/consultations/${ballot.id}`} className="inline-flex min-h-11 items-center underline" data-testid="back-to-consultation">
          ← {tCommon("back")}: {ballot.title}
        </Link>
      </p>
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="text-lg">{ballot.title}</p>
      <BallotStaffNav communeSlug={commune.slug} consultationId={ballot.id} current="ballot" isPublic={!isDraft} online={ballot.legalCategory === "DECISION_OTHER_SELF_MANAGEMENT"} />
      {!isDraft ? <p className="rounded-xl border border-amber-300 bg-amber-50 p-4">{t("locked")}</p> : null}
      {isDraft && !canEdit ? <p className="rounded-xl border border-stone-300 bg-white p-4">{t("readOnly")}</p> : null}

      {ballot.questions.length === 0 ? <p>{t("none")}</p> : null}
      <ol className="space-y-4">
        {ballot.questions.map((q) => (
          <li key={q.id} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid="staff-question">
            <h2 className="font-semibold">
              {t("questionNumber", { number: q.position + 1 })}. {q.text}
            </h2>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">{t("kind")}</dt>
              <dd>{tEnum(`QuestionKind.${q.kind}`)}</dd>
              <dt className="font-medium">{t("unit")}</dt>
              <dd>{tEnum(`VotingUnit.${q.votingUnit}`)}</dd>
              <dt className="font-medium">{t("ruleLabel")}</dt>
              <dd>{tEnum(`ThresholdRule.${q.thresholdRule}`, { percent: format.number(q.thresholdPercent), unit: q.votingUnit })}</dd>
              <dt className="font-medium">{tSecret("term")}</dt>
              <dd>{q.secret ? tSecret("secret") : tSecret("open")}</dd>
              <dt className="font-medium">{t("options")}</dt>
              <dd>
                {q.options.map((o) => (o.isAffirmative ? `${o.label} (${t("affirmative")})` : o.label)).join(" · ")}
              </dd>
            </dl>
            <p className="text-sm">{q.quorumPercent !== null ? t("quorum", { percent: format.number(q.quorumPercent) }) : t("noQuorum")}</p>
            {canEdit ? (
              <NextIntlClientProvider messages={pickMessages(messages, ["ballotStaff.ballot", "errors"])}>
                <RemoveQuestionButton communeId={commune.id} questionId={q.id} />
              </NextIntlClientProvider>
            ) : null}
          </li>
        ))}
      </ol>

      {canEdit ? (
        <NextIntlClientProvider messages={pickMessages(messages, ["ballotStaff.ballot", "ballotStaff.secretBallot", "errors", "enums.QuestionKind", "enums.VotingUnit", "enums.ThresholdRule", "enums.Channel"])}>
          <QuestionForm
            communeId={commune.id}
            consultationId={ballot.id}
            categoryName={tEnum(`LegalCategory.${ballot.legalCategory}`)}
            defaults={{ votingUnit: rule.votingUnit, thresholdRule: rule.thresholdRule, thresholdPercent: rule.thresholdPercent, quorumPercent: rule.meetingQuorumPercent ?? null, secret: isSecretByDefault(ballot.legalCategory) }}
          />
          <VoteSettingsForm
            communeId={commune.id}
            consultationId={ballot.id}
            initial={{
              channels: VOTE_CHANNEL_VALUES.filter((c) => ballot.allowedChannels.includes(c)),
              onlineVoteNoticeOn: ballot.onlineVoteNoticeAt ? toVnDate(ballot.onlineVoteNoticeAt) : null,
              showResultsLive: ballot.showResultsLive,
            }}
          />
        </NextIntlClientProvider>
      ) : null}
    </div>
  );
}
