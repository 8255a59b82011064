// Open311 clients (issue 12 §2): a member of staff creates an app's key, sees it once, the app files a
// request with it through the public API, the key is revoked and stops working. A resident never sees
// the page.
import { expect, expectAccessible, signIn, test } from "./fixtures";

test("staff create an Open311 key, an app files with it, the key is revoked and refused", async ({ page, request }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff");
  await expectAccessible(page, "staff dashboard");
  await page.getByRole("link", { name: "Open311" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ứng dụng kết nối Open311" })).toBeVisible();
  await expectAccessible(page, "Open311 clients");

  const name = `Ứng dụng thử ${Date.now()}`;
  await page.getByLabel("Tên ứng dụng").fill(name);
  await page.getByRole("button", { name: "Tạo khóa API" }).click();
  const key = (await page.getByTestId("open311-key").textContent())!.trim();
  expect(key).toMatch(/^o311_[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page, "Open311 clients, a key just created");
  const row = page.getByTestId("open311-client").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(key);

  // The key works at once: services first, then a request without a valid service is refused as such (400, not 403).
  const services = await request.get("/api/open311/v2/services.json?jurisdiction_id=thien-tin");
  expect(services.status()).toBe(200);
  const list = (await services.json()) as { service_code: string }[];
  if (list.length) {
    const filed = await request.post("/api/open311/v2/requests.json", {
      form: { api_key: key, jurisdiction_id: "thien-tin", service_code: list[0]!.service_code, address_string: "Thôn Phú Khương", description: "Đèn đường trước nhà văn hóa thôn bị hỏng đã hai tuần." },
    });
    expect(filed.status()).toBe(200);
  }
  const noService = await request.post("/api/open311/v2/requests.json", { form: { api_key: key, jurisdiction_id: "thien-tin", service_code: "no-such-service", address_string: "Thôn Phú Khương", description: "Không có loại yêu cầu này." } });
  expect(noService.status()).toBe(400);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Thu hồi khóa" }).click();
  await expect(row).toContainText("Đã thu hồi");
  const refused = await request.post("/api/open311/v2/requests.json", { form: { api_key: key, jurisdiction_id: "thien-tin", service_code: "no-such-service", address_string: "Thôn Phú Khương", description: "Khóa đã bị thu hồi." } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual([{ code: 403, description: expect.any(String) }]);
});

test("a resident does not open the Open311 page", async ({ page }) => {
  await signIn(page, "0901000001");
  await page.goto("/thien-tin/staff/open311");
  await expect(page.getByRole("heading", { level: 1, name: "Bạn không có quyền xem trang này" })).toBeVisible();
  await expect(page.getByLabel("Tên ứng dụng")).toHaveCount(0);
  await expectAccessible(page, "forbidden page");
});
