"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { buttonPrimary } from "@/components/ui/styles";
import { changePasswordAction } from "@/lib/accounts/actions";
import { signOut } from "@/lib/auth/client-session";

import { Field } from "./password-field";
import { useActionOutcome } from "./use-action-state";

/** The old password and a new one. On success every session ends, this one too: sign in again. */
export function ChangePasswordForm({ signInHref }: { signInHref: string }) {
  const t = useTranslations("accounts");
  const id = useId();
  const { pending, banner, fields, run } = useActionOutcome();
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = await run(() =>
      changePasswordAction({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") }),
    );
    if (data) {
      setDone(true);
      await signOut(signInHref);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id={`${id}-current`} name="currentPassword" text={t("currentPassword")} autoComplete="current-password" error={fields.currentPassword} />
      <Field id={`${id}-new`} name="newPassword" text={t("newPassword")} autoComplete="new-password" error={fields.newPassword} />
      <button type="submit" className={buttonPrimary} disabled={pending || done}>
        {t("changeSubmit")}
      </button>
      {done ? (
        <p role="status" className="font-medium text-green-900">
          {t("changed")}
        </p>
      ) : banner ? (
        <p role="alert" className="font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
    </form>
  );
}
