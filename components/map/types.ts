import type { Feature, FeatureCollection, Geometry } from "geojson";

export type MapSettings = { tileUrl: string | null; tileAttribution: string };

export type BoundaryLayers = {
  commune: Geometry | null;
  villages: { id: string; name: string; boundary: Geometry | null }[];
};

export type LabelledCollection = FeatureCollection<Geometry, { label?: string; color?: string }>;
export type LabelledFeature = Feature<Geometry, { label?: string; color?: string }>;

/** What a page passes to a client component that shows a consultation's map. */
export type ConsultationMapProps = {
  settings: MapSettings;
  boundaries: BoundaryLayers;
  geometry: LabelledCollection | null;
  bounds: [[number, number], [number, number]];
  layerNames: { commune: string; villages: string };
};

export const DEFAULT_SHAPE_COLOR = "#b45309";
