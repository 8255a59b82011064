// A road result followed to the end with its community investment supervision board (issue 13 §1 and §4):
// staff create the result from the seeded road consultation and publish it; the Front sets up its board
// (5 members with their declarations, the investor notified 50 days ahead); a board member records a site
// visit with a photo and a finding and publishes it; staff post three milestones to done; the Front
// records the acceptance and the board dissolves; a visitor sees the timeline and the board's published
// finding on the public work page. Real UI throughout, axe on every page.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";
import { postMilestones } from "./work-milestones";

const SLUG = "thien-tin";
const STAFF = "canbo@thientin.danban.local";
const FRONT = "mttq@thientin.danban.local";
const MEMBER = "0901000004"; // a resident of Long Bình, a village the road serves
const ROAD = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";
const FINDING = "Bê tông mặt đường mác 250 đúng thiết kế; mẫu thử được lấy có mặt Ban giám sát.";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoiLLBihiGlgQAb05DgeDbNN0AAAAASUVORK5CYII=", "base64");

/** Today in Vietnam plus `days`, as a date field takes it. */
const vnDate = (days: number) => new Date(Date.now() + 7 * 3600 * 1000 + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

async function userId(where: "email" | "phone", value: string) {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE ${where} = $1`, [value]);
  return row!.id;
}

test("a road result from the seeded consultation, with its board's visit and published finding, through three milestones to done", async ({ page, browser }) => {
  test.setTimeout(600_000); // a slow shared machine: four people, uploads and refreshes
  const [road] = await query<{ id: string }>(`SELECT c.id FROM "Consultation" c JOIN "Commune" m ON m.id = c."communeId" WHERE m.slug = $1 AND c.title = $2`, [SLUG, ROAD]);
  const title = `Đường liên thôn, giai đoạn 2 (thử ${Date.now().toString(36)})`;

  // Staff create the result from the road consultation and publish it.
  await signIn(page, STAFF);
  await page.goto(`/${SLUG}/staff/works/new?consultation=${road!.id}`);
  await expect(page.getByLabel("Tên công trình")).toHaveValue(ROAD);
  await expectAccessible(page, "new work form");
  await page.getByLabel("Tên công trình").fill(title);
  await page.getByLabel("Đơn vị thi công").fill("Công ty TNHH Xây dựng Long Hòa");
  await page.getByRole("button", { name: "Lưu công trình" }).click();
  await page.waitForURL(/\/staff\/works\/[a-z0-9]+$/);
  const workId = page.url().split("/").pop()!;
  await expectAccessible(page, "staff work page (draft)");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Công bố công trình" }).click();
  await expect(page.getByTestId("work-published")).toContainText("Đã công bố");

  // The Front sets up the board: five members, each with their declaration; the investor told 50 days ahead.
  const front = await browser.newContext();
  const fp = await front.newPage();
  await signIn(fp, FRONT);
  await fp.goto(`/${SLUG}/front/supervision`);
  await expectAccessible(fp, "Front supervision page");
  await fp.getByRole("link", { name: `Thành lập Ban giám sát cho “${title}”` }).click();
  await expect(fp.getByRole("heading", { level: 1 })).toContainText("Thành lập Ban giám sát");
  await expectAccessible(fp, "set-up form");
  await fp.getByLabel("Kế hoạch giám sát").fill("Giám sát vật liệu, tiến độ và nghiệm thu từng đoạn tuyến.");
  await fp.getByLabel("Ngày thông báo cho chủ đầu tư").fill(vnDate(-50));
  await fp.getByLabel("Ngày bắt đầu giám sát").fill(vnDate(-5));
  const members: [string, string][] = [
    [await userId("email", FRONT), "FRONT"],
    [await userId("email", "bantt@thientin.danban.local"), "INSPECTION_BOARD"],
    [await userId("email", "truongthon.phukhuong@thientin.danban.local"), "RESIDENT"],
    [await userId("phone", "+84901000002"), "RESIDENT"],
    [await userId("phone", `+84${MEMBER.slice(1)}`), "RESIDENT"],
  ];
  for (const [i, [id, kind]] of members.entries()) {
    await fp.locator(`#member-${i}`).selectOption(id);
    await fp.locator(`#kind-${i}`).selectOption(kind);
    await fp.locator(`[name="declared-${i}"]`).check();
  }
  await fp.getByRole("button", { name: "Thành lập Ban và ghi thông báo cho chủ đầu tư" }).click();
  await expect(fp.getByRole("heading", { level: 1, name: `Ban giám sát: ${title}` })).toBeVisible();
  await expect(fp.getByText(/Đã ký cam kết không có quan hệ/)).toHaveCount(5);
  await expectAccessible(fp, "board page (Front)");
  const boardUrl = fp.url();
  // The notice to the investor (Art. 45.1.b) as a document in the Decree 30 layout.
  for (const format of ["pdf", "docx"]) {
    const href = await fp.getByTestId("investor-notice").getByRole("link", { name: `Tải thông báo (${format.toUpperCase()})` }).getAttribute("href");
    const file = await fp.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toContain(format === "pdf" ? "application/pdf" : "officedocument");
  }

  // A board member records a site visit with a photo, a finding from it, and publishes the finding.
  const member = await browser.newContext();
  const mp = await member.newPage();
  await signIn(mp, MEMBER);
  await mp.goto(`/${SLUG}/supervision`);
  await expectAccessible(mp, "supervision list (member)");
  await mp.getByRole("listitem").filter({ has: mp.getByRole("heading", { name: title }) }).getByRole("link", { name: "Mở trang Ban giám sát của bạn" }).click();
  await expect(mp.getByRole("heading", { level: 1, name: `Ban giám sát: ${title}` })).toBeVisible();
  await expectAccessible(mp, "board page (member)");
  const visit = mp.locator("form").filter({ has: mp.getByLabel("Ảnh hiện trường") });
  await visit.getByLabel("Địa điểm, đoạn tuyến").fill("Km 2+050, đoạn qua thôn Long Bình");
  await visit.getByLabel("Ghi nhận tại hiện trường").fill("Chứng kiến lấy mẫu bê tông mặt đường.");
  await visit.getByLabel("Ảnh hiện trường").setInputFiles({ name: "mau-be-tong.png", mimeType: "image/png", buffer: PNG });
  await visit.getByRole("button", { name: "Ghi lần kiểm tra hiện trường" }).click();
  await expect(visit.getByRole("status")).toHaveText("Đã ghi lần kiểm tra.");
  await expect(mp.getByTestId("supervision-visit").filter({ hasText: "Km 2+050" }).getByRole("img")).toBeVisible();
  const finding = mp.locator("form").filter({ has: mp.getByLabel("Kết quả, nhận xét") });
  await finding.getByLabel("Chủ đề").selectOption("ACCEPTANCE");
  await finding.getByLabel("Từ lần kiểm tra").selectOption({ index: 1 });
  await finding.getByLabel("Kết quả, nhận xét").fill(FINDING);
  await finding.getByRole("button", { name: "Ghi kết quả giám sát" }).click();
  await expect(finding.getByRole("status")).toHaveText("Đã ghi kết quả.");
  const recorded = mp.getByTestId("supervision-finding").filter({ hasText: FINDING });
  await recorded.getByRole("button", { name: "Công bố kết quả này" }).click();
  await expect(recorded.getByText(/^Công bố ngày/)).toBeVisible();
  await expectAccessible(mp, "board page after publishing");
  await member.close();

  // Staff post three milestones, to done.
  const steps = [
    { status: "IN_PROGRESS", progress: "30", body: "Khởi công giai đoạn 2.", shown: "Đang thi công" },
    { status: "", progress: "75", body: "Đổ bê tông xong 1,5 km; Ban giám sát chứng kiến lấy mẫu.", shown: "Đang thi công" },
    { status: "DONE", progress: "", body: "Nghiệm thu, đưa vào sử dụng.", shown: "Hoàn thành" },
  ];
  await postMilestones(page, steps);
  await expectAccessible(page, "staff work page (done)");

  // The work accepted, the Front records it and the board dissolves (Law 10/2022 Art. 41).
  await fp.goto(boardUrl);
  await fp.getByLabel("Ngày nghiệm thu").fill(vnDate(0));
  await fp.getByRole("button", { name: "Ghi nghiệm thu và giải thể Ban" }).click();
  await expect(fp.getByText(/Ban đã giải thể/).first()).toBeVisible();
  await expectAccessible(fp, "board page (dissolved)");
  await front.close();

  // The public work page: done, three milestones, the board's published finding.
  const visitor = await browser.newContext();
  const vp = await visitor.newPage();
  await vp.goto(`/${SLUG}/works/${workId}`);
  await expectAccessible(vp, "public work page");
  await expect(vp.getByTestId("work-status")).toHaveText("Hoàn thành");
  await expect(vp.getByTestId("work-milestone")).toHaveCount(3);
  await expect(vp.getByTestId("published-finding").filter({ hasText: FINDING })).toBeVisible();
  await expect(vp.getByRole("link", { name: ROAD })).toBeVisible();
  await visitor.close();
});

