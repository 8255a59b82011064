"use client";

// A platform administrator's form for a new commune: its names and address, its villages (imported
// or drawn), and optionally a boundary file of its own (otherwise the union of its villages). The
// server checks everything again (lib/setup); what was typed stays after an error.
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { MapSettings } from "@/components/map/types";
import { buttonPrimary, fieldError, hint, input, label } from "@/components/ui/styles";
import { createCommuneAction, readBoundaryFileAction } from "@/lib/setup/actions";

import { type ErrorTexts, failureOf, fill } from "@/components/forms/server-texts";

import { fileToBase64 } from "./messages";
import { type Area, type VillageRow, VillagesEditor, type VillagesTexts } from "./villages-editor";

type Field = "slug" | "name" | "province" | "address" | "committeeName" | "frontName";

export type CommuneFormTexts = Record<Field, string> & {
  slugHint: string;
  committeeHint: string;
  frontHint: string;
  boundaryLabel: string;
  boundaryHint: string;
  boundaryRead: string;
  submit: string;
  created: string;
};

export function CommuneForm({ prefix, settings, locale, texts, villageTexts, errorTexts }: { prefix: string; settings: MapSettings; locale: string; texts: CommuneFormTexts; villageTexts: VillagesTexts; errorTexts: ErrorTexts }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ slug: "", name: "", province: "", address: "", committeeName: "", frontName: "" });
  const [villages, setVillages] = useState<VillageRow[]>([]);
  const [boundary, setBoundary] = useState<Area | null>(null);
  const [boundaryNote, setBoundaryNote] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onBoundaryFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = await readBoundaryFileAction({ base64: await fileToBase64(file), communeId: null });
    const failed = failureOf(result, errorTexts);
    const shapes = (result?.data?.villages ?? []).map((v) => v.boundary as Area);
    if (failed || shapes.length === 0) {
      setBoundary(null);
      setBoundaryNote(failed?.banner ?? errorTexts.boundaryNotPolygon ?? "");
      return;
    }
    setBoundary(shapes.length === 1 ? shapes[0]! : { type: "MultiPolygon", coordinates: shapes.flatMap((s) => (s.type === "Polygon" ? [s.coordinates] : s.coordinates)) });
    setBoundaryNote(fill(texts.boundaryRead, { file: file.name }));
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const result = await createCommuneAction({ ...values, boundary, villages });
      const failed = failureOf(result, errorTexts);
      if (failed) {
        setErrors(failed.fields);
        setMessage({ ok: false, text: failed.banner });
        return;
      }
      setMessage({ ok: true, text: texts.created });
      router.push(`${prefix}/admin/communes/${result!.data!.slug}`);
    } finally {
      setPending(false);
    }
  }

  const field = (name: Field, options: { required?: boolean; hintText?: string; max?: number } = {}) => (
    <div>
      <label htmlFor={`commune-${name}`} className={label}>{texts[name]}</label>
      <input
        id={`commune-${name}`}
        value={values[name]}
        required={options.required}
        maxLength={options.max ?? 200}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        className={input}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[options.hintText ? `commune-${name}-hint` : "", errors[name] ? `commune-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {options.hintText ? <p id={`commune-${name}-hint`} className={hint}>{options.hintText}</p> : null}
      {errors[name] ? <p id={`commune-${name}-error`} className={fieldError}>{errors[name]}</p> : null}
    </div>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("name", { required: true, max: 100 })}
        {field("province", { required: true, max: 100 })}
        {field("slug", { required: true, hintText: texts.slugHint, max: 60 })}
        {field("address", { max: 300 })}
        {field("committeeName", { hintText: texts.committeeHint })}
        {field("frontName", { hintText: texts.frontHint })}
      </div>
      <VillagesEditor
        rows={villages}
        onChange={setVillages}
        communeId={null}
        existing={[]}
        settings={settings}
        locale={locale}
        texts={villageTexts}
        errorTexts={errorTexts}
        fallbackBounds={[[14.9, 108.6], [15.1, 108.8]]}
        error={errors.villages}
      />
      <div>
        <label htmlFor="commune-boundary" className={label}>{texts.boundaryLabel}</label>
        <input id="commune-boundary" type="file" accept=".geojson,.json,.kml,.zip" onChange={onBoundaryFile} className={input} aria-describedby="commune-boundary-hint" />
        <p id="commune-boundary-hint" className={hint}>{texts.boundaryHint}</p>
        {boundaryNote ? <p role="status">{boundaryNote}</p> : null}
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{texts.submit}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
