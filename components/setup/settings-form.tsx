"use client";

// The commune's settings (Commune.settings) with the law's floor beside each legal figure. The server
// refuses a figure below its floor with a message citing the law (lib/setup/settings-floors.ts); the
// form keeps what was typed and marks the field.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, fieldError, hint, input, label } from "@/components/ui/styles";
import { saveCommuneSettingsAction } from "@/lib/setup/actions";

import { type ErrorTexts, failureOf } from "@/components/forms/server-texts";

export type CategoryRow = {
  category: string;
  name: string;
  floors: { minCommentDays: number; maxCommentDays: number | null; commentCitation: string; minPostingDays: number; postingCitation: string; thresholdPercent: number | null; requiresBroadcast: boolean };
  values: { minCommentDays?: number; maxCommentDays?: number; minPostingDays?: number; thresholdPercent?: number; requiresBroadcast?: boolean };
};

const GENERAL = ["lateEntryDays", "geometryReachKm", "reportsToHide", "opinionEditMinutes", "opinionMaxLength", "minReactionsForGroups"] as const;
type General = (typeof GENERAL)[number];
const DOC_TYPES = ["BC", "TB", "KH", "BB", "QD"] as const;

export type SettingsTexts = Record<General, string> &
  Record<`${General}Hint`, string> & {
    general: string;
    conventionReviewDay: string;
    conventionReviewDayHint: string;
    extraHolidays: string;
    extraHolidaysHint: string;
    legalHeading: string;
    legalIntro: string;
    category: string;
    minCommentDays: string;
    maxCommentDays: string;
    minPostingDays: string;
    thresholdPercent: string;
    requiresBroadcast: string;
    floor: string;
    ceiling: string;
    recipientsHeading: string;
    recipientsHint: string;
    docTypes: Record<(typeof DOC_TYPES)[number], string>;
    save: string;
    saved: string;
  };

type Figures = Record<string, Record<string, string>>;
const toText = (v: number | undefined) => (v === undefined ? "" : String(v));

