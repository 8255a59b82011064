import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { AttachmentList } from "@/components/consultations/attachment-list";
import { PublishedReport } from "@/components/reports/published-report";
import { BallotSection } from "@/components/ballot/ballot-section";
import { ConsultationDetails } from "@/components/consultations/consultation-details";
import { OpinionForm } from "@/components/consultations/opinion-form";
import { OpinionList } from "@/components/consultations/opinion-list";
import { OpinionMeProvider } from "@/components/consultations/opinion-me";
import { PublicFlags } from "@/components/consultations/public-flags";
import { VersionHistory } from "@/components/consultations/version-history";
import type { LabelledCollection } from "@/components/map/types";
import { PublicNotice } from "@/components/notices/public-notice";
import { Listen } from "@/components/read-aloud/listen";
import { ConsultationWorks } from "@/components/works/consultation-works";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { listConsultationAttachments } from "@/lib/consultations/attachments/list-attachments";
import { getPublicConsultation, isOpenForComment } from "@/lib/consultations/get-consultation";
import { Link } from "@/lib/i18n/navigation";
import { listConsultationVersions } from "@/lib/consultations/list-versions";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { countHiddenByReason } from "@/lib/oversight/moderation";
import { listPublicFlags } from "@/lib/oversight/supervision";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { consultationSpeech } from "@/lib/read-aloud/texts";
import { getPublishedNotice } from "@/lib/notices/notices";
import { listPinnedOpinions, listPublicOpinions } from "@/lib/participation/list-opinions";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { commune: slug, id } = await params;
  const commune = await getCommuneBySlug(slug);
  const c = commune ? await getPublicConsultation(commune.id, id) : null;
  return c ? { title: c.title, description: c.summary } : {};
}

export default async function ConsultationPage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const consultation = await getPublicConsultation(commune.id, id);
  if (!consultation) notFound();
  const [villages, opinions, pins, attachments, versions, messages, hiddenReasons, flags, ballot, notice] = await Promise.all([
    listVillages(commune.id),
    listPublicOpinions(consultation.id),
    listPinnedOpinions(consultation.id),
    listConsultationAttachments(consultation.id),
    listConsultationVersions(consultation.id),
    getMessages(),
    countHiddenByReason(consultation.id),
    listPublicFlags(consultation.id),
    loadBallot(commune.id, consultation.id),
    getPublishedNotice(commune.id, consultation.id),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const geometry = (consultation.geometry as LabelledCollection | null) ?? null;
  const boundaries = boundaryLayers(commune, villages);
  const layerNames = { commune: t("common.communeName", { name: commune.name }), villages: t("browse.village") };
  const bounds = leafletBounds(geometry, commune);
  const isOpen = isOpenForComment(consultation);

  return (
    <article className="space-y-8">
      <ConsultationDetails
        consultation={consultation}
        commune={commune}
        villages={villages}
        map={{ settings: mapSettings(), boundaries, geometry, bounds, layerNames }}
        pins={pins.map((p) => ({ id: p.id, number: p.number, lat: p.lat!, lng: p.lng!, stance: p.stance, excerpt: p.body.slice(0, 120) }))}
      />
      <Listen communeSlug={commune.slug} kind="consultation" id={consultation.id} text={consultationSpeech(consultation)} />
      {notice ? <PublicNotice notice={notice} communeSlug={commune.slug} consultationId={consultation.id} /> : null}
      <ConsultationWorks communeId={commune.id} slug={commune.slug} consultationId={consultation.id} />
      <AttachmentList attachments={attachments} />
      <PublishedReport consultationId={consultation.id} />

      <PublicFlags flags={flags} />

      {ballot.questions.length > 0 ? <BallotSection commune={commune} ballot={ballot} category={consultation.legalCategory} /> : null}

      <section aria-labelledby="opinions-title" className="space-y-4">
        <h2 id="opinions-title" className="text-xl font-bold">
          {t("consultation.opinionsTitle")}{" "}
          <span className="text-base font-normal text-stone-700">({t("consultation.opinions", { count: opinions.total })})</span>
        </h2>
        <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors", "opinionForm", "opinionActions", "moderation", "enums.Stance", "enums.ModerationReason"])}>
          <OpinionMeProvider communeId={commune.id} communeSlug={commune.slug} consultationId={consultation.id} isOpen={isOpen}>
            <div id="opinion-form">
              <OpinionForm
                communeId={commune.id}
                communeSlug={commune.slug}
                consultationId={consultation.id}
                isOpen={isOpen}
                sections={consultation.sections.map((s) => ({ id: s.id, heading: s.heading }))}
                map={geometry ? { settings: mapSettings(), boundaries, geometry, bounds, layerNames } : null}
                maxUploadMb={env.MAX_UPLOAD_MB}
              />
            </div>
            <OpinionList opinions={opinions.items} hiddenReasons={hiddenReasons} ids={{ communeId: commune.id, consultationId: consultation.id }} />
            {opinions.pageCount > 1 ? (
              <p>
                <Link href={`/${commune.slug}/consultations/${consultation.id}/opinions/2`}>{t("consultation.allOpinions")} →</Link>
              </p>
            ) : null}
          </OpinionMeProvider>
        </NextIntlClientProvider>
      </section>
      <VersionHistory versions={versions} publishedAt={consultation.publishedAt} />
      <p className="text-sm text-stone-600">{t("consultation.lastUpdated", { date: format.dateTime(consultation.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
    </article>
  );
}
