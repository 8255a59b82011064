// Publishing (dân biết): staff draw a consultation's shapes, attach its documents, preview and
// publish it; refused files change nothing; a visitor finds it (map, search without diacritics, list
// only) and downloads its PDF; an edit after publication shows in the public version history.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Đường dây điện trung thế và trạm biến áp thôn Trũng Kè 2";
const DOCUMENT_TITLE = "Bản vẽ tuyến đường dây";

// Real files, made for this run: a tiny valid PDF, a program renamed .pdf, a 50 MB file, and GeoJSON
// that is broken or lies far from the commune (Hà Nội).
const dir = mkdtempSync(path.join(os.tmpdir(), "danban-e2e-files-"));
const files = {
  pdf: path.join(dir, "ban-ve-tuyen.pdf"),
  exe: path.join(dir, "quyet-dinh.pdf"),
  big: path.join(dir, "ban-do-lon.pdf"),
  broken: path.join(dir, "ranh-gioi-hong.geojson"),
  far: path.join(dir, "ha-noi.geojson"),
};
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(files.pdf, PDF);
  writeFileSync(files.exe, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(512)]));
  writeFileSync(files.big, Buffer.concat([PDF, Buffer.alloc(50 * 1024 * 1024)]));
  writeFileSync(files.broken, '{ "type": "FeatureCollection", "features": [ { "type": "Feature", ');
  writeFileSync(files.far, JSON.stringify({ type: "Feature", properties: { label: "Hà Nội" }, geometry: { type: "Point", coordinates: [105.85, 21.03] } }));
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Files the server stored during this run (its own storage folder), less `rendered/`: the published
 * reports' and notices' documents, stored once per version under the hash of their content
 * (lib/documents/render-cached.ts), which no attachment row names by design.
 */
function storedFiles(): string[] {
  const root = readFileSync("test-results/e2e-storage-dir", "utf8").trim();
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [n]));
  return readdirSync(root)
    .filter((n) => n !== "rendered")
    .flatMap((n) => (statSync(path.join(root, n)).isDirectory() ? walk(path.join(root, n)) : [n]));
}

/** Stored files no attachment row points to: what a refused or failed upload must never leave. */
async function orphanFiles(): Promise<string[]> {
  const keys = new Set((await query<{ storageKey: string }>(`SELECT "storageKey" FROM "Attachment"`)).map((r) => path.basename(r.storageKey)));
  return storedFiles().filter((f) => !keys.has(f));
}

async function consultationId(): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [TITLE]);
  return row!.id;
}

const attachmentCount = async (id: string) =>
  Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Attachment" WHERE "consultationId" = $1`, [id]))[0]!.n);

