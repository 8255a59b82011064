import "server-only";

// A forgotten password is reset with a one-time code sent by text message to the account's phone:
// the same code rules as registration (lib/people/phone-codes.ts: six digits, ten minutes, five
// tries, only the newest works, sending limited per phone and per address), a purpose of its own.
// The request answers the same whether or not the number has an account, so it tells nobody who is
// registered. A reset ends every session of the account and is audited.
import { hashPassword } from "@/lib/auth/password";
import { forgetFailures } from "@/lib/auth/sign-in-delay";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { checkPhoneCode, consumePhoneCode, PHONE_CODE_MINUTES, storeNewCode } from "@/lib/people/phone-codes";
import { translator } from "@/lib/people/translate";
import { consumeRateLimit } from "@/lib/rate-limit";
import { sendSms, type SmsSender } from "@/lib/sms/send-sms";

const PURPOSE = "PASSWORD_RESET" as const;

export async function requestPasswordReset(input: { phone: string; ip: string; locale: string }, options: { sender?: SmsSender; now?: Date } = {}) {
  await consumeRateLimit("oneTimeCode", `reset:${input.phone}`);
  await consumeRateLimit("register", `sms:${input.ip}`);
  const user = await db.user.findUnique({
    where: { phone: input.phone },
    select: { anonymisedAt: true, memberships: { select: { communeId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (user && !user.anonymisedAt) {
    const { code } = await storeNewCode(input.phone, PURPOSE, options.now);
    const t = translator(input.locale, "accounts");
    await sendSms(
      { communeId: user.memberships[0]?.communeId ?? null, phone: input.phone, body: t("resetSms", { code, minutes: PHONE_CODE_MINUTES }), secret: code },
      options.sender,
    );
  }
  return { minutes: PHONE_CODE_MINUTES };
}

export async function resetPassword(input: { phone: string; code: string; newPassword: string }, now = new Date()) {
  const user = await db.user.findUnique({ where: { phone: input.phone }, select: { id: true, anonymisedAt: true } });
  // Without an account no code was sent: the same answer as an expired code.
  if (!user || user.anonymisedAt) throw invalid("codeExpired", {}, { code: "codeExpired" });
  const codeId = await checkPhoneCode(input.phone, input.code, now, PURPOSE);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await consumePhoneCode(tx, codeId, now);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { communeId: null, actorId: user.id, actorRole: null, action: "account.passwordReset", entityType: "User", entityId: user.id });
  });
  // The owner proved the phone: earlier wrong passwords no longer slow their sign-in.
  await forgetFailures(input.phone);
  return { reset: true as const };
}
