// Dân biết: staff record where a consultation was posted and broadcast; the public register shows it
// against the law's minimums, with the loudspeaker text; open data and the feed serve it to machines.
import { check } from "@placemarkio/check-geojson";
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const ROAD = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";
const PLACE = "Nhà văn hóa thôn Long Bình";
/** A Vietnam calendar date, `n` days before today. */
const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
const publishedIds = async (slug?: string) =>
  (
    await query<{ id: string }>(
      `SELECT c.id FROM "Consultation" c JOIN "Commune" m ON m.id = c."communeId" WHERE c.status NOT IN ('DRAFT', 'SCHEDULED') AND ($1::text IS NULL OR m.slug = $1)`,
      [slug ?? null],
    )
  ).map((r) => r.id);

test("staff record a notice-board posting with a photo and three loudspeaker days", async ({ page, request }) => {
  // The public register is cached (ISR) before anything is recorded, as on a live site: recording a
  // posting must refresh it at once (lib/disclosure/revalidate.ts), which the next test reads.
  for (let i = 0; i < 2; i++) expect((await request.get("/thien-tin/disclosure")).status()).toBe(200);
  // The seed records postings of its own (a contribution's Art. 11.5 disclosure): audit from here on.
  const [{ seq: startSeq }] = (await query<{ seq: string }>(`SELECT coalesce(max(seq), 0)::text AS seq FROM "AuditEvent"`)) as [{ seq: string }];
  await signIn(page, "canbo@thientin.danban.local");
  const [road] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [ROAD]);
  await page.goto(`/thien-tin/staff/consultations/${road!.id}`);
  await expectAccessible(page, "staff consultation page");
  await page.getByRole("link", { name: "Niêm yết, phát thanh" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Công khai: niêm yết, phát thanh" })).toBeVisible();
  await expect(page.getByTestId("loudspeaker-text")).toContainText("Thông báo của Ủy ban nhân dân xã Thiện Tín.");
  await expectAccessible(page, "staff postings page");

  // A photo of the notice board, drawn by the browser: a real PNG.
  const photo = Buffer.from(
    await page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#1e3a8a";
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = "#fff";
      g.fillRect(120, 80, 400, 320);
      g.fillStyle = "#000";
      g.font = "24px sans-serif";
      g.fillText("THÔNG BÁO", 250, 140);
      return canvas.toDataURL("image/png").split(",")[1]!;
    }),
    "base64",
  );

  const photoInput = page.getByLabel("Ảnh chụp bảng niêm yết");
  // A PDF named like a photo is refused, in Vietnamese, before anything is recorded.
  await photoInput.setInputFiles({ name: "anh-bang-tin.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await expect(page.getByText("Loại tệp không được chấp nhận (kiểm tra theo nội dung tệp, không theo tên). Chỉ nhận: JPG, PNG, WEBP.")).toBeVisible();

  await page.getByLabel("Địa điểm").fill(PLACE);
  await page.getByLabel("Ngày niêm yết").fill(daysAgo(6));
  await page.getByLabel(/Ngày gỡ/).fill(daysAgo(-24));
  await photoInput.setInputFiles({ name: "bang-tin-long-binh.png", mimeType: "image/png", buffer: photo });
  await expect(page.getByText("Đã tải ảnh lên.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Ảnh vừa chọn" })).toBeVisible();
  await page.getByRole("button", { name: "Ghi vào sổ" }).click();
  await expect(page.getByText("Đã ghi vào sổ công khai.")).toBeVisible();
  await expect(page.getByTestId("recorded-posting").filter({ hasText: PLACE })).toBeVisible();

  // Three days on the loudspeaker, added one by one: the page says when they make three in a row.
  await page.getByRole("radio", { name: "Loa truyền thanh" }).check();
  await expect(page.getByLabel("Địa điểm")).toHaveValue("Đài truyền thanh xã");
  for (const [n, expected] of [
    [2, "Dài nhất 1 ngày liên tiếp: chưa đủ 3 ngày liên tiếp."],
    [0, "Dài nhất 1 ngày liên tiếp: chưa đủ 3 ngày liên tiếp."],
    [1, "3 ngày liên tiếp: đủ 3 ngày liên tiếp theo quy định."],
  ] as const) {
    await page.getByLabel("Ngày phát").fill(daysAgo(n));
    await page.getByRole("button", { name: "Thêm ngày" }).click();
    await expect(page.getByTestId("broadcast-run")).toHaveText(expected);
  }
  await expectAccessible(page, "postings form with broadcast days");
  await page.getByRole("button", { name: "Ghi vào sổ" }).click();
  await expect(page.getByTestId("recorded-posting")).toHaveCount(2);
  await expect(page.getByText("Đã ghi vào sổ công khai.")).toBeVisible();

  // A record is corrected, not deleted: the notice will stay up six more days.
  await page.getByRole("button", { name: `Sửa bản ghi: Niêm yết tại bảng tin, ${PLACE}` }).click();
  await expect(page.getByRole("heading", { name: "Sửa bản ghi" })).toBeFocused();
  await expect(page.getByLabel("Ngày niêm yết")).toHaveValue(daysAgo(6));
  await expect(page.getByText("Giữ ảnh đã có.")).toBeVisible();
  await page.getByLabel(/Ngày gỡ/).fill(daysAgo(-30));
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Đã cập nhật bản ghi.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ghi nhận việc công khai" })).toBeVisible();

  const rows = await query<{ channel: string; location: string; days: string[]; photo: string | null; mime: string | null }>(
    `SELECT p.channel, p.location, p."broadcastDates"::text[] AS days, p."photoId" AS photo, a."mimeType" AS mime
       FROM "DisclosurePosting" p LEFT JOIN "Attachment" a ON a.id = p."photoId" WHERE p."consultationId" = $1 ORDER BY p."createdAt"`,
    [road!.id],
  );
  expect(rows).toEqual([
    { channel: "NOTICE_BOARD", location: PLACE, days: [], photo: expect.any(String), mime: "image/png" },
    { channel: "LOUDSPEAKER", location: "Đài truyền thanh xã", days: [daysAgo(2), daysAgo(1), daysAgo(0)], photo: null, mime: null },
  ]);
  const audit = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE seq > $1 AND (action LIKE 'disclosure.%' OR action = 'attachment.upload') ORDER BY seq`, [startSeq]);
  expect(audit.map((a) => a.action)).toEqual(["attachment.upload", "disclosure.posting.record", "disclosure.posting.record", "disclosure.posting.update"]);
  const [board] = await query<{ ends: string }>(
    `SELECT to_char("endsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS ends FROM "DisclosurePosting" WHERE channel = 'NOTICE_BOARD' AND "consultationId" = $1`,
    [road!.id],
  );
  expect(board!.ends).toBe(daysAgo(-30));
});

