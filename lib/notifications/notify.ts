// In-app notifications. Each is stored with its message key and parameters, so the inbox renders it in
// the reader's language; the Vietnamese text is stored too, for email.
import { createTranslator } from "next-intl";

import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadMessages } from "@/lib/i18n/load-messages";

export type NotificationInput = {
  communeId: string;
  userId: string;
  /** A key under "notifications" with a title and a body. */
  kind: string;
  params?: Record<string, string | number>;
  link?: string | null;
};

export function renderNotification(kind: string, params: Record<string, string | number>, locale = "vi") {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "notifications" });
  return { title: t(`${kind}.title` as never, params as never), body: t(`${kind}.body` as never, params as never) };
}

export async function notify(tx: Tx, input: NotificationInput) {
  const params = input.params ?? {};
  const { title, body } = renderNotification(input.kind, params);
  return tx.notification.create({
    data: {
      communeId: input.communeId,
      userId: input.userId,
      kind: input.kind,
      params: params as Prisma.InputJsonValue,
      title,
      body,
      link: input.link ?? null,
    },
    select: { id: true },
  });
}
