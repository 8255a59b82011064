"use client";

// A resident files a petition or feedback: kind, category, text, optional photos (uploaded first, their
// metadata stripped on the server), an optional point (the phone's position), public or private. What
// was typed stays after an error; success opens the new case's page.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { fileCaseAction } from "@/lib/cases/actions";

import { useCaseSubmit } from "./use-case-submit";

type Option = { value: string; label: string };

export function CaseForm({ communeId, slug, casesPath, categories, villages }: { communeId: string; slug: string; casesPath: string; categories: Option[]; villages: Option[] }) {
  const t = useTranslations("cases");
  const router = useRouter();
  const { pending, submit, err, described, status, setMessage } = useCaseSubmit("case");
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [kind, setKind] = useState("PETITION");

  function locate() {
    navigator.geolocation?.getCurrentPosition(
      (p) => setPoint({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 }),
      () => setMessage({ ok: false, text: t("locationFailed") }),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const filed = await submit(slug, form.getAll("photos"), (photoIds) =>
      fileCaseAction({
        communeId,
        kind: text("kind") as never,
        categoryId: text("categoryId"),
        title: text("title"),
        body: text("body"),
        villageId: text("villageId"),
        address: text("address"),
        isPublic: form.get("isPublic") === "on",
        notifyBySms: form.get("notifyBySms") === "on",
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        photoIds,
      }),
    );
    if (filed) router.push(`${casesPath}/${filed.number}`);
  }

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
      {status}
    </form>
  );
}
