"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonSecondary } from "@/components/ui/styles";
import { setRepresentativeAction } from "@/lib/people/actions";

export function RepresentativeButton({ communeId, householdId, residentId, name }: { communeId: string; householdId: string; residentId: string; name: string }) {
  const t = useTranslations("people.residents");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { executeAsync, isPending } = useAction(setRepresentativeAction);

  async function mark() {
    setError(null);
    const result = await executeAsync({ communeId, householdId, residentId });
    if (result?.serverError) setError(tErrors(result.serverError.code, result.serverError.params));
    else if (result?.data) router.refresh();
    else setError(tErrors("invalidInput"));
  }

  return (
    <div>
      <button type="button" className={`${buttonSecondary} min-h-11 px-3 py-1 text-sm`} onClick={mark} disabled={isPending}>
        {isPending ? t("saving") : t("makeRepresentative")}
        {/* Who it is for, for screen readers; the visible text starts the name (WCAG 2.5.3). */}
        <span className="sr-only">{t("forPerson", { name })}</span>
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-flag-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
