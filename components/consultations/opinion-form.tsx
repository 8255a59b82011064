"use client";

import { useSession } from "@/lib/auth/client-session";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { LazyGeometryMap } from "@/components/map/lazy";
import type { ConsultationMapProps } from "@/components/map/types";
import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { Stance } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { postOpinionAction } from "@/lib/participation/actions";
import { encodeMessage } from "@/lib/i18n/message-key";
import { OPINION_MAX_LENGTH, OPINION_MIN_LENGTH } from "@/lib/participation/limits";
import type { OpinionInput } from "@/lib/participation/schemas";

export type OpinionFormProps = {
  communeId: string;
  communeSlug: string;
  consultationId: string;
  isOpen: boolean;
  sections: { id: string; heading: string }[];
  map: ConsultationMapProps | null;
  /** The upload limit in MB, to refuse a too large photo before sending it. */
  maxUploadMb: number;
};

export function OpinionForm(props: OpinionFormProps) {
  const t = useTranslations("opinionForm");
  const tActions = useTranslations("opinionActions");
  const [locating, setLocating] = useState(false);
  const [locationNote, setLocationNote] = useState<string | null>(null);
  const [photo, setPhoto] = useState<{ id: string; preview: string } | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const locale = useLocale();

  async function uploadPhoto(file: File) {
    setPhotoError(null);
    if (file.size > props.maxUploadMb * 1024 * 1024) {
      setPhotoError(tErrors("uploadTooLarge", { maxMb: props.maxUploadMb }));
      return;
    }
    setPhotoBusy(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/consultations/${props.consultationId}/opinion-photos?commune=${props.communeId}&locale=${locale}`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { id?: string; message?: string } | null;
      if (!response.ok || !json?.id) {
        setPhotoError(json?.message ?? tErrors("unexpected", { id: String(response.status) }));
        return;
      }
      form.setValue("photoId", json.id);
      setPhoto({ id: json.id, preview: URL.createObjectURL(file) });
    } catch {
      setPhotoError(tErrors("unexpected", { id: "network" }));
    } finally {
      setPhotoBusy(false);
    }
  }
  const tErrors = useTranslations("errors");
  const tStance = useTranslations("enums.Stance");
  const { data: session, status } = useSession();
  const router = useRouter();
  const ids = { body: useId(), stance: useId(), section: useId(), banner: useId() };
  const [banner, setBanner] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  // The server validates everything (the action's schema); the browser checks the length at once,
  // with the same messages, without shipping zod.
  const form = useForm<OpinionInput>({
    defaultValues: {
      communeId: props.communeId,
      consultationId: props.consultationId,
      body: "",
      stance: null,
      lat: null,
      lng: null,
      sectionId: null,
      parentId: null,
      photoId: null,
    },
  });
  const { executeAsync, isPending } = useAction(postOpinionAction);
  const body = useWatch({ control: form.control, name: "body" }) ?? "";
  const lat = useWatch({ control: form.control, name: "lat" });
  const lng = useWatch({ control: form.control, name: "lng" });

  if (status === "loading") return null;
  const membership = session?.user?.memberships.find((m) => m.communeId === props.communeId && m.role === "RESIDENT");
  const notice = !props.isOpen
    ? t("closed")
    : !session?.user
      ? null
      : !membership
        ? t("notResident")
        : membership.status !== "VERIFIED"
          ? t("notVerified")
          : null;

  if (!session?.user && props.isOpen) {
    return (
      <p className="rounded-xl border border-stone-200 bg-white p-4">
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${props.communeSlug}/consultations/${props.consultationId}#opinion-form`)}`}>
          {t("signInToComment")}
        </Link>
      </p>
    );
  }
  if (notice) return <p className="rounded-xl border border-stone-200 bg-white p-4">{notice}</p>;

  const onSubmit = form.handleSubmit(async (values) => {
    setBanner(null);
    setSent(null);
    const result = await executeAsync(values);
    const problem = applyActionErrors(result, form.setError, tErrors);
    if (problem) {
      setBanner(problem);
      return;
    }
    setSent(result?.data?.number ?? null);
    form.reset({ ...form.getValues(), body: "", stance: null, lat: null, lng: null, sectionId: null, photoId: null });
    setPhoto(null);
    router.refresh();
  });

  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-4" aria-describedby={banner ? ids.banner : undefined}>
      <h3 className="text-lg font-semibold">{t("title")}</h3>
      <p className="text-sm text-stone-700">{t("publicName", { name: session?.user?.name ?? "" })}</p>
      {banner ? (
        <p id={ids.banner} role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      {sent !== null ? (
        <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
          {t("sent", { number: sent })}
        </p>
      ) : null}

      <fieldset>
        <legend className={label}>{t("stance")}</legend>
        <div className="flex flex-wrap gap-2">
          {Object.values(Stance).map((s) => (
            <label key={s} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input type="radio" value={s} {...form.register("stance", { setValueAs: (v) => (v ? v : null) })} />
              {tStance(s)}
            </label>
          ))}
        </div>
      </fieldset>

      {props.sections.length > 1 ? (
        <div>
          <label htmlFor={ids.section} className={label}>
            {t("section")}
          </label>
          <select id={ids.section} className={input} {...form.register("sectionId", { setValueAs: (v) => (v ? v : null) })}>
            <option value="">{t("noSection")}</option>
            {props.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.heading}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <div>
        <label htmlFor={ids.body} className={label}>
          {t("body")}
        </label>
        <textarea
          id={ids.body}
          rows={5}
          maxLength={OPINION_MAX_LENGTH}
          className={input}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${ids.body}-hint ${ids.body}-error`}
          {...form.register("body", {
            validate: (v) => {
              const length = (v ?? "").trim().length;
              if (length < OPINION_MIN_LENGTH) return "opinionTooShort";
              if (length > OPINION_MAX_LENGTH) return encodeMessage("opinionTooLong", { max: OPINION_MAX_LENGTH });
              return true;
            },
          })}
        />
        <p id={`${ids.body}-hint`} className={hint}>
          {t("bodyHint")} {t("charactersLeft", { count: OPINION_MAX_LENGTH - body.length })}
        </p>
        <FieldError id={`${ids.body}-error`} message={errors.body?.message} />
      </div>

      <div>
        <label htmlFor={`${ids.body}-photo`} className={label}>
          {t("photo")}
        </label>
        <input
          id={`${ids.body}-photo`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="block w-full text-sm"
          aria-describedby={`${ids.body}-photo-hint`}
          disabled={photoBusy}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) await uploadPhoto(file);
          }}
        />
        <p id={`${ids.body}-photo-hint`} className={hint}>
          {t("photoHint", { maxMb: props.maxUploadMb })}
        </p>
        {photoBusy ? <p role="status">{t("photoUploading")}</p> : null}
        {photoError ? (
          <p role="alert" className="text-sm font-medium text-flag-700">
            {photoError}
          </p>
        ) : null}
        {photo ? (
          <div className="mt-2 flex items-end gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file */}
            <img src={photo.preview} alt={t("photoPreviewAlt")} className="max-h-32 rounded border border-stone-300" />
            <button
              type="button"
              className={buttonSecondary}
              onClick={() => {
                setPhoto(null);
                form.setValue("photoId", null);
              }}
            >
              {t("photoRemove")}
            </button>
          </div>
        ) : null}
      </div>

      {props.map ? (
        <div>
          <p className={label}>{t("pin")}</p>
          <p className={hint}>{t("pinHint")}</p>
          <p className={hint}>{t("pinKeyboardHint")}</p>
          <div className="mt-2">
            <LazyGeometryMap
              settings={props.map.settings}
              boundaries={props.map.boundaries}
              geometry={props.map.geometry}
              bounds={props.map.bounds}
              layerNames={props.map.layerNames}
              label={t("pin")}
              pickLabel={t("pin")}
              className="h-64 w-full overflow-hidden rounded-xl border border-stone-300"
              picked={lat !== null && lat !== undefined && lng !== null && lng !== undefined ? { lat, lng } : null}
              onPick={(la, ln) => {
                form.setValue("lat", la);
                form.setValue("lng", ln);
                form.clearErrors("lat");
              }}
            />
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonSecondary}
              disabled={locating}
              onClick={() => {
                setLocationNote(null);
                if (!navigator.geolocation) return setLocationNote(tActions("locationUnavailable"));
                setLocating(true);
                navigator.geolocation.getCurrentPosition(
                  ({ coords }) => {
                    setLocating(false);
                    const [[south, west], [north, east]] = props.map!.bounds;
                    const inside = coords.latitude >= south && coords.latitude <= north && coords.longitude >= west && coords.longitude <= east;
                    if (!inside) return setLocationNote(tActions("locationOutside"));
                    form.setValue("lat", coords.latitude);
                    form.setValue("lng", coords.longitude);
                  },
                  () => {
                    setLocating(false);
                    setLocationNote(tActions("locationUnavailable"));
                  },
                  { enableHighAccuracy: true, timeout: 15_000 },
                );
              }}
            >
              📍 {locating ? tActions("locating") : tActions("useMyLocation")}
            </button>
            {lat !== null && lat !== undefined ? (
              <button type="button" className={buttonSecondary} onClick={() => { form.setValue("lat", null); form.setValue("lng", null); }}>
                {t("removePin")}
              </button>
            ) : null}
          </div>
          {locationNote ? <p role="status" className="mt-1 text-sm text-stone-800">{locationNote}</p> : null}
          <FieldError id="pin-error" message={(errors as Record<string, { message?: string }>).pin?.message ?? errors.lat?.message} />
        </div>
      ) : null}

      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
