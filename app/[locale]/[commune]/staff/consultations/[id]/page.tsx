import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { AttachmentList } from "@/components/consultations/attachment-list";
import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { ConsultationDetails } from "@/components/consultations/consultation-details";
import { PublishButton } from "@/components/consultations/publish-button";
import { ScheduleControls } from "@/components/consultations/schedule-controls";
import { VersionHistory } from "@/components/consultations/version-history";
import type { LabelledCollection } from "@/components/map/types";
import { StaffOutcomeLinks } from "@/components/notices/staff-outcome-links";
import { buttonSecondary } from "@/components/ui/styles";
import { STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import { listConsultationAttachments } from "@/lib/consultations/attachments/list-attachments";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { listConsultationVersions } from "@/lib/consultations/list-versions";
import { proposedPublishAt, toVnDateTime } from "@/lib/consultations/periods";
import { EDITABLE_STATUSES } from "@/lib/consultations/update-consultation";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

/**
 * The staff view of a consultation: a preview exactly as the public will see it, with what can be
 * done next — edit, publish now, schedule or cancel a schedule, open the public page.
 */
export default async function StaffConsultation({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const consultation = await getConsultationForStaff(commune.id, id);
  if (!consultation) notFound();
  const [villages, attachments, versions, messages, t, format] = await Promise.all([
    listVillages(commune.id),
    listConsultationAttachments(consultation.id),
    listConsultationVersions(consultation.id),
    getMessages(),
    getTranslations(),
    getFormatter(),
  ]);
  const geometry = (consultation.geometry as LabelledCollection | null) ?? null;
  const canRun = access.roles.some((r) => STAFF_ROLES.includes(r));
  const isDraft = consultation.status === "DRAFT" || consultation.status === "SCHEDULED";
  const canEdit = canRun && EDITABLE_STATUSES.includes(consultation.status);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-6">
      <section aria-labelledby="preview-actions" className="space-y-4 rounded-xl border border-amber-300 bg-amber-50 p-4">
        <h2 id="preview-actions" className="text-lg font-bold">
          {t("publishing.previewTitle")}
        </h2>
        {isDraft ? (
          <p className="font-medium">
            {t("staff.draftNotice")} {t("publishing.draftNotice")}
          </p>
        ) : null}
        {consultation.status === "SCHEDULED" && consultation.publishAt ? (
          <p className="font-medium" role="status">
            {t("publishing.scheduledNotice", { date: when(consultation.publishAt) })}
          </p>
        ) : null}
        {!isDraft && consultation.publishedAt ? (
          <p className="font-medium" role="status">
            {t("staff.publishedOn", { date: when(consultation.publishedAt) })}{" "}
            {canEdit ? t("publishing.editsRecorded") : t("publishing.closedNotice")}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-4">
          {canEdit ? (
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/edit`} className={buttonSecondary}>
              {t("publishing.edit")}
            </Link>
          ) : null}
          {isDraft && canRun ? (
            <NextIntlClientProvider messages={pickMessages(messages, ["staff", "errors", "publishing"])}>
              <PublishButton communeId={commune.id} consultationId={consultation.id} />
              <ScheduleControls
                communeId={commune.id}
                consultationId={consultation.id}
                scheduledAt={consultation.status === "SCHEDULED" && consultation.publishAt ? toVnDateTime(consultation.publishAt) : null}
                defaultAt={proposedPublishAt()}
              />
            </NextIntlClientProvider>
          ) : null}
          {!isDraft ? (
            <Link href={`/${commune.slug}/consultations/${consultation.id}`} className={buttonSecondary}>
              {t("staff.viewPublic")}
            </Link>
          ) : null}
          {!isDraft ? (
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/postings`} className={buttonSecondary}>
              {t("postings.link")}
            </Link>
          ) : null}
          {!isDraft ? (
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/channel-opinions`} className={buttonSecondary}>
              {t("channels.link")}
            </Link>
          ) : null}
          {!isDraft && canRun ? (
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/opinions`} className={buttonSecondary}>
              {t("moderation.allOpinions")}
            </Link>
          ) : null}
          {!isDraft && canRun ? (
            <Link href={`/${commune.slug}/staff/consultations/${consultation.id}/report`} className={buttonSecondary}>
              {t("reportFlow.link")}
            </Link>
          ) : null}
        </div>
        <p className="text-sm text-stone-800">{t("publishing.previewNotice")}</p>
      </section>
      <BallotStaffNav communeSlug={commune.slug} consultationId={consultation.id} isPublic={!isDraft} />
      {!isDraft && canRun ? <StaffOutcomeLinks communeSlug={commune.slug} consultationId={consultation.id} /> : null}
      <ConsultationDetails
        consultation={consultation}
        commune={commune}
        villages={villages}
        map={{
          settings: mapSettings(),
          boundaries: boundaryLayers(commune, villages),
          geometry,
          bounds: leafletBounds(geometry, commune),
          layerNames: { commune: t("common.communeName", { name: commune.name }), villages: t("browse.village") },
        }}
        pins={[]}
      />
      <AttachmentList attachments={attachments} />
      <VersionHistory versions={versions} publishedAt={consultation.publishedAt} />
    </div>
  );
}
