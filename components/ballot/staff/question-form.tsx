"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { QuestionKind, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";
import { type QuestionInput, questionSchema } from "@/lib/participation/ballot-schemas";
import { addQuestionAction } from "@/lib/participation/vote-actions";

type Props = {
  communeId: string;
  consultationId: string;
  /** From the matter category's rule and the commune's settings. */
  defaults: { votingUnit: VotingUnit; thresholdRule: ThresholdRule; thresholdPercent: number; quorumPercent: number | null; secret: boolean };
  categoryName: string;
};

const box = "space-y-4 rounded-xl border border-stone-200 bg-white p-4";

export function QuestionForm({ communeId, consultationId, defaults, categoryName }: Props) {
  const t = useTranslations("ballotStaff.ballot");
  const tEnum = useTranslations("enums");
  const tSecret = useTranslations("ballotStaff.secretBallot");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const initial: QuestionInput = {
    communeId,
    consultationId,
    text: "",
    kind: "YES_NO_ABSTAIN",
    votingUnit: defaults.votingUnit,
    options: [
      { label: "", isAffirmative: false },
      { label: "", isAffirmative: false },
    ],
    maxChoices: 1,
    thresholdRule: defaults.thresholdRule,
    thresholdPercent: defaults.thresholdPercent,
    quorumPercent: defaults.quorumPercent,
    secret: defaults.secret,
  };
  const form = useForm<QuestionInput>({ resolver: zodResolver(questionSchema), defaultValues: initial });
  const options = useFieldArray({ control: form.control, name: "options" });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { executeAsync, isPending } = useAction(addQuestionAction);
  const errors = form.formState.errors;
  const fid = (name: string) => `${id}-${name.replace(/\./g, "-")}`;

  const onSubmit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      setDone(false);
      // A yes/no question's options are fixed; what was typed for other kinds is not sent.
      const result = await executeAsync(values.kind === "YES_NO_ABSTAIN" ? { ...values, options: [] } : values);
      const problem = applyActionErrors(result, form.setError, tErrors);
      if (problem) {
        setBanner(problem);
        return;
      }
      setDone(true);
      form.reset(initial);
      router.refresh();
    },
    () => setBanner(tErrors("invalidInput")),
  );

  const numberField = (name: "thresholdPercent" | "quorumPercent" | "maxChoices", text: string, opts: { nullable?: boolean; hintText?: string } = {}) => (
    <div>
      <label htmlFor={fid(name)} className={label}>
        {text}
      </label>
      <input
        id={fid(name)}
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step="any"
        className={input}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${fid(name)}-error`}
        {...form.register(name, { setValueAs: (v: string) => (v === "" ? (opts.nullable ? null : Number.NaN) : Number(v)) })}
      />
      {opts.hintText ? <p className={hint}>{opts.hintText}</p> : null}
      <FieldError id={`${fid(name)}-error`} message={errors[name]?.message} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className={box} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("add")}
      </h2>
      <p className={hint}>{t("defaultsFrom", { category: categoryName })}</p>
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
          {t("added")}
        </p>
      ) : null}

      <div>
        <label htmlFor={fid("text")} className={label}>
          {t("text")}
        </label>
        <textarea id={fid("text")} rows={3} className={input} aria-invalid={errors.text ? true : undefined} aria-describedby={`${fid("text")}-hint ${fid("text")}-error`} {...form.register("text")} />
        <p id={`${fid("text")}-hint`} className={hint}>
          {t("textHint")}
        </p>
        <FieldError id={`${fid("text")}-error`} message={errors.text?.message} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={fid("kind")} className={label}>
            {t("kind")}
          </label>
          <select id={fid("kind")} className={input} {...form.register("kind")}>
            {Object.values(QuestionKind).map((k) => (
              <option key={k} value={k}>
                {tEnum(`QuestionKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={fid("votingUnit")} className={label}>
            {t("unit")}
          </label>
          <select id={fid("votingUnit")} className={input} {...form.register("votingUnit")}>
            {Object.values(VotingUnit).map((u) => (
              <option key={u} value={u}>
                {tEnum(`VotingUnit.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div>
        <label className="inline-flex min-h-11 items-center gap-2 font-medium">
          <input type="checkbox" className="size-5" aria-describedby={`${fid("secret")}-hint`} {...form.register("secret")} />
          {tSecret("label")}
        </label>
        <p id={`${fid("secret")}-hint`} className={hint}>
          {tSecret("hint")}
        </p>
      </div>

      {kind === "YES_NO_ABSTAIN" ? (
        <p className={hint}>{t("yesNoOptions")}</p>
      ) : (
        <fieldset className="space-y-3">
          <legend className={label}>{t("options")}</legend>
          {options.fields.map((field, i) => (
            <div key={field.id} className="space-y-1 rounded-lg border border-stone-200 p-3">
              <label htmlFor={fid(`options.${i}.label`)} className={label}>
                {t("optionLabel", { number: i + 1 })}
              </label>
              <input id={fid(`options.${i}.label`)} className={input} aria-invalid={errors.options?.[i]?.label ? true : undefined} aria-describedby={`${fid(`options.${i}.label`)}-error`} {...form.register(`options.${i}.label`)} />
              <FieldError id={`${fid(`options.${i}.label`)}-error`} message={errors.options?.[i]?.label?.message} />
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" className="size-5" {...form.register(`options.${i}.isAffirmative`)} />
                {t("optionAffirmative")}
              </label>
              {options.fields.length > 2 ? (
                <button type="button" className={buttonSecondary} onClick={() => options.remove(i)}>
                  {t("removeOption", { number: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <FieldError id={`${fid("options")}-error`} message={errors.options?.message ?? errors.options?.root?.message} />
          <button type="button" className={buttonSecondary} onClick={() => options.append({ label: "", isAffirmative: false })}>
            {t("addOption")}
          </button>
          {kind === "MULTIPLE_CHOICE" ? numberField("maxChoices", t("maxChoices")) : null}
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={fid("thresholdRule")} className={label}>
            {t("thresholdRule")}
          </label>
          <select id={fid("thresholdRule")} className={input} aria-describedby={`${fid("thresholdRule")}-error`} {...form.register("thresholdRule")}>
            {Object.values(ThresholdRule).map((r) => (
              <option key={r} value={r}>
                {t(`ruleOptions.${r}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${fid("thresholdRule")}-error`} message={errors.thresholdRule?.message} />
        </div>
        {numberField("thresholdPercent", t("thresholdPercent"))}
        {numberField("quorumPercent", t("quorumPercent"), { nullable: true, hintText: t("quorumHint") })}
      </div>

      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
