"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import type { LabelledCollection } from "@/components/map/types";
import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { createConsultationAction, updateConsultationAction } from "@/lib/consultations/actions";
import type { PeriodFields } from "@/lib/consultations/edit-rules";
import { CATEGORY_RULES, categoriesOfKind } from "@/lib/consultations/legal-rules";
import { type ConsultationUpdateInput, consultationEditSchema, consultationSchema } from "@/lib/consultations/schemas";
import { Channel, MatterKind, Subject } from "@/lib/generated/prisma/enums";
import { useRouter } from "@/lib/i18n/client-navigation";

import { type EditorMapProps, MapField } from "./map-field";

/** A new draft, or an edit of an existing consultation (after publication every save is a public version). */
export type FormMode =
  | { kind: "create" }
  | { kind: "edit"; consultationId: string; expectedUpdatedAt: string; published: PeriodFields | null };

type Props = {
  communeId: string;
  communeSlug: string;
  villages: { id: string; name: string }[];
  map: EditorMapProps;
  /** Every field's starting value: blank for a new draft, the consultation's for an edit. */
  initial: Omit<ConsultationUpdateInput, "consultationId" | "expectedUpdatedAt">;
  mode: FormMode;
};

const section = "space-y-4 rounded-xl border border-stone-200 bg-white p-4";

