"use client";

// More villages for an existing commune: the same editor, checked against the villages it has.
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { MapSettings } from "@/components/map/types";
import { buttonPrimary } from "@/components/ui/styles";
import { addVillagesAction } from "@/lib/setup/actions";

import { type ErrorTexts, failureOf } from "@/components/forms/server-texts";
import { type Area, type VillageRow, VillagesEditor, type VillagesTexts } from "./villages-editor";

export function AddVillagesForm({
  communeId,
  existing,
  settings,
  locale,
  bounds,
  texts,
  errorTexts,
}: {
  communeId: string;
  existing: { id: string; name: string; boundary: Area | null }[];
  settings: MapSettings;
  locale: string;
  bounds: [[number, number], [number, number]];
  texts: VillagesTexts & { submit: string; added: string };
  errorTexts: ErrorTexts;
}) {
  const router = useRouter();
  const [rows, setRows] = useState<VillageRow[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const result = await addVillagesAction({ communeId, villages: rows });
      const failed = failureOf(result, errorTexts);
      if (failed) {
        setMessage({ ok: false, text: failed.banner });
        return;
      }
      setRows([]);
      setMessage({ ok: true, text: texts.added });
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <VillagesEditor rows={rows} onChange={setRows} communeId={communeId} existing={existing} settings={settings} locale={locale} texts={texts} errorTexts={errorTexts} fallbackBounds={bounds} />
      <button type="submit" className={buttonPrimary} disabled={pending || rows.length === 0}>{texts.submit}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
