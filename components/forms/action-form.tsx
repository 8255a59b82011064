"use client";

// A small form bound to one server action: the fields the person fills in, fixed values added, the
// answer shown beside the form. What was typed stays after an error; success refreshes the page.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonDanger, buttonPrimary, input, label } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";
import { decodeMessage } from "@/lib/i18n/message-key";

export type ActionField =
  | { name: string; label: string; kind: "text" | "textarea" | "number" | "email" | "date" | "datetime-local"; required?: boolean; defaultValue?: string; maxLength?: number; rows?: number }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; defaultValue?: string }
  | { name: string; label: string; kind: "checkbox"; defaultChecked?: boolean }
  /** Several choices under one name: the action receives the checked values as an array. */
  | { name: string; label: string; kind: "checkboxes"; options: { value: string; label: string; defaultChecked?: boolean }[] };

type Result = {
  data?: unknown;
  serverError?: ActionServerError;
  validationErrors?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
} | undefined;

export function ActionForm({
  action,
  fixed,
  fields,
  submitLabel,
  successMessage,
  pendingMessage,
  danger = false,
  confirmText,
  legend,
  resetOnSuccess = true,
}: {
  action: (input: never) => Promise<Result>;
  fixed: Record<string, unknown>;
  fields: ActionField[];
  submitLabel: string;
  successMessage: string;
  /** Shown instead of `successMessage` when the action answers `{ pending: true }`: it waits for someone else's confirmation. */
  pendingMessage?: string;
  danger?: boolean;
  confirmText?: string;
  legend?: string;
  resetOnSuccess?: boolean;
}) {
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const element = event.currentTarget;
    const form = new FormData(element);
    const values: Record<string, unknown> = { ...fixed };
    for (const f of fields) {
      if (f.kind === "checkbox") values[f.name] = form.get(f.name) === "on";
      else if (f.kind === "checkboxes") values[f.name] = form.getAll(f.name).map(String);
      else if (f.kind === "number") values[f.name] = form.get(f.name) ? Number(form.get(f.name)) : null;
      else values[f.name] = String(form.get(f.name) ?? "");
    }
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const result = await action(values as never);
      if (result?.validationErrors) {
        const errs: Record<string, string> = {};
        for (const [k, v] of Object.entries(result.validationErrors.fieldErrors)) if (v?.[0]) errs[k] = translate(v[0]);
        setFieldErrors(errs);
        setMessage({ ok: false, text: tErrors("invalidInput") });
      } else if (result?.serverError) {
        const { code, params, fields: fe } = result.serverError;
        setFieldErrors(Object.fromEntries(Object.entries(fe ?? {}).map(([k, v]) => [k, translate(v)])));
        setMessage({ ok: false, text: tErrors(code, params) });
      } else if (result) {
        const isPending = pendingMessage !== undefined && (result.data as { pending?: unknown } | undefined)?.pending === true;
        setMessage({ ok: true, text: isPending ? pendingMessage : successMessage });
        if (resetOnSuccess) element.reset();
        router.refresh();
      } else {
        setMessage({ ok: false, text: tErrors("unexpected", { id: "network" }) });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {legend ? <p className="font-semibold">{legend}</p> : null}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const error = fieldErrors[f.name];
        const described = error ? `${fid}-error` : undefined;
        return (
          <div key={f.name}>
            {f.kind === "checkboxes" ? (
              <fieldset aria-describedby={described}>
                <legend className={label}>{f.label}</legend>
                {f.options.map((o) => (
                  <label key={o.value} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name={f.name} value={o.value} defaultChecked={o.defaultChecked} className="h-5 w-5" />
                    {o.label}
                  </label>
                ))}
              </fieldset>
            ) : f.kind === "checkbox" ? (
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" name={f.name} defaultChecked={f.defaultChecked} className="h-5 w-5" />
                {f.label}
              </label>
            ) : (
              <>
                <label htmlFor={fid} className={label}>
                  {f.label}
                </label>
                {f.kind === "select" ? (
                  <select id={fid} name={f.name} defaultValue={f.defaultValue} className={input} aria-describedby={described}>
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : f.kind === "textarea" ? (
                  <textarea id={fid} name={f.name} rows={f.rows ?? 3} defaultValue={f.defaultValue} maxLength={f.maxLength ?? 5000} className={input} aria-invalid={error ? true : undefined} aria-describedby={described} />
                ) : (
                  <input id={fid} name={f.name} type={f.kind} defaultValue={f.defaultValue} maxLength={f.maxLength ?? 500} className={input} aria-invalid={error ? true : undefined} aria-describedby={described} />
                )}
              </>
            )}
            {error ? (
              <p id={`${fid}-error`} className="mt-1 text-sm font-medium text-flag-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className={danger ? buttonDanger : buttonPrimary} disabled={pending}>
        {submitLabel}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
