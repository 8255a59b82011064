import "server-only";

// A signed-in person changes their password by typing the old one. Every session of the account ends
// (User.sessionVersion, checked by lib/auth/options.ts within a minute; this browser signs out at
// once), and the change is audited. Wrong old passwords slow the next try as sign-in does.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { forgetFailures, recordFailure, secondsToWait } from "@/lib/auth/sign-in-delay";
import { db } from "@/lib/db";
import { invalid, rateLimited } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

export async function changePassword(userId: string, input: { currentPassword: string; newPassword: string }) {
  const delayKey = `change:${userId}`;
  const wait = await secondsToWait(delayKey);
  if (wait > 0) throw rateLimited(wait);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(delayKey);
    throw invalid("currentPasswordWrong", {}, { currentPassword: "currentPasswordWrong" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { communeId: null, actorId: userId, actorRole: null, action: "account.passwordChange", entityType: "User", entityId: userId });
  });
  await forgetFailures(delayKey);
  return { changed: true as const };
}
