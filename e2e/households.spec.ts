// A living household list: staff record a household moving away and split another (each with its day,
// nobody deleted, the history kept); a resident sees their household and village on their account page
// and asks for a correction; staff answer it, and the resident reads the answer. In xã Nghĩa Hành
// (Thôn Xuân Đình), so that Thiện Tín keeps the households other journeys count on.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const NH_STAFF = "canbo@nghiahanh.danban.local";
const NH_RESIDENT = "0902000001";
const NEW_CODE = "NH-TACH-E2E";
const REQUEST = "Con trai tôi đã lập gia đình và ở riêng từ tháng 10, đề nghị tách khỏi hộ.";
const ANSWER = "Xã đã kiểm tra và tách hộ cho con trai ông từ ngày 01/10.";

/** Two households of Xuân Đình with at least three people on the list: one moves away, one splits. */
async function twoHouseholds() {
  return query<{ id: string; code: string }>(
    `SELECT h.id, h.code FROM "Household" h JOIN "Village" v ON v.id = h."villageId" JOIN "Commune" c ON c.id = h."communeId"
     WHERE c.slug = 'nghia-hanh' AND v.name = 'Thôn Xuân Đình' AND h."isActive"
       AND (SELECT count(*) FROM "Resident" r WHERE r."householdId" = h.id AND r."isActive") >= 3
     ORDER BY h.code LIMIT 2`,
  );
}

test("staff record a household moving away and split another, each with its day", async ({ page }) => {
  test.setTimeout(240_000);
  const [leaving, splitting] = await twoHouseholds();
  expect(leaving && splitting).toBeTruthy();
  page.on("dialog", (d) => void d.accept());
  await signIn(page, NH_STAFF);

  await page.goto(`/nghia-hanh/staff/residents?code=${encodeURIComponent(leaving!.code)}`);
  await expectAccessible(page, "resident list, one household");
  await page.getByRole("link", { name: `Hộ ${leaving!.code}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hộ ${leaving!.code}` })).toBeVisible();
  await expectAccessible(page, "household page");
  const movedAway = page.locator("form", { hasText: "Cả hộ chuyển đi nơi khác" });
  await movedAway.getByRole("button", { name: "Ghi cả hộ chuyển đi" }).click();
  await expect(page.getByTestId("household-status")).toHaveText("Không còn trong danh sách", { timeout: 60_000 });
  await expect(page.getByTestId("household-change").first()).toContainText("Chuyển đi nơi khác");
  await expectAccessible(page, "household off the list");
  // Nobody deleted: the household and its people are still there, marked, with the period closed today.
  const [row] = await query<{ active: boolean; people: number; closed: number }>(
    `SELECT h."isActive" AS active, (SELECT count(*)::int FROM "Resident" r WHERE r."householdId" = h.id) AS people,
            (SELECT count(*)::int FROM "HouseholdPeriod" p WHERE p."householdId" = h.id AND p."validTo" IS NOT NULL) AS closed
     FROM "Household" h WHERE h.id = $1`,
    [leaving!.id],
  );
  expect(row).toMatchObject({ active: false, closed: 1 });
  expect(row!.people).toBeGreaterThanOrEqual(3);

  await page.goto(`/nghia-hanh/staff/households/${splitting!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Hộ ${splitting!.code}` })).toBeVisible();
  const split = page.locator("form", { hasText: "Thành viên tách sang hộ mới" });
  await split.getByRole("group", { name: "Thành viên tách sang hộ mới" }).getByRole("checkbox").first().check();
  await split.getByLabel("Mã hộ mới").fill(NEW_CODE);
  await split.getByRole("button", { name: "Tách hộ" }).click();
  await expect(page.getByTestId("household-change").first()).toContainText("Tách hộ", { timeout: 60_000 });
  await expect(page.getByTestId("household-change").first()).toContainText(NEW_CODE);
  const [created] = await query<{ members: number; village: string }>(
    `SELECT (SELECT count(*)::int FROM "Resident" r WHERE r."householdId" = h.id AND r."isActive") AS members, v.name AS village
     FROM "Household" h JOIN "Village" v ON v.id = h."villageId" WHERE h.code = $1`,
    [NEW_CODE],
  );
  expect(created).toEqual({ members: 1, village: "Thôn Xuân Đình" });
  await expectAccessible(page, "household after a split");
});

test("a resident sees their household and village, and asks for a correction", async ({ page }) => {
  await signIn(page, NH_RESIDENT);
  await page.goto("/nghia-hanh/account");
  const mine = page.getByTestId("my-household");
  await expect(mine.getByRole("heading", { name: "Hộ gia đình của tôi" })).toBeVisible();
  await expect(page.getByTestId("my-household-village")).toHaveText("Thôn Phú Lâm Đông");
  await expect(page.getByTestId("my-household-code")).not.toBeEmpty();
  await expectAccessible(page, "account page with the household");
  await mine.getByLabel("Điều cần sửa (ví dụ: tôi đã chuyển sang hộ khác, sai thôn, thiếu thành viên)").fill(REQUEST);
  await mine.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(page.getByTestId("my-correction").first()).toContainText(REQUEST);
  await expect(page.getByTestId("my-correction").first()).toContainText("Chờ trả lời");
});

test("staff answer the request, and the resident reads the answer", async ({ page }) => {
  await signIn(page, NH_STAFF);
  await page.goto("/nghia-hanh/staff/residents");
  await expectAccessible(page, "resident list");
  await page.getByRole("navigation", { name: "Quản lý người dân" }).getByRole("link", { name: "Đề nghị sửa thông tin hộ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đề nghị sửa thông tin hộ gia đình" })).toBeVisible();
  const request = page.getByTestId("correction").filter({ hasText: REQUEST });
  await expect(request).toContainText("Thôn Phú Lâm Đông");
  await expectAccessible(page, "correction requests");
  await request.getByLabel("Trả lời").fill(ANSWER);
  await request.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(request).toContainText(`: ${ANSWER}`);

  await page.context().clearCookies();
  await signIn(page, NH_RESIDENT);
  await page.goto("/nghia-hanh/account");
  await expect(page.getByTestId("my-correction").first()).toContainText(`Trả lời: ${ANSWER}`);
  await expect(page.getByTestId("my-correction").first()).toContainText("Đã trả lời");
  await expectAccessible(page, "account page with the answer");
});
