// A contested vote (issue 10 §4): a web vote was cast in a household's name by someone who used the
// representative's account; the household disputes it from its "Household votes" page; staff propose
// voiding it, the Front confirms; the vote stays in the database marked void; staff enter the
// household's paper ballot; the results page counts the paper ballot and not the voided vote.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const REPRESENTATIVE = "0901000003"; // household representative in Tân Phú 1
const TITLE = "Hương ước thôn Tân Phú 1: biểu quyết thử khiếu nại";

let consultationId: string;
let household: { id: string; code: string; households: number };
let voteId: string;

test.beforeAll(async () => {
  // A ballot of its own (a copy of the demo convention of Tân Phú 1), so the other voting specs keep theirs.
  const [source] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Dự thảo Hương ước thôn Tân Phú 1%'`);
  const [copy] = await query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`);
  consultationId = copy!.id;
  await query(
    `WITH src AS (SELECT * FROM "Consultation" WHERE id = $1)
     INSERT INTO "Consultation" SELECT (jsonb_populate_record(NULL::"Consultation", to_jsonb(src) || jsonb_build_object('id', $2::text, 'title', $3::text, 'showResultsLive', false))).* FROM src`,
    [source!.id, consultationId, TITLE],
  );
  await query(
    `INSERT INTO "ConsultationVillage" SELECT (jsonb_populate_record(NULL::"ConsultationVillage", to_jsonb(cv) || jsonb_build_object('consultationId', $2::text))).* FROM "ConsultationVillage" cv WHERE cv."consultationId" = $1`,
    [source!.id, consultationId],
  );
  const questions = await query<{ id: string }>(`SELECT id FROM "BallotQuestion" WHERE "consultationId" = $1`, [source!.id]);
  for (const q of questions) {
    const [nq] = await query<{ id: string }>(
      `WITH src AS (SELECT * FROM "BallotQuestion" WHERE id = $1)
       INSERT INTO "BallotQuestion" SELECT (jsonb_populate_record(NULL::"BallotQuestion", to_jsonb(src) || jsonb_build_object('id', gen_random_uuid()::text, 'consultationId', $2::text))).* FROM src RETURNING id`,
      [q.id, consultationId],
    );
    await query(
      `INSERT INTO "BallotOption" SELECT (jsonb_populate_record(NULL::"BallotOption", to_jsonb(o) || jsonb_build_object('id', gen_random_uuid()::text, 'questionId', $2::text))).* FROM "BallotOption" o WHERE o."questionId" = $1`,
      [q.id, nq!.id],
    );
  }
  const [h] = await query<{ id: string; code: string; households: number }>(
    `SELECT h.id, h.code, (SELECT count(*)::int FROM "Household" x WHERE x."villageId" = h."villageId" AND x."isActive") AS households
     FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Resident" r ON r.id = m."residentId" JOIN "Household" h ON h.id = r."householdId" WHERE u.phone = $1`,
    [`+84${REPRESENTATIVE.slice(1)}`],
  );
  household = h!;
  // The web vote the household did not cast: someone used the representative's account.
  const [vote] = await query<{ id: string }>(
    `INSERT INTO "Vote" ("id", "communeId", "consultationId", "questionId", "voterKey", "householdId", "villageId", "userId", "channel", "receiptCode", "updatedAt")
     SELECT gen_random_uuid()::text, q."communeId", q."consultationId", q.id, 'H:' || h.id, h.id, h."villageId", m."userId", 'WEB', 'E2EC-0NTE-5TED', now()
     FROM "BallotQuestion" q, "Household" h, "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE q."consultationId" = $1 AND h.id = $2 AND u.phone = $3 AND m.role = 'RESIDENT' RETURNING id`,
    [consultationId, household.id, `+84${REPRESENTATIVE.slice(1)}`],
  );
  voteId = vote!.id;
  await query(`INSERT INTO "VoteChoice" ("voteId", "optionId", "communeId", "questionId") SELECT v.id, o.id, v."communeId", v."questionId" FROM "Vote" v JOIN "BallotOption" o ON o."questionId" = v."questionId" WHERE v.id = $1 AND o.position = 1`, [voteId]);
});

