"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { toVnDate } from "@/lib/consultations/periods";
import { recordPostingAction, updatePostingAction } from "@/lib/disclosure/actions";
import { REQUIRED_BROADCAST_DAYS, longestConsecutiveRun } from "@/lib/disclosure/broadcast-days";
import { type PostingInput, RECORDABLE_CHANNELS, type RecordableChannel, postingSchema } from "@/lib/disclosure/schemas";
import { encodeMessage } from "@/lib/i18n/message-key";

export type RecordedPosting = {
  id: string;
  channel: RecordableChannel;
  location: string;
  startsAt: string;
  endsAt: string | null;
  broadcastDates: string[];
  photoId: string | null;
  note: string;
};

type Props = {
  communeId: string;
  communeSlug: string;
  consultationId: string;
  maxUploadMb: number;
  locationSuggestions: string[];
  /** A record being corrected; a new record otherwise. */
  editing: RecordedPosting | null;
  /** After a record is saved, with the message to show. */
  onSaved: (message: string) => void;
  onCancel: () => void;
};

const LOUDSPEAKER_PLACE = "Đài truyền thanh xã";
const shortDate = (d: string) => d.split("-").reverse().map((p, i) => (i < 2 ? String(Number(p)) : p)).join("/");

/** Only the fields of the chosen channel travel: a loudspeaker record has days, the others a period. */
function forChannel(values: PostingInput): PostingInput {
  return values.channel === "LOUDSPEAKER"
    ? { ...values, startsAt: null, endsAt: null, photoId: null }
    : { ...values, broadcastDates: [] };
}

const baseResolver = zodResolver(postingSchema);
const resolver: Resolver<PostingInput> = (values, context, options) =>
  (baseResolver as unknown as Resolver<PostingInput>)(forChannel(values), context, options);

