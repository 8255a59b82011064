"use client";

// Staff upload a scan of the dossier (request, minutes, adopted text): the route judges it by its content.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { buttonPrimary, input, label } from "@/components/ui/styles";

const KINDS = ["REQUEST", "MINUTES", "ADOPTED_TEXT"] as const;

export function DossierUpload({ slug, versionId }: { slug: string; versionId: string }) {
  const t = useTranslations("conventions.staff");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("REQUEST");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: tErrors("conventionFileRequired") });
    setBusy(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.set("kind", kind);
      body.set("file", file);
      const response = await fetch(`/api/communes/${slug}/conventions/versions/${versionId}/files`, { method: "POST", body });
      const result = (await response.json().catch(() => null)) as { error?: { code: string; params?: Record<string, string | number> } } | null;
      if (!response.ok) return setMessage({ ok: false, text: result?.error && tErrors.has(result.error.code) ? tErrors(result.error.code, result.error.params) : tErrors("uploadFailed") });
      setMessage({ ok: true, text: t("uploaded") });
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
    } catch {
      setMessage({ ok: false, text: tErrors("uploadFailed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="space-y-2" noValidate>
      <label htmlFor={`${id}-kind`} className={label}>
        {t("fileKind")}
      </label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} className={input}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`fileValue.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-file`} className={label}>
        {t("file")}
      </label>
      <input id={`${id}-file`} ref={fileRef} type="file" name="file" accept="application/pdf,image/jpeg,image/png,image/webp" className={input} />
      <button type="submit" className={buttonPrimary} disabled={busy}>
        {busy ? t("uploading") : t("upload")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
