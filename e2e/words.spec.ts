// What a new user tripped on (issue 14 §5–7): signing in from the header comes back to the page, the
// staff ballot page leads back to its consultation, search results say why they matched, supervision
// notes say "none yet", and the static files a phone and a crawler ask for are served from public/.
import { expect, expectAccessible, query, test } from "./fixtures";

const ROAD = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";

test("signing in from the header comes back to the page the person was on", async ({ page }) => {
  await page.goto("/thien-tin");
  await expectAccessible(page, "home");
  await page.getByRole("link", { name: ROAD, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROAD })).toBeVisible();
  await expectAccessible(page, "consultation page");
  const consultationPath = new URL(page.url()).pathname;

  const headerSignIn = page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true });
  await expect(headerSignIn).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(consultationPath)}`);
  await headerSignIn.click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Số điện thoại hoặc email").fill("0901000001");
  await page.getByLabel("Mật khẩu").fill("danban2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();

  // Back on the consultation, signed in: not the commune chooser.
  await page.waitForURL((url) => url.pathname === consultationPath);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: ROAD })).toBeVisible();
  await expectAccessible(page, "consultation page after signing in");
});

test("search results mark the words found, written with their accents", async ({ page }) => {
  await page.goto("/thien-tin/consultations");
  await expectAccessible(page, "list of consultations");
  await page.getByLabel("Tìm kiếm").fill("hien dat");
  await page.getByLabel("Tìm kiếm").press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "hien dat");

  const card = page.getByTestId("consultation-card").filter({ has: page.getByRole("link", { name: ROAD }) });
  await expect(card).toHaveCount(1);
  // The words are in a section of the text, not the title: a passage shows them, marked as written.
  const snippet = card.getByTestId("search-snippet");
  await expect(snippet).toContainText("vận động Nhân dân hiến đất");
  await expect(snippet.locator("mark")).toHaveText(["hiến đất"]);
  await expectAccessible(page, "search results");

  // A word of the title is marked in the title.
  await page.getByLabel("Tìm kiếm").fill("lien thon");
  await page.getByLabel("Tìm kiếm").press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "lien thon");
  await expect(page.getByRole("link", { name: ROAD }).locator("mark")).toHaveText(["liên thôn"]);
  await expectAccessible(page, "search results by title");
});

test("the staff ballot page leads back to its consultation, and notes say when there are none yet", async ({ page }) => {
  const [road] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [ROAD]);
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Số điện thoại hoặc email").fill("canbo@thientin.danban.local");
  await page.getByLabel("Mật khẩu").fill("danban2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await expectAccessible(page, "first page after signing in");

  await page.goto(`/thien-tin/staff/consultations/${road!.id}/ballot`);
  await expectAccessible(page, "staff ballot page");
  await page.getByTestId("back-to-consultation").click();
  await page.waitForURL((url) => url.pathname === `/thien-tin/staff/consultations/${road!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nâng cấp, mở rộng tuyến đường");
  await expectAccessible(page, "staff consultation page");

  // A consultation without supervision notes says so, rather than "nothing to do".
  const [quiet] = await query<{ id: string }>(
    `SELECT c.id FROM "Consultation" c JOIN "Commune" m ON m.id = c."communeId"
      WHERE m.slug = 'thien-tin' AND c.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM "SupervisionNote" n WHERE n."consultationId" = c.id) LIMIT 1`,
  );
  await page.goto(`/thien-tin/staff/consultations/${quiet!.id}/opinions`);
  const notes = page.locator("#notes");
  await expect(notes).toContainText("Chưa có ý kiến giám sát nào.");
  await expect(notes).not.toContainText("Không có việc nào.");
  await expectAccessible(page, "staff opinions page without notes");
});

test("the web app manifest, its icons, robots.txt and Leaflet's images are served as files", async ({ page, request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("manifest+json");
  const app = (await manifest.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(app).toMatchObject({ short_name: "Dân Bàn", start_url: "/", display: "standalone", theme_color: "#115e59" });
  for (const size of ["192x192", "512x512"]) expect(app.icons.map((i) => i.sizes)).toContain(size);
  for (const icon of app.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toMatch(/^image\//);
  }

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  const rules = await robots.text();
  expect(rules).toContain("User-agent: *");
  expect(rules).toContain("Disallow: /*/staff");
  // Not rewritten to a locale page by the proxy.
  expect(rules).not.toContain("<html");

  for (const name of ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"]) {
    const image = await request.get(`/leaflet/${name}`);
    expect(image.status(), name).toBe(200);
    expect(image.headers()["content-type"], name).toBe("image/png");
  }

  // Every page names the manifest and the icon a phone puts on its home screen.
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/icons/apple-touch-icon.png");
  await expect(page.locator('link[rel="icon"]').first()).toBeAttached();
  await expectAccessible(page, "commune chooser");
});
