import "server-only";

// Phone verification by a one-time code: six digits, valid for ten minutes, five tries, only the
// newest code of a phone works, and sending is limited per phone and per address.
import { db, type Tx } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { sendSms, type SmsSender } from "@/lib/sms/send-sms";

import { codeSecret } from "./code-secret";
import { generateNumericCode, hashCode, isSameHash } from "./codes";
import { translator } from "./translate";

export const PHONE_CODE_MINUTES = 10;
export const PHONE_CODE_ATTEMPTS = 5;
const PURPOSE = "PHONE_VERIFICATION" as const;
export type CodePurpose = "PHONE_VERIFICATION" | "PASSWORD_RESET";

// The purpose is in the hash: a code sent to verify a phone cannot reset a password, nor the reverse.
const hashPhoneCode = (phone: string, code: string, purpose: CodePurpose = PURPOSE) => hashCode(codeSecret(), purpose, phone, code);

/** Sends a new code to a phone number that has no account yet. */
export async function issuePhoneCode(
  input: { communeId: string; phone: string; ip: string; locale: string },
  options: { sender?: SmsSender; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  await consumeRateLimit("oneTimeCode", input.phone);
  await consumeRateLimit("register", `sms:${input.ip}`);
  const taken = await db.user.findUnique({ where: { phone: input.phone }, select: { id: true } });
  if (taken) throw new AppError("phoneTaken", 409, {}, { phone: "phoneTaken" });

  const { code, expiresAt } = await storeNewCode(input.phone, PURPOSE, now);
  const t = translator(input.locale, "sms");
  await sendSms({ communeId: input.communeId, phone: input.phone, body: t("phoneCode", { code, minutes: PHONE_CODE_MINUTES }), secret: code }, options.sender);
  return { expiresAt };
}

/** Makes a new code for a phone and purpose; only the newest one works from now on. */
export async function storeNewCode(phone: string, purpose: CodePurpose, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const code = generateNumericCode();
  const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000);
  await db.$transaction([
    // Only the newest code works: a code read from an older message is no longer accepted.
    db.oneTimeCode.updateMany({ where: { phone, purpose, consumedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    db.oneTimeCode.create({ data: { phone, purpose, codeHash: hashPhoneCode(phone, code, purpose), expiresAt } }),
  ]);
  return { code, expiresAt };
}

/**
 * Checks a typed code against the phone's newest code. Every try counts, right or wrong, and is
 * counted in the same statement that checks the limit, so parallel guesses cannot exceed it.
 * Returns the code's id; the caller consumes it in the transaction that uses it.
 */
export async function checkPhoneCode(phone: string, typed: string, now = new Date(), purpose: CodePurpose = PURPOSE): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string; codeHash: string; attempts: number }[]>`
    UPDATE "OneTimeCode" SET attempts = attempts + 1
    WHERE id = (SELECT id FROM "OneTimeCode" WHERE phone = ${phone} AND purpose = ${purpose}::"OneTimeCodePurpose" AND "consumedAt" IS NULL
                ORDER BY "createdAt" DESC LIMIT 1)
      AND "expiresAt" > ${now} AND attempts < ${PHONE_CODE_ATTEMPTS}
    RETURNING id, "codeHash", attempts`;
  if (!row) {
    const latest = await db.oneTimeCode.findFirst({
      where: { phone, purpose, consumedAt: null },
      orderBy: { createdAt: "desc" },
      select: { attempts: true, expiresAt: true },
    });
    if (latest && latest.expiresAt > now) throw new AppError("codeTooManyAttempts", 429, {}, { code: "codeTooManyAttempts" });
    throw invalid("codeExpired", {}, { code: "codeExpired" });
  }
  if (!isSameHash(row.codeHash, hashPhoneCode(phone, typed.trim(), purpose))) {
    const left = PHONE_CODE_ATTEMPTS - row.attempts;
    if (left <= 0) throw new AppError("codeTooManyAttempts", 429, {}, { code: "codeTooManyAttempts" });
    throw invalid("codeWrong", { left }, { code: "codeWrong" });
  }
  return row.id;
}

/** Uses the code up, once: a second use (a double submit) finds it consumed. */
export async function consumePhoneCode(tx: Tx, id: string, now = new Date()) {
  const { count } = await tx.oneTimeCode.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
  if (count !== 1) throw invalid("codeExpired", {}, { code: "codeExpired" });
}
