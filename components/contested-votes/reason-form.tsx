"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonPrimary, buttonSecondary, fieldError, input, label as labelClass } from "@/components/ui/styles";

type Result = { data?: unknown; serverError?: { code: string; params?: Record<string, string | number> }; validationErrors?: { fieldErrors?: Record<string, string[] | undefined> } } | undefined;

/**
 * The form every step of a review shares: words of explanation (kept, logged and shown) and one button
 * per decision. The words stay in the box when the server refuses them.
 */
export function ReasonForm({
  fieldLabel,
  field,
  buttons,
  run,
  done,
}: {
  fieldLabel: string;
  /** The input's name in the action's schema, where its validation message is read. */
  field: string;
  buttons: { value: string; label: string; primary?: boolean }[];
  run: (text: string, value: string) => Promise<Result>;
  done: string;
}) {
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(value: string) {
    setPending(true);
    setMessage(null);
    const result = await run(text, value);
    setPending(false);
    if (result?.data) {
      setMessage({ ok: true, text: done });
      setText("");
      router.refresh();
      return;
    }
    const fieldCode = result?.validationErrors?.fieldErrors?.[field]?.[0];
    setMessage({ ok: false, text: result?.serverError ? tErrors(result.serverError.code, result.serverError.params) : tErrors(fieldCode ?? "invalidInput") });
  }

  return (
    <form noValidate className="space-y-2" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-text`} className={labelClass}>
        {fieldLabel}
      </label>
      <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={3} className={input} aria-invalid={message && !message.ok ? true : undefined} aria-describedby={message ? `${id}-message` : undefined} />
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <button key={b.value} type="button" className={b.primary ? buttonPrimary : buttonSecondary} disabled={pending} onClick={() => submit(b.value)}>
            {b.label}
          </button>
        ))}
      </div>
      {message ? (
        <p id={`${id}-message`} role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : fieldError}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
