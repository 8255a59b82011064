// The resident's whole journey on a small phone (360×640, touch): the commune's home page, the list of
// consultations, a consultation with its map, signing in, an opinion, the vote and the results. On
// every page: no sideways scrolling, every tap target at least 24×24 px (WCAG 2.5.8; links inside a
// sentence excepted), and every map has a list of the same items that works without the map.
import type { Page } from "@playwright/test";

import { expect, expectAccessible, query, test } from "./fixtures";

const RESIDENT = "0901000002"; // a member of the Phú Khương household, 18 or older

/** Fails on horizontal scrolling, small tap targets, or a map item missing from the page's lists. */
async function expectPhoneFriendly(page: Page, label: string) {
  await page.waitForLoadState("networkidle").catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${label}`).toBeLessThanOrEqual(0);

  // WCAG 2.5.8 Target Size (Minimum): at least 24×24 px, or — the spacing exception — a 24 px circle on
  // the target's centre touches no other target (nor another small target's circle); links inside a
  // sentence are exempt. A radio button or checkbox is tapped through its label, which is the target.
  const small = await page.evaluate(() => {
    type Target = { name: string; box: DOMRect; small: boolean };
    const targets: Target[] = [];
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex='0']";
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || el.closest(".sr-only")) continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (closed menus, skip link until focused)
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
        const labelEl = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (labelEl) box = labelEl.getBoundingClientRect();
      }
      if (el.tagName === "A" && el.closest("p, li, dd, td, .prose-civic, .leaflet-control-attribution")) {
        const block = el.closest("p, li, dd, td, .prose-civic, .leaflet-control-attribution")!;
        if ((block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 3) continue; // inline in a sentence
      }
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? el.getAttribute("title") ?? "").trim().slice(0, 40)}"`;
      targets.push({ name, box, small: box.width < 23.5 || box.height < 23.5 });
    }
    const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
    const distanceToBox = (p: { x: number; y: number }, b: DOMRect) =>
      Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
    const found: string[] = [];
    for (const t of targets.filter((x) => x.small)) {
      const c = centre(t.box);
      const crowded = targets.some((o) => {
        if (o === t) return false;
        if (o.box.left === t.box.left && o.box.top === t.box.top) return false; // the same target (label and input)
        return o.small ? Math.hypot(centre(o.box).x - c.x, centre(o.box).y - c.y) < 24 : distanceToBox(c, o.box) < 12;
      });
      if (crowded) found.push(`${t.name} ${Math.round(t.box.width)}×${Math.round(t.box.height)}`);
    }
    return found;
  });
  expect(small, `tap targets smaller than 24×24 px on ${label}`).toEqual([]);

  // Every map's items are in a list on the page, reachable without the map.
  const missing = await page.evaluate(() => {
    const out: string[] = [];
    for (const map of document.querySelectorAll<HTMLElement>(".leaflet-container")) {
      const outside = (test: (el: Element) => boolean, selector: string) =>
        [...document.querySelectorAll(selector)].some((el) => !map.contains(el) && test(el));
      for (const marker of map.querySelectorAll<HTMLElement>(".leaflet-marker-icon[title]")) {
        if (marker.classList.contains("leaflet-marker-draggable")) continue; // the pin the resident is placing
        const title = marker.getAttribute("title")!;
        const opinion = /^#(\d+)$/.exec(title);
        const ok = opinion
          ? Boolean(document.getElementById(`opinion-${opinion[1]}`)) || outside((el) => (el.textContent ?? "").includes(title), "a, li")
          : outside((el) => (el.textContent ?? "").includes(title), "a, li");
        if (!ok) out.push(`marker "${title}"`);
      }
      // Shapes (areas, lines) are listed in the legend list beside the map.
      // (The commune and village boundaries drawn under everything are context, not items.)
      const shapes = [...map.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive")].filter((p) => !["#57534e", "#134e4a"].includes(p.getAttribute("stroke") ?? "")).length;
      const region = map.closest("section") ?? map.parentElement!;
      if (shapes > 0 && region.querySelectorAll("ul li, ol li").length === 0 && !map.closest("form")) out.push(`${shapes} shapes without a list`);
    }
    return out;
  });
  expect(missing, `map items without a list alternative on ${label}`).toEqual([]);
}

test("the resident journey on a 360×640 phone: no sideways scroll, tap targets of 24 px, a list beside every map @phone", async ({ page }) => {
  // A dozen pages, each measured and checked with axe: more than the default 90 s on a busy machine.
  test.setTimeout(180_000);
  const [landUse] = await query<{ id: string; title: string }>(`SELECT id, title FROM "Consultation" WHERE title LIKE 'Kế hoạch sử dụng đất năm 2027%'`);

  await page.goto("/thien-tin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectPhoneFriendly(page, "home");
  await expectAccessible(page, "home on a phone");

  await page.goto("/thien-tin/consultations");
  await expectPhoneFriendly(page, "consultation list");
  await expectAccessible(page, "consultation list on a phone");

  await page.getByRole("link", { name: landUse!.title }).first().tap();
  await page.waitForURL(`**/consultations/${landUse!.id}`);
  await expectPhoneFriendly(page, "consultation page");
  await expectAccessible(page, "consultation page on a phone");

  // Sign in from the page (the link in the header brings the resident back here).
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/thien-tin/consultations/${landUse!.id}`)}`);
  await expectPhoneFriendly(page, "sign-in");
  await expectAccessible(page, "sign-in on a phone");
  await page.getByLabel("Số điện thoại hoặc email").fill(RESIDENT);
  await page.getByLabel("Mật khẩu").fill("danban2026");
  await page.getByRole("button", { name: "Đăng nhập" }).tap();
  await page.waitForURL(`**/consultations/${landUse!.id}`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expectPhoneFriendly(page, "consultation page, signed in");
  await expectAccessible(page, "consultation page signed in on a phone");

  // An opinion with a pin tapped on the map.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Gửi ý kiến" }) });
  await form.getByRole("radio", { name: "Đồng tình", exact: true }).tap();
  await form.getByLabel("Ý kiến", { exact: true }).fill("Đồng ý, nhưng cần dải cây xanh giữa cụm công nghiệp và khu dân cư.");
  const map = form.locator(".leaflet-container");
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(form.getByRole("button", { name: "Bỏ ghim" })).toBeVisible();
  await form.getByRole("button", { name: "Gửi ý kiến" }).tap();
  await expect(page.getByText(/Đã gửi ý kiến số \d+\. Cảm ơn bạn!/)).toBeVisible();
  await expectPhoneFriendly(page, "consultation page after the opinion");
  await expectAccessible(page, "consultation page after the opinion on a phone");

  // The vote.
  const ballot = page.getByRole("region", { name: "Biểu quyết" });
  await ballot.getByRole("radio", { name: "Không đồng ý", exact: true }).tap();
  await ballot.getByRole("button", { name: "Gửi biểu quyết" }).tap();
  await expect(ballot.getByTestId("receipt-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectPhoneFriendly(page, "ballot with a receipt");
  await expectAccessible(page, "ballot with a receipt on a phone");

  // The results page and the list-only view work on the phone too.
  await page.goto(`/thien-tin/consultations/${landUse!.id}/results`);
  await expectPhoneFriendly(page, "results");
  await expectAccessible(page, "results on a phone");
  await page.goto("/thien-tin/consultations?view=list");
  await expect(page.locator(".leaflet-container")).toHaveCount(0);
  await expectPhoneFriendly(page, "list-only view");
  await expectAccessible(page, "list-only view on a phone");
});
