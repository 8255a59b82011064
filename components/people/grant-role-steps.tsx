"use client";

// Granting a role in two steps: find the account and show whose it is (name, end of the phone number),
// then grant. An administrator sees the person before giving them any power over the commune.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { ActionForm, type ActionField } from "@/components/forms/action-form";
import { buttonPrimary, buttonSecondary, input, label } from "@/components/ui/styles";
import { grantRoleAction, lookUpGranteeAction } from "@/lib/people/official-actions";

export type GrantTexts = Record<"identifier" | "lookUp" | "lookUpAgain" | "grant" | "granted" | "proposed", string> & {
  /** With {name} and {phone}. */
  found: string;
  noPhone: string;
  grantTo: string;
};

export function GrantRoleSteps({ communeId, fields, texts }: { communeId: string; fields: ActionField[]; texts: GrantTexts }) {
  const tErrors = useTranslations("errors");
  const id = useId();
  const [identifier, setIdentifier] = useState("");
  const [found, setFound] = useState<{ name: string; phone: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function lookUp(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await lookUpGranteeAction({ communeId, identifier });
      if (result?.data) setFound(result.data);
      else if (result?.serverError) setError(tErrors(result.serverError.code, result.serverError.params));
      else if (result?.validationErrors) {
        const key = result.validationErrors.fieldErrors.identifier?.[0] ?? "invalidInput";
        setError(tErrors.has(key) ? tErrors(key) : tErrors("invalidInput"));
      } else setError(tErrors("unexpected", { id: "network" }));
    } finally {
      setPending(false);
    }
  }

  if (!found) {
    return (
      <form onSubmit={lookUp} className="space-y-3" noValidate>
        <div>
          <label htmlFor={`${id}-identifier`} className={label}>{texts.identifier}</label>
          <input id={`${id}-identifier`} name="identifier" className={input} maxLength={200} required value={identifier} onChange={(e) => setIdentifier(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>{texts.lookUp}</button>
        {error ? <p id={`${id}-error`} role="alert" className="font-medium text-flag-700">{error}</p> : null}
      </form>
    );
  }
  const name = found.name;
  return (
    <div className="space-y-3">
      <p aria-live="polite" data-testid="grantee" className="rounded-lg bg-stone-100 p-3 font-medium">
        {texts.found.replace("{name}", name).replace("{phone}", found.phone ?? texts.noPhone)}
      </p>
      <ActionForm
        action={grantRoleAction}
        fixed={{ communeId, identifier }}
        fields={fields}
        legend={texts.grantTo.replace("{name}", name)}
        submitLabel={texts.grant}
        successMessage={texts.granted}
        pendingMessage={texts.proposed}
      />
      <button type="button" className={buttonSecondary} onClick={() => { setFound(null); setError(null); }}>{texts.lookUpAgain}</button>
    </div>
  );
}
