// Personal data and the holes a hostile visitor finds first: a sign-in that sends you to another site,
// an upload read before the role is checked; then staff's breach register with its 72-hour clock and
// a resident's consents on the account page, each page checked with axe.
import http from "node:http";

import { BASE_URL, httpClient } from "./security-http";
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

const HOSTILE_CALLBACKS = ["/%5Cevil.example", "//evil.example", "/\\evil.example", "/%09/evil.example", "https://evil.example/"];

test("after signing in, a callbackUrl to another site lands on this site", async ({ page }) => {
  for (const callback of HOSTILE_CALLBACKS) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
    await expectAccessible(page, "sign-in with a hostile callbackUrl");
    await page.getByLabel("Số điện thoại hoặc email").fill("0901000002");
    await page.getByLabel("Mật khẩu").fill("danban2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    expect(new URL(page.url()).origin, callback).toBe(BASE_URL);
    expect(new URL(page.url()).pathname, callback).toBe("/");
    await expectAccessible(page, "home after sign-in");
  }
  // A path on this site is still followed.
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/thien-tin/account")}`);
  await expectAccessible(page, "sign-in with a same-site callbackUrl");
  await page.getByLabel("Số điện thoại hoặc email").fill("0901000002");
  await page.getByLabel("Mật khẩu").fill("danban2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/thien-tin\/account$/);
  await expectAccessible(page, "account after sign-in");
});

/** Posts a chunked body (no Content-Length) that is never finished; resolves with the status the server answers. */
function endlessChunkedPost(path: string, headers: Record<string, string>): Promise<{ status: number; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    const url = new URL(path, BASE_URL);
    const req = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked", origin: BASE_URL } }, (res) => {
      res.resume();
      clearInterval(timer);
      resolve({ status: res.statusCode ?? 0, bytesSent });
      req.destroy();
    });
    req.on("error", (error) => {
      clearInterval(timer);
      if (!req.destroyed) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    req.write("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
    const timer = setInterval(() => {
      if (req.destroyed) return clearInterval(timer);
      req.write(chunk);
      bytesSent += chunk.length;
    }, 5);
  });
}

test("an upload is refused before its chunked body is read: 401 for a visitor, 413 past the cap for staff", async () => {
  const [row] = await query<{ id: string; communeId: string }>(`SELECT id, "communeId" FROM "Consultation" WHERE title LIKE 'Nâng cấp%' LIMIT 1`);
  const anonymous = await endlessChunkedPost(`/api/consultations/${row!.id}/opinion-photos?commune=${row!.communeId}`, { "content-type": "multipart/form-data; boundary=x" });
  expect(anonymous.status).toBe(401);
  // Answered while the client was still sending, long before anything near the cap went out.
  expect(anonymous.bytesSent).toBeLessThan(5 * 1024 * 1024);

  const staff = await httpClient("canbo@thientin.danban.local", "10.77.0.1");
  const cookies = (await staff.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const oversize = await endlessChunkedPost(`/api/communes/thien-tin/disclosure/photos`, { "content-type": "multipart/form-data; boundary=x", cookie: cookies, "x-forwarded-for": "10.77.0.1" });
  expect(oversize.status).toBe(413);
  await staff.dispose();
});

test("staff keep the breach register: the 72-hour clock shows until the authority is told", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Bảo vệ dữ liệu cá nhân" })).toBeVisible();
  await expectAccessible(page, "personal data page, empty");

  // Found two hours ago, on Vietnam's clock.
  const found = new Date(Date.now() + 7 * 3600_000 - 2 * 3600_000).toISOString().slice(0, 16);
  const form = page.locator("form", { has: page.getByText("Ghi sự cố mới").first() }).last();
  await form.getByLabel("Thời điểm phát hiện").fill(found);
  await form.getByLabel("Chuyện gì đã xảy ra").fill("Danh sách hộ nghèo thôn Long Bình bị gửi nhầm vào nhóm Zalo chung.");
  await form.getByLabel("Những dữ liệu nào (họ tên, số điện thoại, danh sách hộ…)").fill("Họ tên, địa chỉ");
  await form.getByLabel("Số người bị ảnh hưởng (nếu biết)").fill("37");
  await form.getByRole("button", { name: "Ghi sự cố mới" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã ghi vào sổ.");
  const entry = page.getByTestId("breach").filter({ hasText: "nhóm Zalo chung" });
  await expect(entry.getByTestId("breach-clock")).toContainText(/Còn (69|70) giờ để báo cơ quan chức năng/);
  await expectAccessible(page, "personal data page with a breach");

  await entry.getByText("Cập nhật sự cố").click();
  const now = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);
  await entry.getByLabel("Thời điểm đã báo cơ quan chức năng").fill(now);
  await entry.getByLabel("Đã báo cho (cơ quan, người nhận)").fill("Cục A05, Bộ Công an");
  await entry.getByRole("button", { name: "Lưu" }).click();
  await expect(entry.getByTestId("breach-clock")).toHaveText("Đã báo cơ quan chức năng trong hạn 72 giờ");
  await expectAccessible(page, "personal data page, breach reported");
  const [audit] = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent" WHERE action IN ('breach.record', 'breach.update')`);
  expect(Number(audit!.n)).toBe(2);
});

test("a resident gives and withdraws a consent on the account page, and sees its history", async ({ page }) => {
  await signIn(page, "0901000004");
  await page.goto("/thien-tin/account");
  const digest = page.getByTestId("consent-email-digest");
  await expect(digest).toContainText("Chưa đồng ý");
  await expectAccessible(page, "account with consents");
  await digest.getByRole("button", { name: "Tôi đồng ý" }).click();
  await expect(digest).toContainText("Đang đồng ý");
  await digest.getByRole("button", { name: "Rút lại sự đồng ý" }).click();
  await expect(digest).toContainText("Chưa đồng ý");
  await digest.getByText("Lịch sử").click();
  await expect(digest.getByRole("listitem")).toContainText(/rút lại lúc/);
  await expectAccessible(page, "account, consent withdrawn");
});
