"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, hint, input, label } from "@/components/ui/styles";
import { useRouter } from "@/lib/i18n/navigation";
import { registerResidentAction } from "@/lib/people/actions";
import { type RegistrationInput, registrationSchema } from "@/lib/people/schemas";

export function RegisterForm({
  communeId,
  communeName,
  communeSlug,
  villages,
}: {
  communeId: string;
  communeName: string;
  communeSlug: string;
  villages: { id: string; name: string }[];
}) {
  const t = useTranslations("register");
  const tErrors = useTranslations("errors");
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const id = useId();
  const router = useRouter();
  const form = useForm<RegistrationInput>({
    resolver: zodResolver(registrationSchema),
    defaultValues: { communeId, name: "", displayName: "", phone: "", villageId: "", password: "", birthYear: "" as unknown as number, consent: false as unknown as true },
  });
  const { executeAsync, isPending } = useAction(registerResidentAction);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setBanner(null);
    const result = await executeAsync(values);
    const problem = applyActionErrors(result, form.setError, tErrors);
    if (problem) {
      setBanner(problem);
      return;
    }
    setDone(true);
    await signIn("credentials", { identifier: values.phone, password: values.password, redirect: false });
    router.push(`/${communeSlug}`);
  });

  if (done) return <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">{t("done")}</p>;

  const field = (name: keyof RegistrationInput, text: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hintText?: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={label}>
        {text}
      </label>
      <input
        id={`${id}-${name}`}
        className={input}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${id}-${name}-error${hintText ? ` ${id}-${name}-hint` : ""}`}
        {...props}
        {...form.register(name)}
      />
      {hintText ? (
        <p id={`${id}-${name}-hint`} className={hint}>
          {hintText}
        </p>
      ) : null}
      <FieldError id={`${id}-${name}-error`} message={errors[name]?.message} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      {field("name", t("name"), { autoComplete: "name" })}
      {field("displayName", t("displayName"), { autoComplete: "nickname" }, t("displayNameHint"))}
      {field("phone", t("phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" })}
      {field("birthYear", t("birthYear"), { inputMode: "numeric", autoComplete: "bday-year" })}
      <div>
        <label htmlFor={`${id}-villageId`} className={label}>
          {t("village")}
        </label>
        <select id={`${id}-villageId`} className={input} aria-invalid={errors.villageId ? true : undefined} aria-describedby={`${id}-villageId-error`} {...form.register("villageId")}>
          <option value="">{t("chooseVillage")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-villageId-error`} message={errors.villageId?.message} />
      </div>
      {field("password", t("password"), { type: "password", autoComplete: "new-password" })}
      <div>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" aria-describedby={`${id}-consent-error`} {...form.register("consent")} />
          <span>{t("consent", { name: communeName })}</span>
        </label>
        <FieldError id={`${id}-consent-error`} message={errors.consent?.message} />
      </div>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
