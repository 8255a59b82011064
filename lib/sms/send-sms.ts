import "server-only";

// Text messages go through one pluggable sender, chosen by SMS_PROVIDER. Every message is recorded in
// SmsMessage with its commune: the default "outbox" sender stops there and sends nothing, so that
// staff and developers read the messages on the staff outbox page; "http" also posts each message to
// the gateway at SMS_HTTP_URL. Secrets inside a message (one-time codes) are kept in the record only
// for the outbox outside production, where reading them is the point; a real gateway's record masks
// them, and so does the outbox in production: there any staff member could read any code and register
// any phone number with it (start-up refuses the outbox in production unless SMS_OUTBOX_ACCEPTED=1).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export type SmsRequest = {
  communeId: string | null;
  /** +84… */
  phone: string;
  body: string;
  /** A part of the body never to be stored when the message really leaves (a one-time code). */
  secret?: string;
};

export type SmsSender = {
  readonly name: string;
  /** Delivers the message; resolves with an error text when the gateway refused it. */
  deliver(message: { phone: string; body: string }): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The outbox sender keeps messages for people to read instead of delivering them. */
  readonly keepsBody: boolean;
};

export const outboxSender: SmsSender = {
  name: "outbox",
  keepsBody: true,
  async deliver() {
    return { ok: true };
  },
};

/** Posts `{ "to": "+84…", "text": "…" }` as JSON with `Authorization: Bearer SMS_HTTP_TOKEN`; any 2xx is sent. */
export function httpSender(url: string, token: string | undefined, timeoutMs = 10_000): SmsSender {
  return {
    name: "http",
    keepsBody: false,
    async deliver({ phone, body }) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to: phone, text: body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return { ok: true };
        return { ok: false, error: `HTTP ${response.status}` };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.name : "error" };
      }
    },
  };
}

/** Whether the stored copy of a message may keep its one-time code in clear. */
export function keepsSecret(sender: SmsSender, nodeEnv: string = env.NODE_ENV): boolean {
  return sender.keepsBody && nodeEnv !== "production";
}

export function configuredSender(): SmsSender {
  return env.SMS_PROVIDER === "http" && env.SMS_HTTP_URL ? httpSender(env.SMS_HTTP_URL, env.SMS_HTTP_TOKEN) : outboxSender;
}

/**
 * Records the message, hands it to the sender and records the outcome. Throws a 503 when a real
 * gateway failed, so the person is told the text did not leave rather than waiting for it.
 */
export async function sendSms(request: SmsRequest, sender: SmsSender = configuredSender(), nodeEnv: string = env.NODE_ENV) {
  const stored = keepsSecret(sender, nodeEnv) || !request.secret ? request.body : request.body.replaceAll(request.secret, "•".repeat(request.secret.length));
  const message = await db.smsMessage.create({
    data: { communeId: request.communeId, phone: request.phone, body: stored, provider: sender.name, status: "PENDING" },
    select: { id: true },
  });
  const result = await sender.deliver({ phone: request.phone, body: request.body });
  // The outbox delivers nothing: SKIPPED says so on the outbox page.
  const status: DeliveryStatus = !result.ok ? "FAILED" : sender.keepsBody ? "SKIPPED" : "SENT";
  await db.smsMessage.update({
    where: { id: message.id },
    data: { status, sentAt: status === "SENT" ? new Date() : null, error: result.ok ? null : result.error.slice(0, 200) },
  });
  if (!result.ok) throw new AppError("smsFailed", 503);
  return { id: message.id, status };
}
