"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, hint, input, label } from "@/components/ui/styles";
import { VOTE_CHANNEL_VALUES, type VoteSettingsInput, voteSettingsSchema } from "@/lib/participation/ballot-schemas";
import { updateVoteSettingsAction } from "@/lib/participation/vote-actions";

type Props = { communeId: string; consultationId: string; initial: Omit<VoteSettingsInput, "communeId" | "consultationId"> };

/** The vote channels, the prior notice of an online vote, and whether results show live. */
export function VoteSettingsForm({ communeId, consultationId, initial }: Props) {
  const t = useTranslations("ballotStaff.ballot");
  const tChannel = useTranslations("enums.Channel");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<VoteSettingsInput>({ resolver: zodResolver(voteSettingsSchema), defaultValues: { communeId, consultationId, ...initial } });
  const channels = useWatch({ control: form.control, name: "channels" });
  const { executeAsync, isPending } = useAction(updateVoteSettingsAction);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      setSaved(false);
      const result = await executeAsync(values);
      const problem = applyActionErrors(result, form.setError, tErrors);
      if (problem) return setBanner(problem);
      setSaved(true);
      router.refresh();
    },
    () => setBanner(tErrors("invalidInput")),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("settings")}
      </h2>
      <p className={hint}>{t("settingsHint")}</p>
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
          {t("settingsSaved")}
        </p>
      ) : null}
      <fieldset aria-describedby={`${id}-channels-error`}>
        <legend className={label}>{t("channels")}</legend>
        <div className="flex flex-wrap gap-2">
          {VOTE_CHANNEL_VALUES.map((c) => (
            <label key={c} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input type="checkbox" value={c} className="size-5" {...form.register("channels")} />
              {tChannel(c)}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-channels-error`} message={errors.channels?.message ?? errors.channels?.root?.message} />
      </fieldset>
      {channels?.includes("WEB") ? (
        <div>
          <label htmlFor={`${id}-notice`} className={label}>
            {t("noticeOn")}
          </label>
          <input id={`${id}-notice`} type="date" className={input} aria-invalid={errors.onlineVoteNoticeOn ? true : undefined} aria-describedby={`${id}-notice-hint ${id}-notice-error`} {...form.register("onlineVoteNoticeOn", { setValueAs: (v: string) => (v ? v : null) })} />
          <p id={`${id}-notice-hint`} className={hint}>
            {t("noticeHint")}
          </p>
          <FieldError id={`${id}-notice-error`} message={errors.onlineVoteNoticeOn?.message} />
        </div>
      ) : null}
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="size-5" {...form.register("showResultsLive")} />
        {t("showResultsLive")}
      </label>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("saving") : t("saveSettings")}
      </button>
    </form>
  );
}