/** Clicks points of the editor map, given as fractions of its width and height. */
async function clickMap(page: Page, points: [number, number][]) {
  await page.locator(".leaflet-container").scrollIntoViewIfNeeded();
  const box = (await page.locator(".leaflet-container").boundingBox())!;
  for (const [x, y] of points) await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

test("staff draw an area, a line and a point, refuse bad files, attach a PDF, preview and publish", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/consultations/new");
  await page.getByLabel("Tiêu đề").fill(TITLE);
  await page.getByLabel("Tóm tắt").fill("Xây dựng 1,2 km đường dây 22 kV và một trạm biến áp 250 kVA cấp điện cho khu sản xuất thôn Trũng Kè 2.");
  await page.getByLabel(/1\. Tên mục/).fill("Quy mô");
  await page.getByLabel("Nội dung mục (Markdown)").fill("Đường dây 22 kV dài 1,2 km, 14 cột bê tông ly tâm.");
  await expect(page.locator(".leaflet-container")).toBeVisible();

  // An area: four corners and the first again; labelled and coloured.
  await page.locator(".leaflet-pm-icon-polygon").click();
  await clickMap(page, [[0.4, 0.3], [0.6, 0.3], [0.6, 0.5], [0.4, 0.5], [0.4, 0.3]]);
  await expect(page.getByTestId("shape-count")).toHaveText("1 hình đã vẽ");
  await page.getByLabel("Nhãn của hình").fill("Trạm biến áp");
  await page.getByRole("button", { name: "#15803d" }).click();

  // A line along three points, finished by tapping its last point again.
  await page.locator(".leaflet-pm-icon-polyline").click();
  await clickMap(page, [[0.36, 0.7], [0.5, 0.7], [0.64, 0.7], [0.64, 0.7]]);
  await expect(page.getByTestId("shape-count")).toHaveText("2 hình đã vẽ");
  await page.getByLabel("Nhãn của hình").fill("Tuyến dây 22 kV");

  // A point.
  await page.locator(".leaflet-pm-icon-marker").click();
  await clickMap(page, [[0.45, 0.6]]);
  await page.locator(".leaflet-pm-icon-marker").click();
  await expect(page.getByTestId("shape-count")).toHaveText("3 hình đã vẽ");
  await page.getByLabel("Nhãn của hình").fill("Cột đầu tuyến");

  // GeoJSON files the server refuses: the message names the file and the reason; the map stays.
  const importer = page.getByLabel("Nhập hình từ tệp GeoJSON");
  await importer.setInputFiles(files.broken);
  await expect(page.getByTestId("geojson-import-message")).toHaveText(
    "Không nhập tệp ranh-gioi-hong.geojson: Tệp bản đồ không phải JSON hợp lệ. Bản đồ giữ nguyên.",
  );
  await importer.setInputFiles(files.far);
  await expect(page.getByTestId("geojson-import-message")).toHaveText(
    "Không nhập tệp ha-noi.geojson: Hình thứ 1 nằm xa ranh giới xã hơn 5 km. Bản đồ giữ nguyên.",
  );
  await expect(page.getByTestId("shape-count")).toHaveText("3 hình đã vẽ");
  await expectAccessible(page, "new consultation form with shapes and a refused import");

  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đây là bản nháp: chỉ cán bộ xã xem được.")).toBeVisible();
  const id = await consultationId();
  const [saved] = await query<{ geometry: { features: { geometry: { type: string }; properties: { label?: string; color?: string } }[] } }>(
    `SELECT geometry FROM "Consultation" WHERE id = $1`,
    [id],
  );
  expect(saved!.geometry.features.map((f) => [f.geometry.type, f.properties.label])).toEqual([
    ["Polygon", "Trạm biến áp"],
    ["LineString", "Tuyến dây 22 kV"],
    ["Point", "Cột đầu tuyến"],
  ]);
  expect(saved!.geometry.features[0]!.properties.color).toBe("#15803d");
  await expect(page.getByRole("list", { name: "Các vị trí trên bản đồ" })).toContainText("Tuyến dây 22 kV");

  // Attachments are managed on the edit page.
  await page.getByRole("link", { name: "Sửa nội dung và tài liệu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sửa nội dung" })).toBeVisible();
  await expect(page.getByLabel("Tiêu đề")).toHaveValue(TITLE);
  await expect(page.getByTestId("shape-count")).toHaveText("3 hình đã vẽ");
  const chooser = page.getByLabel("Chọn tệp");
  const message = page.getByTestId("attachment-message");

  // A program renamed .pdf: judged by its content, refused by the server.
  await chooser.setInputFiles(files.exe);
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(message).toHaveText(
    "Không tải lên tệp quyet-dinh.pdf: Loại tệp không được chấp nhận (kiểm tra theo nội dung tệp, không theo tên). Chỉ nhận: PDF, JPG, PNG, WEBP.",
  );
  // 50 MB: refused in the browser before it is sent, and by the server from its declared length.
  await chooser.setInputFiles(files.big);
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(message).toHaveText("Không tải lên tệp ban-do-lon.pdf: Tệp lớn hơn giới hạn 20 MB.");
  const communeRow = (await query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = 'thien-tin'`))[0]!;
  const direct = await page.request.post(`/api/consultations/${id}/attachments?commune=${communeRow.id}`, {
    multipart: { file: { name: "ban-do-lon.pdf", mimeType: "application/pdf", buffer: readFileSync(files.big) } },
  });
  expect(direct.status()).toBe(413);
  expect(await direct.json()).toMatchObject({ code: "uploadTooLarge", message: "Tệp lớn hơn giới hạn 20 MB." });
  expect(await attachmentCount(id)).toBe(0);
  const filesBefore = storedFiles().length; // other journeys store their own files in this run
  expect(await orphanFiles()).toEqual([]);
  await expectAccessible(page, "edit page with a refused upload");

  await chooser.setInputFiles(files.pdf);
  await page.getByLabel("Tên tài liệu (không bắt buộc)").fill(DOCUMENT_TITLE);
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(message).toHaveText(`Đã tải lên “${DOCUMENT_TITLE}”.`);
  await expect(page.getByTestId("staff-attachments").getByRole("textbox")).toHaveValue(DOCUMENT_TITLE);
  expect(await attachmentCount(id)).toBe(1);
  expect(storedFiles()).toHaveLength(filesBefore + 1);

  // The preview shows it as the public will, then it is published.
  await page.getByRole("link", { name: "Quay lại xem trước" }).click();
  await expect(page.getByRole("heading", { name: "Xem trước" })).toBeVisible();
  await expect(page.getByTestId("attachment-list")).toContainText(`${DOCUMENT_TITLE} (PDF, 1 kB)`);
  await expectAccessible(page, "preview of a draft");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Công bố" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã công bố lúc" })).toBeVisible();
  const [row] = await query<{ status: string; version: number }>(`SELECT status, version FROM "Consultation" WHERE id = $1`, [id]);
  expect(row).toEqual({ status: "PUBLISHED", version: 1 });
});

test("a visitor finds it on the map, by a search without diacritics and in the list, and downloads the PDF", async ({ page }) => {
  const id = await consultationId();
  await page.goto("/thien-tin");
  const map = page.getByRole("region", { name: "Bản đồ các nội dung" });
  await expect(map.locator(".leaflet-container")).toBeVisible();
  // Its marker, or the cluster that holds it: zoom into clusters until the marker shows.
  const marker = map.locator(`.leaflet-marker-icon[title="${TITLE}"]`);
  for (let i = 0; i < 5 && !(await marker.isVisible()); i++) {
    const cluster = map.locator(".marker-cluster").first();
    if (!(await cluster.isVisible())) break;
    await cluster.click();
    await page.waitForTimeout(600);
  }
  await expect(marker).toBeVisible();
  await expectAccessible(page, "home with the new consultation");
  await marker.click();
  await map.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  await page.goto("/thien-tin/consultations");
  await page.getByLabel("Tìm kiếm").fill("duong day dien trung the");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/q=duong\+day\+dien/);
  await expect(page.getByTestId("consultation-card").filter({ hasText: TITLE })).toBeVisible();
  await expectAccessible(page, "search without diacritics");

  await page.goto("/thien-tin/consultations?view=list");
  await expect(page.getByTestId("consultation-card").filter({ hasText: TITLE })).toBeVisible();
  await expect(page.locator(".leaflet-container")).toHaveCount(0);
  await expectAccessible(page, "list-only mode");
  await page.getByRole("link", { name: TITLE }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const list = page.getByTestId("attachment-list");
  await expect(list).toContainText(`${DOCUMENT_TITLE} (PDF, 1 kB)`);
  await expect(page.getByText(/Còn \d+ ngày/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cách tham gia ý kiến" })).toBeVisible();
  await expect(page.getByTestId("version-history")).toContainText("Chưa có chỉnh sửa nào kể từ khi công bố.");
  await expectAccessible(page, "public consultation page with attachments");

  const downloading = page.waitForEvent("download");
  await list.getByRole("link", { name: new RegExp(`^Tải về ${DOCUMENT_TITLE}`) }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("ban-ve-tuyen.pdf");
  expect(readFileSync((await download.path())!)).toEqual(PDF);
  const [attachment] = await query<{ id: string }>(`SELECT id FROM "Attachment" WHERE "consultationId" = $1`, [id]);
  const response = await page.request.get(`/api/attachments/${attachment!.id}`);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "cache-control": "public, max-age=300, must-revalidate",
    "content-disposition": `attachment; filename="ban-ve-tuyen.pdf"; filename*=UTF-8''ban-ve-tuyen.pdf`,
  });
});

test("an edit after publication obeys the law and shows in the public version history", async ({ page }) => {
  const id = await consultationId();
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${id}/edit`);
  await expect(page.getByText("Nội dung đã công bố: mọi thay đổi bạn lưu sẽ được ghi vào lịch sử thay đổi công khai")).toBeVisible();
  const [dates] = await query<{ start: string; end: string }>(
    // Stored as UTC without a zone: read on Vietnam's calendar.
    `SELECT to_char("commentStartsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS start,
            to_char("commentEndsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS end FROM "Consultation" WHERE id = $1`,
    [id],
  );
  const day = (iso: string, add = 0) => new Date(Date.parse(`${iso}T00:00:00Z`) + add * 86_400_000).toISOString().slice(0, 10);
  const vn = (iso: string) => iso.split("-").reverse().join("/");
  const end = page.getByLabel("Lấy ý kiến đến ngày");

  // Shortened below the law's minimum: refused in the form, with the rule that applies; nothing lost.
  await end.fill(day(dates!.start, 19));
  await page.getByLabel("Lý do chỉnh sửa").fill("Gia hạn theo đề nghị của Ban công tác Mặt trận xã");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Thời gian lấy ý kiến là 20 ngày, ít hơn tối thiểu 30 ngày. Quy định áp dụng: Mặc định theo Luật Thực hiện dân chủ ở cơ sở: ít nhất 30 ngày.")).toBeVisible();
  await expect(page.getByLabel("Lý do chỉnh sửa")).toHaveValue("Gia hạn theo đề nghị của Ban công tác Mặt trận xã");

  // Extended by 15 days, a section reworded, and the line deleted from the map.
  await end.fill(day(dates!.end, 15));
  await page.getByLabel("Nội dung mục (Markdown)").fill("Đường dây 22 kV dài 1,2 km, 16 cột bê tông ly tâm.");
  // The line is drawn flat: a box with no height, so it is tapped where it lies.
  await page.locator(".leaflet-container").scrollIntoViewIfNeeded();
  const line = (await page.locator(`.leaflet-overlay-pane path.leaflet-interactive[stroke="#b45309"]`).boundingBox())!;
  await page.mouse.click(line.x + line.width / 2, line.y + line.height / 2);
  await expect(page.getByLabel("Nhãn của hình")).toHaveValue("Tuyến dây 22 kV");
  await page.getByRole("button", { name: "Xóa hình này" }).click();
  await expect(page.getByTestId("shape-count")).toHaveText("2 hình đã vẽ");
  await expectAccessible(page, "edit form of a published consultation");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByRole("heading", { name: "Xem trước" })).toBeVisible();
  await expectAccessible(page, "preview after the edit");

  const [row] = await query<{ version: number; n: string }>(
    `SELECT c.version, (SELECT count(*) FROM "ConsultationVersion" v WHERE v."consultationId" = c.id) AS n FROM "Consultation" c WHERE c.id = $1`,
    [id],
  );
  expect(row).toEqual({ version: 2, n: "1" });

  // What a visitor sees: what changed and when.
  await page.goto(`/thien-tin/consultations/${id}`);
  const history = page.getByTestId("version-history");
  await expect(history.getByRole("heading", { name: /Phiên bản 2 lúc/ })).toBeVisible();
  await expect(history).toContainText(`Thời gian lấy ý kiến (đến ngày): ${vn(dates!.end)} → ${vn(day(dates!.end, 15))}`);
  await expect(history).toContainText("Sửa nội dung mục “Quy mô”");
  await expect(history).toContainText("Bản đồ: bỏ Tuyến dây 22 kV (Tuyến)");
  await expect(history).toContainText("Lý do chỉnh sửa: Gia hạn theo đề nghị của Ban công tác Mặt trận xã");
  await expect(history).toContainText("Công bố lần đầu lúc");
  await expect(page.getByRole("list", { name: "Các vị trí trên bản đồ" })).not.toContainText("Tuyến dây 22 kV");
  await history.getByText("Xem nội dung trước và sau khi sửa").click();
  await expect(history).toContainText("14 cột bê tông ly tâm");
  await expectAccessible(page, "public page with its version history");
});

