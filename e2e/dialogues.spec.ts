// A dialogue conference from announcement to published results (issue 12 §4): staff plan it (a date
// less than 7 days ahead is refused with the article, and what was typed stays), a resident sends a
// question and another agrees, the day comes, staff record the question raised on the day, the answers,
// the minutes and the attendance, upload the signed minutes and publish; the results are public, with
// the 10-day clock, and the Front sees the commitment to follow.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const SLUG = "thien-tin";
const TITLE = `Đối thoại thử về nước sạch ${Date.now().toString(36)}`;
const ASKER = "0901000001"; // Phú Khương
const AGREER = "0901000003"; // Tân Phú 1
const QUESTION = "Bao giờ nước sạch về đến các hộ cuối thôn Phú Khương?";
let conferenceId: string;
/** A real, if tiny, PDF: the upload is judged by its content. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** "YYYY-MM-DDTHH:mm" in Vietnam time, `days` from now, at 08:00. */
function vnDateTime(days: number) {
  const d = new Date(Date.now() + 7 * 3600 * 1000 + days * 24 * 3600 * 1000);
  return `${d.toISOString().slice(0, 10)}T08:00`;
}

test("staff plan the conference: too soon is refused with the article, then it is announced to the village heads", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/dialogues`);
  await expectAccessible(page, "staff dialogues page");
  const form = page.locator("form").filter({ has: page.getByLabel("Tên hội nghị") });
  await form.getByLabel("Tên hội nghị").fill(TITLE);
  await form.getByLabel("Ngày giờ tổ chức").fill(vnDateTime(6));
  await form.getByLabel("Địa điểm", { exact: true }).fill("Nhà văn hóa thôn Phú Khương");
  await form.getByLabel("Nội dung đối thoại (mỗi dòng một nội dung)").fill("Tiến độ cấp nước sạch\nGiá nước sinh hoạt");
  await form.getByLabel("Thành phần chủ trì, trả lời (họ tên, chức vụ)").fill("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã");
  await form.getByRole("checkbox", { name: "Phú Khương" }).check();
  await form.getByRole("button", { name: "Công bố hội nghị" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(form.getByText(/ít nhất 7 ngày trước ngày tổ chức \(Điều 43/).first()).toBeVisible();
  // Nothing typed is lost.
  await expect(form.getByLabel("Tên hội nghị")).toHaveValue(TITLE);
  await expectAccessible(page, "plan form with the refusal");

  await form.getByLabel("Ngày giờ tổ chức").fill(vnDateTime(10));
  await form.getByRole("button", { name: "Công bố hội nghị" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã công bố hội nghị và báo tới trưởng thôn.");
  const [row] = await query<{ id: string }>(`SELECT id FROM "DialogueConference" WHERE title = $1`, [TITLE]);
  conferenceId = row!.id;
  const told = await query<{ email: string }>(
    `SELECT u.email FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE n.kind = 'dialogueAnnounced' AND n.link LIKE '%' || $1`,
    [conferenceId],
  );
  expect(told.map((t) => t.email)).toEqual(["truongthon.phukhuong@thientin.danban.local"]);
});

test("the public page announces it with the loudspeaker text; a resident sends a question", async ({ page }) => {
  await page.goto(`/${SLUG}/dialogues`);
  await expectAccessible(page, "public dialogues list");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await page.getByText("Bài phát trên Đài truyền thanh xã").click();
  await expect(page.getByTestId("dialogue-loudspeaker")).toContainText("hội nghị đối thoại với Nhân dân");
  await expectAccessible(page, "public conference page");

  await signIn(page, ASKER);
  await page.goto(`/${SLUG}/dialogues/${conferenceId}`);
  await page.getByLabel("Câu hỏi của bạn").fill(QUESTION);
  await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã gửi câu hỏi.");
  await expect(page.getByTestId("dialogue-question").filter({ hasText: QUESTION })).toContainText("Câu hỏi của bạn");
  await expectAccessible(page, "conference page after asking");
});

test("another resident agrees with the question", async ({ page }) => {
  await signIn(page, AGREER);
  await page.goto(`/${SLUG}/dialogues/${conferenceId}`);
  const question = page.getByTestId("dialogue-question").filter({ hasText: QUESTION });
  await question.getByRole("button", { name: /^Đồng tình/ }).click();
  await expect(question.getByTestId("agree-count")).toHaveText("1 người đồng tình · Bạn đã đồng tình.");
  await expectAccessible(page, "conference page after agreeing");
});

test("after the conference staff record the answers, the minutes and the attendance, and publish", async ({ page }) => {
  // The day comes: the conference began an hour ago.
  await query(`UPDATE "DialogueConference" SET "startsAt" = now() - interval '1 hour' WHERE id = $1`, [conferenceId]);
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/${SLUG}/staff/dialogues/${conferenceId}`);
  await expectAccessible(page, "staff conference page");

  const raise = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ghi câu hỏi nêu tại hội nghị" }) });
  await raise.getByLabel("Người hỏi (họ tên, thôn)").fill("Bà Lê Thị Hoa, thôn Phú Khương");
  await raise.getByLabel("Nội dung câu hỏi").fill("Đề nghị xã sửa cống thoát nước trước mùa mưa.");
  await raise.getByRole("button", { name: "Ghi câu hỏi" }).click();
  await expect(raise.getByRole("status")).toHaveText("Đã ghi câu hỏi.");

  const first = page.getByTestId("dialogue-question").filter({ hasText: QUESTION });
  await first.getByLabel("Trả lời", { exact: true }).fill("Công ty cấp nước sẽ nối đường ống đến cuối thôn trong tháng tới.");
  await first.getByLabel("Người chịu trách nhiệm").fill("Ông Lê Minh Tuấn, Phó Chủ tịch UBND xã");
  await first.getByLabel("Thời hạn").fill("2027-06-30");
  await first.getByLabel("Tình trạng").selectOption("IN_PROGRESS");
  await first.getByRole("button", { name: "Lưu trả lời" }).click();
  await expect(first.getByRole("status")).toHaveText("Đã lưu trả lời.");

  const second = page.getByTestId("dialogue-question").filter({ hasText: "cống thoát nước" });
  await second.getByLabel("Trả lời", { exact: true }).fill("Xã đã bố trí kinh phí, sửa xong trong tuần này.");
  await second.getByRole("button", { name: "Lưu trả lời" }).click();
  await expect(second.getByRole("status")).toHaveText("Đã lưu trả lời.");

  const record = page.locator("section").filter({ has: page.getByRole("heading", { name: "Biên bản và số người dự" }) });
  await record.getByLabel("Biên bản hội nghị").fill("Hội nghị khai mạc lúc 8 giờ, có 96 người dự. Lãnh đạo UBND xã trả lời hai câu hỏi của bà con.");
  await record.getByLabel("Số người dự").fill("96");
  await record.getByRole("checkbox", { name: "Phú Khương" }).check();
  await record.getByRole("button", { name: "Lưu biên bản" }).click();
  await expect(record.getByRole("status").first()).toHaveText("Đã lưu biên bản.");
  await record.getByLabel("Tệp biên bản đã ký (PDF hoặc ảnh)").setInputFiles({ name: "bien-ban-doi-thoai.pdf", mimeType: "application/pdf", buffer: PDF });
  await record.getByRole("button", { name: "Tải lên" }).click();
  await expect(record.getByText("Đã tải lên biên bản.")).toBeVisible();

  const publish = page.locator("section").filter({ has: page.getByRole("heading", { name: "Công bố kết quả" }) });
  await publish.getByRole("button", { name: "Công bố kết quả" }).click();
  // Published, the page reloads without the recording forms (the message may go with them): the clock says it.
  await expect(page.getByTestId("dialogue-clock")).toContainText("đúng hạn");
  await expect(page.getByRole("heading", { name: "Công bố kết quả" })).toHaveCount(0);
  await expectAccessible(page, "staff conference page after publishing");
});

