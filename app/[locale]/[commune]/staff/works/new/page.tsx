import { getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { pageTitle } from "@/components/ui/styles";
import { WorkForm } from "@/components/works/work-form";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import type { LabelledCollection } from "@/components/map/types";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { prefillFrom } from "@/lib/works/read";
import { WORK_STAFF_ROLES } from "@/lib/works/roles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 40 ? v : null);

/** A new work: from an outcome notice (?notice=) or a consultation (?consultation=), prefilled, or on its own. */
export default async function NewWork({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, WORK_STAFF_ROLES);
  const query = await searchParams;
  const [villages, t, prefill] = await Promise.all([
    listVillages(commune.id),
    getTranslations(),
    prefillFrom(commune.id, { noticeId: one(query.notice), consultationId: one(query.consultation) }),
  ]);
  const geometry = (prefill?.geometry as LabelledCollection | null) ?? null;
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("works.staff.newTitle")}</h1>
      {prefill ? <p>{prefill.outcomeNoticeId ? t("works.staff.fromNotice", { title: prefill.title }) : t("works.staff.fromConsultation", { title: prefill.title })}</p> : null}
      <IntlIsland namespaces={["errors", "works", "enums", "staff", "publishing"]}>
        <WorkForm
          communeId={commune.id}
          slug={commune.slug}
          workId={null}
          villages={villages.map((v) => ({ id: v.id, name: v.name }))}
          map={{
            settings: mapSettings(),
            boundaries: boundaryLayers(commune, villages),
            bounds: leafletBounds(geometry, commune),
            layerNames: { commune: t("common.communeName", { name: commune.name }), villages: t("works.village") },
          }}
          initial={{
            title: prefill?.title ?? "",
            description: prefill?.description ?? "",
            villageIds: prefill?.villageIds ?? [],
            consultationId: prefill?.consultationId ?? null,
            outcomeNoticeId: prefill?.outcomeNoticeId ?? null,
            opinionNumbers: "",
            startOn: "",
            endOn: "",
            investor: "",
            contractor: "",
            supervisor: "",
            geometry,
            budget: [],
          }}
        />
      </IntlIsland>
    </div>
  );
}
