// An administrator grants a role to an official's existing account and withdraws it; a wrong number is
// named and what was typed stays; the withdrawn role stops opening the staff area.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test("an administrator grants a village head's role, the person works with it, and the role is withdrawn", async ({ page, browser }) => {
  await signIn(page, "admin@danban.local");
  await page.goto("/thien-tin/staff");
  await expectAccessible(page, "staff dashboard");
  await page.getByRole("link", { name: "Cán bộ và vai trò" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cán bộ và vai trò" })).toBeVisible();
  await expectAccessible(page, "officials");

  const form = page.locator("section", { has: page.getByRole("heading", { name: "Cấp vai trò" }) });
  await form.getByLabel("Số điện thoại hoặc email của tài khoản").fill("0988 777 666");
  await form.getByLabel("Vai trò").selectOption({ label: "Trưởng thôn" });
  await form.getByLabel("Thôn").selectOption({ label: "Long Bình" });
  await form.getByRole("button", { name: "Cấp vai trò" }).click();
  await expect(form.getByRole("alert")).toContainText("Không có tài khoản nào với số điện thoại hoặc email này");
  await expect(form.getByLabel("Số điện thoại hoặc email của tài khoản")).toHaveValue("0988 777 666");

  await form.getByLabel("Số điện thoại hoặc email của tài khoản").fill("0901000004");
  await form.getByRole("button", { name: "Cấp vai trò" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã cấp vai trò.");
  const row = page.getByTestId("official").filter({ hasText: "Trưởng thôn — Long Bình" }).filter({ hasText: "0901 000 004" });
  await expect(row).toBeVisible();
  const [audit] = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent" WHERE action = 'membership.grant'`);
  expect(Number(audit!.n)).toBeGreaterThanOrEqual(1);

  const context = await browser.newContext();
  const head = await context.newPage();
  await signIn(head, "0901000004");
  await head.goto("/thien-tin/staff/residents");
  await expect(head.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(head).toHaveURL(/\/thien-tin\/staff\/residents$/);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Thu hồi" }).click();
  await expect(row).toHaveCount(0);
  await head.goto("/thien-tin/staff/residents");
  await expect(head).toHaveURL(/\/forbidden$/);
  await context.close();
});

test("staff do not see or open the officials page", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff");
  await expect(page.getByRole("link", { name: "Cán bộ và vai trò" })).toHaveCount(0);
  await expectAccessible(page, "staff dashboard without the officials link");
  await page.goto("/thien-tin/staff/officials");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expectAccessible(page, "forbidden page");
});
