// Residents and households: staff import the commune's list, residents register with a phone number
// and a one-time code and are matched to the list (or wait for staff, who verify them in person), a
// village head prints an invitation code, and staff mark a household's representative.
import type { Page } from "@playwright/test";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const LIST = [
  "Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ",
  'Phú Khương,E2E-001,"Tổ 2, Phú Khương",Phan Văn Kiểm,1960,x',
  "Phú Khương,E2E-001,,Phan Thị Thử,1988,",
  "Tân Phú 1,E2E-002,Tổ 5,Võ Thị Mười,1981,x",
  "Tân Phú 1,E2E-002,,Võ Văn Chín,1979,",
  "Tân Phú 1,E2E-003,,Lỗi Năm Sinh,khoảng 1970,",
].join("\r\n");

async function readCode(phone: string) {
  const [row] = await query<{ body: string }>(`SELECT body FROM "SmsMessage" WHERE phone = $1 ORDER BY "createdAt" DESC LIMIT 1`, [`+84${phone.slice(1)}`]);
  return /(\d{6})/.exec(row!.body)![1]!;
}

/** Fills in the registration form, code included; returns when the status page shows. */
async function register(page: Page, person: { phone: string; name: string; birthYear: string; village: string; inviteCode?: string }, checkAccessibility = false) {
  await page.goto("/thien-tin/register");
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký tài khoản người dân" })).toBeVisible();
  await page.getByLabel("Số điện thoại").fill(person.phone);
  await page.getByRole("button", { name: "Gửi mã xác minh" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Đã gửi mã đến số ${person.phone}` })).toBeVisible();
  if (checkAccessibility) await expectAccessible(page, "registration form, second step");
  await page.getByLabel("Mã xác minh (6 chữ số trong tin nhắn)").fill(await readCode(person.phone));
  await page.getByRole("textbox", { name: "Họ và tên" }).fill(person.name);
  await page.getByLabel("Tên hiển thị công khai").fill(person.name.split(" ").at(-1)!);
  await page.getByRole("textbox", { name: "Năm sinh" }).fill(person.birthYear);
  await page.getByLabel("Thôn nơi bạn cư trú").selectOption({ label: person.village });
  if (person.inviteCode) await page.getByLabel("Mã do Trưởng thôn cấp (nếu có)").fill(person.inviteCode);
  await page.getByLabel("Mật khẩu (ít nhất 8 ký tự)").fill("mat-khau-e2e");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page).toHaveURL(/\/thien-tin\/register\/status$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tình trạng tài khoản người dân" })).toBeVisible();
}

test("staff import a CSV list: the preview shows the bad row, confirming imports the good ones", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff");
  await page.getByRole("link", { name: "Người dân", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Danh sách người dân" })).toBeVisible();
  await page.getByRole("navigation", { name: "Quản lý người dân" }).getByRole("link", { name: "Nhập danh sách" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập danh sách hộ gia đình và người dân" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Mã hộ" })).toBeVisible();
  await expectAccessible(page, "list import page");

  // The template downloads with the commune's villages in it.
  const template = await page.request.get("/api/communes/thien-tin/residents/template?format=csv&locale=vi");
  expect(template.status()).toBe(200);
  expect((await template.body()).toString("utf8")).toContain("Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ");

  await page.getByLabel("Tệp danh sách (.xlsx hoặc .csv)").setInputFiles({ name: "danh-sach-e2e.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${LIST}\r\n`) });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("heading", { name: "Xem trước: danh-sach-e2e.csv" })).toBeVisible();
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toContainText("6");
  await expect(errors.getByRole("row").nth(1)).toContainText('Năm sinh "khoảng 1970" không hợp lệ');
  await expect(page.getByTestId("count-created")).toHaveText("4");
  await expectAccessible(page, "list import preview");
  // Nothing is written by the preview.
  expect(await query(`SELECT id FROM "Household" WHERE code LIKE 'E2E-%'`)).toHaveLength(0);

  await page.getByRole("button", { name: "Xác nhận nhập 4 dòng hợp lệ" }).click();
  await expect(page.getByRole("heading", { name: "Đã nhập danh sách" })).toBeVisible();
  await expect(page.getByTestId("import-history")).toContainText("danh-sach-e2e.csv");
  const households = await query<{ code: string; members: number }>(
    `SELECT h.code, count(r.id)::int AS members FROM "Household" h JOIN "Resident" r ON r."householdId" = h.id WHERE h.code LIKE 'E2E-%' GROUP BY h.code ORDER BY h.code`,
  );
  expect(households).toEqual([
    { code: "E2E-001", members: 2 },
    { code: "E2E-002", members: 2 },
  ]);
  const [batch] = await query<{ rowCount: number; created: number }>(`SELECT "rowCount", created FROM "ImportBatch" WHERE "fileName" = 'danh-sach-e2e.csv'`);
  expect(batch).toEqual({ rowCount: 5, created: 4 });
  await expectAccessible(page, "list import done");
});

