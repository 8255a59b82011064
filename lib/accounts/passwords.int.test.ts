// Password change and reset against the real database: the old password or the phone's code is
// required, every session signed in before ends, and each is audited on the platform chain.
import { beforeAll, describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { accountPseudonym } from "@/lib/oversight/audit";
import { storeNewCode } from "@/lib/people/phone-codes";

import { changePassword } from "./password-change";
import { requestPasswordReset, resetPassword } from "./password-reset";

type Token = { sub?: string; sessionVersion?: number; refreshedAt?: number; memberships?: unknown[] };
const jwt = authOptions.callbacks!.jwt! as unknown as (args: { token: Token; user?: { id: string } }) => Promise<Token>;

let seq = 0;
async function person(password = "mat-khau-cu-1") {
  seq += 1;
  const phone = `+8493770${String(1000 + seq)}`;
  const user = await db.user.create({
    data: { name: "Người Thử Mật Khẩu", displayName: "Thử", phone, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  return { id: user.id, phone };
}

/** A session as next-auth keeps it: signed in now, then due for its next check. */
async function signedInSession(userId: string): Promise<Token> {
  const token = await jwt({ token: { sub: userId }, user: { id: userId } });
  return { ...token, refreshedAt: 0 };
}

// The public part of the event names the account by its pseudonym, never its id (lib/oversight/audit.ts).
const audits = (userId: string, action: string) => db.auditEvent.count({ where: { entityId: accountPseudonym(userId), action, communeId: null } });

beforeAll(async () => {
  await db.$connect();
});

describe("changing a password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const p = await person();
    await expect(changePassword(p.id, { currentPassword: "not-it-at-all", newPassword: "mat-khau-moi-1" })).rejects.toMatchObject({
      code: "currentPasswordWrong",
      status: 422,
      fields: { currentPassword: "currentPasswordWrong" },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, "mat-khau-cu-1")).toBe(true);
    expect(row.sessionVersion).toBe(0);
    expect(await audits(p.id, "account.passwordChange")).toBe(0);
  });

  it("with the current password: sets the new one, ends the sessions signed in before, and is audited", async () => {
    const p = await person();
    const before = await signedInSession(p.id);
    expect((await jwt({ token: before })).sub).toBe(p.id);

    await changePassword(p.id, { currentPassword: "mat-khau-cu-1", newPassword: "mat-khau-moi-1" });
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, "mat-khau-moi-1")).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(await audits(p.id, "account.passwordChange")).toBe(1);

    // The session from before the change is over at its next check; one signed in after goes on.
    expect((await jwt({ token: { ...before, refreshedAt: 0 } })).sub).toBeUndefined();
    const after = await signedInSession(p.id);
    expect((await jwt({ token: after })).sub).toBe(p.id);
  });
});

describe("resetting a forgotten password with a code sent to the phone", () => {
  it("answers the same for a number without an account, and sends nothing", async () => {
    const phone = "+84937709999";
    await expect(requestPasswordReset({ phone, ip: "10.30.0.1", locale: "vi" })).resolves.toEqual({ minutes: 10 });
    expect(await db.smsMessage.count({ where: { phone } })).toBe(0);
    expect(await db.oneTimeCode.count({ where: { phone } })).toBe(0);
  });

  it("sets the new password with the right code, once; ends earlier sessions; is audited", async () => {
    const p = await person();
    const before = await signedInSession(p.id);
    await requestPasswordReset({ phone: p.phone, ip: "10.30.0.2", locale: "vi" });
    const sms = await db.smsMessage.findFirstOrThrow({ where: { phone: p.phone }, orderBy: { createdAt: "desc" } });
    const code = /(\d{6})/.exec(sms.body)![1]!;
    const wrong = code === "000000" ? "000001" : "000000";

    await expect(resetPassword({ phone: p.phone, code: wrong, newPassword: "mat-khau-moi-2" })).rejects.toMatchObject({ code: "codeWrong", params: { left: 4 } });
    await resetPassword({ phone: p.phone, code, newPassword: "mat-khau-moi-2" });
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, "mat-khau-moi-2")).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(await audits(p.id, "account.passwordReset")).toBe(1);
    expect((await jwt({ token: before })).sub).toBeUndefined();
    // The code is used up.
    await expect(resetPassword({ phone: p.phone, code, newPassword: "mat-khau-moi-3" })).rejects.toMatchObject({ code: "codeExpired" });
  });

  it("does not take a registration code, nor a code for a number without an account", async () => {
    const p = await person();
    const { code } = await storeNewCode(p.phone, "PHONE_VERIFICATION");
    await expect(resetPassword({ phone: p.phone, code, newPassword: "mat-khau-moi-4" })).rejects.toMatchObject({ code: "codeExpired" });
    await expect(resetPassword({ phone: "+84937709998", code: "123456", newPassword: "mat-khau-moi-4" })).rejects.toMatchObject({ code: "codeExpired" });
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, "mat-khau-cu-1")).toBe(true);
  });
});