export function PostingForm({ communeId, communeSlug, consultationId, maxUploadMb, locationSuggestions, editing, onSaved, onCancel }: Props) {
  const t = useTranslations("postings");
  const tChannel = useTranslations("disclosure.channels");
  const tErrors = useTranslations("errors");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const ids = { location: useId(), startsAt: useId(), endsAt: useId(), photo: useId(), day: useId(), note: useId(), banner: useId(), suggestions: useId(), run: useId() };
  const today = toVnDate(new Date());
  const [banner, setBanner] = useState<string | null>(null);
  const [day, setDay] = useState(today);
  const [photo, setPhoto] = useState<{ state: "idle" | "uploading" | "uploaded" | "kept"; preview: string | null }>({ state: editing?.photoId ? "kept" : "idle", preview: null });

  const defaults: PostingInput = {
    communeId,
    consultationId,
    channel: editing?.channel ?? "NOTICE_BOARD",
    location: editing?.location ?? "",
    startsAt: editing?.startsAt ?? today,
    endsAt: editing?.endsAt ?? null,
    broadcastDates: editing?.broadcastDates ?? [],
    photoId: editing?.photoId ?? null,
    note: editing?.note ?? "",
  };
  const form = useForm<PostingInput>({ resolver, defaultValues: defaults });
  const channel = useWatch({ control: form.control, name: "channel" });
  const dates = useWatch({ control: form.control, name: "broadcastDates" }) ?? [];
  const record = useAction(recordPostingAction);
  const update = useAction(updatePostingAction);
  const isPending = record.isPending || update.isPending;
  const isLoudspeaker = channel === "LOUDSPEAKER";
  const run = longestConsecutiveRun(dates);

  useEffect(() => () => {
    if (photo.preview) URL.revokeObjectURL(photo.preview);
  }, [photo.preview]);

  function chooseChannel(next: RecordableChannel) {
    form.setValue("channel", next);
    const location = form.getValues("location");
    if (next === "LOUDSPEAKER" && !location) form.setValue("location", LOUDSPEAKER_PLACE);
    if (next !== "LOUDSPEAKER" && location === LOUDSPEAKER_PLACE) form.setValue("location", "");
  }

  function addDay() {
    form.clearErrors("broadcastDates");
    if (!day) return;
    if (dates.includes(day)) {
      form.setError("broadcastDates", { message: "broadcastDateTwice" });
      return;
    }
    form.setValue("broadcastDates", [...dates, day].sort(), { shouldDirty: true });
  }

  async function upload(file: File | undefined) {
    form.clearErrors("photoId");
    if (!file) return;
    setPhoto({ state: "uploading", preview: null });
    const body = new FormData();
    body.set("file", file);
    try {
      const response = await fetch(`/api/communes/${encodeURIComponent(communeSlug)}/disclosure/photos?lang=${locale}`, { method: "POST", body });
      const json = (await response.json()) as { id?: string; error?: string; params?: Record<string, string | number> };
      if (!response.ok || !json.id) throw Object.assign(new Error("upload"), { code: json.error ?? "unexpected", params: json.params ?? { id: String(response.status) } });
      form.setValue("photoId", json.id, { shouldDirty: true });
      setPhoto({ state: "uploaded", preview: URL.createObjectURL(file) });
    } catch (error) {
      const { code = "unexpected", params = { id: "network" } } = error as { code?: string; params?: Record<string, string | number> };
      form.setValue("photoId", null);
      form.setError("photoId", { message: encodeMessage(code, params) });
      setPhoto({ state: "idle", preview: null });
    }
  }

  function removePhoto() {
    form.setValue("photoId", null, { shouldDirty: true });
    setPhoto({ state: "idle", preview: null });
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setBanner(null);
    const clean = forChannel(values);
    const result = editing ? await update.executeAsync({ ...clean, postingId: editing.id }) : await record.executeAsync(clean);
    const problem = applyActionErrors(result, form.setError, tErrors);
    if (problem) {
      setBanner(problem);
      return;
    }
    form.reset({ ...defaults, channel: clean.channel, location: clean.channel === "LOUDSPEAKER" ? LOUDSPEAKER_PLACE : "", startsAt: today, endsAt: null, broadcastDates: [], photoId: null, note: "" });
    setPhoto({ state: "idle", preview: null });
    router.refresh();
    onSaved(editing ? t("updated") : t("saved"));
  });

  const errors = form.formState.errors;
  const startLabel = channel === "NOTICE_BOARD" ? t("startsAtNoticeBoard") : t("startsAt");
  const endLabel = channel === "NOTICE_BOARD" ? t("endsAtNoticeBoard") : t("endsAt");
  const locationHint = channel === "NOTICE_BOARD" || channel === "LOUDSPEAKER" ? t(`locationHint.${channel}`) : t("locationHint.other");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={banner ? ids.banner : undefined} data-testid="posting-form">
      {banner ? (
        <p id={ids.banner} role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}

      <fieldset disabled={Boolean(editing)}>
        <legend className={label}>{t("channel")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {RECORDABLE_CHANNELS.map((c) => (
            <label key={c} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => chooseChannel(c)} className="h-5 w-5" />
              {tChannel(c)}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor={ids.location} className={label}>
          {t("location")}
        </label>
        <input
          id={ids.location}
          list={ids.suggestions}
          className={input}
          aria-invalid={errors.location ? true : undefined}
          aria-describedby={`${ids.location}-hint ${ids.location}-error`}
          {...form.register("location")}
        />
        <datalist id={ids.suggestions}>
          {locationSuggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <p id={`${ids.location}-hint`} className={hint}>
          {locationHint}
        </p>
        <FieldError id={`${ids.location}-error`} message={errors.location?.message} />
      </div>

      {isLoudspeaker ? (
        <fieldset className="space-y-2">
          <legend className={label}>{t("broadcastDates")}</legend>
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={ids.day} className="mb-1 block text-sm font-medium">
                {t("broadcastDay")}
              </label>
              <input id={ids.day} type="date" className={input} value={day} max={today} onChange={(e) => setDay(e.target.value)} />
            </div>
            <button type="button" className={buttonSecondary} onClick={addDay}>
              {t("addDate")}
            </button>
          </div>
          {dates.length === 0 ? <p className="text-sm">{t("noDates")}</p> : null}
          <ul className="flex flex-wrap gap-2" aria-label={t("broadcastDates")}>
            {dates.map((d) => (
              <li key={d} className="inline-flex items-center gap-1 rounded-full border border-stone-400 bg-white pl-3">
                <span>{shortDate(d)}</span>
                <button
                  type="button"
                  className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full text-lg"
                  aria-label={t("removeDate", { date: shortDate(d) })}
                  onClick={() => form.setValue("broadcastDates", dates.filter((x) => x !== d), { shouldDirty: true })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <p id={ids.run} aria-live="polite" className={run.days >= REQUIRED_BROADCAST_DAYS ? "font-medium text-green-900" : "font-medium text-amber-950"} data-testid="broadcast-run">
            {run.days >= REQUIRED_BROADCAST_DAYS ? t("runMet", { days: run.days, required: REQUIRED_BROADCAST_DAYS }) : t("runShort", { days: run.days, required: REQUIRED_BROADCAST_DAYS })}
          </p>
          <FieldError id={`${ids.day}-error`} message={errors.broadcastDates?.message ?? errors.broadcastDates?.root?.message} />
        </fieldset>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={ids.startsAt} className={label}>
                {startLabel}
              </label>
              <input id={ids.startsAt} type="date" max={today} className={input} aria-invalid={errors.startsAt ? true : undefined} aria-describedby={`${ids.startsAt}-error`} {...form.register("startsAt")} />
              <FieldError id={`${ids.startsAt}-error`} message={errors.startsAt?.message} />
            </div>
            <div>
              <label htmlFor={ids.endsAt} className={label}>
                {endLabel} <span className="font-normal text-stone-700">({tCommon("optional")})</span>
              </label>
              <input id={ids.endsAt} type="date" className={input} aria-invalid={errors.endsAt ? true : undefined} aria-describedby={`${ids.endsAt}-hint ${ids.endsAt}-error`} {...form.register("endsAt")} />
              <p id={`${ids.endsAt}-hint`} className={hint}>
                {t("endsAtHint")}
              </p>
              <FieldError id={`${ids.endsAt}-error`} message={errors.endsAt?.message} />
            </div>
          </div>
          <div>
            <label htmlFor={ids.photo} className={label}>
              {t("photo")}
            </label>
            <input
              id={ids.photo}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-stone-400 file:bg-white file:px-4"
              aria-describedby={`${ids.photo}-hint ${ids.photo}-status ${ids.photo}-error`}
              aria-invalid={errors.photoId ? true : undefined}
              onChange={(e) => void upload(e.target.files?.[0])}
            />
            <p id={`${ids.photo}-hint`} className={hint}>
              {t("photoHint", { maxMb: maxUploadMb })}
            </p>
            <p id={`${ids.photo}-status`} role="status" className="mt-1 text-sm font-medium">
              {photo.state === "uploading" ? t("photoUploading") : photo.state === "uploaded" ? t("photoUploaded") : photo.state === "kept" ? t("photoKept") : null}
            </p>
            {photo.preview ? (
              // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file
              <img src={photo.preview} alt={t("photoPreview")} className="mt-2 max-h-48 w-auto rounded-lg border border-stone-300" />
            ) : null}
            {photo.state === "uploaded" || photo.state === "kept" ? (
              <button type="button" className={`${buttonSecondary} mt-2`} onClick={removePhoto}>
                {t("photoRemove")}
              </button>
            ) : null}
            <FieldError id={`${ids.photo}-error`} message={errors.photoId?.message} />
          </div>
        </>
      )}

      <div>
        <label htmlFor={ids.note} className={label}>
          {t("note")} <span className="font-normal text-stone-700">({tCommon("optional")})</span>
        </label>
        <textarea id={ids.note} rows={2} className={input} aria-invalid={errors.note ? true : undefined} aria-describedby={`${ids.note}-error`} {...form.register("note")} />
        <FieldError id={`${ids.note}-error`} message={errors.note?.message} />
      </div>

      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonPrimary} disabled={isPending || photo.state === "uploading"}>
          {isPending ? t("saving") : editing ? t("saveChanges") : t("save")}
        </button>
        {editing ? (
          <button type="button" className={buttonSecondary} onClick={onCancel}>
            {t("cancelEdit")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
