"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import type { ActionResult } from "@/components/forms/action-feedback";
import { decodeMessage } from "@/lib/i18n/message-key";

/** Runs a server action and keeps its outcome as translated texts: one per field, and one banner. */
export function useActionOutcome() {
  const tErrors = useTranslations("errors");
  const [pending, setPending] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const translate = (raw: string, params?: Record<string, string | number>) => {
    const decoded = decodeMessage(raw);
    return tErrors.has(decoded.key) ? tErrors(decoded.key, { ...decoded.params, ...params }) : decoded.key;
  };

  async function run<T extends ActionResult & { data?: unknown }>(call: () => Promise<T | undefined>): Promise<T["data"] | null> {
    setPending(true);
    setBanner(null);
    setFields({});
    try {
      const result = await call();
      if (!result) setBanner(tErrors("unexpected", { id: "network" }));
      else if (result.validationErrors) {
        setFields(Object.fromEntries(Object.entries(result.validationErrors.fieldErrors).flatMap(([k, v]) => (v?.[0] ? [[k, translate(v[0])]] : []))));
        setBanner(tErrors("invalidInput"));
      } else if (result.serverError) {
        const { code, params, fields: fe } = result.serverError;
        setFields(Object.fromEntries(Object.entries(fe ?? {}).map(([k, v]) => [k, translate(v, params)])));
        // A refusal about one field is said beside it; the banner then only points there, not repeat it.
        setBanner(fe && Object.keys(fe).length ? tErrors("invalidInput") : translate(code, params));
      } else return result.data ?? null;
      return null;
    } finally {
      setPending(false);
    }
  }

  return { pending, banner, fields, run };
}
