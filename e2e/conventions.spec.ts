// A village convention from proposal to recognition (issue 13 §5, Decree 61/2023): the village head of
// Tân Phú 1 proposes it with the Front committee head; staff record the drafting group and the draft, and
// post it with a consultation of the convention kind (a copy of the seeded one, so the voting specs keep
// theirs); taking the result while the vote is open is refused; the village head records the village
// meeting (more than half of the households present, a majority of all households agreeing) through the
// meetings page; once the vote closes (closed here as the scheduler does when the period ends) staff take
// the result from the village's tally; staff upload the dossier's scans and record it received; the chair
// signs the decision (a QĐ number); staff send and post it; the public register shows it with its
// decision, and the Front sees the clocks.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 300_000 });

const SLUG = "thien-tin";
const TITLE = `Quy ước thử thôn Tân Phú 1 ${Date.now().toString(36)}`;
const SEEDED = "Dự thảo Hương ước thôn Tân Phú 1 (sửa đổi, bổ sung năm 2026)";
// Named so that it never matches the seeded one's title: other specs find that by its beginning.
const CONSULTATION = `Biểu quyết ${TITLE} (bản sao cuộc lấy ý kiến hương ước thôn Tân Phú 1)`;
const MINUTES = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** A real, if tiny, PDF: the upload is judged by its content. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
let conventionId: string;
let consultationId: string;

