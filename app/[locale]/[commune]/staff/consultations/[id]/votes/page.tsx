import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { OfflineEntry } from "@/components/ballot/staff/offline-entry";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getStaffBallot } from "@/lib/participation/get-staff-ballot";
import { ENTRY_ROLES } from "@/lib/participation/vote-roles";

/** Paper ballots household by household, and assisted entry for residents who ask for help. */
export default async function VotesEntryPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, ENTRY_ROLES);
  const ballot = await getStaffBallot(commune.id, id);
  if (!ballot) notFound();
  const [t, messages] = await Promise.all([getTranslations("ballotStaff.entry"), getMessages()]);
  const isPublic = ballot.status !== "DRAFT" && ballot.status !== "SCHEDULED";
  const paperAllowed = ballot.allowedChannels.includes("PAPER");
  const assistedAllowed = ballot.allowedChannels.includes("ASSISTED");

  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="text-lg">{ballot.title}</p>
      <BallotStaffNav communeSlug={commune.slug} consultationId={ballot.id} current="votes" isPublic={isPublic} online={ballot.legalCategory === "DECISION_OTHER_SELF_MANAGEMENT"} />
      <p>{t("intro")}</p>
      {isPublic && (paperAllowed || assistedAllowed) ? (
        <NextIntlClientProvider messages={pickMessages(messages, ["ballotStaff.entry", "ballot", "errors", "enums.Stance"])}>
          <OfflineEntry communeId={commune.id} consultationId={ballot.id} questions={ballot.questions} paperAllowed={paperAllowed} assistedAllowed={assistedAllowed} />
        </NextIntlClientProvider>
      ) : null}
    </div>
  );
}
