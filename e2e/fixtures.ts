import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "danban2026";

/** Pages (by path) each test's page has shown, and those axe has checked; see the `page` fixture below. */
const checkedPaths = new WeakMap<Page, Set<string>>();
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname;
};

/** Runs axe on the page as it is now; fails on any serious or critical WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page, label: string) {
  // After a client-side navigation Next streams the new page's <title> in a moment later: check the
  // page once it has one (a page that never gets one still fails, on axe's document-title rule).
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5_000 }).catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // Read after axe has run: after a client-side navigation the new page shows a moment before the
  // address changes.
  checkedPaths.get(page)?.add(pathOf(page.url()));
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`),
    `accessibility of ${label}`,
  ).toEqual([]);
}

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Số điện thoại hoặc email").fill(identifier);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The form navigates away once signed in; wait for that, or a later goto races with it.
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expectAccessible(page, "first page after signing in");
}

/** Direct queries against the run's database, to find ids and check what was written. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readFileSync("test-results/e2e-database-url", "utf8").trim() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A stable private address (10.200–255.x.y) per test, apart from the 10.7x.x.x ones specs pick. */
function testAddress(key: string): string {
  const h = createHash("sha256").update(key).digest();
  return `10.${200 + (h[0]! % 56)}.${h[1]}.${1 + (h[2]! % 254)}`;
}

/**
 * Every page a test opens is checked with axe: the `page` fixture notes each document the browser
 * shows (each path; query strings and fragments aside) and fails the test, when it ends, if one was
 * never passed to expectAccessible. JSON and files (API routes, downloads) are not pages.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, provide, testInfo) => {
    // Each test is a different person on a different phone: it comes from an address of its own
    // (the app believes the forwarded-for header of a direct client, as Next sets it), so that the
    // per-address limits (50 sign-ins in 15 minutes, text messages per hour) count one test's
    // attempts, not the whole suite's. Tests of those limits set their own address.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": testAddress(`${testInfo.project.name} ${testInfo.testId} ${testInfo.retry}`) });
    const visited = new Map<string, string>();
    const checked = new Set<string>();
    checkedPaths.set(page, checked);
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (!url.startsWith("http")) return;
      const path = pathOf(url);
      if (path.startsWith("/api/") || /\.(pdf|docx|csv|xlsx|json|geojson|xml|png|jpe?g|webp)$/i.test(path)) return;
      if (!visited.has(path)) visited.set(path, url);
    });
    await provide(page);
    if (testInfo.status !== testInfo.expectedStatus) return; // already failing: that failure matters more
    const unchecked = [...visited.keys()].filter((p) => !checked.has(p));
    expect(unchecked, "pages this test opened without calling expectAccessible on them").toEqual([]);
  },
});
export { expect };
