"use client";

// A one-field form for the document register, bound to one server action. Its texts, error messages
// included, come translated from the server (README "Client islands": no useTranslations, no zod
// here); what was typed stays after a refusal, and success refreshes the page.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { failureOf } from "@/components/forms/server-texts";
import { buttonPrimary, fieldError, input, label as labelClass } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";

type Result = { data?: unknown; serverError?: ActionServerError; validationErrors?: { fieldErrors: Record<string, string[] | undefined> } } | undefined;

export type RegisterFormTexts = {
  label: string;
  submit: string;
  success: string;
  invalid: string;
  unexpected: string;
  /** Error code → message, with {param} placeholders filled from the error's params. */
  errors: Record<string, string>;
};

export function RegisterActionForm({
  action,
  fixed,
  field,
  texts,
}: {
  action: (input: never) => Promise<Result>;
  fixed: Record<string, unknown>;
  field: { name: string; kind: "number" } | { name: string; kind: "select"; options: { value: string; label: string }[]; defaultValue: string };
  texts: RegisterFormTexts;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get(field.name);
    setPending(true);
    setMessage(null);
    try {
      const result = await action({ ...fixed, [field.name]: String(value ?? "") } as never);
      const failed = failureOf(result, { ...texts.errors, invalidInput: texts.invalid, unexpected: texts.unexpected });
      if (failed) setMessage({ ok: false, text: failed.banner });
      else {
        setMessage({ ok: true, text: texts.success });
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  const fid = `${id}-${field.name}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <div>
        <label htmlFor={fid} className={labelClass}>
          {texts.label}
        </label>
        {field.kind === "select" ? (
          <select id={fid} name={field.name} defaultValue={field.defaultValue} className={input}>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={fid}
            name={field.name}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            className={`${input} w-32`}
            aria-invalid={message && !message.ok ? true : undefined}
            aria-describedby={message && !message.ok ? `${fid}-message` : undefined}
          />
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {texts.submit}
      </button>
      {message ? (
        <p id={`${fid}-message`} role={message.ok ? "status" : "alert"} className={message.ok ? "w-full font-medium text-green-800" : `w-full ${fieldError}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