test("a resident registers with a phone number and the code, and is matched to the list at once", async ({ page }) => {
  // Typed without diacritics: the list says "Phan Thị Thử".
  await register(page, { phone: "0977000101", name: "phan thi thu", birthYear: "1988", village: "Phú Khương" }, true);
  const status = page.getByTestId("registration-status");
  await expect(status.getByRole("heading", { name: "Đã xác minh" })).toBeVisible();
  await expect(status).toContainText("Phan Thị Thử, Phú Khương (hộ E2E-001)");
  await expect(status).toContainText("Khớp với danh sách hộ gia đình của xã");
  await expectAccessible(page, "registration status, verified");
  const [row] = await query<{ status: string; verificationMethod: string }>(
    `SELECT m.status, m."verificationMethod" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.phone = '+84977000101'`,
  );
  expect(row).toEqual({ status: "VERIFIED", verificationMethod: "LIST_MATCH" });
});

test("a registration the list cannot match waits; staff verify it in person", async ({ page, browser }) => {
  // "Võ Chín" is "Võ Văn Chín" on the list: no exact match, so staff decide.
  await register(page, { phone: "0977000102", name: "Võ Chín", birthYear: "1979", village: "Tân Phú 1" });
  await expect(page.getByTestId("registration-status").getByRole("heading", { name: "Chờ xác minh" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Có mã của Trưởng thôn?" })).toBeVisible();
  await expectAccessible(page, "registration status, pending");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "canbo@thientin.danban.local");
  // Staff can read the text message in the outbox.
  await staff.goto("/thien-tin/staff/residents/outbox");
  await expect(staff.getByTestId("sms-outbox")).toContainText("0977 000 102");
  await expect(staff.getByTestId("sms-outbox")).toContainText("Chỉ lưu tại đây, không gửi đi");
  await expectAccessible(staff, "text-message outbox");

  await staff.goto("/thien-tin/staff/residents/pending");
  await expect(staff.getByRole("heading", { level: 1, name: "Đăng ký chờ xác minh" })).toBeVisible();
  const card = staff.getByTestId("pending-registration").filter({ hasText: "Võ Chín" });
  await expect(card).toContainText("0977 000 102");
  await expectAccessible(staff, "pending registrations");
  await card.getByRole("radio", { name: /Võ Văn Chín \(1979\)/ }).check();
  await card.getByRole("button", { name: "Xác minh trực tiếp" }).click();
  await expect(card.getByRole("status")).toHaveText("Đã xác minh Võ Chín.");
  const [row] = await query<{ status: string; verificationMethod: string; fullName: string }>(
    `SELECT m.status, m."verificationMethod", r."fullName" FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Resident" r ON r.id = m."residentId" WHERE u.phone = '+84977000102'`,
  );
  expect(row).toEqual({ status: "VERIFIED", verificationMethod: "IN_PERSON", fullName: "Võ Văn Chín" });

  await page.reload();
  await expect(page.getByTestId("registration-status").getByRole("heading", { name: "Đã xác minh" })).toBeVisible();
  await expect(page.getByTestId("registration-status")).toContainText("Cán bộ xã xác minh trực tiếp");
  await staffContext.close();
});

test("staff find a household by a name typed without diacritics and mark its representative", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/residents");
  await page.getByLabel("Họ tên").fill("vo van chin");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page).toHaveURL(/q=vo\+van\+chin/);
  const household = page.getByTestId("household").filter({ hasText: "Hộ E2E-002" });
  await expect(household).toBeVisible();
  await expect(household.getByTestId("member").filter({ hasText: "Võ Thị Mười" }).getByTestId("representative")).toBeVisible();
  await expectAccessible(page, "resident list");

  await household.getByRole("button", { name: "Đặt làm đại diện (Võ Văn Chín)" }).click();
  await expect(household.getByTestId("member").filter({ hasText: "Võ Văn Chín" }).getByTestId("representative")).toBeVisible();
  await expect(household.getByRole("button", { name: "Đặt làm đại diện (Võ Thị Mười)" })).toBeVisible();
  const [row] = await query<{ fullName: string }>(
    `SELECT r."fullName" FROM "Household" h JOIN "Resident" r ON r.id = h."representativeId" WHERE h.code = 'E2E-002'`,
  );
  expect(row?.fullName).toBe("Võ Văn Chín");
});

