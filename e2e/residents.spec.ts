// Residents and households: staff import the commune's list, residents register with a phone number
// and a one-time code and are matched to the list (or wait for staff, who verify them in person), a
// village head prints an invitation code, and staff mark a household's representative. The list is
// imported into xã Nghĩa Hành, so that Thiện Tín keeps the households other journeys count on.
import type { Page } from "@playwright/test";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";
import { readSmsCode } from "./sms";

test.describe.configure({ mode: "serial" });

// Village names with and without the "Thôn" prefix: both are recognised.
const LIST = [
  "Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ",
  'Phú Lâm Đông,E2E-001,"Tổ 2, Phú Lâm Đông",Phan Văn Kiểm,1960,x',
  "Phú Lâm Đông,E2E-001,,Phan Thị Thử,1988,",
  "Thôn Phú Lâm Tây,E2E-002,Tổ 5,Võ Thị Mười,1981,x",
  "Thôn Phú Lâm Tây,E2E-002,,Võ Văn Chín,1979,",
  "Thôn Phú Lâm Tây,E2E-003,,Lỗi Năm Sinh,khoảng 1970,",
].join("\r\n");
const NH_STAFF = "canbo@nghiahanh.danban.local";

const readCode = readSmsCode;

/** Fills in the registration form, code included; returns when the status page shows. */
async function register(
  page: Page,
  person: { commune: string; phone: string; name: string; birthYear: string; village: string; inviteCode?: string },
  // The form's first step is checked on every registration (each opened page is); this adds the second.
  checkAccessibility = false,
) {
  await page.goto(`/${person.commune}/register`);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký tài khoản người dân" })).toBeVisible();
  await expectAccessible(page, "registration form");
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
  await expect(page).toHaveURL(new RegExp(`/${person.commune}/register/status$`));
  await expect(page.getByRole("heading", { level: 1, name: "Tình trạng tài khoản người dân" })).toBeVisible();
}