export function ConsultationForm({ communeId, communeSlug, villages, map, initial, mode }: Props) {
  const t = useTranslations("staff.form");
  const tp = useTranslations("publishing");
  const tEnum = useTranslations("enums");
  const tRule = useTranslations("legalRules");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<string | null>(null);
  const isEdit = mode.kind === "edit";
  const published = mode.kind === "edit" ? mode.published : null;

  // The same rules as the server: a new draft's, or an edit's judged against what was published.
  // Fixed for the life of the form: what was published does not change while it is edited (and the
  // server judges again anyway).
  const [resolver] = useState(() => (mode.kind === "edit" ? zodResolver(consultationEditSchema(published)) : zodResolver(consultationSchema)));
  const form = useForm<ConsultationUpdateInput>({
    resolver: resolver as never,
    defaultValues: {
      ...initial,
      communeId,
      consultationId: mode.kind === "edit" ? mode.consultationId : "new",
      expectedUpdatedAt: mode.kind === "edit" ? mode.expectedUpdatedAt : new Date(0).toISOString(),
    },
  });
  const sections = useFieldArray({ control: form.control, name: "sections", keyName: "key" });
  const create = useAction(createConsultationAction);
  const update = useAction(updateConsultationAction);
  const isPending = create.isPending || update.isPending;
  const errors = form.formState.errors;
  const kind = useWatch({ control: form.control, name: "matterKind" });
  const category = useWatch({ control: form.control, name: "legalCategory" });
  const isCommuneWide = useWatch({ control: form.control, name: "isCommuneWide" });
  const rule = CATEGORY_RULES[category];

  const onSubmit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      const { consultationId: _id, expectedUpdatedAt: _at, changeNote, ...fields } = values;
      const result =
        mode.kind === "edit"
          ? // The latest token from the page: an attachment change refreshes it without touching the form.
            await update.executeAsync({ ...fields, changeNote, consultationId: mode.consultationId, expectedUpdatedAt: mode.expectedUpdatedAt })
          : await create.executeAsync(fields);
      const problem = applyActionErrors(result, form.setError, tErrors);
      if (problem) {
        setBanner(problem);
        return;
      }
      if (result?.data) {
        router.push(`/${communeSlug}/staff/consultations/${result.data.id}`);
        router.refresh();
      }
    },
    () => setBanner(tErrors("invalidInput")),
  );

  const err = (name: string) => {
    const path = name.split(".");
    let node: unknown = errors;
    for (const p of path) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  const fid = (name: string) => `${id}-${name.replace(/\./g, "-")}`;
  const text = (name: Parameters<typeof form.register>[0], labelText: string, opts: { hint?: string; type?: string; area?: boolean } = {}) => (
    <div>
      <label htmlFor={fid(name)} className={label}>
        {labelText}
      </label>
      {opts.area ? (
        <textarea id={fid(name)} rows={4} className={input} aria-invalid={err(name) ? true : undefined} aria-describedby={`${fid(name)}-error`} {...form.register(name)} />
      ) : (
        <input id={fid(name)} type={opts.type ?? "text"} className={input} aria-invalid={err(name) ? true : undefined} aria-describedby={`${fid(name)}-error`} {...form.register(name, opts.type === "date" ? { setValueAs: (v: string) => (v ? v : null) } : undefined)} />
      )}
      {opts.hint ? <p className={hint}>{opts.hint}</p> : null}
      <FieldError id={`${fid(name)}-error`} message={err(name)} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("basics")}</legend>
        {text("title", t("title"))}
        {text("summary", t("summary"), { hint: t("summaryHint"), area: true })}
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor={fid("matterKind")} className={label}>
              {t("matterKind")}
            </label>
            <select
              id={fid("matterKind")}
              className={input}
              {...form.register("matterKind", {
                onChange: (e) => form.setValue("legalCategory", categoriesOfKind(e.target.value as MatterKind)[0]!),
              })}
            >
              {Object.values(MatterKind).map((k) => (
                <option key={k} value={k}>
                  {tEnum(`MatterKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={fid("legalCategory")} className={label}>
              {t("legalCategory")}
            </label>
            <select id={fid("legalCategory")} className={input} aria-describedby={`${fid("legalCategory")}-error`} {...form.register("legalCategory")}>
              {categoriesOfKind(kind).map((c) => (
                <option key={c} value={c}>
                  {tEnum(`LegalCategory.${c}`)}
                </option>
              ))}
            </select>
            <FieldError id={`${fid("legalCategory")}-error`} message={err("legalCategory")} />
          </div>
          <div>
            <label htmlFor={fid("subject")} className={label}>
              {t("subject")}
            </label>
            <select id={fid("subject")} className={input} {...form.register("subject")}>
              {Object.values(Subject).map((s) => (
                <option key={s} value={s}>
                  {tEnum(`Subject.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {text("legalBasis", t("legalBasis"), { area: true })}
        {text("responsibleOfficer", t("responsibleOfficer"))}
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("scope")}</legend>
        <Controller
          control={form.control}
          name="isCommuneWide"
          render={({ field }) => (
            <div className="flex flex-wrap gap-4">
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="radio" checked={field.value} onChange={() => field.onChange(true)} />
                {t("wholeCommune")}
              </label>
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="radio" checked={!field.value} onChange={() => field.onChange(false)} />
                {t("someVillages")}
              </label>
            </div>
          )}
        />
        {!isCommuneWide ? (
          <div className="grid gap-1 sm:grid-cols-3">
            {villages.map((v) => (
              <label key={v.id} className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" value={v.id} {...form.register("villageIds")} />
                {v.name}
              </label>
            ))}
            <FieldError id={`${fid("villageIds")}-error`} message={err("villageIds")} />
          </div>
        ) : null}
        <fieldset>
          <legend className={label}>{t("channels")}</legend>
          <div className="grid gap-1 sm:grid-cols-4">
            {Object.values(Channel).map((c) => (
              <label key={c} className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" value={c} {...form.register("allowedChannels")} />
                {tEnum(`Channel.${c}`)}
              </label>
            ))}
          </div>
          <FieldError id={`${fid("allowedChannels")}-error`} message={err("allowedChannels")} />
        </fieldset>
        {kind === "DECISION" ? (
          <label className="flex items-start gap-3">
            <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" {...form.register("onlineVoteNoticeGiven")} />
            <span>{t("onlineVoteNoticeGiven")}</span>
          </label>
        ) : null}
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("periods")}</legend>
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950" data-testid="period-rule">
          {rule.maxCommentDays ? t("minMaxDays", { min: rule.minCommentDays, max: rule.maxCommentDays }) : t("minDays", { min: rule.minCommentDays })}
          {" · "}
          {t("periodRule", { rule: tRule(rule.rule) })}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("commentStartsAt", t("commentStartsAt"), { type: "date" })}
          {text("commentEndsAt", t("commentEndsAt"), { type: "date" })}
          {text("postingStartsAt", t("postingStartsAt"), { type: "date" })}
          {text("postingEndsAt", t("postingEndsAt"), { type: "date" })}
        </div>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" {...form.register("requiresBroadcast")} />
          <span>{t("requiresBroadcast")}</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" {...form.register("showResultsLive")} />
          <span>{t("showResultsLive")}</span>
        </label>
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("map")}</legend>
        <p className={hint}>{t("mapHint")}</p>
        <Controller
          control={form.control}
          name="geometry"
          render={({ field }) => (
            <MapField communeId={communeId} map={map} value={(field.value as LabelledCollection | null) ?? null} onChange={field.onChange} />
          )}
        />
        <FieldError id={`${fid("geometry")}-error`} message={err("geometry")} />
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("sections")}</legend>
        <FieldError id={`${fid("sections")}-error`} message={err("sections")} />
        {sections.fields.map((s, i) => (
          <div key={s.key} className="space-y-2 rounded-lg border border-stone-200 p-3">
            {text(`sections.${i}.heading`, `${i + 1}. ${t("sectionHeading")}`)}
            {text(`sections.${i}.body`, t("sectionBody"), { area: true })}
            {sections.fields.length > 1 ? (
              <button type="button" className={buttonSecondary} onClick={() => sections.remove(i)}>
                {t("removeSection")}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className={buttonSecondary} onClick={() => sections.append({ heading: "", body: "" })}>
          {t("addSection")}
        </button>
      </fieldset>

      {isEdit && published ? (
        <fieldset className={section}>
          <legend className="px-1 text-lg font-semibold">{tp("versionTitle")}</legend>
          <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950">{tp("publishedEditNotice")}</p>
          {text("changeNote", tp("changeNote"), { hint: tp("changeNoteHint"), area: true })}
        </fieldset>
      ) : null}

      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("saving") : isEdit ? tp("saveChanges") : t("save")}
      </button>
    </form>
  );
}