test("only staff record postings: the upload refuses visitors, residents and other sites; village heads read", async ({ page }) => {
  const url = "/api/communes/thien-tin/disclosure/photos";
  const file = { name: "a.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a", "hex") };
  const anonymous = await page.request.post(url, { multipart: { file } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: "unauthenticated", message: "Bạn cần đăng nhập để làm việc này." });

  await signIn(page, "0901000001");
  const resident = await page.request.post(url, { multipart: { file } });
  expect(resident.status()).toBe(403);
  expect(await resident.json()).toMatchObject({ error: "forbidden" });

  await page.context().clearCookies();
  await signIn(page, "canbo@thientin.danban.local");
  const foreign = await page.request.post(url, { multipart: { file }, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: "crossOrigin" });
  const other = await page.request.post("/api/communes/nghia-hanh/disclosure/photos", { multipart: { file } });
  expect(other.status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, "truongthon.phukhuong@thientin.danban.local");
  const [road] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [ROAD]);
  await page.goto(`/thien-tin/staff/consultations/${road!.id}/postings`);
  await expect(page.getByText("Cán bộ Văn phòng, lãnh đạo UBND xã ghi nhận việc công khai.")).toBeVisible();
  await expect(page.getByTestId("posting-form")).toHaveCount(0);
  await expect(page.getByTestId("loudspeaker-text")).toBeVisible();
  await expectAccessible(page, "postings page for a village head");
});

test("the public register shows the postings, the legal minimums and the loudspeaker text", async ({ page, request }) => {
  await page.goto("/thien-tin");
  await expectAccessible(page, "home");
  await page.getByRole("contentinfo").getByRole("link", { name: "Sổ công khai" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sổ công khai" })).toBeVisible();

  const road = page.getByTestId("register-entry").filter({ hasText: ROAD });
  await expect(road.getByTestId("broadcast-requirement")).toContainText("Phát trên loa truyền thanh ít nhất 3 ngày liên tiếp");
  await expect(road.getByTestId("broadcast-requirement")).toContainText("Đạt mức tối thiểu");
  await expect(road.getByTestId("broadcast-requirement")).toContainText("khoản 3 Điều 13 Luật Thực hiện dân chủ ở cơ sở");
  const board = road.locator('[data-channel="NOTICE_BOARD"]');
  await expect(board).toContainText(PLACE);
  await expect(board).toContainText("Đã công khai 7/30 ngày");
  await expect(board).toContainText("37 ngày theo kế hoạch");
  await expect(board).toContainText("Đang thực hiện");
  await expect(road.locator('[data-channel="LOUDSPEAKER"]')).toContainText("Đã phát 3 ngày");
  await expect(road.locator('[data-channel="WEB_PORTAL"]')).toContainText("Trang Dân Bàn của xã");
  // The closed plan ran its thirty days on the web portal and needed no broadcast: all met.
  const closed = page.getByTestId("register-entry").filter({ hasText: "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026" });
  await expect(closed.getByTestId("verdict").first()).toHaveText("✓Đạt mức tối thiểu theo quy định");
  await expect(closed.getByTestId("posting-requirement")).toContainText("khoản 2 Điều 21 Luật Tiếp cận thông tin");
  // Drafts are in no register.
  await expect(page.getByText("Đóng góp xây dựng nhà văn hóa thôn Nhơn Lộc 1")).toHaveCount(0);
  await expectAccessible(page, "disclosure register");

  await road.getByRole("link", { name: ROAD }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROAD })).toBeVisible();
  const img = page.getByRole("img", { name: `Ảnh niêm yết tại ${PLACE}` });
  await expect(img).toBeVisible();
  // The photo loads lazily: wait for it, then check it is the picture that was posted (640 px wide).
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(640);
  const text = page.getByTestId("loudspeaker-text");
  await expect(text).toContainText("Kính thưa bà con Nhân dân!");
  await expect(text).toContainText(`niêm yết tại ${PLACE}.`);
  await expect(text).toContainText(/Thời gian nhận ý kiến từ ngày \d{1,2} tháng \d{1,2} năm \d{4} đến hết ngày/);
  const figures = (await page.getByTestId("loudspeaker-figures").textContent())!;
  const [, words, minutes, seconds] = /(\d+) chữ · đọc khoảng (\d+) phút (\d+) giây/.exec(figures)!;
  expect(Number(words)).toBeLessThanOrEqual(220);
  expect(Number(minutes) * 60 + Number(seconds)).toBeLessThan(120);
  await expectAccessible(page, "register entry with photo and loudspeaker text");

  // The photo is public through its own commune only.
  const src = (await img.getAttribute("src"))!;
  const served = await request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect((await request.get(src.replace("/thien-tin/", "/nghia-hanh/"))).status()).toBe(404);

  await page.goto("/en/thien-tin/disclosure");
  await expect(page.getByRole("heading", { level: 1, name: "Disclosure register" })).toBeVisible();
  await expect(page.getByTestId("register-entry").filter({ hasText: ROAD }).getByTestId("broadcast-requirement")).toContainText("Legal minimum met");
  await expectAccessible(page, "disclosure register in English");
});

