"use client";

// The villages of a commune being set up: imported from a file (GeoJSON, KML, zipped Shapefile, read
// on the server) or drawn on the map one at a time, each with its name and kind, listed with the
// problems the server found. The parent holds the list; nothing is saved here.
import { useState } from "react";

import { LazyEditorMap } from "@/components/map/lazy";
import type { LabelledCollection, MapSettings } from "@/components/map/types";
import { buttonSecondary, fieldError, hint, input, label } from "@/components/ui/styles";
import { readBoundaryFileAction } from "@/lib/setup/actions";

import { type ErrorTexts, failureOf, fill } from "@/components/forms/server-texts";

import { fileToBase64 } from "./messages";

export type Area = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
export type VillageRow = { name: string; kind: "THON" | "TO_DAN_PHO"; boundary: Area };

export type VillagesTexts = {
  heading: string;
  importLabel: string;
  importHint: string;
  imported: string;
  drawHeading: string;
  drawHint: string;
  mapLabel: string;
  villageName: string;
  kind: string;
  thon: string;
  toDanPho: string;
  addDrawn: string;
  nothingDrawn: string;
  remove: string;
  count: string;
  none: string;
  shapeLabel: string;
  shapeColor: string;
  removeShape: string;
  selectedShape: string;
  point: string;
  communeLayer: string;
  villagesLayer: string;
};

/** Leaflet bounds around the villages, or around a default centre. */
function boundsOf(rows: VillageRow[], fallback: [[number, number], [number, number]]): [[number, number], [number, number]] {
  const points = rows.flatMap((r) => (r.boundary.type === "Polygon" ? r.boundary.coordinates.flat() : r.boundary.coordinates.flat(2)));
  if (points.length === 0) return fallback;
  const lats = points.map((p) => p[1]!);
  const lngs = points.map((p) => p[0]!);
  return [
    [Math.min(...lats) - 0.005, Math.min(...lngs) - 0.005],
    [Math.max(...lats) + 0.005, Math.max(...lngs) + 0.005],
  ];
}

