// A resident who uses only the keyboard (no mouse, no touch): signs in, opens a consultation from the
// list, reads it, posts an opinion with a pin placed on the map from the keyboard (arrow keys move the
// map, Enter pins its centre), and votes — with Tab, Shift+Tab, arrows, Space and Enter only. Every
// element that takes the focus on the way shows a focus ring of at least 3:1 against its surroundings.
import type { Locator, Page } from "@playwright/test";

import { expect, expectAccessible, query, test } from "./fixtures";

const RESIDENT = "0901000004"; // household representative in Long Bình

type Ring = { contrast: number; width: number; style: string; what: string };

/** The focused element's focus indicator: outline (or inner halo) against the colour behind it. */
async function focusRing(page: Page): Promise<Ring> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const parse = (c: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(c);
      return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], a: m[4] === undefined ? 1 : Number(m[4]) } : null;
    };
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (x: number[], y: number[]) => {
      const [l1, l2] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (l1! + 0.05) / (l2! + 0.05);
    };
    // What surrounds the element: the first opaque background among its ancestors.
    let bg = [255, 255, 255];
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0.5) {
        bg = c.rgb;
        break;
      }
    }
    const style = getComputedStyle(el);
    const outline = parse(style.outlineColor);
    const halo = parse(/rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? "");
    const contrast = Math.max(outline && style.outlineStyle !== "none" ? ratio(outline.rgb, bg) : 0, halo ? ratio(halo.rgb, bg) : 0);
    return { contrast, width: parseFloat(style.outlineWidth) || 0, style: style.outlineStyle, what: `${el.tagName} ${el.getAttribute("name") ?? el.textContent?.slice(0, 30) ?? ""}` };
  });
}

async function expectVisibleFocus(page: Page) {
  const ring = await focusRing(page);
  expect(ring.style, `focus ring style of ${ring.what}`).not.toBe("none");
  expect(ring.width, `focus ring width of ${ring.what}`).toBeGreaterThanOrEqual(2);
  expect(ring.contrast, `focus ring contrast of ${ring.what}`).toBeGreaterThanOrEqual(3);
}

/** Whether the focus is on (one of) the element(s) `target` matches. */
const isFocused = (target: Locator) => target.evaluateAll((els) => (els as Element[]).includes(document.activeElement!)).catch(() => false);

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, checking the focus ring on arrival. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  await target.first().waitFor({ state: "attached" });
  for (let i = 0; i < (options.max ?? 250); i++) {
    if (await isFocused(target)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Tab into a radio group, then the arrow keys to the option (arrows move and select, as in browsers). */
async function chooseRadio(page: Page, group: Locator, option: Locator) {
  await tabTo(page, group.getByRole("radio"), {});
  for (let i = 0; i < 10 && !(await isFocused(option)); i++) await page.keyboard.press("ArrowDown");
  await expect(option).toBeFocused();
  await page.keyboard.press("Space");
  await expect(option).toBeChecked();
}

test("a resident signs in, reads a consultation, pins an opinion on the map and votes with the keyboard alone", async ({ page }) => {
  const [landUse] = await query<{ id: string; title: string }>(`SELECT id, title FROM "Consultation" WHERE title LIKE 'Kế hoạch sử dụng đất năm 2027%'`);

  // Sign in.
  await page.goto("/sign-in?callbackUrl=%2Fthien-tin");
  await expectAccessible(page, "sign-in");
  await tabTo(page, page.getByLabel("Số điện thoại hoặc email"));
  await page.keyboard.type(RESIDENT);
  await tabTo(page, page.getByLabel("Mật khẩu"));
  await page.keyboard.type("danban2026");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expectAccessible(page, "home after signing in");

  // The consultation, found in the list (not on the map).
  await tabTo(page, page.getByRole("link", { name: landUse!.title }).first());
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/consultations/${landUse!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: landUse!.title })).toBeVisible();
  await expectAccessible(page, "consultation page");

  // The opinion: stance, text, a pin placed from the keyboard, send.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Gửi ý kiến" }) });
  await chooseRadio(page, form, form.getByRole("radio", { name: "Không đồng tình", exact: true }));
  await tabTo(page, form.getByLabel("Ý kiến", { exact: true }));
  await page.keyboard.type("Đề nghị làm rõ lộ trình chuyển đổi đất lúa ở thôn Long Bình.");
  const map = form.locator(".leaflet-container");
  await tabTo(page, map);
  await expect(form.getByText("nhấn Enter để ghim vị trí ở tâm bản đồ")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("button", { name: "Bỏ ghim" })).toBeVisible();
  await tabTo(page, form.getByRole("button", { name: "Gửi ý kiến" }));
  await page.keyboard.press("Enter");
  const sent = page.getByText(/Đã gửi ý kiến số \d+\. Cảm ơn bạn!/);
  await expect(sent).toBeVisible();
  const number = Number(/số (\d+)/.exec((await sent.textContent())!)![1]);
  const [opinion] = await query<{ lat: number | null; lng: number | null; stance: string }>(
    `SELECT lat, lng, stance FROM "Opinion" WHERE "consultationId" = $1 AND number = $2`,
    [landUse!.id, number],
  );
  expect(opinion).toMatchObject({ stance: "OPPOSE" });
  expect(opinion!.lat).not.toBeNull();
  expect(opinion!.lng).not.toBeNull();
  await expectAccessible(page, "consultation page after the opinion");

  // The vote.
  const ballot = page.getByRole("region", { name: "Biểu quyết" });
  await chooseRadio(page, ballot, ballot.getByRole("radio", { name: "Đồng ý", exact: true }));
  await tabTo(page, ballot.getByRole("button", { name: "Gửi biểu quyết" }));
  await page.keyboard.press("Enter");
  await expect(ballot.getByTestId("receipt-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page, "ballot with a receipt");
});
