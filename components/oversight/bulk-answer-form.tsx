"use client";

// One answer for a group of similar opinions: the checkboxes beside each opinion belong to this form
// through their `form` attribute, so the selection needs no client state.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";
import { answerOpinionsAction } from "@/lib/reports/answer-actions";

export function BulkAnswerForm({ communeId, consultationId, kinds }: { communeId: string; consultationId: string; kinds: { value: string; label: string }[] }) {
  const t = useTranslations("answers");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    setPending(true);
    setMessage(null);
    try {
      const result = await answerOpinionsAction({
        communeId,
        consultationId,
        opinionIds: data.getAll("opinionIds").map(String),
        kind: String(data.get("kind")) as never,
        body: String(data.get("body") ?? ""),
      });
      if (result?.data) {
        setMessage({ ok: true, text: t("bulkSaved", { count: result.data.count }) });
        element.reset();
        for (const box of document.querySelectorAll<HTMLInputElement>('input[form="bulk-answer"]')) box.checked = false;
        router.refresh();
      } else {
        const raw = result?.validationErrors ? Object.values(result.validationErrors.fieldErrors).flat()[0] : undefined;
        const { key, params } = decodeMessage(raw ?? result?.serverError?.code ?? "unexpected");
        setMessage({ ok: false, text: tErrors.has(key) ? tErrors(key, { id: "network", ...params, ...result?.serverError?.params }) : key });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form id="bulk-answer" onSubmit={onSubmit} className="space-y-3 rounded-xl border border-brand-100 bg-brand-50 p-4" noValidate>
      <p className="font-semibold">{t("bulkTitle")}</p>
      <p className="text-sm">{t("bulkHint")}</p>
      <div>
        <label htmlFor={`${id}-kind`} className={label}>
          {t("kind")}
        </label>
        <select id={`${id}-kind`} name="kind" className={input}>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-body`} className={label}>
          {t("body")}
        </label>
        <textarea id={`${id}-body`} name="body" rows={3} maxLength={10_000} className={input} />
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("save")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
