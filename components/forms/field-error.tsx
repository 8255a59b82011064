"use client";

import { useTranslations } from "next-intl";

import { fieldError } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";

/** A field's error, translated from its catalogue key. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations("errors");
  if (!message) return null;
  const { key, params } = decodeMessage(message);
  return (
    <p id={id} className={fieldError} role="alert">
      {t.has(key) ? t(key, params) : key}
    </p>
  );
}