test.beforeAll(async () => {
  // A ballot of its own: a copy of the seeded convention consultation of Tân Phú 1 (its dates, village
  // and question), without votes or meetings.
  const [source] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [SEEDED]);
  const [copy] = await query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`);
  consultationId = copy!.id;
  await query(
    `WITH src AS (SELECT * FROM "Consultation" WHERE id = $1)
     INSERT INTO "Consultation" SELECT (jsonb_populate_record(NULL::"Consultation", to_jsonb(src) || jsonb_build_object('id', $2::text, 'title', $3::text))).* FROM src`,
    [source!.id, consultationId, CONSULTATION],
  );
  await query(
    `INSERT INTO "ConsultationVillage" SELECT (jsonb_populate_record(NULL::"ConsultationVillage", to_jsonb(cv) || jsonb_build_object('consultationId', $2::text))).* FROM "ConsultationVillage" cv WHERE cv."consultationId" = $1`,
    [source!.id, consultationId],
  );
  for (const q of await query<{ id: string }>(`SELECT id FROM "BallotQuestion" WHERE "consultationId" = $1`, [source!.id])) {
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
});

test("the village head proposes a convention for their own village, with the Front committee head", async ({ page }) => {
  await signIn(page, "truongthon.tanphu1@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions`);
  await expectAccessible(page, "staff conventions list (village head)");
  const form = page.locator("form").filter({ has: page.getByLabel("Nội dung đề xuất") });
  // A village head is offered their own village only.
  await expect(form.getByLabel("Thôn").locator("option")).toHaveText(["Tân Phú 1"]);
  await form.getByLabel("Tên (ví dụ: Hương ước thôn Tân Phú 1)").fill(TITLE);
  await form.getByLabel("Nội dung đề xuất").fill("Xây dựng quy ước về giữ gìn vệ sinh môi trường của thôn.");
  // Without the Front committee head the proposal is refused, and what was typed stays.
  await form.getByRole("button", { name: "Ghi đề xuất" }).click();
  await expect(form.getByText(/Trưởng ban công tác Mặt trận thôn cùng đề xuất \(Điều 7 Nghị định 61\/2023/)).toBeVisible();
  await expect(form.getByLabel("Nội dung đề xuất")).toHaveValue("Xây dựng quy ước về giữ gìn vệ sinh môi trường của thôn.");
  await form.getByLabel("Họ tên Trưởng ban công tác Mặt trận thôn").fill("Lê Thị Thu");
  await form.getByRole("button", { name: "Ghi đề xuất" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã ghi đề xuất.");
  const [row] = await query<{ id: string }>(`SELECT id FROM "Convention" WHERE title = $1`, [TITLE]);
  conventionId = row!.id;
});

test("staff record the drafting group and the draft, and post it with the convention consultation", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions/${conventionId}`);
  await expectAccessible(page, "convention proposed");
  await page.getByLabel("Thành viên (mỗi người một dòng)").fill("Huỳnh Thị Mai, Trưởng thôn\nLê Thị Thu, Trưởng ban công tác Mặt trận");
  await page.getByRole("button", { name: "Ghi tổ soạn thảo" }).click();
  await expect(page.getByLabel("Nội dung dự thảo")).toBeVisible();
  await page.getByLabel("Nội dung dự thảo").fill("Điều 1. Mỗi hộ giữ vệ sinh đường làng trước nhà.\nĐiều 2. Không xả rác xuống kênh mương.");
  await page.getByRole("button", { name: "Ghi dự thảo" }).click();
  await expect(page.getByRole("button", { name: "Gắn với cuộc lấy ý kiến" })).toBeVisible();
  await page.getByLabel("Cuộc lấy ý kiến").selectOption({ label: CONSULTATION });
  await page.getByRole("button", { name: "Gắn với cuộc lấy ý kiến" }).click();
  await expect(page.getByRole("button", { name: "Lấy kết quả biểu quyết" })).toBeVisible();
  await expectAccessible(page, "convention posted");
  // The vote is still open: no adoption yet.
  const adopt = page.locator("form").filter({ has: page.getByRole("button", { name: "Lấy kết quả biểu quyết" }) });
  await adopt.getByRole("button").click();
  await expect(adopt.getByRole("alert")).toHaveText(/Cuộc biểu quyết vẫn đang diễn ra/);
});

test("the village head records the village meeting; once the vote closes, staff take the result from the tally", async ({ page }) => {
  const [village] = await query<{ households: number }>(
    `SELECT (SELECT count(*)::int FROM "Household" h WHERE h."villageId" = v.id AND h."isActive") AS households FROM "Village" v JOIN "Commune" c ON c.id = v."communeId" WHERE c.slug = $1 AND v.name = 'Tân Phú 1'`,
    [SLUG],
  );
  const households = village!.households;
  // More than half of the households present, and more than 50% of ALL households agreeing (Art. 10).
  const agree = Math.floor(households / 2) + 1;
  const present = Math.min(households, agree + 1);
  await signIn(page, "truongthon.tanphu1@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/consultations/${consultationId}/meetings`);
  const form = page.getByRole("form", { name: "Ghi kết quả hội nghị" });
  await form.getByRole("radio", { name: "Giơ tay" }).check();
  await form.getByLabel("Số hộ dự họp").fill(String(present));
  await form.getByLabel("Số phiếu: Đồng ý").fill(String(agree));
  await form.getByLabel("Số phiếu: Không đồng ý").fill(String(present - agree));
  await form.getByLabel("Số phiếu: Ý kiến khác").fill("0");
  await form.getByLabel("Biên bản hội nghị (PDF hoặc ảnh chụp)").setInputFiles({ name: "bien-ban-hoi-nghi.pdf", mimeType: "application/pdf", buffer: MINUTES });
  await expect(form.getByText("Đã tải lên: bien-ban-hoi-nghi.pdf")).toBeVisible();
  await expectAccessible(page, "meeting form");
  await form.getByRole("button", { name: "Lưu kết quả hội nghị" }).click();
  await expect(page.getByTestId("meeting-record").first()).toContainText(`Dự họp: ${present}/${households}`);
  await expectAccessible(page, "meeting recorded");

  // The comment and voting period ends: closed as the scheduler closes it.
  await query(`UPDATE "Consultation" SET status = 'CLOSED', "closedAt" = now(), "commentEndsAt" = now() - interval '1 minute' WHERE id = $1`, [consultationId]);

  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions/${conventionId}`);
  const adopt = page.locator("form").filter({ has: page.getByRole("button", { name: "Lấy kết quả biểu quyết" }) });
  await adopt.getByRole("button").click();
  await expect(page.getByText("Gửi hồ sơ đề nghị công nhận: 5 ngày làm việc kể từ ngày thông qua")).toBeVisible();
  const [version] = await query<{ stage: string; result: { agree: number; households: number; source: string; passed: boolean } }>(
    `SELECT stage, "adoptionResult" AS result FROM "ConventionVersion" WHERE "conventionId" = $1`,
    [conventionId],
  );
  expect(version).toMatchObject({ stage: "ADOPTED", result: { agree, households, source: "MEETING", passed: true } });
  await expectAccessible(page, "convention adopted");
});

test("staff upload the dossier and record it received", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions/${conventionId}`);
  await expect(page.getByText("Gửi hồ sơ đề nghị công nhận: 5 ngày làm việc kể từ ngày thông qua")).toBeVisible();
  // An incomplete dossier is refused with the article.
  const submit = page.locator("form").filter({ has: page.getByRole("button", { name: "Ghi nhận đã nhận hồ sơ" }) });
  await submit.getByRole("button").click();
  await expect(submit.getByRole("alert")).toHaveText(/Điều 11 Nghị định 61\/2023\/NĐ-CP/);
  for (const kind of ["Văn bản đề nghị công nhận", "Biên bản cuộc họp thông qua", "Văn bản hương ước, quy ước đã thông qua"]) {
    await page.getByLabel("Loại giấy tờ").selectOption({ label: kind });
    await page.getByLabel("Tệp (PDF hoặc ảnh)").setInputFiles({ name: "ho-so.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Tải lên", exact: true }).click();
    await expect(page.getByRole("link", { name: kind })).toBeVisible();
  }
  await expectAccessible(page, "dossier uploaded");
  await submit.getByRole("button").click();
  await expect(page.getByText("Chỉ lãnh đạo UBND xã ký quyết định.")).toBeVisible();
});