test("the seeded road's page sets residents' contributions against its budget, and shows its board's published finding", async ({ page }) => {
  const [road] = await query<{ id: string }>(`SELECT w.id FROM "Work" w JOIN "Commune" c ON c.id = w."communeId" WHERE c.slug = $1 AND w.title = $2`, [SLUG, "Đường liên thôn Phú Khương – Long Bình – Tân Hòa (3,2 km)"]);
  const [ledger] = await query<{ raised: string; spent: string }>(
    `SELECT (SELECT coalesce(sum(e.amount), 0) FROM "ContributionEntry" e JOIN "Contribution" k ON k.id = e."contributionId" WHERE k."workId" = $1 AND k.unit = 'MONEY' AND k."openedAt" IS NOT NULL) AS raised,
            (SELECT coalesce(sum(s.amount), 0) FROM "ContributionSpending" s JOIN "Contribution" k ON k.id = s."contributionId" WHERE k."workId" = $1 AND k.unit = 'MONEY' AND k."openedAt" IS NOT NULL) AS spent`,
    [road!.id],
  );
  const vnd = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
  await page.goto(`/${SLUG}/works/${road!.id}`);
  await expectAccessible(page, "seeded road work page");
  const cash = page.getByTestId("resident-funds-RESIDENT_CASH");
  await expect(cash).toContainText("Tiền Nhân dân đóng góp");
  await expect(cash).toContainText(vnd(850_000_000));
  await expect(cash).toContainText(vnd(Number(ledger!.raised)));
  await expect(cash).toContainText(vnd(Number(ledger!.spent)));
  await expect(cash.getByRole("link", { name: "Đóng góp bê tông hóa đường giao thông nông thôn năm 2026" })).toBeVisible();
  await expect(page.getByTestId("published-finding").filter({ hasText: "Lớp móng đá dăm dày 15 cm" })).toBeVisible();
});
