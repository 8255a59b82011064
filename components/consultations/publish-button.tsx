"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary } from "@/components/ui/styles";
import { publishConsultationAction } from "@/lib/consultations/actions";

export function PublishButton({ communeId, consultationId }: { communeId: string; consultationId: string }) {
  const t = useTranslations("staff");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { executeAsync, isPending } = useAction(publishConsultationAction);

  async function publish() {
    if (!window.confirm(t("publishConfirm"))) return;
    const result = await executeAsync({ communeId, consultationId });
    if (result?.serverError) setMessage({ ok: false, text: tErrors(result.serverError.code, result.serverError.params) });
    else if (result?.data) {
      setMessage({ ok: true, text: t("published") });
      router.refresh();
    } else setMessage({ ok: false, text: tErrors("invalidInput") });
  }

  return (
    <div className="space-y-2">
      <button type="button" className={buttonPrimary} onClick={publish} disabled={isPending}>
        {isPending ? t("publishing") : t("publish")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
