// Texts read aloud and large text, on a small phone: the consultation's summary plays from the page
// (the browser's own player, MP3 from the server's Vietnamese speech engine), the loudspeaker text of the
// register entry can be downloaded for the commune radio, and large text stays on across pages and reloads.
import { expect, expectAccessible, query, test } from "./fixtures";

const roadId = async () =>
  (await query<{ id: string }>(`SELECT c.id FROM "Consultation" c JOIN "Commune" m ON m.id = c."communeId" WHERE m.slug = 'thien-tin' AND c.title LIKE 'Nâng cấp%'`))[0]!.id;

test("@phone a resident listens to a consultation, and the radio downloads its loudspeaker text", async ({ page, request }) => {
  const road = { id: await roadId() };
  await page.goto(`/thien-tin/consultations/${road.id}`);
  const listen = page.getByTestId("listen-consultation");
  await expect(listen.getByRole("heading", { name: "Nghe đọc tóm tắt bằng tiếng Việt" })).toBeVisible();
  const audio = listen.locator("audio");
  await expect(audio).toHaveAttribute("preload", "none"); // nothing loaded until the listener presses play
  const src = await audio.getAttribute("src");
  expect(src).toBe(`/api/communes/thien-tin/read-aloud/consultation/${road.id}`);

  // The browser plays it: it loads the file and knows its length (seconds of speech, not silence).
  const duration = await audio.evaluate(async (el: HTMLAudioElement) => {
    el.muted = true;
    el.load();
    await new Promise((resolve, reject) => {
      el.addEventListener("loadedmetadata", resolve, { once: true });
      el.addEventListener("error", () => reject(new Error(`audio error ${el.error?.code}`)), { once: true });
    });
    return el.duration;
  });
  expect(duration).toBeGreaterThan(5);
  await expectAccessible(page, "consultation with its player");

  // The radio's copy: a download with a plain file name.
  const download = await request.get(`${src}?download=1`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("audio/mpeg");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Nang-cap/);

  // The register entry's loudspeaker text has its own recording.
  await page.goto(`/thien-tin/disclosure/${road.id}`);
  const loud = page.getByTestId("listen-loudspeaker");
  await expect(loud.getByRole("link", { name: "Tải tệp âm thanh (MP3) cho đài truyền thanh" })).toHaveAttribute("href", `/api/communes/thien-tin/read-aloud/loudspeaker/${road.id}?download=1`);
  await expectAccessible(page, "register entry with its recording");
});

test("@phone large text stays on across pages and reloads", async ({ page }) => {
  const road = { id: await roadId() };
  await page.goto(`/thien-tin/consultations/${road.id}`);
  // Large text: on from the header, kept across pages and a reload, and off again.
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  const toggle = page.getByRole("button", { name: /Chữ to/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await rootSize()).toBeCloseTo(normal * 1.25, 1);
  await page.goto(`/thien-tin/consultations/${road.id}`);
  expect(await rootSize()).toBeCloseTo(normal * 1.25, 1);
  await page.reload();
  await expect(page.getByRole("button", { name: /Chữ to/ })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page, "consultation in large text");
  await page.getByRole("button", { name: /Chữ to/ }).click();
  expect(await rootSize()).toBeCloseTo(normal, 1);
});
