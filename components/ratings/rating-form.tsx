"use client";

// The rating form: five selects and a comment. Every text comes from the server page as props, so the
// page carries no translation runtime (first-load JavaScript stays under budget). What was chosen stays
// after an error; success refreshes the page, which then says the rating is in.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonPrimary, fieldError, input, label } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";
import { decodeMessage } from "@/lib/i18n/message-key";

type Result = { data?: unknown; serverError?: ActionServerError; validationErrors?: { fieldErrors: Record<string, string[] | undefined> } } | undefined;

export type RatingFormTexts = {
  items: { name: string; label: string; empty: string }[];
  scale: { value: string; label: string }[];
  comment: string;
  submit: string;
  thanks: string;
  /** Message keys under "errors" the form may meet, already translated. */
  errors: Record<string, string>;
};

export function RatingForm({ action, fixed, texts }: { action: (input: never) => Promise<Result>; fixed: Record<string, string>; texts: RatingFormTexts }) {
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const say = (raw: string) => texts.errors[decodeMessage(raw).key] ?? texts.errors.unexpected!;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Record<string, unknown> = { ...fixed };
    for (const item of texts.items) values[item.name] = String(form.get(item.name) ?? "");
    values.comment = String(form.get("comment") ?? "");
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const result = await action(values as never);
      if (result?.validationErrors) {
        const errs: Record<string, string> = {};
        for (const [k, v] of Object.entries(result.validationErrors.fieldErrors)) if (v?.[0]) errs[k] = say(v[0]);
        setFieldErrors(errs);
        setMessage({ ok: false, text: texts.errors.invalidInput! });
      } else if (result?.serverError) {
        setMessage({ ok: false, text: say(result.serverError.code) });
      } else if (result) {
        setMessage({ ok: true, text: texts.thanks });
        router.refresh();
      } else {
        setMessage({ ok: false, text: texts.errors.unexpected! });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {texts.items.map((item) => {
        const fid = `${id}-${item.name}`;
        const error = fieldErrors[item.name];
        return (
          <div key={item.name}>
            <label htmlFor={fid} className={label}>{item.label}</label>
            <select id={fid} name={item.name} defaultValue="" className={input} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fid}-error` : undefined}>
              <option value="">{item.empty}</option>
              {texts.scale.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
            {error ? <p id={`${fid}-error`} className={fieldError}>{error}</p> : null}
          </div>
        );
      })}
      <div>
        <label htmlFor={`${id}-comment`} className={label}>{texts.comment}</label>
        <textarea id={`${id}-comment`} name="comment" rows={3} maxLength={2000} className={input} aria-invalid={fieldErrors.comment ? true : undefined} />
        {fieldErrors.comment ? <p className={fieldError}>{fieldErrors.comment}</p> : null}
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{texts.submit}</button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p>
      ) : null}
    </form>
  );
}