test("staff import a CSV list: the preview shows the bad row, confirming imports the good ones", async ({ page }) => {
  await signIn(page, NH_STAFF);
  await page.goto("/nghia-hanh/staff");
  await expectAccessible(page, "staff home");
  await page.getByRole("link", { name: "Người dân", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Danh sách người dân" })).toBeVisible();
  await expectAccessible(page, "resident list");
  await page.getByRole("navigation", { name: "Quản lý người dân" }).getByRole("link", { name: "Nhập danh sách" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập danh sách hộ gia đình và người dân" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Mã hộ" })).toBeVisible();
  await expectAccessible(page, "list import page");

  // The template downloads with the commune's villages in it.
  const template = await page.request.get("/api/communes/nghia-hanh/residents/template?format=csv&locale=vi");
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
  await register(page, { commune: "nghia-hanh", phone: "0977000101", name: "phan thi thu", birthYear: "1988", village: "Thôn Phú Lâm Đông" }, true);
  const status = page.getByTestId("registration-status");
  await expect(status.getByRole("heading", { name: "Đã xác minh" })).toBeVisible();
  await expect(status).toContainText("Phan Thị Thử, Thôn Phú Lâm Đông (hộ E2E-001)");
  await expect(status).toContainText("Khớp với danh sách hộ gia đình của xã");
  await expectAccessible(page, "registration status, verified");
  const [row] = await query<{ status: string; verificationMethod: string }>(
    `SELECT m.status, m."verificationMethod" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.phone = '+84977000101'`,
  );
  expect(row).toEqual({ status: "VERIFIED", verificationMethod: "LIST_MATCH" });
});

test("a registration the list cannot match waits; staff verify it in person", async ({ page, browser }) => {
  // "Võ Chín" is "Võ Văn Chín" on the list: no exact match, so staff decide.
  await register(page, { commune: "nghia-hanh", phone: "0977000102", name: "Võ Chín", birthYear: "1979", village: "Thôn Phú Lâm Tây" });
  await expect(page.getByTestId("registration-status").getByRole("heading", { name: "Chờ xác minh" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Có mã của Trưởng thôn?" })).toBeVisible();
  await expectAccessible(page, "registration status, pending");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, NH_STAFF);
  // Staff see the text message that went out, with its code masked (production).
  await staff.goto("/nghia-hanh/staff/residents/outbox");
  await expect(staff.getByTestId("sms-outbox")).toContainText("0977 000 102");
  await expect(staff.getByTestId("sms-outbox")).toContainText("Đã gửi");
  await expect(staff.getByTestId("sms-outbox")).toContainText("••••••");
  await expect(staff.getByTestId("sms-outbox")).not.toContainText(await readSmsCode("0977000102"));
  await expectAccessible(staff, "text-message outbox");

  await staff.goto("/nghia-hanh/staff/residents/pending");
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
  await signIn(page, NH_STAFF);
  await page.goto("/nghia-hanh/staff/residents");
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

/** Someone on a demo village's list without an account, whose name and year are unique there. */
async function unregisteredPerson(village: string) {
  const [person] = await query<{ fullName: string; birthYear: number; code: string }>(
    `SELECT r."fullName", r."birthYear", h.code FROM "Resident" r JOIN "Village" v ON v.id = r."villageId" JOIN "Household" h ON h.id = r."householdId"
     WHERE v.name = $1 AND r."birthYear" < 2000 AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."residentId" = r.id)
       AND (SELECT count(*) FROM "Resident" o WHERE o."villageId" = r."villageId" AND o."nameKey" = r."nameKey" AND o."birthYear" = r."birthYear") = 1
     ORDER BY r.id LIMIT 1`,
    [village],
  );
  return person!;
}

test("a village head prints a code for a person of the village, who registers with it", async ({ page, browser }) => {
  const person = await unregisteredPerson("Phú Khương");
  await signIn(page, "truongthon.phukhuong@thientin.danban.local");
  await page.goto(`/thien-tin/staff/residents?code=${person.code}`);
  await expect(page.getByText("Bạn xem được danh sách của thôn mình")).toBeVisible();
  const household = page.getByTestId("household").filter({ hasText: `Hộ ${person.code}` });
  await household.getByRole("button", { name: `Cấp mã đăng ký (${person.fullName})` }).click();
  const code = (await household.getByTestId("invite-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(household.getByTestId("invite-slip")).toContainText(`Cấp cho: ${person.fullName}, sinh năm ${person.birthYear}, thôn Phú Khương`);
  await expectAccessible(page, "resident list of a village head, with a printed code");

  // The person registers under a name of their own choosing: the code, not the name, links them.
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await register(resident, { commune: "thien-tin", phone: "0977000103", name: "Tên Thường Gọi", birthYear: String(person.birthYear), village: "Phú Khương", inviteCode: code.toLowerCase() });
  await expect(resident.getByTestId("registration-status")).toContainText("Mã do Trưởng thôn cấp");
  await expect(resident.getByTestId("registration-status")).toContainText(`${person.fullName}, Phú Khương (hộ ${person.code})`);
  await residentContext.close();

  // The head cannot issue codes for another village's people: the list shows only their own.
  await page.goto("/thien-tin/staff/residents?code=TT-05-0001");
  await expect(page.getByRole("status").filter({ hasText: "Không tìm thấy hộ nào." })).toBeVisible();
});

test("registration works on a 360×640 phone @phone", async ({ page }) => {
  const person = await unregisteredPerson("Thôn Xuân Đình");
  await page.goto("/nghia-hanh/register");
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, "registration on a phone");
  await register(page, { commune: "nghia-hanh", phone: "0977000104", name: person.fullName, birthYear: String(person.birthYear), village: "Thôn Xuân Đình" });
  await expect(page.getByTestId("registration-status").getByRole("heading", { name: "Đã xác minh" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, "registration status on a phone");
});
