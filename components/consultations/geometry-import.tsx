"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import type { LabelledCollection } from "@/components/map/types";
import { hint, label } from "@/components/ui/styles";
import { checkGeometryImportAction } from "@/lib/consultations/actions";
import { MAX_GEOJSON_BYTES } from "@/lib/consultations/geometry-limits";

/**
 * Imports a GeoJSON file into the map editor. The server judges it (WGS84, valid shapes, size, near
 * the commune); a refused file leaves the map as it was and says which shape is wrong and why.
 */
export function GeometryImport({ communeId, onImported }: { communeId: string; onImported: (geometry: LabelledCollection) => void }) {
  const t = useTranslations("publishing");
  const tErrors = useTranslations("errors");
  const id = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { executeAsync, isPending } = useAction(checkGeometryImportAction);

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setMessage(null);
    const refuse = (reason: string) => setMessage({ ok: false, text: t("importRefused", { name: file.name, reason }) });
    try {
      if (file.size > MAX_GEOJSON_BYTES) return refuse(tErrors("geojsonTooLarge", { maxKb: MAX_GEOJSON_BYTES / 1024 }));
      const result = await executeAsync({ communeId, text: await file.text() });
      if (result?.serverError) return refuse(tErrors(result.serverError.code, result.serverError.params));
      if (!result?.data) return refuse(tErrors("invalidInput"));
      onImported(result.data.geometry as LabelledCollection);
      setMessage({ ok: true, text: t("imported", { count: result.data.count, name: file.name }) });
    } finally {
      // The same file may be chosen again after it was fixed.
      input.value = "";
    }
  }

  return (
    <div className="rounded-lg border border-dashed border-stone-400 p-3">
      <label htmlFor={`${id}-file`} className={label}>
        {t("importTitle")}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        aria-describedby={`${id}-hint`}
        disabled={isPending}
        onChange={(e) => void importFile(e.currentTarget)}
        className="block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-stone-400 file:bg-white file:px-4 file:font-medium"
      />
      <p id={`${id}-hint`} className={hint}>
        {t("importHint", { maxKb: MAX_GEOJSON_BYTES / 1024 })}
      </p>
      <div aria-live="polite">
        {isPending ? <p className="mt-1 text-sm">{t("importing")}</p> : null}
        {message ? (
          <p role={message.ok ? "status" : "alert"} data-testid="geojson-import-message" className={`mt-1 font-medium ${message.ok ? "text-green-900" : "text-flag-700"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
