"use client";

// The home map: one clustered marker per consultation, linking to its page.
import "react-leaflet-cluster/dist/assets/MarkerCluster.css";
import "react-leaflet-cluster/dist/assets/MarkerCluster.Default.css";

import { Marker, Popup } from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";

import BaseMap, { type BaseMapProps } from "./base-map";
import { STATUS_COLORS, pinIcon } from "./icons";

export type MapMarker = { id: string; title: string; status: string; lat: number; lng: number; href: string };

export default function MarkersMap({ markers, ...base }: Omit<BaseMapProps, "children"> & { markers: MapMarker[] }) {
  return (
    <BaseMap {...base}>
      <MarkerClusterGroup chunkedLoading>
        {markers.map((m) => (
          <Marker key={m.id} position={[m.lat, m.lng]} icon={pinIcon(STATUS_COLORS[m.status] ?? "#0f766e")} title={m.title} alt={m.title}>
            <Popup>
              <a href={m.href} className="font-semibold">
                {m.title}
              </a>
            </Popup>
          </Marker>
        ))}
      </MarkerClusterGroup>
    </BaseMap>
  );
}