test("a village head prints a code for a person of the village, who registers with it", async ({ page, browser }) => {
  await signIn(page, "truongthon.phukhuong@thientin.danban.local");
  await page.goto("/thien-tin/staff/residents?code=E2E-001");
  await expect(page.getByText("Bạn xem được danh sách của thôn mình")).toBeVisible();
  const household = page.getByTestId("household").filter({ hasText: "Hộ E2E-001" });
  // Phan Thị Thử has an account already: no code for her.
  await expect(household.getByRole("button", { name: "Cấp mã đăng ký (Phan Thị Thử)" })).toHaveCount(0);
  await household.getByRole("button", { name: "Cấp mã đăng ký (Phan Văn Kiểm)" }).click();
  const code = (await household.getByTestId("invite-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(household.getByTestId("invite-slip")).toContainText("Cấp cho: Phan Văn Kiểm, sinh năm 1960, thôn Phú Khương");
  await expectAccessible(page, "resident list of a village head, with a printed code");

  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await register(resident, { phone: "0977000103", name: "Phan Kiểm", birthYear: "1960", village: "Phú Khương", inviteCode: code.toLowerCase() });
  await expect(resident.getByTestId("registration-status")).toContainText("Mã do Trưởng thôn cấp");
  await expect(resident.getByTestId("registration-status")).toContainText("Phan Văn Kiểm, Phú Khương (hộ E2E-001)");
  await residentContext.close();
});

test("registration works on a 360×640 phone @phone", async ({ page }) => {
  // Someone on the demo list without an account yet.
  const [person] = await query<{ fullName: string; birthYear: number }>(
    `SELECT r."fullName", r."birthYear" FROM "Resident" r JOIN "Village" v ON v.id = r."villageId"
     WHERE v.name = 'Long Bình' AND r."birthYear" < 2000 AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."residentId" = r.id)
       AND (SELECT count(*) FROM "Resident" o WHERE o."villageId" = r."villageId" AND o."nameKey" = r."nameKey" AND o."birthYear" = r."birthYear") = 1
     ORDER BY r.id LIMIT 1`,
  );
  await page.goto("/thien-tin/register");
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, "registration on a phone");
  await register(page, { phone: "0977000104", name: person!.fullName, birthYear: String(person!.birthYear), village: "Long Bình" });
  await expect(page.getByTestId("registration-status").getByRole("heading", { name: "Đã xác minh" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, "registration status on a phone");
});
