"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { issueInviteAction } from "@/lib/people/actions";

type Invite = { code: string; expiresAt: string; fullName: string; birthYear: number | null; village: string; householdCode: string };

/**
 * A village head prints a code for one person of their village. The code is shown once, on a slip
 * meant to be printed and handed over; only its hash is kept.
 */
export function InviteButton({ communeId, communeName, residentId, name, registerUrl }: { communeId: string; communeName: string; residentId: string; name: string; registerUrl: string }) {
  const t = useTranslations("people.invite");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { executeAsync, isPending } = useAction(issueInviteAction);

  async function issue() {
    if (invite && !window.confirm(t("replaceConfirm"))) return;
    setError(null);
    const result = await executeAsync({ communeId, residentId });
    if (result?.serverError) setError(tErrors(result.serverError.code, result.serverError.params));
    else if (result?.data) setInvite(result.data);
    else setError(tErrors("invalidInput"));
  }

  return (
    <div className="space-y-2">
      <button type="button" className={`${buttonSecondary} min-h-11 px-3 py-1 text-sm`} onClick={issue} disabled={isPending}>
        {isPending ? t("issuing") : invite ? t("issueAgain") : t("issue")}
        <span className="sr-only">{t("forPerson", { name })}</span>
      </button>
      {error ? (
        <p role="alert" className="text-sm font-medium text-flag-700">
          {error}
        </p>
      ) : null}
      {invite ? (
        // Printing shows the slip alone.
        <style>{"@media print { body * { visibility: hidden; } .invite-slip, .invite-slip * { visibility: visible; } .invite-slip { position: absolute; inset: 0 auto auto 0; } }"}</style>
      ) : null}
      {invite ? (
        <div className="invite-slip space-y-2 rounded-lg border-2 border-dashed border-stone-500 bg-white p-4" data-testid="invite-slip" role="status">
          <p className="font-semibold">{t("slipTitle", { commune: communeName })}</p>
          <p>
            {t("slipFor", { name: invite.fullName, year: invite.birthYear ?? "—", village: invite.village })}
          </p>
          <p className="font-mono text-3xl font-bold tracking-widest" data-testid="invite-code">
            {invite.code}
          </p>
          <p className="text-sm">{t("slipHow", { url: registerUrl })}</p>
          <p className="text-sm">{t("slipExpires", { date: format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium" }) })}</p>
          <button type="button" className={`${buttonPrimary} print:hidden`} onClick={() => window.print()}>
            {t("print")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
