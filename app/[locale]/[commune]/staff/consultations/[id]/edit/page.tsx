import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { AttachmentManager } from "@/components/consultations/attachment-manager";
import { describeFile } from "@/components/consultations/attachment-list";
import { ConsultationForm } from "@/components/consultations/consultation-form";
import { pageTitle } from "@/components/ui/styles";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import { listConsultationAttachments } from "@/lib/consultations/attachments/list-attachments";
import { getConsultationForEdit } from "@/lib/consultations/get-consultation-for-edit";
import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { publishedPeriods, toFormValues } from "@/lib/consultations/form-values";
import { EDITABLE_STATUSES } from "@/lib/consultations/update-consultation";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

/** The full edit of a consultation, prefilled with everything it holds, and its attachments. */
export default async function EditConsultation({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const consultation = await getConsultationForEdit(commune.id, id);
  if (!consultation) notFound();
  const [villages, attachments, messages, t] = await Promise.all([
    listVillages(commune.id),
    listConsultationAttachments(consultation.id),
    getMessages(),
    getTranslations(),
  ]);
  const preview = `/${commune.slug}/staff/consultations/${consultation.id}`;
  if (!EDITABLE_STATUSES.includes(consultation.status)) {
    return (
      <div className="space-y-4">
        <h1 className={pageTitle}>{t("publishing.editTitle")}</h1>
        <p role="status">{t("publishing.closedNotice")}</p>
        <Link href={preview}>{t("publishing.backToPreview")}</Link>
      </div>
    );
  }
  const isPublic = PUBLIC_STATUSES.includes(consultation.status);
  const items = await Promise.all(
    attachments.map(async (a) => ({
      id: a.id,
      title: a.title ?? a.fileName,
      fileName: a.fileName,
      ...(await describeFile(a)),
    })),
  );
  const geometry = consultation.geometry ?? null;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className={pageTitle}>{t("publishing.editTitle")}</h1>
        <p className="text-lg">{consultation.title}</p>
        <Link href={preview}>{t("publishing.backToPreview")}</Link>
      </div>
      <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors", "staff", "enums", "legalRules", "publishing"])}>
        <ConsultationForm
          communeId={commune.id}
          communeSlug={commune.slug}
          villages={villages.map((v) => ({ id: v.id, name: v.name }))}
          map={{
            settings: mapSettings(),
            boundaries: boundaryLayers(commune, villages),
            bounds: leafletBounds(geometry, commune),
            layerNames: { commune: t("common.communeName", { name: commune.name }), villages: t("browse.village") },
          }}
          initial={toFormValues(consultation)}
          mode={{
            kind: "edit",
            consultationId: consultation.id,
            expectedUpdatedAt: consultation.updatedAt.toISOString(),
            published: publishedPeriods(consultation, isPublic),
          }}
        />
        <AttachmentManager communeId={commune.id} consultationId={consultation.id} items={items} maxMb={env.MAX_UPLOAD_MB} isPublished={isPublic} />
      </NextIntlClientProvider>
    </div>
  );
}
