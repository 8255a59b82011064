"use client";

// A member records a site visit: date, place, notes and photos (uploaded first, their metadata
// stripped on the server, then named by the visit). What was typed stays after an error.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, fieldError, input, label } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";
import { recordSupervisionVisitAction } from "@/lib/supervision/actions";

import { uploadSupervisionPhotos } from "./upload-photos";

export function VisitForm({ communeId, slug, boardId, today }: { communeId: string; slug: string; boardId: string; today: string }) {
  const t = useTranslations("supervision");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const uploaded = await uploadSupervisionPhotos(slug, boardId, form.getAll("photos"));
      if ("error" in uploaded) {
        setErrors({ photos: uploaded.error ? tErrors(uploaded.error.code, uploaded.error.params) : tErrors("unexpected", { id: "upload" }) });
        setMessage({ ok: false, text: tErrors("invalidInput") });
        return;
      }
      const result = await recordSupervisionVisitAction({
        communeId,
        boardId,
        visitedOn: String(form.get("visitedOn") ?? ""),
        place: String(form.get("place") ?? ""),
        notes: String(form.get("notes") ?? ""),
        photoIds: uploaded.ids,
      });
      if (result?.data) {
        element.reset();
        setMessage({ ok: true, text: t("visitRecorded") });
        router.refresh();
        return;
      }
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) if (v?.[0]) fields[k] = translate(v[0]);
      for (const [k, v] of Object.entries(result?.serverError?.fields ?? {})) fields[k] = translate(v);
      setErrors(fields);
      setMessage({ ok: false, text: result?.serverError ? tErrors(result.serverError.code, result.serverError.params) : tErrors("invalidInput") });
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p id={`visit-${name}-error`} className={fieldError}>{errors[name]}</p> : null);
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `visit-${name}-error` } : {});
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div>
        <label htmlFor="visit-visitedOn" className={label}>{t("visitedOn")}</label>
        <input id="visit-visitedOn" name="visitedOn" type="date" defaultValue={today} max={today} className={input} {...described("visitedOn")} />
        {err("visitedOn")}
      </div>
      <div>
        <label htmlFor="visit-place" className={label}>{t("place")}</label>
        <input id="visit-place" name="place" maxLength={300} className={input} {...described("place")} />
        {err("place")}
      </div>
      <div>
        <label htmlFor="visit-notes" className={label}>{t("notes")}</label>
        <textarea id="visit-notes" name="notes" rows={4} maxLength={5000} className={input} {...described("notes")} />
        {err("notes")}
      </div>
      <div>
        <label htmlFor="visit-photos" className={label}>{t("photos")}</label>
        <input id="visit-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple className={input} {...described("photos")} />
        <p className="mt-1 text-sm text-stone-700">{t("photosHint")}</p>
        {err("photos")}
        {err("photoIds")}
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("recordVisit")}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
