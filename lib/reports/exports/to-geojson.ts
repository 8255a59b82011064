// The opinions pinned on the map as GeoJSON (RFC 7946): points in WGS84, longitude first, with the
// public facts of each opinion. Opinions without a pin, or with coordinates off the globe, are left out.
import type { Feature, FeatureCollection, Point } from "geojson";

import type { AnswerKind, Channel, Stance } from "@/lib/generated/prisma/enums";

import type { OpinionExportRow } from "./opinion-rows";

export type PinnedOpinionProperties = {
  number: number;
  createdAt: string;
  village: string | null;
  displayName: string;
  channel: Channel;
  stance: Stance | null;
  theme: string | null;
  body: string;
  agree: number;
  disagree: number;
  answerKind: AnswerKind | null;
  answer: string | null;
};

/** Six decimals: about 10 cm, as precise as a pin dropped on a phone can be. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

const isOnGlobe = (lat: number | null, lng: number | null): boolean =>
  lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

export function pinnedOpinionsToGeoJson(rows: OpinionExportRow[]): FeatureCollection<Point, PinnedOpinionProperties> {
  const features = rows
    .filter((row) => isOnGlobe(row.lat, row.lng))
    .map(
      (row): Feature<Point, PinnedOpinionProperties> => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [round(row.lng!), round(row.lat!)] },
        properties: {
          number: row.number,
          createdAt: row.createdAt.toISOString(),
          village: row.villageName,
          displayName: row.displayName,
          channel: row.channel,
          stance: row.stance,
          theme: row.themeLabel,
          body: row.body,
          agree: row.agreeCount,
          disagree: row.disagreeCount,
          answerKind: row.answerKind,
          answer: row.answerBody,
        },
      }),
    );
  return { type: "FeatureCollection", features };
}

/** As a file: UTF-8 JSON, the media type application/geo+json. */
export const pinnedOpinionsGeoJsonFile = (rows: OpinionExportRow[]): Buffer => Buffer.from(JSON.stringify(pinnedOpinionsToGeoJson(rows)), "utf8");
