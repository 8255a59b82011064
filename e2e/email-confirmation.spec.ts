// Email ownership: a person adds an email on their account page; it cannot sign them in until they open
// the link mailed to it (read from the SMTP sink) and press the button; then it does. The box for
// digests by email starts unticked.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { hash } from "@node-rs/argon2";

import { DEMO_PASSWORD, expect, expectAccessible, query, signIn, test } from "./fixtures";

const PHONE = "0977000601";
const EMAIL = "xac.nhan.e2e@example.test";

test.beforeAll(async () => {
  await query(`DELETE FROM "Membership" WHERE "userId" = 'e2e-email-user'`);
  await query(`DELETE FROM "User" WHERE id = 'e2e-email-user' OR email = $1`, [EMAIL]);
  await query(
    `INSERT INTO "User" (id, name, "displayName", phone, "passwordHash", "updatedAt") VALUES ('e2e-email-user', 'Người Thử Email', 'Thử Email', $1, $2, now())`,
    [`+84${PHONE.slice(1)}`, await hash(DEMO_PASSWORD)],
  );
  await query(
    `INSERT INTO "Membership" (id, "userId", "communeId", role, status, "updatedAt")
     SELECT 'e2e-email-membership', 'e2e-email-user', id, 'RESIDENT', 'PENDING', now() FROM "Commune" WHERE slug = 'thien-tin'`,
  );
});

function linkMailedTo(to: string): string | null {
  const dir = readFileSync("test-results/e2e-mail-dir", "utf8").trim();
  const mails = readdirSync(dir).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { to: string; text: string });
  const match = mails.filter((m) => m.to === to).at(-1)?.text.match(/https?:\/\/\S+\/confirm-email\?token=[A-Za-z0-9_-]+/);
  return match ? match[0] : null;
}

test("an email added on the account page signs in only after its link is opened", async ({ page, browser }) => {
  test.skip(!existsSync("test-results/e2e-mail-dir"), "the e2e server was started without the SMTP sink (E2E_SMTP_SINK=0)");
  await signIn(page, PHONE);
  await page.goto("/thien-tin/account");
  await expect(page.getByRole("checkbox", { name: /^Nhận thông báo qua email/ })).not.toBeChecked();
  await page.getByLabel("Email (để nhận thông báo, không bắt buộc)").fill(EMAIL);
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByTestId("email-status")).toContainText("Email chưa được xác nhận");
  await expectAccessible(page, "account page with an unconfirmed email");

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Số điện thoại hoặc email").fill(EMAIL);
  await other.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Email này chưa được xác nhận" })).toBeVisible();

  await expect.poll(() => linkMailedTo(EMAIL), { timeout: 30_000 }).not.toBeNull();
  const link = new URL(linkMailedTo(EMAIL)!);
  await other.goto(`${link.pathname}${link.search}`);
  await expect(other.getByRole("heading", { level: 1, name: "Xác nhận địa chỉ email" })).toBeVisible();
  await expectAccessible(other, "confirm email");
  await other.getByRole("button", { name: "Xác nhận email" }).click();
  await expect(other.getByRole("status")).toHaveText("Đã xác nhận email. Ông/bà có thể đăng nhập bằng email này.");
  await context.close();

  const later = await browser.newContext();
  await signIn(await later.newPage(), EMAIL);
  await later.close();
  await page.reload();
  await expect(page.getByTestId("email-status")).toHaveText("Email đã được xác nhận.");
});
