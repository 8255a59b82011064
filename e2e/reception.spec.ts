// Citizen reception (issue 12 §3): a resident books a slot on the chair's reception day; staff open
// the chair's session, record a visit (its ID number masked in the list), open a case from it and
// print the conclusion notice (Law 42/2013 Art. 25.2) as PDF and DOCX.
import JSZip from "jszip";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const RESIDENT = "0901000004";
const VISITOR = "Hoàng Văn Thạch";

test("a resident books a slot on a reception day and sees it under their bookings", async ({ page }) => {
  // A retried run starts from no live booking of this resident.
  await query(`UPDATE "ReceptionBooking" SET "cancelledAt" = now() WHERE "userId" = (SELECT id FROM "User" WHERE phone = '+84901000004') AND "cancelledAt" IS NULL`);
  await page.goto("/thien-tin/reception");
  await expect(page.getByRole("heading", { name: "Lịch tiếp công dân của Chủ tịch UBND xã", level: 1 })).toBeVisible();
  await expect(page.getByTestId("reception-days")).toContainText("Thứ");
  await expect(page.getByRole("link", { name: "Đăng nhập để đặt lịch" })).toBeVisible();
  await expectAccessible(page, "public reception page");

  await signIn(page, RESIDENT);
  await page.goto("/thien-tin/reception");
  const day = page.getByTestId("reception-day").first();
  await day.getByLabel("Nội dung muốn trình bày (không bắt buộc)").first().fill("Hỏi về cấp nước sạch");
  await day.getByRole("button", { name: /^Đặt lượt/ }).first().click();
  await expect(page.getByText("Đã đặt lịch.")).toBeVisible();
  await expect(page.getByTestId("my-booking")).toContainText("Hỏi về cấp nước sạch");
  await expectAccessible(page, "reception page with a booking");
  const [booking] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "ReceptionBooking" b JOIN "User" u ON u.id = b."userId" WHERE u.phone = '+84901000004' AND b."cancelledAt" IS NULL`,
  );
  expect(booking!.n).toBe("1");
});

test("staff record the chair's session, open a case from a visit and print the conclusion notice", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/reception");
  await expect(page.getByRole("heading", { name: "Tiếp công dân", level: 1 })).toBeVisible();
  await expectAccessible(page, "staff reception page");

  const before = new Date();
  await page.getByLabel("Người chủ trì").selectOption({ label: "Nguyễn Văn Hùng (Chủ tịch)" });
  await page.getByRole("button", { name: "Mở buổi tiếp" }).click();
  await expect(page.getByText("Đã mở buổi tiếp.")).toBeVisible();
  const [session] = await query<{ id: string }>(`SELECT id FROM "ReceptionSession" WHERE "createdAt" >= $1 AND "hostName" = 'Nguyễn Văn Hùng' ORDER BY "createdAt" DESC LIMIT 1`, [before]);
  await page.goto(`/thien-tin/staff/reception/sessions/${session!.id}`);

  await page.getByLabel("Họ và tên").fill(VISITOR);
  await page.getByLabel("Địa chỉ").fill("Thôn Long Bình");
  await page.getByLabel("Số CCCD/hộ chiếu").fill("051090765432");
  await page.getByLabel("Phân loại").selectOption("COMPLAINT");
  await page.getByLabel("Tóm tắt nội dung").fill("Khiếu nại quyết định thu hồi đất làm đường liên thôn, cho rằng diện tích đo chưa đúng.");
  await page.getByLabel("Kết luận của người chủ trì").fill("Giao công chức Địa chính đo lại diện tích cùng công dân.");
  await page.getByLabel("Thời hạn giải quyết (NNNN-TT-NN)").fill("2026-12-31");
  await page.getByRole("button", { name: "Ghi sổ", exact: true }).click();
  await expect(page.getByText("Đã ghi sổ.")).toBeVisible();

  const line = page.getByTestId("register-line").filter({ hasText: VISITOR });
  await expect(line.getByTestId("masked-id")).toHaveText(/^•+432$/);
  await expect(page.getByText("051090765432")).toHaveCount(0);
  await expectAccessible(page, "reception session page");

  await line.getByRole("button", { name: "Mở vụ việc" }).click();
  await expect(line.getByTestId("visit-case")).toContainText("Vụ việc #");
  const [filed] = await query<{ source: string; senderName: string }>(
    `SELECT c.source, c."senderName" FROM "Case" c JOIN "ReceptionVisit" v ON v."caseId" = c.id WHERE v."sessionId" = $1`,
    [session!.id],
  );
  expect(filed).toEqual({ source: "RECEPTION", senderName: VISITOR });

  // The entry in full shows the ID number, and that read is in the audit log.
  await line.getByRole("link", { name: /Lượt tiếp số/ }).click();
  await expect(page.getByTestId("full-id")).toHaveText("051090765432");
  await expectAccessible(page, "reception register entry");
  const [reads] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "AuditEvent" a JOIN "ReceptionVisit" v ON v.id = a."entityId" WHERE v."sessionId" = $1 AND a.action = 'reception.visit.read-id'`,
    [session!.id],
  );
  expect(Number(reads!.n)).toBeGreaterThanOrEqual(1);

  await page.goto(`/thien-tin/staff/reception/sessions/${session!.id}`);
  await page.getByRole("button", { name: "Lấy số và ban hành thông báo kết luận" }).click();
  await expect(page.getByTestId("notice-number")).toHaveText(/^Số: \d+\/TB-UBND$/);

  const pdf = await page.request.get(`/api/communes/thien-tin/reception/sessions/${session!.id}/notice/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const docx = await page.request.get(`/api/communes/thien-tin/reception/sessions/${session!.id}/notice/docx`);
  expect(docx.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  expect(xml).toContain(VISITOR);
  expect(xml).toContain("Giao công chức Địa chính đo lại diện tích cùng công dân.");
  expect(xml).not.toContain("051090765432");

  const csv = await page.request.get("/api/communes/thien-tin/reception/register");
  expect(csv.status()).toBe(200);
  expect((await csv.body()).toString("utf8")).toContain("Số CCCD/Hộ chiếu");
});

test("the Front reads the register without any ID number; the export is refused to it", async ({ page }) => {
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/front/reception");
  await expect(page.getByRole("heading", { name: "Sổ tiếp công dân (Mẫu 03/TCD)", level: 1 })).toBeVisible();
  await expect(page.getByTestId("register-line").filter({ hasText: VISITOR }).first()).toBeVisible();
  await expect(page.getByText("051090765432")).toHaveCount(0);
  await expect(page.getByText("051089001234")).toHaveCount(0);
  await expectAccessible(page, "the Front's reception register");
  expect((await page.request.get("/api/communes/thien-tin/reception/register")).status()).toBe(403);
});
