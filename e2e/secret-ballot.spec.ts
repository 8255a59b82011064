// A secret ballot in Long Bình: the household representative votes, is told the vote is final and
// the receipt proves only that it was counted; the receipt check shows no choice; the results page
// shows "dưới 3" for a village with one vote. The ballot is made for this spec and removed after it.
import { randomUUID } from "node:crypto";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const RESIDENT = "0901000004"; // household representative in Long Bình
const TITLE = `Lấy ý kiến hộ gia đình Long Bình về đặt tên đường thôn (phiếu kín) ${randomUUID().slice(0, 6)}`;
const ids = { consultation: `sec${randomUUID().replace(/-/g, "").slice(0, 20)}`, question: `secq${randomUUID().replace(/-/g, "").slice(0, 20)}` };

test.beforeAll(async () => {
  // A copy of the seeded Tân Phú 1 convention (open for voting, online notice given), scoped to Long
  // Bình, a household consultation (Art. 25) put to a secret ballot, with its results shown live: its web
  // votes count (on a decision matter they would be set aside unless online deciding was lawful).
  await query(
    `INSERT INTO "Consultation"
     SELECT (jsonb_populate_record(NULL::"Consultation", to_jsonb(c) || jsonb_build_object(
       'id', $1::text, 'title', $2::text, 'legalCategory', 'CONSULTATION_ADMINISTRATIVE_BOUNDARY', 'isCommuneWide', false, 'showResultsLive', true, 'opinionSeq', 0))).*
     FROM "Consultation" c WHERE c.title LIKE 'Dự thảo Hương ước thôn Tân Phú 1%'`,
    [ids.consultation, TITLE],
  );
  await query(
    `INSERT INTO "ConsultationVillage" ("consultationId", "villageId", "communeId")
     SELECT $1, v.id, v."communeId" FROM "Village" v JOIN "Commune" m ON m.id = v."communeId" WHERE m.slug = 'thien-tin' AND v.name = 'Long Bình'`,
    [ids.consultation],
  );
  await query(
    `INSERT INTO "BallotQuestion" ("id", "communeId", "consultationId", "position", "text", "kind", "votingUnit", "thresholdRule", "thresholdPercent", "secret")
     SELECT $2, c."communeId", c.id, 0, 'Hộ gia đình có đồng ý bầu ông Phạm Văn Hòa làm Tổ trưởng không?', 'YES_NO_ABSTAIN', 'HOUSEHOLD', 'MAJORITY_OF_ALL_IN_SCOPE', 50, true
     FROM "Consultation" c WHERE c.id = $1`,
    [ids.consultation, ids.question],
  );
  await query(
    `INSERT INTO "BallotOption" ("id", "communeId", "questionId", "position", "label", "isAffirmative")
     SELECT $1 || '-' || o.position, q."communeId", q.id, o.position, o.label, o.position = 0
     FROM "BallotQuestion" q, (VALUES (0, 'Đồng ý'), (1, 'Không đồng ý'), (2, 'Ý kiến khác')) AS o(position, label) WHERE q.id = $1`,
    [ids.question],
  );
});

test.afterAll(async () => {
  await query(`DELETE FROM "SecretBallotBox" WHERE "questionId" = $1`, [ids.question]);
  await query(`DELETE FROM "Vote" WHERE "questionId" = $1`, [ids.question]);
  await query(`DELETE FROM "BallotQuestion" WHERE id = $1`, [ids.question]);
  await query(`DELETE FROM "Consultation" WHERE id = $1`, [ids.consultation]);
});

test("a secret vote is final, its receipt shows no choice, and a village of one vote shows fewer than 3", async ({ page }) => {
  await signIn(page, RESIDENT);
  await page.goto(`/thien-tin/consultations/${ids.consultation}`);
  const ballot = page.getByRole("region", { name: "Biểu quyết" });
  await expect(ballot.getByText("Câu hỏi này bỏ phiếu kín", { exact: false })).toBeVisible();
  await ballot.getByRole("radio", { name: "Không đồng ý" }).check();
  await ballot.getByRole("button", { name: "Gửi biểu quyết" }).click();
  const receipt = ballot.getByTestId("vote-receipt");
  await expect(receipt).toContainText("Bỏ phiếu kín: mã phiếu chứng minh phiếu của bạn đã được tính");
  // Final: no form to change it.
  await expect(ballot.getByRole("button", { name: "Đổi lựa chọn" })).toHaveCount(0);
  await expect(ballot.getByRole("radio")).toHaveCount(0);
  await expectAccessible(page, "secret ballot with a receipt");
  const code = (await receipt.getByTestId("receipt-code").textContent())!.trim();

  // The database holds the participation, and the choice only as a count in the box.
  expect(await query(`SELECT count(*)::int AS n FROM "VoteChoice" WHERE "questionId" = $1`, [ids.question])).toEqual([{ n: 0 }]);
  const box = await query<{ optionId: string; count: number }>(`SELECT "optionId", "count" FROM "SecretBallotBox" WHERE "questionId" = $1 ORDER BY "optionId"`, [ids.question]);
  expect(box.map((r) => r.count)).toEqual([0, 1, 0]);

  await receipt.getByRole("link", { name: "Kiểm tra biên nhận" }).click();
  const found = page.getByTestId("receipt-found");
  await expect(found).toContainText("Phiếu đã được ghi nhận");
  await expect(found).not.toContainText("Không đồng ý");
  await expectAccessible(page, "receipt check of a secret vote");
  expect(code).toMatch(/^[0-9A-Z-]{14}$/);

  await page.goto(`/thien-tin/consultations/${ids.consultation}/results`);
  const row = page.getByTestId("village-row").filter({ hasText: "Long Bình" });
  // Taking part, agreeing, disagreeing, other: each "dưới 3", never the 1 it is.
  for (const cell of [2, 3, 4, 5]) await expect(row.locator("td").nth(cell)).toHaveText("dưới 3");
  await expect(page.getByText("thôn hoặc hình thức có dưới 3 phiếu", { exact: false })).toBeVisible();
  await expectAccessible(page, "results of a secret ballot");
});
