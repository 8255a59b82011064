"use client";

import { useTranslations } from "next-intl";

import { fieldError } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";

/**
 * A field's error, translated from its catalogue key. When the error names a legal rule (a period
 * shorter than the law allows), the rule is cited with it, if the page sent the "legalRules" texts.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations();
  if (!message) return null;
  const { key, params } = decodeMessage(message);
  const rule = typeof params.rule === "string" && t.has(`legalRules.${params.rule}`) ? t(`legalRules.${params.rule}`) : null;
  return (
    <p id={id} className={fieldError} role="alert">
      {t.has(`errors.${key}`) ? t(`errors.${key}`, params) : key}
      {rule && t.has("errors.ruleCited") ? ` ${t("errors.ruleCited", { rule })}` : null}
    </p>
  );
}
