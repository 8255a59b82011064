// Works and results (issue 13 §1) in the browser: staff create the road result from the seeded road
// consultation with its budget by source, publish it, post three milestones (with a photo) to done; a
// resident follows it, is told of each milestone, and comments; the public map, list and page show the
// timeline, the progress and the money. Axe on every page.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";
import { postMilestones } from "./work-milestones";

const STAFF = "canbo@thientin.danban.local";
const RESIDENT = "0901000004";
const ROAD = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";
/** An 8×8 PNG, real enough for the image check; the server re-encodes it without metadata. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoiLLBihiGlgQAb05DgeDbNN0AAAAASUVORK5CYII=", "base64");

test("staff take the road result to done through three milestones; a resident follows and comments; the public sees it all", async ({ page, browser }) => {
  test.setTimeout(480_000); // a slow shared machine: three uploads and refreshes
  const [road] = await query<{ id: string }>(`SELECT c.id FROM "Consultation" c JOIN "Commune" m ON m.id = c."communeId" WHERE m.slug = 'thien-tin' AND c.title = $1`, [ROAD]);

  // Staff create the work from the consultation: the title and villages come prefilled.
  await signIn(page, STAFF);
  await page.goto("/thien-tin/staff/works");
  await expectAccessible(page, "staff works list");
  await page.goto(`/thien-tin/staff/works/new?consultation=${road!.id}`);
  await expect(page.getByLabel("Tên công trình")).toHaveValue(ROAD);
  await expectAccessible(page, "new work form");
  const title = `Đường liên thôn (thử ${Date.now()})`;
  await page.getByLabel("Tên công trình").fill(title);
  await page.getByLabel("Đơn vị thi công").fill("Công ty TNHH Xây dựng Thử");
  // A budget line without its amount is refused with its line named; what was typed stays.
  await page.getByRole("button", { name: "Thêm nguồn kinh phí" }).click();
  await page.getByRole("button", { name: "Lưu công trình" }).click();
  await expect(page.getByText("Dòng kinh phí 1: nhập số tiền dự kiến.").first()).toBeVisible();
  await expect(page.getByLabel("Tên công trình")).toHaveValue(title);
  await page.getByLabel("Số tiền dự kiến (đồng)").fill("2.000.000.000");
  await page.getByLabel("Đã chi (đồng)").fill("500.000.000");
  await page.getByRole("button", { name: "Thêm nguồn kinh phí" }).click();
  await page.locator("#budget-1-source").selectOption("LABOUR_DAYS");
  await page.getByLabel("Số ngày công dự kiến").fill("600");
  await page.getByRole("button", { name: "Lưu công trình" }).click();
  await page.waitForURL(/\/staff\/works\/[a-z0-9]+$/);
  const workId = page.url().split("/").pop()!;
  await expect(page.getByTestId("work-published")).toContainText("Chưa công bố");
  await expectAccessible(page, "staff work page (draft)");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Công bố công trình" }).click();
  await expect(page.getByTestId("work-published")).toContainText("Đã công bố");

  // A resident follows it.
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await signIn(resident, RESIDENT);
  await resident.goto(`/thien-tin/works/${workId}`);
  await expectAccessible(resident, "work page, signed in");
  await resident.getByRole("button", { name: "Theo dõi công trình" }).click();
  await expect(resident.getByText("Bạn đang theo dõi công trình này")).toBeVisible();

  // Three milestones, to done; the first with a photo.
  const steps = [
    { status: "IN_PROGRESS", progress: "30", body: "Khởi công, bàn giao mặt bằng đoạn Phú Khương.", shown: "Đang thi công", photo: { name: "khoi-cong.png", mimeType: "image/png", buffer: PNG } },
    { status: "", progress: "70", body: "Đổ bê tông xong 2,2 km.", shown: "Đang thi công" },
    { status: "DONE", progress: "", body: "Nghiệm thu, đưa vào sử dụng.", shown: "Hoàn thành" },
  ];
  await postMilestones(page, steps);
  await expectAccessible(page, "staff work page (done)");
  const [told] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Notification" WHERE kind = 'workMilestone' AND link LIKE $1`, [`%/works/${workId}`]);
  expect(Number(told!.n)).toBe(3);

  // The resident comments on the last milestone.
  await resident.reload();
  await expectAccessible(resident, "work page, done");
  const last = resident.getByTestId("work-milestone").first();
  await last.getByLabel("Bình luận của bạn").fill("Đường đẹp, cảm ơn xã và bà con đã góp công.");
  await last.getByRole("button", { name: "Gửi" }).click();
  await expect(resident.getByText("Đã gửi bình luận.")).toBeVisible();
  await resident.reload();
  await expect(resident.getByTestId("work-comment")).toContainText("Đường đẹp, cảm ơn xã");
  await expectAccessible(resident, "work page with the comment");
  await residentContext.close();

  // The public: the list, filtered by status, and the page with the timeline, progress and money.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/thien-tin/works?status=DONE");
  await expectAccessible(visitor, "public works list");
  await visitor.getByRole("link", { name: title }).click();
  await visitor.waitForURL(`**/works/${workId}`);
  await expectAccessible(visitor, "public work page");
  await expect(visitor.getByTestId("work-status")).toHaveText("Hoàn thành");
  await expect(visitor.getByRole("progressbar", { name: "Tiến độ" })).toHaveAttribute("aria-valuenow", "100");
  await expect(visitor.getByTestId("work-milestone")).toHaveCount(3);
  await expect(visitor.getByRole("img", { name: /Ảnh cập nhật ngày/ })).toBeVisible();
  const money = visitor.getByTestId("work-money");
  await expect(money).toContainText("Ngân sách nhà nước");
  await expect(money).toContainText("2.000.000.000");
  await expect(money).toContainText("500.000.000");
  await expect(money).toContainText("600 ngày công");
  await expect(visitor.getByTestId("work-followers")).toHaveText("1");
  await expect(visitor.getByRole("link", { name: ROAD })).toBeVisible();
  await visitor.goto(`/thien-tin/consultations/${road!.id}`);
  await expectAccessible(visitor, "the consultation links to its works");
  await expect(visitor.getByTestId("consultation-works")).toContainText(title);
  await visitorContext.close();
});

test("the seeded road work is on the public map and list, in English too", async ({ page }) => {
  await page.goto("/en/thien-tin/works?status=IN_PROGRESS");
  await expectAccessible(page, "public works list in English");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Works and results after a decision");
  await expect(page.getByTestId("work-item").filter({ hasText: "Phú Khương – Long Bình – Tân Hòa (3,2 km)" })).toBeVisible();
  await expect(page.locator(".leaflet-container")).toBeVisible();
});
