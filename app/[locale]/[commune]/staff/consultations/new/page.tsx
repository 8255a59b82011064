import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { ConsultationForm } from "@/components/consultations/consultation-form";
import { pageTitle } from "@/components/ui/styles";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import { blankFormValues } from "@/lib/consultations/form-values";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";

export default async function NewConsultation({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const [villages, messages, t] = await Promise.all([listVillages(commune.id), getMessages(), getTranslations()]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("staff.newConsultation")}</h1>
      <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors", "staff", "enums", "legalRules", "publishing"])}>
        <ConsultationForm
          communeId={commune.id}
          communeSlug={commune.slug}
          villages={villages.map((v) => ({ id: v.id, name: v.name }))}
          map={{
            settings: mapSettings(),
            boundaries: boundaryLayers(commune, villages),
            bounds: leafletBounds(null, commune),
            layerNames: { commune: t("common.communeName", { name: commune.name }), villages: t("browse.village") },
          }}
          initial={blankFormValues(commune.id)}
          mode={{ kind: "create" }}
        />
      </NextIntlClientProvider>
    </div>
  );
}
