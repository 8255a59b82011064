"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, hint, input, label } from "@/components/ui/styles";
import { redeemInviteAction } from "@/lib/people/actions";
import { redeemInviteSchema } from "@/lib/people/schemas";

type Values = { communeId: string; inviteCode: string };

export function RedeemInviteForm({ communeId }: { communeId: string }) {
  const t = useTranslations("people.status");
  const tErrors = useTranslations("errors");
  const id = useId();
  const router = useRouter();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(redeemInviteSchema), defaultValues: { communeId, inviteCode: "" } });
  const { executeAsync, isPending } = useAction(redeemInviteAction);

  const onSubmit = form.handleSubmit(async (values) => {
    setBanner(null);
    const problem = applyActionErrors(await executeAsync(values), form.setError, tErrors);
    if (problem) setBanner(problem);
    else router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-code`} className={label}>
          {t("inviteCode")}
        </label>
        <input
          id={`${id}-code`}
          className={input}
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={form.formState.errors.inviteCode ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          {...form.register("inviteCode")}
        />
        <p id={`${id}-hint`} className={hint}>
          {t("inviteCodeHint")}
        </p>
        <FieldError id={`${id}-error`} message={form.formState.errors.inviteCode?.message} />
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("redeeming") : t("redeem")}
      </button>
    </form>
  );
}
