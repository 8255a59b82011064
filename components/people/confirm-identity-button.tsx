"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonSecondary } from "@/components/ui/styles";
import { confirmIdentityAction } from "@/lib/people/identity-actions";

/** Staff or the village head confirm, having seen the person, that a list-matched account is theirs: the account may then vote. */
export function ConfirmIdentityButton({ communeId, residentId, name }: { communeId: string; residentId: string; name: string }) {
  const t = useTranslations("people.identity");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { executeAsync, isPending } = useAction(confirmIdentityAction);

  async function confirm() {
    if (!window.confirm(t("confirmQuestion", { name }))) return;
    setMessage(null);
    const result = await executeAsync({ communeId, residentId });
    if (result?.data) {
      setMessage({ ok: true, text: t("confirmed") });
      router.refresh();
    } else setMessage({ ok: false, text: tErrors(result?.serverError?.code ?? "invalidInput", result?.serverError?.params) });
  }

  return (
    <div className="space-y-1">
      <button type="button" className={`${buttonSecondary} min-h-11 px-3 py-1 text-sm`} onClick={confirm} disabled={isPending}>
        {t("confirm")}
        <span className="sr-only">{t("forPerson", { name })}</span>
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm font-medium ${message.ok ? "text-green-900" : "text-flag-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
