import "server-only";

// The confirmation mail: a link to /confirm-email with the token, in the person's language. Without a
// mail server (no SMTP_URL) nothing can prove the address, and the caller says so.
import { createTranslator } from "next-intl";

import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/load-messages";
import { getMailer, type Mail, type Mailer } from "@/lib/notifications/mailer";

import { CONFIRMATION_HOURS } from "./tokens";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function confirmationLink(token: string, locale: "vi" | "en", baseUrl: string): string {
  // Vietnamese pages carry no prefix (lib/i18n/routing.ts).
  return new URL(`${locale === "en" ? "/en" : ""}/confirm-email?token=${encodeURIComponent(token)}`, baseUrl).toString();
}

export function composeConfirmation(to: string, token: string, locale: "vi" | "en", baseUrl: string): Mail {
  const translator = createTranslator({ locale, messages: loadMessages(locale), namespace: "emailConfirm" });
  const t = (key: string, params?: Record<string, number>) => translator(key as never, params as never);
  const url = confirmationLink(token, locale, baseUrl);
  const body = t("mailBody", { hours: CONFIRMATION_HOURS });
  return {
    to,
    subject: t("mailSubject"),
    text: [body, "", url, "", t("mailIgnore")].join("\n"),
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p><p style="color:#555">${escapeHtml(t("mailIgnore"))}</p>`,
  };
}

/** Sends the link; false when no mail server is configured. */
export async function sendConfirmation(
  to: string,
  token: string,
  locale: string,
  mailer: Mailer | null = getMailer(),
  baseUrl = env.NEXTAUTH_URL ?? "http://localhost:3000",
): Promise<boolean> {
  if (!mailer) return false;
  await mailer.send(composeConfirmation(to, token, locale === "en" ? "en" : "vi", baseUrl));
  return true;
}
