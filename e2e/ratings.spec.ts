// Residents rate the answer (issue 12 §5, Law 10/2022 Art. 35.2.a): staff publish an outcome notice, a
// resident who commented finds the invitation in the inbox and rates on a phone; the aggregate shows
// for staff (with comments) and publicly, averages only from five answers.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Lắp đèn chiếu sáng đường liên thôn (đánh giá)";
const ID = "e2e-rating-consultation";
const COMMENT = "Cán bộ trả lời rõ, nhưng nên báo sớm hơn.";

test.beforeAll(async () => {
  const [done] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE id = $1`, [ID]);
  if (done) return;
  const [commune] = await query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = 'thien-tin'`);
  const [staff] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'canbo@thientin.danban.local'`);
  const [me] = await query<{ id: string }>(`SELECT id FROM "User" WHERE phone = '+84901000001'`);
  const c = commune!.id;
  await query(
    `INSERT INTO "Consultation" (id, "communeId", title, summary, "matterKind", "legalCategory", subject, status, "allowedChannels", "createdById", "updatedAt", "publishedAt", "closedAt")
     VALUES ($1, $2, $3, 'Lắp 40 bóng đèn năng lượng mặt trời dọc đường liên thôn.', 'CONSULTATION', 'CONSULTATION_OTHER', 'PROJECT', 'CLOSED', '{WEB}', $4, now(), now() - interval '30 days', now() - interval '5 days')`,
    [ID, c, TITLE, staff!.id],
  );
  await query(
    `INSERT INTO "Opinion" (id, "communeId", "consultationId", number, "authorId", "displayName", body, channel, "updatedAt")
     VALUES ('e2e-rating-opinion', $1, $2, 1, $3, 'Người dân Phú Khương', 'Đề nghị lắp đèn ở đoạn qua trường học trước.', 'WEB', now())`,
    [c, ID, me!.id],
  );
  await query(`INSERT INTO "Report" (id, "communeId", "consultationId", status, "createdById", "updatedAt", "approvedAt") VALUES ('e2e-rating-report', $1, $2, 'APPROVED', $3, now(), now())`, [c, ID, staff!.id]);
  await query(
    `INSERT INTO "OutcomeNotice" (id, "communeId", "consultationId", "reportId", status, title, body, "loudspeakerText", "createdById", "updatedAt", "approvedAt")
     VALUES ('e2e-rating-notice', $1, $2, 'e2e-rating-report', 'APPROVED', 'Kết quả lấy ý kiến về đèn chiếu sáng', 'UBND xã tiếp thu ý kiến: lắp đèn đoạn qua trường học trước.', 'UBND xã thông báo kết quả lấy ý kiến về đèn chiếu sáng.', $3, now(), now())`,
    [c, ID, staff!.id],
  );
  // Four residents rated before: anonymous rows, as the rating page writes them.
  for (const [i, n] of [4, 5, 3, 4].entries()) {
    await query(
      `INSERT INTO "RatingAnswer" (id, "communeId", "subjectType", "subjectId", category, quarter, "informedInTime", "ableToTakePart", "opinionAnswered", "outcomeUnderstood", overall)
       VALUES ($1, $2, 'CONSULTATION', $3, 'CONSULTATION', '2026-Q4', $4, $4, $4, $4, $4)`,
      [`00000000-0000-4000-8000-00000000000${i}`, c, ID, n],
    );
  }
});

test("staff publish the notice; with four answers the public page shows no averages", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${ID}/notice`);
  await expectAccessible(page, "approved notice, before publishing");
  const [notice] = await query<{ status: string }>(`SELECT status FROM "OutcomeNotice" WHERE id = 'e2e-rating-notice'`);
  if (notice!.status !== "PUBLISHED") {
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Công bố thông báo" }).click();
    await expect(page.getByTestId("notice-status")).toHaveText("Trạng thái: Đã công bố");
  }
  await page.goto("/thien-tin/ratings");
  const row = page.getByTestId("rating-row").filter({ hasText: TITLE });
  await expect(row.getByTestId("rating-answers")).toHaveText("4");
  await expect(row.getByTestId("rating-too-few")).toBeVisible();
  await expectAccessible(page, "public ratings, too few answers");
});

test("a resident who commented is invited and rates on a phone, once", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "0901000001");
  await page.goto("/thien-tin/account");
  const invitation = page.getByTestId("notification").filter({ hasText: "Mời bạn đánh giá" }).filter({ hasText: TITLE });
  await expect(invitation).toHaveCount(1);
  await expectAccessible(page, "account page with the invitation to rate");
  await invitation.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Đánh giá việc lấy ý kiến", level: 1 })).toBeVisible();
  await expectAccessible(page, "rating form");

  // Sent without a score: refused, and what was chosen stays.
  await page.getByLabel("Tôi được biết về việc lấy ý kiến kịp thời").selectOption("3");
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByText("Hãy chọn một mức từ 1 đến 5.").first()).toBeVisible();
  await expect(page.getByLabel("Tôi được biết về việc lấy ý kiến kịp thời")).toHaveValue("3");

  await page.getByLabel("Tôi tham gia (góp ý, biểu quyết) dễ dàng").selectOption("4");
  await page.getByLabel("Ý kiến của tôi được tiếp thu hoặc giải trình thỏa đáng").selectOption("5");
  await page.getByLabel("Tôi hiểu kết quả và lý do").selectOption("4");
  await page.getByLabel("Nhìn chung, tôi hài lòng").selectOption("4");
  await page.getByLabel(/Điều bạn muốn nói thêm/).fill(COMMENT);
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByTestId("rating-state")).toHaveText("Bạn đã đánh giá nội dung này. Cảm ơn bạn!");
  await expectAccessible(page, "rating page after rating");
  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noScroll).toBe(true);

  // The answer is stored without the person: only the marker says they rated.
  const [marker] = await query<{ ratedAt: Date | null }>(`SELECT i."ratedAt" FROM "RatingInvite" i JOIN "User" u ON u.id = i."userId" WHERE u.phone = '+84901000001' AND i."subjectId" = $1`, [ID]);
  expect(marker!.ratedAt).not.toBeNull();
  expect(await query(`SELECT 1 FROM "RatingAnswer" WHERE "subjectId" = $1`, [ID])).toHaveLength(5);
});

test("with five answers the averages show publicly and, with the comments, for staff", async ({ page }) => {
  await page.goto("/thien-tin/ratings");
  const row = page.getByTestId("rating-row").filter({ hasText: TITLE });
  await expect(row.getByTestId("rating-answers")).toHaveText("5");
  // Overall: 4, 5, 3, 4 and the resident's 4.
  await expect(row.getByTestId("rating-overall")).toHaveText("4,00");
  await expect(page.getByText(COMMENT)).toHaveCount(0);
  await expectAccessible(page, "public ratings with averages");

  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/ratings/review");
  await expect(page.getByTestId("rating-row").filter({ hasText: TITLE }).getByTestId("rating-answers")).toHaveText("5");
  await expect(page.getByTestId("rating-comments").filter({ hasText: COMMENT })).toHaveCount(1);
  await expectAccessible(page, "ratings for the Front, with comments");
});