export function SettingsForm({
  communeId,
  initial,
  categories,
  texts,
  errorTexts,
}: {
  communeId: string;
  initial: Record<General, number> & { conventionReviewDay: string; extraHolidays: string[]; recipients: Partial<Record<(typeof DOC_TYPES)[number], string[]>> };
  categories: CategoryRow[];
  texts: SettingsTexts;
  errorTexts: ErrorTexts;
}) {
  const router = useRouter();
  const [general, setGeneral] = useState<Record<General, string>>(Object.fromEntries(GENERAL.map((k) => [k, String(initial[k])])) as Record<General, string>);
  const [reviewDay, setReviewDay] = useState(initial.conventionReviewDay);
  const [holidays, setHolidays] = useState(initial.extraHolidays.join("\n"));
  const [recipients, setRecipients] = useState<Record<string, string>>(Object.fromEntries(DOC_TYPES.map((d) => [d, (initial.recipients[d] ?? []).join("\n")])));
  const [figures, setFigures] = useState<Figures>(
    Object.fromEntries(categories.map((c) => [c.category, { minCommentDays: toText(c.values.minCommentDays), maxCommentDays: toText(c.values.maxCommentDays), minPostingDays: toText(c.values.minPostingDays), thresholdPercent: toText(c.values.thresholdPercent) }])),
  );
  const [broadcast, setBroadcast] = useState<Record<string, boolean>>(Object.fromEntries(categories.map((c) => [c.category, c.values.requiresBroadcast ?? c.floors.requiresBroadcast])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  const num = (s: string) => (s.trim() === "" ? undefined : Number(s.replace(",", ".")));

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    const legal: Record<string, Record<string, number | boolean>> = {};
    for (const c of categories) {
      const o: Record<string, number | boolean> = {};
      for (const [k, v] of Object.entries(figures[c.category] ?? {})) {
        const n = num(v);
        if (n !== undefined) o[k] = n;
      }
      if (broadcast[c.category] !== c.floors.requiresBroadcast) o.requiresBroadcast = broadcast[c.category]!;
      if (Object.keys(o).length) legal[c.category] = o;
    }
    try {
      const result = await saveCommuneSettingsAction({
        communeId,
        ...(Object.fromEntries(GENERAL.map((k) => [k, num(general[k])])) as Record<General, number>),
        conventionReviewDay: reviewDay.trim(),
        extraHolidays: holidays.split(/[\s,;]+/).filter(Boolean),
        recipients: Object.fromEntries(Object.entries(recipients).map(([d, v]) => [d, v.split("\n").map((l) => l.trim()).filter(Boolean)]).filter(([, list]) => (list?.length ?? 0) > 0)),
        legal,
      });
      const failed = failureOf(result, errorTexts);
      if (failed) {
        setErrors(failed.fields);
        setMessage({ ok: false, text: failed.banner });
        return;
      }
      setMessage({ ok: true, text: texts.saved });
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  const err = (key: string) => (errors[key] ? <p id={`${key}-error`} className={fieldError}>{errors[key]}</p> : null);
  const aria = (key: string, hintId?: string) => ({
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": [hintId, errors[key] ? `${key}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  const figure = (c: CategoryRow, key: "minCommentDays" | "maxCommentDays" | "minPostingDays" | "thresholdPercent", floorText: string) => {
    const id = `legal.${c.category}.${key}`;
    return (
      <td className="p-2 align-top">
        <label htmlFor={id} className="sr-only">{`${texts[key]} — ${c.name}`}</label>
        <input
          id={id}
          inputMode="decimal"
          value={figures[c.category]?.[key] ?? ""}
          placeholder={floorText.split(" ")[1] ?? ""}
          onChange={(e) => setFigures((f) => ({ ...f, [c.category]: { ...f[c.category], [key]: e.target.value } }))}
          className={`${input} w-24`}
          {...aria(id, `${id}-floor`)}
        />
        <p id={`${id}-floor`} className="mt-1 text-xs text-stone-700">{floorText}</p>
        {err(id)}
      </td>
    );
  };

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-xl font-semibold">{texts.general}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {GENERAL.map((k) => (
            <div key={k}>
              <label htmlFor={`setting-${k}`} className={label}>{texts[k]}</label>
              <input id={`setting-${k}`} inputMode="numeric" value={general[k]} onChange={(e) => setGeneral((g) => ({ ...g, [k]: e.target.value }))} className={input} {...aria(k, `setting-${k}-hint`)} />
              <p id={`setting-${k}-hint`} className={hint}>{texts[`${k}Hint`]}</p>
              {err(k)}
            </div>
          ))}
          <div>
            <label htmlFor="setting-conventionReviewDay" className={label}>{texts.conventionReviewDay}</label>
            <input id="setting-conventionReviewDay" value={reviewDay} maxLength={5} onChange={(e) => setReviewDay(e.target.value)} className={input} {...aria("conventionReviewDay", "setting-conventionReviewDay-hint")} />
            <p id="setting-conventionReviewDay-hint" className={hint}>{texts.conventionReviewDayHint}</p>
            {err("conventionReviewDay")}
          </div>
          <div>
            <label htmlFor="setting-extraHolidays" className={label}>{texts.extraHolidays}</label>
            <textarea id="setting-extraHolidays" rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} className={input} {...aria("extraHolidays", "setting-extraHolidays-hint")} />
            <p id="setting-extraHolidays-hint" className={hint}>{texts.extraHolidaysHint}</p>
            {err("extraHolidays")}
          </div>
        </div>
      </fieldset>

      <section aria-labelledby="legal-heading" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="legal-heading" className="text-xl font-semibold">{texts.legalHeading}</h2>
        <p className={hint}>{texts.legalIntro}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{texts.category}</th>
                <th scope="col" className="p-2">{texts.minCommentDays}</th>
                <th scope="col" className="p-2">{texts.maxCommentDays}</th>
                <th scope="col" className="p-2">{texts.minPostingDays}</th>
                <th scope="col" className="p-2">{texts.thresholdPercent}</th>
                <th scope="col" className="p-2">{texts.requiresBroadcast}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.category} className="border-b border-stone-200" data-testid={`legal-${c.category}`}>
                  <th scope="row" className="p-2 align-top font-medium">{c.name}</th>
                  {figure(c, "minCommentDays", `${texts.floor} ${c.floors.minCommentDays} — ${c.floors.commentCitation}`)}
                  {c.floors.maxCommentDays !== null ? figure(c, "maxCommentDays", `${texts.ceiling} ${c.floors.maxCommentDays} — ${c.floors.commentCitation}`) : <td className="p-2 align-top">—</td>}
                  {figure(c, "minPostingDays", `${texts.floor} ${c.floors.minPostingDays} — ${c.floors.postingCitation}`)}
                  {c.floors.thresholdPercent !== null ? figure(c, "thresholdPercent", `${texts.floor} ${c.floors.thresholdPercent}%`) : <td className="p-2 align-top">—</td>}
                  <td className="p-2 align-top">
                    <label className="flex min-h-11 items-center gap-2">
                      <input type="checkbox" className="h-5 w-5" checked={broadcast[c.category] ?? false} onChange={(e) => setBroadcast((b) => ({ ...b, [c.category]: e.target.checked }))} aria-label={`${texts.requiresBroadcast} — ${c.name}`} />
                    </label>
                    {err(`legal.${c.category}.requiresBroadcast`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-xl font-semibold">{texts.recipientsHeading}</legend>
        <p className={hint}>{texts.recipientsHint}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {DOC_TYPES.map((d) => (
            <div key={d}>
              <label htmlFor={`recipients-${d}`} className={label}>{texts.docTypes[d]}</label>
              <textarea id={`recipients-${d}`} rows={4} value={recipients[d]} onChange={(e) => setRecipients((r) => ({ ...r, [d]: e.target.value }))} className={input} />
            </div>
          ))}
        </div>
        {err("recipients")}
      </fieldset>

      <button type="submit" className={buttonPrimary} disabled={pending}>{texts.save}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
