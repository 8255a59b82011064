// Passwords: a person who forgot theirs resets it with a code sent to the account's phone, then
// changes it from the account page with the old one; each ends the sessions signed in before.
import { hash } from "@node-rs/argon2";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";
import { readSmsCode } from "./sms";

test.describe.configure({ mode: "serial" });

// An account of this spec's own, so that no other journey's password changes under it.
const PHONE = "0977000501";
const FIRST = "mat-khau-ban-dau";
const RESET = "mat-khau-dat-lai";
const CHANGED = "mat-khau-da-doi";

test.beforeAll(async () => {
  await query(`DELETE FROM "User" WHERE phone = $1`, [`+84${PHONE.slice(1)}`]);
  await query(
    `INSERT INTO "User" (id, name, "displayName", phone, "passwordHash", "updatedAt") VALUES ('e2e-accounts-user', 'Người Quên Mật Khẩu', 'Quên', $1, $2, now())`,
    [`+84${PHONE.slice(1)}`, await hash(FIRST)],
  );
});

const sessionVersion = async () =>
  (await query<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = 'e2e-accounts-user'`))[0]!.sessionVersion;

test("a forgotten password is reset with the code sent to the account's phone", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đặt lại mật khẩu" })).toBeVisible();
  await expectAccessible(page, "password reset, first step");

  await page.getByLabel("Số điện thoại của tài khoản").fill(PHONE);
  await page.getByRole("button", { name: "Gửi mã" }).click();
  await expect(page.getByRole("status")).toContainText(`Nếu số ${PHONE} có tài khoản, mã xác minh đã được gửi`);
  await expectAccessible(page, "password reset, second step");

  // A wrong code is refused with the tries left; what was typed stays.
  const code = await readSmsCode(PHONE);
  await page.getByLabel("Mã xác minh (6 chữ số trong tin nhắn)").fill(code === "000000" ? "000001" : "000000");
  await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill(RESET);
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(page.getByText("Mã xác minh không đúng. Bạn còn 4 lần thử.")).toBeVisible();
  await expect(page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)")).toHaveValue(RESET);
  await expectAccessible(page, "password reset, wrong code");

  await page.getByLabel("Mã xác minh (6 chữ số trong tin nhắn)").fill(code);
  await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  await expect(page.getByRole("status")).toContainText("Đã đặt mật khẩu mới.");
  expect(await sessionVersion()).toBe(1);
  await page.getByRole("link", { name: "Đăng nhập" }).last().click();
  await page.waitForURL(/\/sign-in$/);
  await expectAccessible(page, "sign-in after the reset");

  // The old password no longer opens the account; the new one does.
  await page.getByLabel("Số điện thoại hoặc email").fill(PHONE);
  await page.getByLabel("Mật khẩu").fill(FIRST);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await signIn(page, PHONE, RESET);
});

test("a password is changed from the account page with the old one, and every session ends", async ({ page }) => {
  await signIn(page, PHONE, RESET);
  await page.goto("/thien-tin/account");
  await expectAccessible(page, "account page");
  await page.getByRole("link", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đổi mật khẩu" })).toBeVisible();
  await expectAccessible(page, "change password");

  await page.getByLabel("Mật khẩu hiện tại").fill("khong-phai-mat-khau");
  await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill(CHANGED);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();
  await expectAccessible(page, "change password, wrong current password");

  await page.getByLabel("Mật khẩu hiện tại").fill(RESET);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  // Signed out here too: the sign-in page, and the new password works.
  await page.waitForURL(/\/sign-in$/);
  expect(await sessionVersion()).toBe(2);
  // Both are audited under the account's keyed pseudonym: the public part never names the account.
  const audits = await query<{ action: string; entityId: string }>(
    `SELECT action, "entityId" FROM "AuditEvent" WHERE "actorId" = 'e2e-accounts-user' AND "entityType" = 'User' ORDER BY seq`,
  );
  expect(audits.map((a) => a.action)).toEqual(["account.passwordReset", "account.passwordChange"]);
  expect(new Set(audits.map((a) => a.entityId)).size).toBe(1);
  expect(audits[0]!.entityId).toMatch(/^p-[0-9a-f]{20}$/);
  await signIn(page, PHONE, CHANGED);
});
