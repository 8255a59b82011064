"use client";

// A resident files a petition or feedback: kind, category, text, optional photos (uploaded first, their
// metadata stripped on the server), an optional point (the phone's position), public or private. What
// was typed stays after an error; success opens the new case's page.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, buttonSecondary, fieldError, hint, input, label } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";
import { fileCaseAction } from "@/lib/cases/actions";
import { decodeMessage } from "@/lib/i18n/message-key";

import { uploadCasePhotos } from "./upload-photos";

type Option = { value: string; label: string };

export function CaseForm({ communeId, slug, casesPath, categories, villages }: { communeId: string; slug: string; casesPath: string; categories: Option[]; villages: Option[] }) {
  const t = useTranslations("cases");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [kind, setKind] = useState("PETITION");

  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  function locate() {
    navigator.geolocation?.getCurrentPosition(
      (p) => setPoint({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 }),
      () => setBanner(t("locationFailed")),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setBanner(null);
    setErrors({});
    try {
      const uploaded = await uploadCasePhotos(slug, form.getAll("photos"));
      if ("error" in uploaded) {
        setErrors({ photos: uploaded.error ? tErrors(uploaded.error.code, uploaded.error.params) : tErrors("unexpected", { id: "upload" }) });
        setBanner(tErrors("invalidInput"));
        return;
      }
      const photoIds = uploaded.ids;
      const result = await fileCaseAction({
        communeId,
        kind: String(form.get("kind")) as never,
        categoryId: String(form.get("categoryId") ?? ""),
        title: String(form.get("title") ?? ""),
        body: String(form.get("body") ?? ""),
        villageId: String(form.get("villageId") ?? ""),
        address: String(form.get("address") ?? ""),
        isPublic: form.get("isPublic") === "on",
        notifyBySms: form.get("notifyBySms") === "on",
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        photoIds,
      });
      if (result?.data) {
        router.push(`${casesPath}/${result.data.number}`);
        return;
      }
      const fields: Record<string, string> = {};
      if (result?.validationErrors) for (const [k, v] of Object.entries(result.validationErrors.fieldErrors)) if (v?.[0]) fields[k] = translate(v[0]);
      const server = result?.serverError as ActionServerError | undefined;
      for (const [k, v] of Object.entries(server?.fields ?? {})) fields[k] = translate(v);
      setErrors(fields);
      setBanner(server ? tErrors(server.code, server.params) : tErrors("invalidInput"));
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) =>
    errors[name] ? (
      <p id={`case-${name}-error`} className={fieldError}>
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `case-${name}-error` } : {});
  const privateKind = kind === "COMPLAINT" || kind === "DENUNCIATION";

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="case-kind" className={label}>{t("kind")}</label>
        <select id="case-kind" name="kind" className={input} value={kind} onChange={(e) => setKind(e.target.value)}>
          {(["PETITION", "FEEDBACK", "COMPLAINT", "DENUNCIATION"] as const).map((k) => (
            <option key={k} value={k}>{t(`kinds.${k}`)}</option>
          ))}
        </select>
        <p className={hint}>{privateKind ? t("privateKindHint") : t("kindHint")}</p>
      </div>
      <div>
        <label htmlFor="case-categoryId" className={label}>{t("category")}</label>
        <select id="case-categoryId" name="categoryId" className={input} {...described("categoryId")}>
          <option value="">{t("chooseCategory")}</option>
          {categories.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
        {err("categoryId")}
      </div>
      <div>
        <label htmlFor="case-title" className={label}>{t("titleLabel")}</label>
        <input id="case-title" name="title" maxLength={200} className={input} {...described("title")} />
        {err("title")}
      </div>
      <div>
        <label htmlFor="case-body" className={label}>{t("bodyLabel")}</label>
        <textarea id="case-body" name="body" rows={5} maxLength={5000} className={input} {...described("body")} />
        {err("body")}
      </div>
      <div>
        <label htmlFor="case-villageId" className={label}>{t("village")}</label>
        <select id="case-villageId" name="villageId" className={input}>
          <option value="">{t("noVillage")}</option>
          {villages.map((v) => <option key={v.value} value={v.value}>{v.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="case-address" className={label}>{t("address")}</label>
        <input id="case-address" name="address" maxLength={300} className={input} />
      </div>
      <div className="space-y-1">
        <button type="button" className={buttonSecondary} onClick={locate}>{t("useLocation")}</button>
        <p className={hint} role="status">{point ? t("locationSet", { lat: point.lat, lng: point.lng }) : t("locationHint")}</p>
        {err("lat")}
      </div>
      <div>
        <label htmlFor="case-photos" className={label}>{t("photos")}</label>
        <input id="case-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple className={input} {...described("photos")} />
        <p className={hint}>{t("photosHint")}</p>
        {err("photos")}
        {err("photoIds")}
      </div>
      {!privateKind ? (
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="isPublic" defaultChecked className="h-5 w-5" />
          {t("isPublic")}
        </label>
      ) : null}
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="notifyBySms" className="h-5 w-5" />
        {t("notifyBySms")}
      </label>
      {err("senderPhone")}
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("submit")}</button>
      {banner ? <p role="alert" className="font-medium text-flag-700">{banner}</p> : null}
    </form>
  );
}
