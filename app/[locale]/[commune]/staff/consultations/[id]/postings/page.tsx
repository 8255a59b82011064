import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { LoudspeakerPanel } from "@/components/disclosure/loudspeaker-panel";
import { Listen } from "@/components/read-aloud/listen";
import type { RecordedPosting } from "@/components/disclosure/posting-form";
import { PostingsManager } from "@/components/disclosure/postings-manager";
import { RegisterEntryView } from "@/components/disclosure/register-entry-view";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { toVnDate } from "@/lib/consultations/periods";
import { dateColumnToIso } from "@/lib/disclosure/broadcast-days";
import { getStaffPostingsEntry } from "@/lib/disclosure/list-register";
import { loudspeakerTextFor } from "@/lib/disclosure/loudspeaker-for";
import type { RecordableChannel } from "@/lib/disclosure/schemas";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";

/** Staff record where and when a consultation was made public, and read its loudspeaker text. */
export default async function ConsultationPostings({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const { consultation, entry } = await getStaffPostingsEntry(commune, id);
  if (!consultation) notFound();
  const [t, messages, villages, loudspeaker] = await Promise.all([getTranslations("postings"), getMessages(), listVillages(commune.id), loudspeakerTextFor(commune.id, id)]);
  const canRecord = access.roles.some((r) => STAFF_ROLES.includes(r));
  const postings: RecordedPosting[] = consultation.postings
    .filter((p) => p.channel !== "WEB_PORTAL")
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((p) => ({
      id: p.id,
      channel: p.channel as RecordableChannel,
      location: p.location,
      startsAt: toVnDate(p.startsAt),
      endsAt: p.endsAt ? toVnDate(p.endsAt) : null,
      broadcastDates: p.broadcastDates.map(dateColumnToIso),
      photoId: p.photoId,
      note: p.note ?? "",
    }));
  const suggestions = ["Trụ sở UBND xã", "Đài truyền thanh xã", ...villages.map((v) => `Nhà văn hóa thôn ${v.name.replace(/^thôn\s+/i, "")}`)];

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${commune.slug}/staff/consultations/${consultation.id}`} className="inline-flex min-h-11 items-center underline">
          ← {t("back")}: {consultation.title}
        </Link>
      </p>
      <div>
        <h1 className={pageTitle}>{t("title")}</h1>
        <p className="mt-2 max-w-3xl">{t("intro")}</p>
      </div>
      {!entry ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 font-medium">{t("draftNotice")}</p>
      ) : (
        <>
          {canRecord ? (
            <NextIntlClientProvider messages={pickMessages(messages, ["postings", "errors", "common", "disclosure.channels"])}>
              <PostingsManager
                communeId={commune.id}
                communeSlug={commune.slug}
                consultationId={consultation.id}
                maxUploadMb={env.MAX_UPLOAD_MB}
                locationSuggestions={suggestions}
                postings={postings}
              />
            </NextIntlClientProvider>
          ) : (
            <p className="rounded-xl border border-stone-200 bg-white p-4">{t("readOnly")}</p>
          )}
          <RegisterEntryView entry={entry} communeSlug={commune.slug} showPhotos headingLevel={2} />
          <p>
            <Link href={`/${commune.slug}/disclosure/${consultation.id}`} className="inline-flex min-h-11 items-center underline">
              {t("viewRegister")}
            </Link>
          </p>
        </>
      )}
      {loudspeaker ? <LoudspeakerPanel {...loudspeaker} /> : null}
      {/* The recording for the commune radio, once the consultation is public (the file is public too). */}
      {loudspeaker && entry ? <Listen communeSlug={commune.slug} kind="loudspeaker" id={consultation.id} text={loudspeaker.text} /> : null}
    </div>
  );
}