export function VillagesEditor({
  rows,
  onChange,
  communeId,
  existing,
  settings,
  locale,
  texts,
  errorTexts,
  fallbackBounds,
  error,
}: {
  rows: VillageRow[];
  onChange: (rows: VillageRow[]) => void;
  communeId: string | null;
  existing: { id: string; name: string; boundary: Area | null }[];
  settings: MapSettings;
  locale: string;
  texts: VillagesTexts;
  errorTexts: ErrorTexts;
  fallbackBounds: [[number, number], [number, number]];
  error?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [drawn, setDrawn] = useState<LabelledCollection | null>(null);
  const [drawName, setDrawName] = useState("");
  const [drawKind, setDrawKind] = useState<VillageRow["kind"]>("THON");
  const [revision, setRevision] = useState(0);

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setProblems([]);
    try {
      const result = await readBoundaryFileAction({ base64: await fileToBase64(file), communeId });
      const failed = failureOf(result, errorTexts);
      if (failed || !result?.data) {
        setMessage({ ok: false, text: failed?.banner ?? "" });
        return;
      }
      const found = result.data.villages as VillageRow[];
      onChange([...rows, ...found]);
      setProblems(result.data.problems.map((p) => fill(errorTexts[p.code] ?? p.code, p.params)));
      setMessage({ ok: true, text: fill(texts.imported, { count: found.length, file: file.name }) });
      setRevision((r) => r + 1);
    } finally {
      setBusy(false);
      event.target.value = "";
    }
  }

  function addDrawn() {
    const polygons = (drawn?.features ?? []).map((f) => f.geometry).filter((g): g is Area => g.type === "Polygon" || g.type === "MultiPolygon");
    if (polygons.length === 0 || !drawName.trim()) {
      setMessage({ ok: false, text: texts.nothingDrawn });
      return;
    }
    const boundary: Area = polygons.length === 1 ? polygons[0]! : { type: "MultiPolygon", coordinates: polygons.flatMap((p) => (p.type === "Polygon" ? [p.coordinates] : p.coordinates)) };
    onChange([...rows, { name: drawName.trim(), kind: drawKind, boundary }]);
    setDrawn(null);
    setDrawName("");
    setMessage(null);
    setRevision((r) => r + 1);
  }

  const set = (i: number, patch: Partial<VillageRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const shown = [...existing.map((v) => ({ id: v.id, name: v.name, boundary: v.boundary })), ...rows.map((r, i) => ({ id: `new-${i}`, name: r.name, boundary: r.boundary }))];

  return (
    <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
      <legend className="px-1 text-xl font-semibold">{texts.heading}</legend>
      <div>
        <label htmlFor="village-file" className={label}>{texts.importLabel}</label>
        <input id="village-file" type="file" accept=".geojson,.json,.kml,.zip" onChange={onFile} disabled={busy} aria-describedby="village-file-hint" className={input} />
        <p id="village-file-hint" className={hint}>{texts.importHint}</p>
      </div>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
      {problems.length ? (
        <ul className="list-disc pl-6 text-flag-700" data-testid="boundary-problems">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
      <div className="space-y-2">
        <h3 className="font-semibold">{texts.drawHeading}</h3>
        <p className={hint}>{texts.drawHint}</p>
        <LazyEditorMap
          key={revision}
          settings={settings}
          boundaries={{ commune: null, villages: shown as never }}
          bounds={boundsOf(rows, fallbackBounds)}
          layerNames={{ commune: texts.communeLayer, villages: texts.villagesLayer }}
          label={texts.mapLabel}
          locale={locale}
          value={null}
          onChange={setDrawn}
          text={{ label: texts.shapeLabel, color: texts.shapeColor, remove: texts.removeShape, selected: texts.selectedShape, point: texts.point }}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="draw-name" className={label}>{texts.villageName}</label>
            <input id="draw-name" value={drawName} maxLength={100} onChange={(e) => setDrawName(e.target.value)} className={input} />
          </div>
          <div>
            <label htmlFor="draw-kind" className={label}>{texts.kind}</label>
            <select id="draw-kind" value={drawKind} onChange={(e) => setDrawKind(e.target.value as VillageRow["kind"])} className={input}>
              <option value="THON">{texts.thon}</option>
              <option value="TO_DAN_PHO">{texts.toDanPho}</option>
            </select>
          </div>
          <div className="flex items-end">
            <button type="button" className={buttonSecondary} onClick={addDrawn}>{texts.addDrawn}</button>
          </div>
        </div>
      </div>
      <p aria-live="polite" data-testid="village-count">{rows.length ? fill(texts.count, { count: rows.length }) : texts.none}</p>
      {rows.length ? (
        <ul className="space-y-2">
          {rows.map((r, i) => (
            <li key={i} className="grid gap-2 rounded-lg border border-stone-300 p-2 sm:grid-cols-3" data-testid="village-row">
              <div>
                <label htmlFor={`village-${i}-name`} className={label}>{texts.villageName}</label>
                <input id={`village-${i}-name`} value={r.name} maxLength={100} onChange={(e) => set(i, { name: e.target.value })} className={input} />
              </div>
              <div>
                <label htmlFor={`village-${i}-kind`} className={label}>{texts.kind}</label>
                <select id={`village-${i}-kind`} value={r.kind} onChange={(e) => set(i, { kind: e.target.value as VillageRow["kind"] })} className={input}>
                  <option value="THON">{texts.thon}</option>
                  <option value="TO_DAN_PHO">{texts.toDanPho}</option>
                </select>
              </div>
              <div className="flex items-end">
                <button type="button" className={buttonSecondary} onClick={() => { onChange(rows.filter((_, j) => j !== i)); setRevision((n) => n + 1); }}>
                  {fill(texts.remove, { name: r.name })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p className={fieldError}>{error}</p> : null}
    </fieldset>
  );
}
