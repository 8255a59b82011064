"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

import type { ActionServerError } from "@/lib/actions/safe-action";
import { encodeMessage } from "@/lib/i18n/message-key";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ActionResult = {
  serverError?: ActionServerError;
  validationErrors?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
};

/**
 * Turns an action's failure into messages: field errors go next to their fields, the rest into one
 * banner. Returns the banner text, or null when the action succeeded. The form keeps what was typed.
 */
export function applyActionErrors<T extends FieldValues>(
  result: ActionResult | undefined,
  setError: UseFormSetError<T>,
  t: Translate,
): string | null {
  if (!result) return t("unexpected", { id: "network" });
  if (result.validationErrors) {
    for (const [field, messages] of Object.entries(result.validationErrors.fieldErrors)) {
      if (messages?.[0]) setError(field as Path<T>, { message: messages[0] });
    }
    return t("invalidInput");
  }
  if (result.serverError) {
    const { code, params, fields } = result.serverError;
    for (const [field, key] of Object.entries(fields ?? {})) {
      setError(field as Path<T>, { message: encodeMessage(key, params) });
    }
    return t(code, params);
  }
  return null;
}
