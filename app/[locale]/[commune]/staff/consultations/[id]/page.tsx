import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { BallotStaffNav } from "@/components/ballot/staff/ballot-staff-nav";
import { ConsultationDetails } from "@/components/consultations/consultation-details";
import { PublishButton } from "@/components/consultations/publish-button";
import type { LabelledCollection } from "@/components/map/types";
import { STAFF_AREA_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

/** The staff view of a consultation: a preview exactly as the public will see it, and its actions. */
export default async function StaffConsultation({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  const consultation = await getConsultationForStaff(commune.id, id);
  if (!consultation) notFound();
  const [villages, messages, t, format] = await Promise.all([listVillages(commune.id), getMessages(), getTranslations(), getFormatter()]);
  const geometry = (consultation.geometry as LabelledCollection | null) ?? null;
  const canRun = access.roles.some((r) => STAFF_ROLES.includes(r));
  const isDraft = consultation.status === "DRAFT" || consultation.status === "SCHEDULED";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4 rounded-xl border border-amber-300 bg-amber-50 p-4">
        {isDraft ? (
          <p className="flex-1 font-medium">{t("staff.draftNotice")}</p>
        ) : (
          <p className="flex-1 font-medium" role="status">
            {consultation.publishedAt ? t("staff.publishedOn", { date: format.dateTime(consultation.publishedAt, { dateStyle: "medium", timeStyle: "short" }) }) : null}
          </p>
        )}
        {isDraft && canRun ? (
          <NextIntlClientProvider messages={pickMessages(messages, ["staff", "errors"])}>
            <PublishButton communeId={commune.id} consultationId={consultation.id} />
          </NextIntlClientProvider>
        ) : null}
        {!isDraft ? <Link href={`/${commune.slug}/consultations/${consultation.id}`}>{t("staff.viewPublic")}</Link> : null}
      </div>
      <BallotStaffNav communeSlug={commune.slug} consultationId={consultation.id} isPublic={!isDraft} />
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
    </div>
  );
}
