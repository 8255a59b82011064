// An administrator grants a role to an official's existing account and withdraws it; a wrong number is
// named and what was typed stays; the withdrawn role stops opening the staff area. A Front reviewer's
// role is only proposed by the administrator and takes effect when the Front confirms it.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test("an administrator grants a village head's role, the person works with it, and the role is withdrawn", async ({ page, browser }) => {
  await signIn(page, "admin@danban.local");
  await page.goto("/thien-tin/staff");
  await expectAccessible(page, "staff dashboard");
  await page.getByRole("link", { name: "Cán bộ và vai trò" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cán bộ và vai trò" })).toBeVisible();
  await expectAccessible(page, "officials");

  const form = page.locator("section", { has: page.getByRole("heading", { name: "Cấp vai trò" }) });
  // First the account is looked up and shown (name, end of the phone number), then the role is granted.
  await form.getByLabel("Số điện thoại hoặc email của tài khoản").fill("0988 777 666");
  await form.getByRole("button", { name: "Tìm tài khoản" }).click();
  await expect(form.getByRole("alert")).toContainText("Không có tài khoản nào với số điện thoại hoặc email này");
  await expect(form.getByLabel("Số điện thoại hoặc email của tài khoản")).toHaveValue("0988 777 666");

  await form.getByLabel("Số điện thoại hoặc email của tài khoản").fill("0901000004");
  await form.getByRole("button", { name: "Tìm tài khoản" }).click();
  await expect(form.getByTestId("grantee")).toContainText(/Tài khoản: .+, số điện thoại •+004\./);
  await expectAccessible(page, "officials, the account found before granting");
  await form.getByLabel("Vai trò").selectOption({ label: "Trưởng thôn" });
  await form.getByLabel("Thôn").selectOption({ label: "Long Bình" });
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

test("an administrator only proposes a Front reviewer; the Front confirms on its page and the person then works as one", async ({ page, browser }) => {
  // An account of its own (the demo password), so that no other journey's resident changes role.
  await query(
    `INSERT INTO "User" ("id", "name", "displayName", "phone", "passwordHash", "updatedAt")
     SELECT 'e2e-front-candidate', 'Trần Văn Giám', 'Giám', '+84901000077', "passwordHash", now() FROM "User" WHERE "phone" = '+84901000004'
     ON CONFLICT DO NOTHING`,
  );
  await signIn(page, "admin@danban.local");
  await page.goto("/thien-tin/staff/officials");
  await expectAccessible(page, "officials");
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Cấp vai trò" }) });
  await form.getByLabel("Số điện thoại hoặc email của tài khoản").fill("0901000077");
  await form.getByRole("button", { name: "Tìm tài khoản" }).click();
  await expect(form.getByTestId("grantee")).toContainText("Trần Văn Giám");
  await form.getByLabel("Vai trò").selectOption({ label: "Ủy ban MTTQ" });
  await form.getByRole("button", { name: "Cấp vai trò" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã gửi đề nghị; vai trò thành viên MTTQ có hiệu lực khi Ủy ban MTTQ xã xác nhận.");
  const waiting = page.getByTestId("front-change").filter({ hasText: "Trần Văn Giám" });
  await expect(waiting).toContainText("Bổ nhiệm thành viên MTTQ");
  await expect(waiting.getByRole("button")).toHaveCount(0);
  await expect(page.getByTestId("official").filter({ hasText: "0901 000 077" })).toHaveCount(0);
  await expectAccessible(page, "officials with a proposal waiting");

  const context = await browser.newContext();
  const front = await context.newPage();
  await signIn(front, "mttq@thientin.danban.local");
  await front.goto("/thien-tin/front");
  const proposal = front.getByTestId("front-change").filter({ hasText: "Trần Văn Giám" });
  await expect(proposal).toBeVisible();
  await expectAccessible(front, "the Front's page with a proposal");
  front.once("dialog", (d) => void d.accept());
  await proposal.getByRole("button", { name: "Xác nhận" }).click();
  await expect(proposal).toHaveCount(0);
  const [grant] = await query<{ actorRole: string }>(`SELECT "actorRole" FROM "AuditEvent" WHERE action = 'membership.grant' AND details->>'role' = 'FRONT_REVIEWER' ORDER BY seq DESC LIMIT 1`);
  expect(grant?.actorRole).toBe("FRONT_REVIEWER");
  await context.close();

  const appointed = await browser.newContext();
  const person = await appointed.newPage();
  await signIn(person, "0901000077");
  await person.goto("/thien-tin/front");
  await expect(person).toHaveURL(/\/thien-tin\/front$/);
  await expect(person.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(person, "the Front's page for the new reviewer");
  await appointed.close();
});
