"use client";

// The staff form of a work: title, description, the place drawn on the map (the consultation's editor),
// villages, the consultation, outcome notice and opinions it answers, dates, investor, contractor and
// supervisor, and the budget split by source. What was typed stays after an error.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { type EditorMapProps, MapField } from "@/components/consultations/map-field";
import type { LabelledCollection } from "@/components/map/types";
import { buttonPrimary, buttonSecondary, fieldError, hint, input, label } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";
import { decodeMessage } from "@/lib/i18n/message-key";
import { saveWorkAction } from "@/lib/works/actions";

export type BudgetRow = { source: string; amountVnd: string; labourDays: string; spentVnd: string; spentDays: string; note: string };
export type WorkFormValues = {
  title: string;
  description: string;
  villageIds: string[];
  consultationId: string | null;
  outcomeNoticeId: string | null;
  opinionNumbers: string;
  startOn: string;
  endOn: string;
  investor: string;
  contractor: string;
  supervisor: string;
  geometry: LabelledCollection | null;
  budget: BudgetRow[];
};

const SOURCES = ["STATE_BUDGET", "RESIDENT_CASH", "LABOUR_DAYS", "SPONSOR", "OTHER"] as const;
const emptyRow = (): BudgetRow => ({ source: "STATE_BUDGET", amountVnd: "", labourDays: "", spentVnd: "", spentDays: "", note: "" });

