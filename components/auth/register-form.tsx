"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { signInWithCredentials } from "@/lib/auth/client-session";
import { useRouter } from "@/lib/i18n/client-navigation";
import { registerResidentAction, requestPhoneCodeAction } from "@/lib/people/actions";
import { phoneCodeRequestSchema, type RegistrationInput, registrationSchema } from "@/lib/people/schemas";

type Field = Exclude<keyof RegistrationInput, "communeId" | "consent">;

/**
 * Registration in two steps on one page: the phone number gets a one-time code, then the person fills
 * in the rest with the code. Nothing typed is lost on an error or when a new code is asked for.
 */
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
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [done, setDone] = useState<"VERIFIED" | "PENDING" | null>(null);
  const id = useId();
  const router = useRouter();
  const form = useForm<RegistrationInput>({
    resolver: zodResolver(registrationSchema),
    defaultValues: {
      communeId,
      name: "",
      displayName: "",
      phone: "",
      code: "",
      villageId: "",
      inviteCode: "",
      password: "",
      birthYear: "" as unknown as number,
      consent: false as unknown as true,
    },
  });
  const sendCode = useAction(requestPhoneCodeAction);
  const register = useAction(registerResidentAction);
  const errors = form.formState.errors;

  async function onSendCode() {
    setBanner(null);
    form.clearErrors("phone");
    const phone = form.getValues("phone");
    const checked = phoneCodeRequestSchema.safeParse({ communeId, phone });
    if (!checked.success) {
      form.setError("phone", { message: "phoneInvalid" });
      return;
    }
    const result = await sendCode.executeAsync({ communeId, phone });
    const problem = applyActionErrors(result, form.setError, tErrors);
    if (problem) {
      setBanner(problem);
      return;
    }
    setCodeSentTo(phone.trim());
    form.setFocus("code");
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setBanner(null);
    const result = await register.executeAsync(values);
    const problem = applyActionErrors(result, form.setError, tErrors);
    if (problem || !result?.data) {
      setBanner(problem ?? tErrors("unexpected", { id: "?" }));
      return;
    }
    setDone(result.data.status === "VERIFIED" ? "VERIFIED" : "PENDING");
    // Signing in also tells the header's menu about the new session.
    await signInWithCredentials(values.phone, values.password);
    router.push(`/${communeSlug}/register/status`);
  });

  if (done) {
    return (
      <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
        {done === "VERIFIED" ? t("doneVerified") : t("done")}
      </p>
    );
  }

  const field = (name: Field, text: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hintText?: string) => (
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
    <form
      // Enter in the phone field, before a code was sent, asks for the code.
      onSubmit={
        codeSentTo
          ? onSubmit
          : (event) => {
              event.preventDefault();
              void onSendCode();
            }
      }
      noValidate
      className="space-y-4"
    >
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("stepPhone")}</legend>
        {field("phone", t("phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" }, t("phoneHint"))}
        <button type="button" className={`${codeSentTo ? buttonSecondary : buttonPrimary} w-full`} onClick={onSendCode} disabled={sendCode.isPending}>
          {sendCode.isPending ? t("sendingCode") : codeSentTo ? t("resendCode") : t("sendCode")}
        </button>
        {codeSentTo ? (
          <p role="status" className="text-sm font-medium text-green-900">
            {t("codeSent", { phone: codeSentTo })}
          </p>
        ) : null}
      </fieldset>

      {codeSentTo ? (
        <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("stepDetails")}</legend>
          {field("code", t("code"), { inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6 })}
          {field("name", t("name"), { autoComplete: "name" }, t("nameHint"))}
          {field("displayName", t("displayName"), { autoComplete: "nickname" }, t("displayNameHint"))}
          {field("birthYear", t("birthYear"), { inputMode: "numeric", autoComplete: "bday-year" })}
          <div>
            <label htmlFor={`${id}-villageId`} className={label}>
              {t("village")}
            </label>
            <select
              id={`${id}-villageId`}
              className={input}
              aria-invalid={errors.villageId ? true : undefined}
              aria-describedby={`${id}-villageId-error`}
              {...form.register("villageId")}
            >
              <option value="">{t("chooseVillage")}</option>
              {villages.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-villageId-error`} message={errors.villageId?.message} />
          </div>
          {field("inviteCode", t("inviteCode"), { autoComplete: "off", autoCapitalize: "characters" }, t("inviteCodeHint"))}
          {field("password", t("password"), { type: "password", autoComplete: "new-password" })}
          <div>
            <label className="flex min-h-11 items-start gap-3">
              <input type="checkbox" className="mt-1 h-6 w-6 shrink-0" aria-describedby={`${id}-consent-error`} {...form.register("consent")} />
              <span>{t("consent", { name: communeName })}</span>
            </label>
            <FieldError id={`${id}-consent-error`} message={errors.consent?.message} />
          </div>
          <button type="submit" className={`${buttonPrimary} w-full`} disabled={register.isPending}>
            {register.isPending ? t("submitting") : t("submit")}
          </button>
        </fieldset>
      ) : null}
    </form>
  );
}