test("the chair signs the recognition decision, numbered QĐ, and staff send and post it", async ({ page }) => {
  await signIn(page, "chutich@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions/${conventionId}`);
  await expectAccessible(page, "decision to sign");
  await page.getByRole("button", { name: "Ký", exact: true }).first().click();
  await expect(page.getByText(/\/QD-UBND/).first()).toBeVisible();
  const [doc] = await query<{ label: string }>(
    `SELECT d.label FROM "ConventionVersion" v JOIN "IssuedDocument" d ON d.id = v."decisionDocumentId" WHERE v."conventionId" = $1`,
    [conventionId],
  );
  expect(doc!.label).toMatch(/^\d{2,}\/QD-UBND$/);

  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/conventions/${conventionId}`);
  await page.getByRole("button", { name: "Đã gửi quyết định cho thôn và Ban công tác Mặt trận" }).click();
  await expect(page.getByRole("button", { name: "Đã gửi quyết định cho thôn và Ban công tác Mặt trận" })).toHaveCount(0);
  await page.getByRole("button", { name: "Đã niêm yết bản được công nhận" }).click();
  await expect(page.getByRole("button", { name: "Đã niêm yết bản được công nhận" })).toHaveCount(0);
  await expect(page.getByText("Gửi quyết định cho thôn và Ban công tác Mặt trận: 2 ngày làm việc")).toBeVisible();
  await expectAccessible(page, "convention recognised (staff)");
});

test("the public register shows it in force with its decision; the Front sees its clocks", async ({ page, request }) => {
  await page.goto(`/${SLUG}/conventions`);
  await expectAccessible(page, "public register of conventions");
  const entry = page.getByRole("article").filter({ has: page.getByRole("heading", { name: TITLE }) });
  await expect(entry.getByText("Đang có hiệu lực", { exact: true })).toBeVisible();
  await expect(entry.getByText(/Quyết định công nhận \d+\/QD-UBND/)).toBeVisible();
  const pdf = await entry.getByRole("link", { name: "Tải PDF" }).getAttribute("href");
  const response = await request.get(pdf!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");
  // The seeded convention of Phú Khương, with its yearly review due.
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Hương ước thôn Phú Khương" }) }).getByText(/Đến hạn rà soát năm/)).toBeVisible();

  await signIn(page, "mttq@thientin.danban.local");
  await page.goto(`/${SLUG}/front/conventions`);
  await expectAccessible(page, "Front conventions page");
  const mine = page.getByRole("region", { name: new RegExp(TITLE) });
  await expect(mine.getByText(/Quyết định công nhận hoặc trả lời không công nhận: 5 ngày làm việc/)).toBeVisible();
});
