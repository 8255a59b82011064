// While voting is open, the public results page shows the running figures and no verdict (issue 14 §7):
// "Passed" or "Not passed" appears only once voting has closed. The English page is used so that this
// journey's cached render never meets another journey's Vietnamese one.
import { expect, expectAccessible, query, test } from "./fixtures";

let consultationId = "";

test.beforeAll(async () => {
  const [c] = await query<{ id: string; open: boolean }>(
    `SELECT id, "commentEndsAt" > now() AND status = 'PUBLISHED' AS open FROM "Consultation" WHERE title LIKE 'Kế hoạch sử dụng đất năm 2027%'`,
  );
  expect(c!.open).toBe(true);
  consultationId = c!.id;
  await query(`UPDATE "Consultation" SET "showResultsLive" = true WHERE id = $1`, [consultationId]);
});

test.afterAll(async () => {
  await query(`UPDATE "Consultation" SET "showResultsLive" = false WHERE id = $1`, [consultationId]);
});

test("the running figures are shown without a verdict while voting is open", async ({ page }) => {
  await page.goto(`/en/thien-tin/consultations/${consultationId}/results`);
  await expect(page.getByText("Provisional results: voting is still open.")).toBeVisible();
  const outcomes = page.getByTestId("outcome");
  await expect(outcomes.first()).toContainText("Running figures while voting is open; no result yet.");
  for (const outcome of await outcomes.all()) {
    await expect(outcome).not.toContainText("Not passed");
    await expect(outcome).not.toContainText("Passed");
  }
  await expect(page.getByTestId("villages-passed")).toHaveCount(0);
  await expect(page.getByTestId("village-verdict").filter({ hasText: /Passed|Not passed/ })).toHaveCount(0);
  await expectAccessible(page, "running results");
});
