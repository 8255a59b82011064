// Oversight: a resident reports an abusive opinion, staff hide it with a reason, the Front sees it
// hidden and writes a supervision note that staff answer, the public sees one hidden opinion, and the
// audit chain verifies — until a row is edited behind the application's back.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const ABUSE = "Ông trưởng thôn là đồ ăn hại, ai cũng biết ông ta tham nhũng.";
let roadId = "";
let roadPath = "";

test.beforeAll(async () => {
  const [road] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Nâng cấp%'`);
  roadId = road!.id;
  roadPath = `/thien-tin/consultations/${roadId}`;
});

function auditVerify() {
  const url = readFileSync("test-results/e2e-database-url", "utf8").trim();
  try {
    return { code: 0, out: execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

test("a resident reports an abusive opinion", async ({ page }) => {
  await signIn(page, "0901000002");
  await page.goto(roadPath);
  await page.getByLabel("Ý kiến", { exact: true }).fill(ABUSE);
  await page.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(page.getByTestId("opinion").filter({ hasText: ABUSE })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "0901000001");
  await page.goto(roadPath);
  const opinion = page.getByTestId("opinion").filter({ hasText: ABUSE });
  await opinion.getByRole("button", { name: /Phản ánh vi phạm/ }).click();
  await opinion.getByLabel("Lý do").selectOption("ABUSE");
  await opinion.getByLabel("Ghi thêm (không bắt buộc)").fill("Xúc phạm và vu khống cán bộ thôn.");
  await expectAccessible(page, "consultation page with the report form");
  await opinion.getByRole("button", { name: "Gửi phản ánh" }).click();
  await expect(opinion.getByRole("status")).toHaveText("Đã gửi phản ánh. Cán bộ xã sẽ xem xét.");
  const [row] = await query<{ reportCount: number }>(`SELECT "reportCount" FROM "Opinion" WHERE body = $1`, [ABUSE]);
  expect(row?.reportCount).toBe(1);
});

test("staff hide it with a reason; the author is told why and appeals", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`${roadPath.replace("/consultations/", "/staff/consultations/")}/opinions?filter=reported`);
  const card = page.getByTestId("review-opinion").filter({ hasText: ABUSE });
  await expect(card.getByTestId("identity")).toContainText("Phú Khương"); // the verified identity, for staff only
  await expectAccessible(page, "staff opinion review");
  await card.getByLabel("Lý do", { exact: true }).selectOption("ABUSE");
  await card.getByLabel("Giải thích (bắt buộc)").fill("Xúc phạm danh dự cán bộ thôn, không có căn cứ.");
  await card.getByRole("button", { name: "Ẩn ý kiến" }).click();
  await expect(card.getByText("Đã cập nhật.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "0901000002");
  await page.goto("/thien-tin/account");
  await expect(page.getByTestId("notification").first()).toContainText("đã bị ẩn");
  const mine = page.getByTestId("my-opinion").filter({ hasText: ABUSE });
  await expect(mine).toContainText("Bị ẩn. Lý do: Xúc phạm, công kích cá nhân");
  await expectAccessible(page, "account page");
  await mine.getByLabel("Đề nghị xem xét lại (chỉ một lần)").fill("Tôi chỉ phản ánh điều bà con trong thôn nói.");
  await mine.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(mine).toContainText("Đề nghị xem xét lại: Đang chờ xem xét");
});

test("the Front sees it hidden with its reason and writes a supervision note that staff answer", async ({ page }) => {
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/front");
  await expectAccessible(page, "Front home");
  await page.getByRole("link", { name: /Nâng cấp, mở rộng tuyến đường/ }).click();
  await expect(page.getByRole("heading", { name: "Tình hình tham gia theo thôn (so với tổng số hộ)" })).toBeVisible();
  await page.getByRole("link", { name: "Bị ẩn" }).click();
  const card = page.getByTestId("review-opinion").filter({ hasText: ABUSE });
  await expect(card).toContainText("Đã ẩn");
  await expect(card).toContainText("Xúc phạm danh dự cán bộ thôn");
  await expectAccessible(page, "Front review");
  const notes = page.locator("#notes");
  await notes.getByLabel("Nội dung ý kiến giám sát").fill("Đề nghị UBND xã niêm yết bổ sung bản vẽ tuyến đường tại nhà văn hóa thôn Tân Hòa.");
  await notes.getByLabel(/Công khai trên trang/).check();
  await notes.getByRole("button", { name: "Gửi ý kiến giám sát" }).click();
  await expect(notes.getByRole("status")).toContainText("Đã gửi");

  await page.context().clearCookies();
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/moderation");
  await expectAccessible(page, "moderation queue");
  await page.getByRole("link", { name: /niêm yết bổ sung bản vẽ/ }).click();
  const note = page.getByTestId("supervision-note").filter({ hasText: "niêm yết bổ sung bản vẽ" });
  await note.getByLabel("Trả lời của UBND xã").fill("UBND xã đã niêm yết bổ sung bản vẽ tại nhà văn hóa thôn Tân Hòa từ ngày hôm nay.");
  await note.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(note.getByText(/Đã trả lời/)).toBeVisible();
  await expectAccessible(page, "supervision note with its answer");
});

test("the public page shows one hidden opinion with its reason, and the flag with its answer", async ({ page }) => {
  await page.goto(roadPath);
  await expect(page.getByTestId("hidden-summary")).toHaveText("1 ý kiến đang bị ẩn: Xúc phạm, công kích cá nhân (1)");
  await expect(page.getByText(ABUSE)).toHaveCount(0);
  const flag = page.getByTestId("public-flag");
  await expect(flag).toContainText("niêm yết bổ sung bản vẽ");
  await expect(flag).toContainText("UBND xã đã niêm yết bổ sung");
  await expectAccessible(page, "consultation page with a flag");
});

test("the audit chain verifies, and a direct edit of a row is detected", async ({ page, request }) => {
  await page.goto("/thien-tin/audit");
  await expect(page.getByTestId("chain-head")).toContainText(/#\d+ [0-9a-f]{64}/);
  await expectAccessible(page, "audit log");
  const head = await (await request.get("/api/audit/head?commune=thien-tin")).json();
  expect(head.hash).toMatch(/^[0-9a-f]{64}$/);

  const ok = auditVerify();
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toMatch(/✓ thien-tin: \d+ entries verified/);

  const [hide] = await query<{ seq: string; details: unknown }>(`SELECT seq::text, details FROM "AuditEvent" WHERE action = 'opinion.hide' ORDER BY seq LIMIT 1`);
  // The log refuses edits to everyone (a trigger); only a superuser who switches the trigger off can
  // edit a row, and the chain still shows it.
  const behindTheGuard = (update: string) => query(`BEGIN; SET LOCAL session_replication_role = replica; ${update}; COMMIT`);
  await expect(query(`UPDATE "AuditEvent" SET details = '{"number": 1}'::jsonb WHERE seq = ${hide!.seq}`)).rejects.toThrow(/append-only/);
  await behindTheGuard(`UPDATE "AuditEvent" SET details = '{"number": 1, "reason": "SPAM"}'::jsonb WHERE seq = ${hide!.seq}`);
  const broken = auditVerify();
  expect(broken.code).toBe(1);
  expect(broken.out).toContain(`chain broken at entry #${hide!.seq}`);
  const check = await (await request.get(`/api/audit/events/${hide!.seq}?commune=thien-tin`)).json();
  expect(check).toMatchObject({ valid: false, problem: "hashMismatch" });

  await behindTheGuard(`UPDATE "AuditEvent" SET details = $json$${JSON.stringify(hide!.details)}$json$::jsonb WHERE seq = ${hide!.seq}`);
  expect(auditVerify().code).toBe(0);
});

test("public pages and open data show no phone number, no address, no ID", async ({ page, request }) => {
  const phones = (await query<{ phone: string }>(`SELECT phone FROM "User" WHERE phone IS NOT NULL`)).flatMap((r) => [r.phone, `0${r.phone.slice(3)}`]);
  const addresses = (await query<{ address: string }>(`SELECT DISTINCT address FROM "Household" WHERE address IS NOT NULL LIMIT 200`)).map((r) => r.address);
  const fullNames = (await query<{ name: string }>(`SELECT u.name FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m.role = 'RESIDENT' AND u.name <> u."displayName"`)).map((r) => r.name);
  const pages = ["/thien-tin", roadPath, `${roadPath}/opinions/1`, "/thien-tin/consultations?status=all&view=list", "/thien-tin/disclosure", "/thien-tin/audit", "/en/thien-tin"];
  const bodies: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expectAccessible(page, path);
    bodies.push(await page.locator("body").innerText());
  }
  for (const path of ["/api/open-data/consultations.geojson", "/api/open-data/consultations.csv", "/feed.xml", "/api/audit/head?commune=thien-tin"]) {
    bodies.push(await (await request.get(path)).text());
  }
  for (const text of bodies) {
    for (const phone of phones) expect(text).not.toContain(phone);
    for (const address of addresses) expect(text).not.toContain(address);
    for (const name of fullNames) expect(text).not.toContain(name);
  }
});
