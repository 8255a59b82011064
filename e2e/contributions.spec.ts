// Contributions and citizens' initiatives (issue 13 §2): staff set up a contribution from the seeded
// decision that passed under Law 10/2022 Art. 15.1, open collection, record receipts (a receipt number
// used twice is refused and what was typed stays), an exemption and the Art. 11.5 disclosure; the public
// page shows the totals and the exemptions as counts, never the exempt household; a resident sees their
// own household's record; a resident starts an initiative and sees the count against 10%.
import { expect as baseExpect, expectAccessible, query, signIn, test } from "./fixtures";

// Each journey signs in, fills several forms and runs axe on a machine shared with other builds.
test.describe.configure({ mode: "serial", timeout: 240_000 });

// Opening collection counts the decision's ballot (Art. 15.1); on a busy machine answers take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

const SLUG = "thien-tin";
const TITLE = `Đóng góp thử sửa cống ${Date.now().toString(36)}`;
const DECISION = "Đóng góp kinh phí bê tông hóa đường giao thông nông thôn năm 2026";
const RESIDENT = "0901000001";
let contributionId: string;
let payer: { code: string };
let exempt: { code: string; name: string };

const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  const rows = await query<{ code: string; name: string }>(
    `SELECT h.code, r."fullName" AS name FROM "Household" h JOIN "Commune" c ON c.id = h."communeId" JOIN "Resident" r ON r.id = h."representativeId"
     WHERE c.slug = $1 AND h."isActive" ORDER BY h.code DESC LIMIT 2`,
    [SLUG],
  );
  payer = rows[0]!;
  exempt = rows[1]!;
});

test("staff set up a contribution from the passed decision and open collection", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/contributions`);
  await expectAccessible(page, "staff contributions page");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Lập khoản đóng góp" }) });
  await form.getByLabel("Nội dung đã biểu quyết").selectOption({ label: DECISION });
  await form.getByLabel("Tên khoản đóng góp").fill(TITLE);
  await form.getByLabel("Mức mỗi hộ").fill("200000");
  await form.getByLabel("Từ ngày").fill(today());
  await form.getByLabel("Đến ngày").fill("2027-12-31");
  await form.getByRole("button", { name: "Lập khoản đóng góp" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã lập. Mở sổ thu để mở thu.");
  const [row] = await query<{ id: string }>(`SELECT id FROM "Contribution" WHERE title = $1`, [TITLE]);
  contributionId = row!.id;

  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expectAccessible(page, "ledger before opening");
  await page.getByRole("button", { name: "Mở thu" }).click();
  // Once open, the opening form gives way to the receipt form.
  await expect(page.getByRole("button", { name: "Ghi vào sổ", exact: true })).toBeVisible();
});

test("staff record receipts, an exemption category and a household's exemption, and post the disclosure", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/contributions/${contributionId}/ledger`);
  const receipt = page.locator("form").filter({ has: page.getByRole("button", { name: "Ghi vào sổ", exact: true }) });
  await expect(receipt).toBeVisible();
  const enter = async (code: string, number: string) => {
    await receipt.getByLabel("Mã hộ").fill(code);
    await receipt.getByLabel("Số tiền (đồng)").fill("200000");
    await receipt.getByLabel("Người thu").fill("Nguyễn Thị Thu");
    await receipt.getByLabel("Số biên lai").fill(number);
    await receipt.getByRole("button", { name: "Ghi vào sổ", exact: true }).click();
  };
  await enter(payer.code, "E2E-001");
  await expect(receipt.getByRole("status")).toHaveText("Đã ghi vào sổ.");
  await enter(payer.code, "E2E-001");
  await expect(receipt.getByRole("alert")).toBeVisible();
  await expect(receipt.getByText("Số biên lai E2E-001 đã được ghi cho khoản đóng góp này.")).toBeVisible();
  await expect(receipt.getByLabel("Số biên lai")).toHaveValue("E2E-001");
  await expectAccessible(page, "ledger with a refused receipt");

  const category = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm diện" }) });
  await category.getByLabel("Tên diện (ví dụ: Hộ nghèo)").fill("Hộ nghèo");
  await category.getByRole("button", { name: "Thêm diện" }).click();
  await expect(category.getByRole("status")).toHaveText("Đã thêm diện miễn, giảm.");

  const exemption = page.locator("form").filter({ has: page.getByRole("button", { name: "Ghi miễn, giảm" }) });
  await exemption.getByLabel("Mã hộ").fill(exempt.code);
  await exemption.getByRole("button", { name: "Ghi miễn, giảm" }).click();
  await expect(exemption.getByRole("status")).toHaveText("Đã ghi miễn, giảm.");

  const disclose = page.locator("form").filter({ has: page.getByRole("button", { name: "Niêm yết và ghi vào sổ công khai" }) });
  await disclose.getByRole("button", { name: "Niêm yết và ghi vào sổ công khai" }).click();
  await expect(disclose.getByRole("status")).toHaveText("Đã ghi vào sổ công khai.");
  await expect(page.getByTestId("ledger-entry").filter({ hasText: "E2E-001" })).toBeVisible();
  await expectAccessible(page, "ledger after recording");
});

test("the public page shows totals per village and month, and exemptions as counts only", async ({ page }) => {
  await page.goto(`/${SLUG}/contributions`);
  await expectAccessible(page, "public contributions list");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId("contribution-total")).toContainText("Đã thu 200.000 đồng");
  await expect(page.getByTestId("exemption-count")).toHaveText("Hộ nghèo (miễn toàn bộ): 1 hộ");
  await expect(page.getByText(/Đã niêm yết công khai số tiền huy động/)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(exempt.code);
  expect(html).not.toContain(exempt.name);
  await expectAccessible(page, "public contribution page");
});

test("a resident sees their own household's record on the seeded contribution", async ({ page }) => {
  await signIn(page, RESIDENT);
  const [seeded] = await query<{ id: string }>(`SELECT c.id FROM "Contribution" c JOIN "Commune" m ON m.id = c."communeId" WHERE m.slug = $1 AND c.title LIKE 'Đóng góp bê tông hóa%'`, [SLUG]);
  await page.goto(`/${SLUG}/contributions/${seeded!.id}`);
  await expect(page.getByTestId("my-household")).toContainText("Hộ của bạn");
  await expect(page.getByTestId("my-household")).toContainText("biên lai số BL-");
  await expectAccessible(page, "seeded contribution with own record");
});

test("a resident starts an initiative and sees the count against 10% of the village's households", async ({ page }) => {
  await signIn(page, RESIDENT);
  await page.goto(`/${SLUG}/initiatives`);
  await expectAccessible(page, "initiatives page");
  const matter = `Sửa mương thoát nước ${Date.now().toString(36)}`;
  await page.getByLabel("Việc đề xuất").fill(matter);
  await page.getByLabel("Nội dung").fill("Đề nghị thôn bàn việc nạo vét và sửa mương thoát nước trước mùa mưa.");
  await page.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(page.getByText("Đã gửi. Hộ của bạn là chữ ký đầu tiên.")).toBeVisible();
  const card = page.getByTestId("initiative").filter({ hasText: matter });
  await expect(card.getByTestId("initiative-count")).toHaveText(/^1 hộ đã ký \/ cần \d+ \(10% của \d+ hộ\)$/);
  await expect(card).toContainText("Hộ của bạn đã ký.");
  await expectAccessible(page, "initiatives page after proposing");
});
