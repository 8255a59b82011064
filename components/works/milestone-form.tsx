"use client";

// Staff post a dated milestone of a work: what happened, photos (uploaded first, their metadata stripped
// on the server), a new progress and a status change. What was typed stays after an error.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, fieldError, hint, input, label } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";
import { postMilestoneAction } from "@/lib/works/actions";

import { uploadWorkPhotos } from "./upload-photos";

export function MilestoneForm({ communeId, slug, workId, today, statuses }: { communeId: string; slug: string; workId: string; today: string; statuses: { value: string; label: string }[] }) {
  const t = useTranslations("works.staff");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
      const photos = form.getAll("photos").filter((f) => f instanceof File && f.size > 0);
      if (photos.length > 4) {
        setErrors({ photos: tErrors("workTooManyPhotos") });
        setMessage({ ok: false, text: tErrors("invalidInput") });
        return;
      }
      const uploaded = await uploadWorkPhotos(slug, photos);
      if ("error" in uploaded) {
        setErrors({ photos: uploaded.error ? tErrors(uploaded.error.code, uploaded.error.params) : tErrors("unexpected", { id: "upload" }) });
        setMessage({ ok: false, text: tErrors("invalidInput") });
        return;
      }
      const text = (name: string) => String(form.get(name) ?? "");
      const result = await postMilestoneAction({ communeId, workId, occurredOn: text("occurredOn"), body: text("body"), progress: text("progress") as never, toStatus: text("toStatus") as never, photoIds: uploaded.ids });
      if (result?.data) {
        element.reset();
        setMessage({ ok: true, text: t("posted") });
        router.refresh();
        return;
      }
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) if (v?.[0]) fields[k] = translate(v[0]);
      const server = result?.serverError;
      for (const [k, v] of Object.entries(server?.fields ?? {})) fields[k] = translate(v);
      setErrors(fields);
      setMessage({ ok: false, text: server ? tErrors(server.code, server.params) : tErrors("invalidInput") });
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p id={`ms-${name}-error`} className={fieldError}>{errors[name]}</p> : null);
  const described = (name: string, extra?: string) => {
    const ids = [errors[name] ? `ms-${name}-error` : null, extra].filter(Boolean).join(" ");
    return { ...(errors[name] ? { "aria-invalid": true } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div>
        <label htmlFor="ms-occurredOn" className={label}>{t("occurredOn")}</label>
        <input id="ms-occurredOn" name="occurredOn" type="date" defaultValue={today} max={today} className={input} {...described("occurredOn")} />
        {err("occurredOn")}
      </div>
      <div>
        <label htmlFor="ms-body" className={label}>{t("body")}</label>
        <textarea id="ms-body" name="body" rows={3} maxLength={5000} className={input} {...described("body")} />
        {err("body")}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="ms-progress" className={label}>{t("newProgress")}</label>
          <input id="ms-progress" name="progress" type="number" min={0} max={100} step={1} className={input} {...described("progress", "ms-progress-hint")} />
          <p id="ms-progress-hint" className={hint}>{t("newProgressHint")}</p>
          {err("progress")}
        </div>
        <div>
          <label htmlFor="ms-toStatus" className={label}>{t("newStatus")}</label>
          <select id="ms-toStatus" name="toStatus" className={input} {...described("toStatus")}>
            <option value="">{t("noStatusChange")}</option>
            {statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
          {err("toStatus")}
        </div>
      </div>
      <div>
        <label htmlFor="ms-photos" className={label}>{t("photos")}</label>
        <input id="ms-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple className={input} {...described("photos")} />
        {err("photos")}
        {err("photoIds")}
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("post")}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
