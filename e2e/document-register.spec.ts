// The commune's register of outgoing documents (issue 14 §3, Decree 30/2020 Art. 15; lib/register): an
// administrator sets Nghĩa Hành to take its numbers from the office's own register; staff type the number
// the register gave a report; a number already used for a report that year is refused with the reason,
// what was typed stays, and a free number goes into the register.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const AWAITING = "e2e-register-awaiting";
const TAKEN = "e2e-register-taken";
const SUBJECT = "Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về nâng cấp đường liên thôn (thử sổ văn bản)";
const year = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()));
let communeId = "";

test.beforeAll(async () => {
  const [commune] = await query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = 'nghia-hanh'`);
  communeId = commune!.id;
  const [staff] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'canbo@nghiahanh.danban.local'`);
  await query(`DELETE FROM "IssuedDocument" WHERE id IN ($1, $2)`, [AWAITING, TAKEN]);
  // A report already in the register as 901/BC, and an approved report waiting for its number.
  await query(
    `INSERT INTO "IssuedDocument" (id, "communeId", year, type, number, label, subject, "issuedById", "issuedAt", "numberedAt", "numberedById")
     VALUES ($1, $3, $4, 'BC', 901, '901/BC-UBND', 'Báo cáo đã vào sổ', $5, now(), now(), $5),
            ($2, $3, $4, 'BC', NULL, NULL, $6, $5, now(), NULL, NULL)`,
    [TAKEN, AWAITING, communeId, year, staff!.id, SUBJECT],
  );
});

test.afterAll(async () => {
  await query(`UPDATE "Commune" SET settings = jsonb_set(settings, '{documentNumbering}', '"SEQUENCE"') WHERE id = $1`, [communeId]);
  await query(`DELETE FROM "IssuedDocument" WHERE id IN ($1, $2)`, [AWAITING, TAKEN]);
});

test("an administrator sets the commune to type numbers from its own register", async ({ page }) => {
  await signIn(page, "admin@danban.local");
  await page.goto("/nghia-hanh/staff/register");
  await expect(page.getByRole("heading", { level: 1, name: "Sổ đăng ký văn bản đi" })).toBeVisible();
  await expect(page.getByTestId("register-mode")).toContainText("Đang dùng: Dân Bàn cấp số theo thứ tự");
  await expectAccessible(page, "document register");
  const mode = page.getByTestId("register-mode");
  await mode.getByLabel("Cách lấy số").selectOption("TYPED");
  await mode.getByRole("button", { name: "Lưu cách lấy số" }).click();
  await expect(mode.getByRole("status")).toHaveText("Đã lưu cách lấy số.");
  await expect(mode).toContainText("Đang dùng: Nhập số theo sổ của xã");
});

test("staff type the register's number for a report; a number used that year is refused, a free one is recorded", async ({ page }) => {
  test.slow(); // three pages checked with axe on a shared 2-core machine
  await signIn(page, "canbo@nghiahanh.danban.local");
  await page.goto("/nghia-hanh/staff/register");
  await expect(page.getByRole("heading", { level: 1, name: "Sổ đăng ký văn bản đi" })).toBeVisible();
  // The staff area's menu leads here.
  await expect(page.getByRole("link", { name: "Sổ văn bản đi" })).toHaveAttribute("href", "/nghia-hanh/staff/register");
  // Staff read the mode but do not change it.
  await expect(page.getByTestId("register-mode").getByRole("button")).toHaveCount(0);
  const line = page.getByTestId("register-awaiting-line").filter({ hasText: SUBJECT });
  await expect(line).toContainText("Báo cáo");
  const number = line.getByLabel(`Số theo sổ văn bản đi (…/BC-UBND, năm ${year})`);

  await number.fill("901");
  await line.getByRole("button", { name: "Ghi số" }).click();
  await expect(line.getByRole("alert")).toContainText(`Số 901/BC-UBND đã được cấp cho văn bản khác cùng loại trong năm ${year}`);
  await expect(number).toHaveValue("901");
  await expectAccessible(page, "register with a refused number");
  expect((await query<{ number: number | null }>(`SELECT number FROM "IssuedDocument" WHERE id = $1`, [AWAITING]))[0]!.number).toBeNull();

  await number.fill("902");
  await line.getByRole("button", { name: "Ghi số" }).click();
  await expect(line.getByRole("status")).toHaveText("Đã ghi số vào sổ.");
  await expect(page.getByTestId("register-awaiting-line").filter({ hasText: SUBJECT })).toHaveCount(0);
  const row = page.getByTestId("register-line").filter({ hasText: SUBJECT });
  await expect(row).toContainText("902/BC-UBND");
  await expect(page.getByTestId("register-line").filter({ hasText: "901/BC-UBND" })).toHaveCount(1);
  expect((await query<{ label: string }>(`SELECT label FROM "IssuedDocument" WHERE id = $1`, [AWAITING]))[0]!.label).toBe("902/BC-UBND");
  await expectAccessible(page, "register after recording a number");
});