test("open data: valid GeoJSON and a CSV for Excel, no drafts, and an Atom feed", async ({ request }) => {
  const geo = await request.get("/api/open-data/consultations.geojson");
  expect(geo.status()).toBe(200);
  expect(geo.headers()["content-type"]).toBe("application/geo+json; charset=utf-8");
  expect(geo.headers()["access-control-allow-origin"]).toBe("*");
  expect(geo.headers()["cache-control"]).toMatch(/^public, max-age=300/);
  const collection = check(await geo.text());
  const features = collection.type === "FeatureCollection" ? collection.features : [];
  const ids = new Set(features.map((f) => String(f.properties?.consultationId)));
  expect([...ids].sort()).toEqual((await publishedIds()).sort());
  const [draft] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE status = 'DRAFT' LIMIT 1`);
  expect(ids.has(draft!.id)).toBe(false);
  const line = features.find((f) => f.properties?.label === "Tuyến đường nâng cấp (3,2 km)");
  expect(line?.geometry?.type).toBe("LineString");
  expect(line?.properties).toMatchObject({ commune: "thien-tin", title: ROAD, status: "PUBLISHED", matterKind: "CONSULTATION", color: "#b91c1c" });

  const other = check(await (await request.get("/api/open-data/consultations.geojson?commune=nghia-hanh")).text());
  expect(other.type === "FeatureCollection" && other.features.every((f) => f.properties?.commune === "nghia-hanh")).toBe(true);
  const missing = await request.get("/api/open-data/consultations.geojson?commune=khong-co-xa-nay");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: "communeNotFound", message: "Không tìm thấy xã." });

  const csv = await request.get("/api/open-data/consultations.csv?commune=thien-tin");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="danban-thien-tin-consultations.csv"');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text.split("\r\n")[0]).toBe(
    "consultation_id,commune,commune_name,province,title,summary,status,matter_kind,legal_category,subject,scope,villages,posting_starts_on,posting_ends_on,comment_starts_on,comment_ends_on,published_at,closed_at,updated_at,url,center_lat,center_lng,map_labels",
  );
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.consultation_id).sort()).toEqual((await publishedIds("thien-tin")).sort());
  expect(rows.find((r) => r.title === ROAD)).toMatchObject({ commune_name: "Thiện Tín", villages: expect.stringContaining("Long Bình") });

  const feed = await request.get("/feed.xml");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const atom = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" || name === "link" }).parse(xml).feed;
  expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(atom.id).toMatch(/\/feed\.xml$/);
  expect(Date.parse(atom.updated)).not.toBeNaN();
  expect(atom.entry).toHaveLength((await publishedIds()).length);
  for (const entry of atom.entry) {
    expect(entry.id).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[a-z-]+\/consultations\/[\w-]+$/);
    expect(Date.parse(entry.updated)).not.toBeNaN();
    expect(entry.link[0]["@href"]).toBe(entry.id);
  }
  expect(atom.entry.map((e: { title: { "#text": string } }) => e.title["#text"])).toContain(ROAD);
});

test("the register works on a 360×640 phone @phone", async ({ page }) => {
  await page.goto("/thien-tin/disclosure");
  await expect(page.getByRole("heading", { level: 1, name: "Sổ công khai" })).toBeVisible();
  await expect(page.getByTestId("register-entry").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, "disclosure register on a phone");
});