export function WorkForm({
  communeId,
  slug,
  workId,
  villages,
  map,
  initial,
}: {
  communeId: string;
  slug: string;
  workId: string | null;
  villages: { id: string; name: string }[];
  map: EditorMapProps;
  initial: WorkFormValues;
}) {
  const t = useTranslations("works.staff");
  const tw = useTranslations("works");
  const tEnum = useTranslations("enums.WorkFundSource");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [values, setValues] = useState<WorkFormValues>(initial);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof WorkFormValues>(key: K, value: WorkFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setRow = (i: number, key: keyof BudgetRow, value: string) => setValues((v) => ({ ...v, budget: v.budget.map((r, j) => (j === i ? { ...r, [key]: value } : r)) }));
  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const numbers = values.opinionNumbers.split(/[\s,;]+/).filter(Boolean).map(Number);
      const result = await saveWorkAction({
        communeId,
        workId,
        title: values.title,
        description: values.description,
        geometry: values.geometry && values.geometry.features.length > 0 ? values.geometry : null,
        villageIds: values.villageIds,
        consultationId: values.consultationId,
        outcomeNoticeId: values.outcomeNoticeId,
        opinionNumbers: numbers,
        startOn: values.startOn,
        endOn: values.endOn,
        investor: values.investor,
        contractor: values.contractor,
        supervisor: values.supervisor,
        budget: values.budget as never,
      });
      if (result?.data) {
        setMessage({ ok: true, text: t("saved") });
        if (!workId) router.push(`/${slug}/staff/works/${result.data.workId}`);
        else router.refresh();
        return;
      }
      const fields: Record<string, string> = {};
      const fieldErrors = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
      for (const [k, v] of Object.entries(fieldErrors)) if (v?.[0]) fields[k] = translate(v[0]);
      const server: ActionServerError | undefined = result?.serverError;
      for (const [k, v] of Object.entries(server?.fields ?? {})) {
        // A budget line's error names its line ({n}): shown with the whole message under the budget.
        if (k.startsWith("budget")) fields.budget = tErrors(server!.code, server!.params);
        else fields[k] = tErrors.has(v) ? tErrors(v, server!.params) : translate(v);
      }
      setErrors(fields);
      setMessage({ ok: false, text: server && Object.keys(server.fields ?? {}).length === 0 ? tErrors(server.code, server.params) : tErrors("invalidInput") });
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p id={`work-${name}-error`} className={fieldError}>{errors[name]}</p> : null);
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `work-${name}-error` } : {});
  const text = (name: "title" | "investor" | "contractor" | "supervisor", caption: string, max = 300) => (
    <div>
      <label htmlFor={`work-${name}`} className={label}>{caption}</label>
      <input id={`work-${name}`} value={values[name]} maxLength={max} onChange={(e) => set(name, e.target.value)} className={input} {...described(name)} />
      {err(name)}
    </div>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {text("title", t("title_"), 200)}
      <div>
        <label htmlFor="work-description" className={label}>{t("description")}</label>
        <textarea id="work-description" rows={5} maxLength={10000} value={values.description} onChange={(e) => set("description", e.target.value)} className={input} {...described("description")} />
        {err("description")}
      </div>
      <fieldset>
        <legend className={label}>{t("map")}</legend>
        <MapField communeId={communeId} map={map} value={values.geometry} onChange={(g) => set("geometry", g)} />
        {err("geometry")}
      </fieldset>
      <fieldset>
        <legend className={label}>{tw("villages")}</legend>
        <div className="flex flex-wrap gap-x-4">
          {villages.map((v) => (
            <label key={v.id} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={values.villageIds.includes(v.id)}
                onChange={(e) => set("villageIds", e.target.checked ? [...values.villageIds, v.id] : values.villageIds.filter((id) => id !== v.id))}
              />
              {v.name}
            </label>
          ))}
        </div>
        {err("villageIds")}
      </fieldset>
      {values.consultationId ? (
        <div>
          <label htmlFor="work-opinionNumbers" className={label}>{t("opinionNumbers")}</label>
          <input id="work-opinionNumbers" value={values.opinionNumbers} maxLength={500} onChange={(e) => set("opinionNumbers", e.target.value)} className={input} aria-describedby="work-opinionNumbers-hint" />
          <p id="work-opinionNumbers-hint" className={hint}>{t("opinionNumbersHint")}</p>
          {err("opinionNumbers")}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="work-startOn" className={label}>{tw("startOn")}</label>
          <input id="work-startOn" type="date" value={values.startOn} onChange={(e) => set("startOn", e.target.value)} className={input} {...described("startOn")} />
          {err("startOn")}
        </div>
        <div>
          <label htmlFor="work-endOn" className={label}>{tw("endOn")}</label>
          <input id="work-endOn" type="date" value={values.endOn} onChange={(e) => set("endOn", e.target.value)} className={input} {...described("endOn")} />
          {err("endOn")}
        </div>
      </div>
      {text("investor", tw("investor"))}
      {text("contractor", tw("contractor"))}
      {text("supervisor", tw("supervisor"))}
      <fieldset className="space-y-3" aria-describedby="work-budget-hint">
        <legend className={label}>{t("budget")}</legend>
        <p id="work-budget-hint" className={hint}>{t("budgetHint")}</p>
        {values.budget.map((row, i) => (
          <fieldset key={i} className="grid gap-2 rounded-lg border border-stone-300 p-3 sm:grid-cols-3" data-testid="budget-line">
            <legend className="px-1 text-sm font-medium">{t("line", { n: i + 1 })}</legend>
            <div>
              <label htmlFor={`budget-${i}-source`} className={label}>{tw("source")}</label>
              <select id={`budget-${i}-source`} value={row.source} onChange={(e) => setRow(i, "source", e.target.value)} className={input}>
                {SOURCES.map((s) => <option key={s} value={s}>{tEnum(s)}</option>)}
              </select>
            </div>
            {row.source === "LABOUR_DAYS" ? (
              <>
                <div>
                  <label htmlFor={`budget-${i}-labourDays`} className={label}>{t("labourDaysField")}</label>
                  <input id={`budget-${i}-labourDays`} inputMode="numeric" value={row.labourDays} onChange={(e) => setRow(i, "labourDays", e.target.value)} className={input} />
                </div>
                <div>
                  <label htmlFor={`budget-${i}-spentDays`} className={label}>{t("spentDays")}</label>
                  <input id={`budget-${i}-spentDays`} inputMode="numeric" value={row.spentDays} onChange={(e) => setRow(i, "spentDays", e.target.value)} className={input} />
                </div>
              </>
            ) : (
              <>
                <div>
                  <label htmlFor={`budget-${i}-amountVnd`} className={label}>{t("amountVnd")}</label>
                  <input id={`budget-${i}-amountVnd`} inputMode="numeric" value={row.amountVnd} onChange={(e) => setRow(i, "amountVnd", e.target.value)} className={input} />
                </div>
                <div>
                  <label htmlFor={`budget-${i}-spentVnd`} className={label}>{t("spentVnd")}</label>
                  <input id={`budget-${i}-spentVnd`} inputMode="numeric" value={row.spentVnd} onChange={(e) => setRow(i, "spentVnd", e.target.value)} className={input} />
                </div>
              </>
            )}
            <div className="sm:col-span-2">
              <label htmlFor={`budget-${i}-note`} className={label}>{t("note")}</label>
              <input id={`budget-${i}-note`} value={row.note} maxLength={300} onChange={(e) => setRow(i, "note", e.target.value)} className={input} />
            </div>
            <div className="flex items-end">
              <button type="button" className={buttonSecondary} onClick={() => set("budget", values.budget.filter((_, j) => j !== i))}>{t("removeLine", { n: i + 1 })}</button>
            </div>
          </fieldset>
        ))}
        {err("budget")}
        {values.budget.length < 12 ? (
          <button type="button" className={buttonSecondary} onClick={() => set("budget", [...values.budget, emptyRow()])}>{t("addLine")}</button>
        ) : null}
      </fieldset>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("save")}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