test("the consultation page with attachments works on a 360×640 phone @phone", async ({ page }) => {
  // Its own data, so that it runs alone too: a plan attached to the demo road consultation.
  await signIn(page, "canbo@thientin.danban.local");
  const [road] = await query<{ id: string; communeId: string }>(
    `SELECT id, "communeId" FROM "Consultation" WHERE title LIKE 'Nâng cấp, mở rộng tuyến đường liên thôn%' AND status = 'PUBLISHED'`,
  );
  const uploaded = await page.request.post(`/api/consultations/${road!.id}/attachments?commune=${road!.communeId}`, {
    multipart: { file: { name: "so-do-huong-tuyen.pdf", mimeType: "application/pdf", buffer: PDF }, title: "Sơ đồ hướng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa" },
  });
  expect(uploaded.status()).toBe(201);

  await page.goto(`/thien-tin/consultations/${road!.id}`);
  const download = page.getByTestId("attachment-list").getByRole("link", { name: /^Tải về Sơ đồ hướng tuyến/ });
  await download.scrollIntoViewIfNeeded();
  await expect(download).toBeVisible();
  expect((await download.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(page.getByTestId("version-history")).toContainText("Thêm tài liệu đính kèm “Sơ đồ hướng tuyến đường liên thôn");
  await expect(page.getByText(/Còn \d+ ngày/).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, "consultation page with attachments on a phone");
});