test("the results are public, on time, and the Front follows the commitment", async ({ page }) => {
  await page.goto(`/${SLUG}/dialogues/${conferenceId}`);
  await expect(page.getByTestId("dialogue-clock")).toContainText("đúng hạn");
  await expect(page.getByTestId("dialogue-results")).toContainText("96 người dự");
  await expect(page.getByTestId("dialogue-results")).toContainText("Phú Khương");
  const answered = page.getByTestId("dialogue-question").filter({ hasText: QUESTION });
  await expect(answered.getByTestId("dialogue-answer")).toContainText("Đang thực hiện");
  await expect(answered.getByTestId("dialogue-answer")).toContainText("Ông Lê Minh Tuấn");
  const minutes = await page.request.get(`/api/communes/${SLUG}/dialogues/${conferenceId}/minutes`);
  expect(minutes.status()).toBe(200);
  expect(minutes.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(page, "public conference page with results");

  await signIn(page, "mttq@thientin.danban.local");
  await page.goto(`/${SLUG}/front/dialogues`);
  await expect(page.getByTestId("dialogue-commitment").filter({ hasText: QUESTION })).toBeVisible();
  // The seed's commitment past its deadline is marked overdue.
  await expect(page.locator('[data-testid="dialogue-commitment"][data-overdue="true"]').first()).toContainText("Quá hạn");
  await expectAccessible(page, "the Front's dialogue page");
});
