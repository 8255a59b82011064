// Voting across channels on the village convention of Tân Phú 1: a household representative votes
// online and checks the receipt; staff entering a paper ballot for the same household are refused
// with the web vote's channel and time; the village head records the village meeting with its
// minutes; after the ballot closes the results page shows each village under its rule (Art. 21.1).
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const REPRESENTATIVE = "0901000003"; // household representative in Tân Phú 1
const VN = { timeZone: "Asia/Ho_Chi_Minh" } as const;
const hhmm = (d: Date) => new Intl.DateTimeFormat("en-GB", { ...VN, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
const ddmmyyyy = (d: Date) => new Intl.DateTimeFormat("en-GB", { ...VN, day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

// The smallest well-formed PDF: the upload is judged by its content.
const MINUTES = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let convention: { id: string; commentEndsAt: Date; status: string };

test.beforeAll(async () => {
  const [row] = await query<{ id: string; commentEndsAt: Date; status: string }>(
    `SELECT id, "commentEndsAt", status FROM "Consultation" WHERE title LIKE 'Dự thảo Hương ước thôn Tân Phú 1%'`,
  );
  convention = row!;
});

test.afterAll(async () => {
  // Leave the demo convention open again for the specs that follow.
  await query(`UPDATE "Consultation" SET status = $2, "closedAt" = NULL, "commentEndsAt" = $3 WHERE id = $1`, [convention.id, convention.status, convention.commentEndsAt]);
});

test("a household representative votes on the village convention, changes the choice, and checks the receipt", async ({ page }) => {
  await signIn(page, REPRESENTATIVE);
  await page.goto(`/thien-tin/consultations/${convention.id}`);
  const ballot = page.getByRole("region", { name: "Biểu quyết" });
  await expect(ballot.getByText("Mỗi hộ gia đình một phiếu, do người đại diện hộ bỏ.")).toBeVisible();
  await expect(ballot.getByRole("radio", { name: "Đồng ý", exact: true })).toBeVisible();
  await expectAccessible(page, "consultation page with the ballot");

  await ballot.getByRole("radio", { name: "Không đồng ý" }).check();
  await ballot.getByRole("button", { name: "Gửi biểu quyết" }).click();
  const receipt = ballot.getByTestId("vote-receipt");
  await expect(receipt).toContainText("Đã ghi nhận biểu quyết của bạn");
  const code = (await receipt.getByTestId("receipt-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

  // The choice can change until the ballot closes; the receipt stays the same.
  await ballot.getByRole("radio", { name: "Đồng ý", exact: true }).check();
  await ballot.getByRole("button", { name: "Đổi lựa chọn" }).click();
  await expect(receipt).toContainText("Đã đổi lựa chọn (1 lần)");
  await expect(receipt.getByTestId("receipt-code")).toHaveText(code);
  const [vote] = await query<{ channel: string; changeCount: number }>(`SELECT channel, "changeCount" FROM "Vote" WHERE "receiptCode" = $1`, [code]);
  expect(vote).toEqual({ channel: "WEB", changeCount: 1 });
  await expectAccessible(page, "ballot with a receipt");

  // Anyone can check the receipt on the public page: recorded and counted, the choice never shown.
  await receipt.getByRole("link", { name: "Kiểm tra biên nhận" }).click();
  await expect(page).toHaveURL(/\/thien-tin\/receipts\?code=/);
  const found = page.getByTestId("receipt-found");
  await expect(found).toContainText("Phiếu đã được ghi nhận");
  await expect(found).toContainText("Trực tuyến");
  // A web vote on a convention is recorded but does not decide it (Decree 59/2023 Art. 5).
  await expect(found).toContainText("phiếu trực tuyến được ghi nhận nhưng nội dung này chỉ quyết định bằng hội nghị thôn");
  await expect(found).not.toContainText("Không đồng ý");
  await expectAccessible(page, "receipt check");

  // A mistyped code is not found, and says so.
  await page.getByLabel("Mã biên nhận").fill("AAAA-BBBB-CCCC");
  await page.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Không tìm thấy" })).toHaveText("Không tìm thấy phiếu nào với mã này trong xã. Hãy kiểm tra lại từng ký tự.");
});

test("staff entering a paper ballot for the household that voted online are refused, with the channel and time", async ({ page }) => {
  const [household] = await query<{ code: string; fullName: string }>(
    `SELECT h.code, r."fullName" FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Resident" r ON r.id = m."residentId" JOIN "Household" h ON h.id = r."householdId" WHERE u.phone = $1`,
    [`+84${REPRESENTATIVE.slice(1)}`],
  );
  const [row] = await query<{ ms: number }>(`SELECT (extract(epoch FROM v."createdAt") * 1000)::float8 AS ms FROM "Vote" v WHERE v."consultationId" = $1 AND v.channel = 'WEB'`, [convention.id]);
  const web = { createdAt: new Date(row!.ms) };

  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${convention.id}/votes`);
  await expect(page.getByRole("heading", { level: 1, name: "Phiếu giấy và ghi giúp" })).toBeVisible();
  // Found by the representative's name typed without diacritics.
  await page.getByLabel("Mã hộ hoặc họ tên").fill(plain(household!.fullName));
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  const match = page.getByTestId("household-match").filter({ hasText: household!.code });
  await expect(match).toContainText(`Đã biểu quyết trực tuyến lúc ${hhmm(web.createdAt)}`);
  await expectAccessible(page, "paper ballot search");

  await match.getByRole("button", { name: "Chọn hộ này" }).click();
  const entry = page.getByRole("form", { name: new RegExp(household!.code) });
  await entry.getByRole("radio", { name: "Không đồng ý" }).check();
  await entry.getByRole("button", { name: "Lưu phiếu của hộ" }).click();
  await expect(entry.getByTestId("entry-problem")).toHaveText(`Hộ này đã biểu quyết trực tuyến lúc ${hhmm(web.createdAt)} ngày ${ddmmyyyy(web.createdAt)}.`);
  // Nothing was written, and what staff chose is still there to correct.
  await expect(entry.getByRole("radio", { name: "Không đồng ý" })).toBeChecked();
  const [count] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Vote" WHERE "consultationId" = $1`, [convention.id]);
  expect(count!.n).toBe(1);
  await expectAccessible(page, "paper ballot refused");
});

test("the village head records the village meeting with its minutes; over the individual vote it is only a proposal", async ({ page }) => {
  const [village] = await query<{ id: string; households: number }>(
    `SELECT v.id, (SELECT count(*)::int FROM "Household" h WHERE h."villageId" = v.id AND h."isActive") AS households FROM "Village" v WHERE v.name = 'Tân Phú 1'`,
  );
  const present = Math.floor(village!.households / 2) + 1;

  await signIn(page, "truongthon.tanphu1@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${convention.id}/meetings`);
  const form = page.getByRole("form", { name: "Ghi kết quả hội nghị" });
  await expect(form.getByLabel("Thôn", { exact: true })).toHaveValue(village!.id); // a village head records their own village
  await form.getByRole("radio", { name: "Giơ tay" }).check();
  await form.getByLabel("Số hộ dự họp").fill(String(present));
  await form.getByLabel("Số phiếu: Đồng ý").fill(String(present - 2));
  await form.getByLabel("Số phiếu: Không đồng ý").fill("1");
  await form.getByLabel("Số phiếu: Ý kiến khác").fill("1");
  await form.getByLabel("Biên bản hội nghị (PDF hoặc ảnh chụp)").setInputFiles({ name: "bien-ban-hoi-nghi-tan-phu-1.pdf", mimeType: "application/pdf", buffer: MINUTES });
  await expect(form.getByText("Đã tải lên: bien-ban-hoi-nghi-tan-phu-1.pdf")).toBeVisible();

  // The village already has an online vote: the form says what counting the meeting sets aside.
  const choice = form.getByTestId("source-choice");
  await expect(choice).toContainText("Thôn Tân Phú 1 đã có phiếu cá nhân: 1 phiếu trực tuyến.");
  await expectAccessible(page, "meeting form with the source choice");
  await choice.getByRole("radio", { name: "Biên bản hội nghị này: 1 phiếu trực tuyến của thôn Tân Phú 1 sẽ không được tính" }).check();
  await choice.getByLabel("Lý do lựa chọn").fill("Hội nghị có quá nửa số hộ dự, biểu quyết giơ tay");
  await form.getByRole("button", { name: "Lưu kết quả hội nghị" }).click();
  // The village already voted individually: the meeting replaces those votes only when staff propose
  // it and the Front confirms (next test); the village head's record does not.
  await expect(form.getByRole("status").filter({ hasText: "Đã ghi nhận hội nghị. Thôn đã có phiếu biểu quyết của từng hộ nên phiếu đó vẫn được tính" })).toBeVisible();

  const record = page.getByTestId("meeting-record").first();
  await expect(record).toContainText(`Dự họp: ${present}/${village!.households}`);
  const [source] = await query<{ source: string; reason: string }>(`SELECT s.source, s.reason FROM "VillageTallySource" s JOIN "BallotQuestion" q ON q.id = s."questionId" WHERE q."consultationId" = $1`, [convention.id]);
  expect(source).toEqual({ source: "INDIVIDUAL", reason: "Hội nghị có quá nửa số hộ dự, biểu quyết giơ tay" });
  // The minutes are stored and can be read back by those who may.
  const href = await record.getByRole("link", { name: "Biên bản" }).getAttribute("href");
  const minutes = await page.request.get(href!);
  expect(minutes.status()).toBe(200);
  expect(minutes.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await minutes.body()).equals(MINUTES)).toBe(true);
  await expectAccessible(page, "meetings after recording");
});

test("staff propose counting the village by its meeting, and the Front confirms it", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${convention.id}/meetings`);
  const card = page.getByTestId("village-source").filter({ hasText: "Tân Phú 1" });
  await card.getByRole("radio", { name: /Lấy theo hội nghị ngày/ }).check();
  await card.getByLabel("Lý do lựa chọn").fill("Hội nghị có quá nửa số hộ dự; biên bản đủ chữ ký");
  await card.getByRole("button", { name: "Đổi nguồn số liệu" }).click();
  await expect(card.getByRole("status")).toContainText("chỉ có hiệu lực khi Ủy ban MTTQ xã xác nhận");
  await expectAccessible(page, "meetings after the proposal");

  await page.context().clearCookies();
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/vote-reviews");
  const proposal = page.getByTestId("meeting-count-proposal").filter({ hasText: "Tân Phú 1" });
  await expect(proposal).toContainText("Hội nghị có quá nửa số hộ dự; biên bản đủ chữ ký");
  await expectAccessible(page, "meeting counts awaiting the Front");
  await proposal.getByLabel("Ý kiến của Ủy ban MTTQ xã").fill("MTTQ xã đã xem biên bản hội nghị thôn");
  await proposal.getByRole("button", { name: "Xác nhận tính theo hội nghị thôn" }).click();
  await expect(proposal).toHaveCount(0); // decided: no longer waiting
  const [source] = await query<{ source: string }>(`SELECT s.source FROM "VillageTallySource" s JOIN "BallotQuestion" q ON q.id = s."questionId" WHERE q."consultationId" = $1`, [convention.id]);
  expect(source).toEqual({ source: "MEETING" });
});

test("after the ballot closes, the results page shows each village under its rule, then the commune's result", async ({ page }) => {
  const [meeting] = await query<{ agree: number; total: number }>(
    `SELECT t.count AS agree, m."householdsTotal" AS total FROM "MeetingRecord" m JOIN "MeetingTally" t ON t."meetingId" = m.id JOIN "BallotOption" o ON o.id = t."optionId" WHERE m."consultationId" = $1 AND o."isAffirmative"`,
    [convention.id],
  );
  // Close it as the scheduler does when the comment period ends.
  await query(`UPDATE "Consultation" SET status = 'CLOSED', "closedAt" = now(), "commentEndsAt" = now() - interval '1 minute' WHERE id = $1`, [convention.id]);

  await page.goto(`/thien-tin/consultations/${convention.id}/results`);
  await expect(page.getByRole("heading", { level: 1, name: "Kết quả biểu quyết" })).toBeVisible();
  await expect(page.getByText("Kết quả sau khi kết thúc biểu quyết.")).toBeVisible();
  // Law 10/2022 Art. 21.1: more than 50% of ALL households of the village; each village decides for itself.
  const passed = meeting!.agree * 2 > meeting!.total;
  const outcome = page.getByTestId("outcome");
  await expect(outcome).toContainText(passed ? "Thông qua" : "Không thông qua");
  await expect(outcome.getByTestId("villages-passed")).toHaveText(`${passed ? 1 : 0} trên 1 thôn thông qua`);
  await expect(outcome.getByTestId("commune-rule")).toContainText("Mỗi thôn quyết định riêng");
  const row = page.getByTestId("village-row").filter({ hasText: "Tân Phú 1" });
  await expect(row).toContainText("Hội nghị thôn ngày");
  await expect(row).toContainText(String(meeting!.total));
  await expect(row).toContainText("Trên 50% tổng số hộ của thôn");
  await expect(row).toContainText("khoản 1 Điều 21");
  await expect(row.getByTestId("village-verdict")).toHaveText(passed ? "Thông qua" : "Không thông qua");
  // The online vote stays on record, set aside with the law's reason.
  await expect(row.getByTestId("not-deciding")).toContainText("Phiếu trực tuyến (1) được ghi nhận nhưng không dùng để quyết định");
  // Staff proposed counting the village by its meeting and the Front confirmed it: shown with the result.
  await expect(page.getByTestId("meeting-count-decision")).toContainText("Ủy ban MTTQ xã xác nhận ngày");
  await expectAccessible(page, "results page");
});

test("the seeded commune-wide contribution passes with 2/3 of its villages, though some villages fall short", async ({ page }) => {
  const [contribution] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Đóng góp kinh phí bê tông hóa%'`);
  await page.goto(`/thien-tin/consultations/${contribution!.id}/results`);
  const outcome = page.getByTestId("outcome");
  await expect(outcome).toContainText("Thông qua");
  await expect(outcome.getByTestId("commune-rule")).toContainText("ít nhất 2/3 số thôn thông qua");
  await expect(page.getByTestId("village-verdict").filter({ hasText: "Không thông qua" }).first()).toBeVisible();
  await expect(page.getByTestId("village-row").first()).toContainText("Ít nhất 2/3 tổng số hộ của thôn");
  await expectAccessible(page, "results of a commune-wide contribution");
});

test("a resident votes on a phone at 360×640 @phone", async ({ page }) => {
  const [landUse] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Kế hoạch sử dụng đất năm 2027%'`);
  await signIn(page, "0901000001");
  await page.goto(`/thien-tin/consultations/${landUse!.id}#ballot`);
  const ballot = page.getByRole("region", { name: "Biểu quyết" });
  await expect(ballot.getByText("Mỗi người từ đủ 18 tuổi một phiếu.")).toBeVisible();
  const agree = ballot.getByRole("radio", { name: "Đồng ý", exact: true });
  await agree.scrollIntoViewIfNeeded();
  // Large touch targets: the whole option row is tappable.
  const row = (await agree.locator("xpath=..").boundingBox())!;
  expect(row.height).toBeGreaterThanOrEqual(44);
  await agree.tap();
  await ballot.getByRole("button", { name: "Gửi biểu quyết" }).tap();
  await expect(ballot.getByTestId("receipt-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, "ballot on a phone");
});