test("the household sees the web vote recorded in its name, and disputes it", async ({ page }) => {
  // The household was told: the trigger left a notice for the job queue to send.
  const [notice] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "VoteNotice" WHERE "voteId" = $1`, [voteId]);
  expect(notice!.n).toBe(1);

  await signIn(page, REPRESENTATIVE);
  await page.goto("/thien-tin/household-votes");
  await expect(page.getByRole("heading", { level: 1, name: "Phiếu biểu quyết của hộ" })).toBeVisible();
  const vote = page.getByTestId("household-vote").filter({ hasText: TITLE });
  await expect(vote).toContainText("Trực tuyến");
  await expectAccessible(page, "household votes");

  await vote.getByText("Hộ tôi không biểu quyết phiếu này").click();
  // Too short: refused with the reason, the words kept.
  await vote.getByLabel("Nội dung khiếu nại").fill("Sai");
  await vote.getByRole("button", { name: "Gửi khiếu nại" }).click();
  await expect(vote.getByRole("alert")).toBeVisible();
  await expect(vote.getByLabel("Nội dung khiếu nại")).toHaveValue("Sai");
  await vote.getByLabel("Nội dung khiếu nại").fill("Hộ tôi không biểu quyết trực tuyến; có người dùng tài khoản của tôi.");
  await vote.getByRole("button", { name: "Gửi khiếu nại" }).click();
  // The page now shows where the dispute stands (the form gives way to it).
  await expect(vote.getByTestId("dispute-status")).toContainText("UBND xã đang xem xét");
  await expectAccessible(page, "household votes after the dispute");
});

test("staff propose voiding the vote; staff cannot confirm it", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/vote-reviews");
  const dispute = page.getByTestId("vote-dispute").filter({ hasText: TITLE });
  await expect(dispute).toContainText("có người dùng tài khoản của tôi");
  await expectAccessible(page, "vote reviews (staff)");
  await dispute.getByLabel("Lý do đề xuất hủy").fill("Chủ hộ đến UBND xã xác nhận không biểu quyết trực tuyến; tài khoản đã đổi mật khẩu.");
  await dispute.getByRole("button", { name: "Đề xuất hủy phiếu" }).click();
  await expect(dispute).toContainText("UBND xã đã đề xuất hủy phiếu, chờ Ủy ban MTTQ xã xác nhận.");
  await expect(dispute.getByRole("button", { name: "Xác nhận hủy phiếu" })).toHaveCount(0);
  await expectAccessible(page, "vote reviews after the proposal");
});

test("the Front confirms: the vote is kept, marked void, and audited", async ({ page }) => {
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/vote-reviews");
  const dispute = page.getByTestId("vote-dispute").filter({ hasText: TITLE });
  await expect(dispute).toContainText("tài khoản đã đổi mật khẩu");
  await expectAccessible(page, "vote reviews (Front)");
  await dispute.getByLabel("Ý kiến của Ủy ban MTTQ xã").fill("MTTQ xã đã gặp chủ hộ, đồng ý hủy phiếu.");
  await dispute.getByRole("button", { name: "Xác nhận hủy phiếu" }).click();
  await expect(dispute).toContainText("Phiếu đã được hủy.");
  const [vote] = await query<{ voided: boolean; voidReason: string; kept: number }>(
    `SELECT "voidedAt" IS NOT NULL AS voided, "voidReason", (SELECT count(*)::int FROM "VoteChoice" c WHERE c."voteId" = v.id) AS kept FROM "Vote" v WHERE id = $1`,
    [voteId],
  );
  expect(vote).toEqual({ voided: true, voidReason: "Chủ hộ đến UBND xã xác nhận không biểu quyết trực tuyến; tài khoản đã đổi mật khẩu.", kept: 1 });
  const audit = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE details->>'voteId' = $1 OR "entityId" IN (SELECT id FROM "VoteDispute" WHERE "voteId" = $1) ORDER BY seq`, [voteId]);
  expect(audit.map((a) => a.action)).toEqual(["vote.dispute", "vote.void.propose", "vote.void.confirm"]);
  await expectAccessible(page, "vote reviews after the decision");
});

test("staff enter the household's paper ballot, and the results count it instead of the voided vote", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/votes`);
  await page.getByLabel("Mã hộ hoặc họ tên").fill(household.code);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  const match = page.getByTestId("household-match").filter({ hasText: household.code });
  await expect(match).not.toContainText("Đã biểu quyết"); // the voided vote no longer holds the household's place
  await expectAccessible(page, "paper ballot search");
  await match.getByRole("button", { name: "Chọn hộ này" }).click();
  const entry = page.getByRole("form", { name: new RegExp(household.code) });
  await entry.getByRole("radio", { name: "Đồng ý", exact: true }).check();
  await entry.getByRole("button", { name: "Lưu phiếu của hộ" }).click();
  await expect(page.getByText(/Đã lưu\. Mã biên nhận:/)).toBeVisible();
  await expectAccessible(page, "paper ballot saved");

  await query(`UPDATE "Consultation" SET status = 'CLOSED', "closedAt" = now(), "commentEndsAt" = now() - interval '1 minute' WHERE id = $1`, [consultationId]);
  await page.goto(`/thien-tin/consultations/${consultationId}/results`);
  await expect(page.getByRole("heading", { level: 1, name: "Kết quả biểu quyết" })).toBeVisible();
  // Counted in the household's village against all its households (Law 10/2022 Art. 21.1): the paper ballot is its one vote.
  const row = page.getByTestId("village-row").filter({ hasText: "Tân Phú 1" });
  await expect(row.getByRole("cell").nth(1)).toHaveText(String(household.households));
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  // By channel: the paper ballot counts, the voided web vote does not.
  const byChannel = page.getByRole("table", { name: "Theo hình thức" });
  await expect(byChannel.getByRole("row", { name: /^Phiếu lấy ý kiến/ }).getByRole("cell").first()).toHaveText("1");
  await expect(byChannel.getByRole("row", { name: /^Trực tuyến/ }).getByRole("cell").first()).toHaveText("0");
  await expectAccessible(page, "results page");
});

test.afterAll(async () => {
  // Leave the demo data as the other specs expect it: the copied ballot and what this journey wrote go.
  await query(`DELETE FROM "Notification" WHERE kind IN ('householdVoteRecorded', 'contestedVoteVoided', 'contestedVoteRejected') AND params->>'consultation' = $1`, [TITLE]);
  await query(`DELETE FROM "VoteDispute" WHERE "consultationId" = $1`, [consultationId]);
  await query(`DELETE FROM "VoteNotice" WHERE "voteId" IN (SELECT id FROM "Vote" WHERE "consultationId" = $1)`, [consultationId]);
  await query(`DELETE FROM "Vote" WHERE "consultationId" = $1`, [consultationId]);
  await query(`DELETE FROM "BallotOption" WHERE "questionId" IN (SELECT id FROM "BallotQuestion" WHERE "consultationId" = $1)`, [consultationId]);
  await query(`DELETE FROM "BallotQuestion" WHERE "consultationId" = $1`, [consultationId]);
  await query(`DELETE FROM "ConsultationVillage" WHERE "consultationId" = $1`, [consultationId]);
  await query(`DELETE FROM "Consultation" WHERE id = $1`, [consultationId]);
});
