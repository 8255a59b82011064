// Email digests: one mail per person with everything new since the last one, rather than one mail per
// event; opt-outs respected. Notifications move PENDING → SENT (or SKIPPED: no email, opted out, no
// SMTP). A failed send leaves them PENDING and the job is retried with backoff.
import { createTranslator } from "next-intl";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/load-messages";

import type { Mailer } from "./mailer";
import { renderNotification } from "./notify";

/** People with notifications waiting to be emailed. */
export async function usersWithPendingEmail(limit = 1000): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { emailStatus: "PENDING" },
    select: { userId: true },
    distinct: ["userId"],
    take: limit,
  });
  return rows.map((r) => r.userId);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeDigest(
  items: { kind: string; params: Record<string, string | number>; link: string | null }[],
  locale: string,
  baseUrl: string,
) {
  const translator = createTranslator({ locale, messages: loadMessages(locale), namespace: "email" });
  const t = (key: string, params?: Record<string, string | number>) => translator(key as never, params as never);
  const rendered = items.map((n) => ({ ...renderNotification(n.kind, n.params, locale), url: n.link ? new URL(n.link, baseUrl).toString() : null }));
  const subject = t("digestSubject", { count: items.length });
  const text = [t("greeting"), "", ...rendered.flatMap((r) => [`• ${r.title}`, `  ${r.body}`, ...(r.url ? [`  ${r.url}`] : []), ""]), t("footer", { url: baseUrl })].join("\n");
  const html = [
    `<p>${escapeHtml(t("greeting"))}</p><ul>`,
    ...rendered.map((r) => `<li><p><strong>${escapeHtml(r.title)}</strong><br>${escapeHtml(r.body)}${r.url ? `<br><a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : ""}</p></li>`),
    `</ul><p style="color:#555">${escapeHtml(t("footer", { url: baseUrl }))}</p>`,
  ].join("");
  return { subject, text, html };
}

/** Sends one person's digest, or marks their notifications skipped when no mail should go out. */
export async function sendDigest(userId: string, mailer: Mailer | null, baseUrl = env.NEXTAUTH_URL ?? "http://localhost:3000") {
  const [user, pending] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, emailOptOut: true, emailDigest: true, locale: true, anonymisedAt: true } }),
    db.notification.findMany({
      where: { userId, emailStatus: "PENDING" },
      select: { id: true, kind: true, params: true, link: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
  ]);
  if (pending.length === 0) return { sent: 0, skipped: 0 };
  const ids = pending.map((n) => n.id);
  // Only to an address its owner confirmed (lib/email-confirmation): never to one someone else typed.
  if (!mailer || !user?.email || !user.emailVerifiedAt || user.emailOptOut || user.anonymisedAt) {
    await db.notification.updateMany({ where: { id: { in: ids } }, data: { emailStatus: "SKIPPED" } });
    return { sent: 0, skipped: ids.length };
  }
  const mail = composeDigest(
    pending.map((n) => ({ kind: n.kind, params: (n.params ?? {}) as Record<string, string | number>, link: n.link })),
    user.locale === "en" ? "en" : "vi",
    baseUrl,
  );
  await mailer.send({ to: user.email, ...mail });
  await db.notification.updateMany({ where: { id: { in: ids }, emailStatus: "PENDING" }, data: { emailStatus: "SENT" } });
  return { sent: ids.length, skipped: 0 };
}
