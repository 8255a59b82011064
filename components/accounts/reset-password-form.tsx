"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";

import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/accounts/actions";

import { Field } from "./password-field";
import { useActionOutcome } from "./use-action-state";

/** Two steps: the phone number (a code is sent if it has an account), then the code and a new password. */
export function ResetPasswordForm({ signInHref }: { signInHref: string }) {
  const t = useTranslations("accounts");
  const id = useId();
  const request = useActionOutcome();
  const reset = useActionOutcome();
  const [sent, setSent] = useState<{ phone: string; minutes: number } | null>(null);
  const [done, setDone] = useState(false);

  async function onRequest(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const phone = String(new FormData(event.currentTarget).get("phone") ?? "");
    const data = await request.run(() => requestPasswordResetAction({ phone }));
    if (data) setSent({ phone, minutes: data.minutes });
  }

  async function onReset(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = await reset.run(() =>
      resetPasswordAction({ phone: sent!.phone, code: String(form.get("code") ?? ""), newPassword: String(form.get("newPassword") ?? "") }),
    );
    if (data) setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-3">
        <p role="status" className="font-medium text-green-900">
          {t("resetDone")}
        </p>
        <Link href={signInHref} className={buttonPrimary}>
          {t("signInLink")}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onRequest} className="space-y-4" noValidate>
        <Field id={`${id}-phone`} name="phone" type="tel" inputMode="tel" text={t("phone")} autoComplete="tel" error={request.fields.phone} />
        <button type="submit" className={sent ? buttonSecondary : buttonPrimary} disabled={request.pending}>
          {sent ? t("sendAgain") : t("sendCode")}
        </button>
        {request.banner ? (
          <p role="alert" className="font-medium text-flag-700">
            {request.banner}
          </p>
        ) : sent ? (
          <p role="status" className="font-medium text-green-900">
            {t("codeSent", { phone: sent.phone, minutes: sent.minutes })}
          </p>
        ) : null}
      </form>
      {sent ? (
        <form onSubmit={onReset} className="space-y-4" noValidate>
          <Field id={`${id}-code`} name="code" type="text" inputMode="numeric" text={t("code")} autoComplete="one-time-code" error={reset.fields.code} />
          <Field id={`${id}-new`} name="newPassword" text={t("newPassword")} autoComplete="new-password" error={reset.fields.newPassword} />
          <button type="submit" className={buttonPrimary} disabled={reset.pending}>
            {t("resetSubmit")}
          </button>
          {reset.banner ? (
            <p role="alert" className="font-medium text-flag-700">
              {reset.banner}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
