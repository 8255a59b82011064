// Open data: published consultations as GeoJSON (RFC 7946) and CSV. Only what the public pages
// already show, field by field: never a person's name, phone, ID number or address, never a draft.
// Period bounds are Vietnam calendar dates ("YYYY-MM-DD", both days included), as the platform counts
// them; instants (publication, last change) are ISO 8601 in UTC.
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { stringify } from "csv-stringify/sync";

import { toVnDate } from "@/lib/consultations/periods";
import type { ConsultationStatus, LegalCategory, MatterKind, Subject } from "@/lib/generated/prisma/enums";

export type OpenConsultation = {
  id: string;
  communeSlug: string;
  communeName: string;
  province: string;
  title: string;
  summary: string;
  status: ConsultationStatus;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  subject: Subject;
  isCommuneWide: boolean;
  villages: string[];
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  commentStartsAt: Date | null;
  commentEndsAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** The stored FeatureCollection (validated on entry: geometry, label and colour only). */
  geometry: unknown;
  centerLat: number | null;
  centerLng: number | null;
};

export type OpenProperties = {
  consultationId: string;
  commune: string;
  communeName: string;
  province: string;
  title: string;
  summary: string;
  status: ConsultationStatus;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  subject: Subject;
  scope: "commune" | "villages";
  villages: string[];
  postingStartsOn: string | null;
  postingEndsOn: string | null;
  commentStartsOn: string | null;
  commentEndsOn: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  url: string;
};

export type OpenFeatureProperties = OpenProperties & { featureIndex: number | null; label: string | null; color: string | null };

/** The public page of a consultation, in Vietnamese (the site's first language). */
export const consultationUrl = (origin: string, communeSlug: string, id: string) => `${origin}/${communeSlug}/consultations/${id}`;

const day = (d: Date | null) => (d ? toVnDate(d) : null);

export function openProperties(c: OpenConsultation, origin: string): OpenProperties {
  return {
    consultationId: c.id,
    commune: c.communeSlug,
    communeName: c.communeName,
    province: c.province,
    title: c.title,
    summary: c.summary,
    status: c.status,
    matterKind: c.matterKind,
    legalCategory: c.legalCategory,
    subject: c.subject,
    scope: c.isCommuneWide ? "commune" : "villages",
    villages: c.isCommuneWide ? [] : [...c.villages].sort((a, b) => a.localeCompare(b, "vi")),
    postingStartsOn: day(c.postingStartsAt),
    postingEndsOn: day(c.postingEndsAt),
    commentStartsOn: day(c.commentStartsAt),
    commentEndsOn: day(c.commentEndsAt),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
    url: consultationUrl(origin, c.communeSlug, c.id),
  };
}

type StoredFeature = { geometry?: Geometry | null; properties?: { label?: unknown; color?: unknown } | null };

function storedFeatures(geometry: unknown): StoredFeature[] {
  const features = (geometry as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? (features as StoredFeature[]).filter((f) => f && typeof f === "object" && f.geometry) : [];
}

/**
 * One feature per drawn shape, each carrying its consultation's properties and its own label and
 * colour. A consultation without a map is still listed, as a feature without geometry (RFC 7946,
 * 3.2), so that the collection holds every published consultation.
 */
export function toFeatureCollection(items: readonly OpenConsultation[], origin: string): FeatureCollection<Geometry | null, OpenFeatureProperties> {
  const features: Feature<Geometry | null, OpenFeatureProperties>[] = [];
  for (const c of items) {
    const base = openProperties(c, origin);
    const shapes = storedFeatures(c.geometry);
    if (shapes.length === 0) {
      features.push({ type: "Feature", id: c.id, geometry: null, properties: { ...base, featureIndex: null, label: null, color: null } });
      continue;
    }
    shapes.forEach((shape, i) => {
      const label = typeof shape.properties?.label === "string" ? shape.properties.label : null;
      const color = typeof shape.properties?.color === "string" ? shape.properties.color : null;
      features.push({ type: "Feature", id: `${c.id}-${i + 1}`, geometry: shape.geometry!, properties: { ...base, featureIndex: i + 1, label, color } });
    });
  }
  return { type: "FeatureCollection", features };
}

export const CSV_COLUMNS = [
  "consultation_id",
  "commune",
  "commune_name",
  "province",
  "title",
  "summary",
  "status",
  "matter_kind",
  "legal_category",
  "subject",
  "scope",
  "villages",
  "posting_starts_on",
  "posting_ends_on",
  "comment_starts_on",
  "comment_ends_on",
  "published_at",
  "closed_at",
  "updated_at",
  "url",
  "center_lat",
  "center_lng",
  "map_labels",
] as const;

/**
 * One row per consultation, UTF-8 with a byte order mark (Excel then reads Vietnamese correctly), CRLF
 * line ends, and cells that would start a spreadsheet formula neutralised.
 */
export function toCsv(items: readonly OpenConsultation[], origin: string): string {
  const rows = items.map((c) => {
    const p = openProperties(c, origin);
    const labels = storedFeatures(c.geometry)
      .map((f) => (typeof f.properties?.label === "string" ? f.properties.label : ""))
      .filter(Boolean);
    return [
      p.consultationId,
      p.commune,
      p.communeName,
      p.province,
      p.title,
      p.summary,
      p.status,
      p.matterKind,
      p.legalCategory,
      p.subject,
      p.scope,
      p.villages.join("; "),
      p.postingStartsOn,
      p.postingEndsOn,
      p.commentStartsOn,
      p.commentEndsOn,
      p.publishedAt,
      p.closedAt,
      p.updatedAt,
      p.url,
      c.centerLat,
      c.centerLng,
      labels.join(" | "),
    ];
  });
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (n) => String(n) },
  });
}
