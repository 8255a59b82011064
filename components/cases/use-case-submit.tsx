"use client";

// What the resident's filing form and the staff update form share: photos uploaded first (their
// metadata stripped on the server), then the action with their ids; field errors next to their fields,
// one banner for the rest; what was typed is kept on an error.
import { useTranslations } from "next-intl";
import { useState } from "react";

import { fieldError } from "@/components/ui/styles";
import type { ActionServerError } from "@/lib/actions/safe-action";
import { decodeMessage } from "@/lib/i18n/message-key";

import { uploadCasePhotos } from "./upload-photos";

type Result<T> = { data?: T; serverError?: ActionServerError; validationErrors?: { fieldErrors: Record<string, string[] | undefined> } } | undefined;

export function useCaseSubmit(prefix: string) {
  const tErrors = useTranslations("errors");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  /** Uploads the photos, runs `call` with their ids; the action's data, or null after showing what went wrong. */
  async function submit<T>(slug: string, photos: FormDataEntryValue[], call: (photoIds: string[]) => Promise<Result<T>>): Promise<T | null> {
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const uploaded = await uploadCasePhotos(slug, photos);
      if ("error" in uploaded) {
        setErrors({ photos: uploaded.error ? tErrors(uploaded.error.code, uploaded.error.params) : tErrors("unexpected", { id: "upload" }) });
        setMessage({ ok: false, text: tErrors("invalidInput") });
        return null;
      }
      const result = await call(uploaded.ids);
      if (result?.data) return result.data;
      const fields: Record<string, string> = {};
      if (result?.validationErrors) for (const [k, v] of Object.entries(result.validationErrors.fieldErrors)) if (v?.[0]) fields[k] = translate(v[0]);
      const server = result?.serverError;
      for (const [k, v] of Object.entries(server?.fields ?? {})) fields[k] = translate(v);
      setErrors(fields);
      setMessage({ ok: false, text: server ? tErrors(server.code, server.params) : tErrors("invalidInput") });
      return null;
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p id={`${prefix}-${name}-error`} className={fieldError}>{errors[name]}</p> : null);
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${prefix}-${name}-error` } : {});
  const status = message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null;
  return { pending, submit, err, described, status, setMessage };
}
