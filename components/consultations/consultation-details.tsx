import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { LazyGeometryMap } from "@/components/map/lazy";
import type { ConsultationMapProps } from "@/components/map/types";
import { pageTitle } from "@/components/ui/styles";
import type { ConsultationDetail } from "@/lib/consultations/get-consultation";

import { Markdown } from "./markdown";
import { PeriodInfo } from "./period-info";
import { StatusBadge } from "./status-badge";

type Props = {
  consultation: ConsultationDetail;
  commune: { name: string };
  villages: { id: string; name: string }[];
  map: ConsultationMapProps;
  pins: { id: string; number: number; lat: number; lng: number; stance: string | null; excerpt: string }[];
};

const GEOMETRY_TYPE: Record<string, { vi: string; en: string }> = {
  Point: { vi: "Điểm", en: "Point" },
  MultiPoint: { vi: "Các điểm", en: "Points" },
  LineString: { vi: "Tuyến", en: "Line" },
  MultiLineString: { vi: "Các tuyến", en: "Lines" },
  Polygon: { vi: "Khu vực", en: "Area" },
  MultiPolygon: { vi: "Các khu vực", en: "Areas" },
};

/** Everything a reader needs about a consultation: text, map with a text alternative, periods, scope. */
export async function ConsultationDetails({ consultation: c, villages, map, pins }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "vi";
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const scope = c.isCommuneWide
    ? t("consultation.wholeCommune")
    : villages.filter((v) => c.villages.some((cv) => cv.villageId === v.id)).map((v) => v.name).join(", ");
  const features = map.geometry?.features ?? [];

  return (
    <>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={c.status} />
          <span>{t(`enums.MatterKind.${c.matterKind}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`enums.Subject.${c.subject}`)}</span>
        </div>
        <h1 className={pageTitle}>{c.title}</h1>
        <p className="max-w-3xl text-lg text-stone-800">{c.summary}</p>
      </header>

      <dl className="grid gap-x-6 gap-y-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{t("consultation.commentPeriod")}</dt>
          <dd>
            {t("consultation.fromTo", { from: date(c.commentStartsAt), to: date(c.commentEndsAt) })}
            <br />
            <PeriodInfo startsAt={c.commentStartsAt} endsAt={c.commentEndsAt} />
          </dd>
        </div>
        {c.postingStartsAt ? (
          <div>
            <dt className="text-sm text-stone-600">{t("consultation.postingPeriod")}</dt>
            <dd>{t("consultation.fromTo", { from: date(c.postingStartsAt), to: date(c.postingEndsAt) })}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-sm text-stone-600">{t("consultation.scope")}</dt>
          <dd>{scope}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("consultation.category")}</dt>
          <dd>{t(`enums.LegalCategory.${c.legalCategory}`)}</dd>
        </div>
        {c.legalBasis ? (
          <div className="sm:col-span-2">
            <dt className="text-sm text-stone-600">{t("consultation.legalBasis")}</dt>
            <dd className="whitespace-pre-line">{c.legalBasis}</dd>
          </div>
        ) : null}
        {c.responsibleOfficer ? (
          <div>
            <dt className="text-sm text-stone-600">{t("consultation.responsibleOfficer")}</dt>
            <dd>{c.responsibleOfficer}</dd>
          </div>
        ) : null}
      </dl>

      {map.geometry ? (
        <section aria-labelledby="map-title" className="space-y-2">
          <h2 id="map-title" className="text-xl font-bold">
            {t("consultation.map")}
          </h2>
          <LazyGeometryMap
            settings={map.settings}
            boundaries={map.boundaries}
            geometry={map.geometry}
            bounds={map.bounds}
            layerNames={map.layerNames}
            label={t("consultation.map")}
            pins={pins}
          />
          <div>
            <h3 className="font-semibold">{t("consultation.mapLegend")}</h3>
            <ul className="mt-1 space-y-1" aria-label={t("consultation.mapTextAlternative")}>
              {features.map((f, i) => (
                <li key={i} className="flex items-center gap-2">
                  <span className="inline-block h-3 w-6 rounded" style={{ backgroundColor: f.properties?.color ?? "#b45309" }} aria-hidden="true" />
                  <span>
                    {f.properties?.label ?? `#${i + 1}`}{" "}
                    <span className="text-sm text-stone-600">({GEOMETRY_TYPE[f.geometry.type]?.[locale] ?? f.geometry.type})</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="contents-title" className="space-y-4">
        <h2 id="contents-title" className="text-xl font-bold">
          {t("consultation.contents")}
        </h2>
        {c.sections.length > 1 ? (
          <nav aria-label={t("consultation.contents")}>
            <ol className="list-decimal pl-6">
              {c.sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.anchor}`}>{s.heading}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        {c.sections.map((s) => (
          <section key={s.id} id={s.anchor} aria-labelledby={`${s.anchor}-h`} className="rounded-xl border border-stone-200 bg-white p-4">
            <h3 id={`${s.anchor}-h`} className="text-lg font-semibold">
              {s.heading}
            </h3>
            <Markdown>{s.body}</Markdown>
          </section>
        ))}
      </section>

      <section aria-labelledby="take-part-title" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
        <h2 id="take-part-title" className="text-xl font-bold">
          {t("consultation.howToTakePart")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {c.allowedChannels.map((ch) => (
            <li key={ch}>
              <strong>{t(`enums.Channel.${ch}`)}:</strong> {t(`consultation.takePart${channelKey(ch)}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function channelKey(channel: string): string {
  return channel
    .toLowerCase()
    .split("_")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}
