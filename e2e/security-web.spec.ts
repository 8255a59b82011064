// The web-facing defences, proved against `next start`: security headers on pages, API answers,
// downloads and the feed; server actions refusing another site's Origin; next-auth's sign-in
// refusing a post without its CSRF token; a hostile opinion rendering as text everywhere it shows;
// rate limits holding across two app instances on one database.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { APIRequestContext, Page } from "@playwright/test";
import type pg from "pg";

import { actionPage, manifestActions } from "./discover";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { BASE_URL, callAction, credentialsSignIn, databaseClient, httpClient } from "./security-http";

const root = path.resolve(import.meta.dirname, "..");
const PAYLOAD = `<img src=x onerror=alert(1)><script>alert(2)</script>=HYPERLINK("http://x") ý kiến thử`;

let db: pg.Client;
let communeId: string;
let road: string; // the road consultation: open, Phú Khương among its villages

function actionId(name: string): { id: string; page: string } {
  const found = manifestActions(root).find((a) => a.key.endsWith(`#${name}`));
  if (!found) throw new Error(`action ${name} is not in the build`);
  return { id: found.id, page: actionPage(found, { slug: "thien-tin", consultationId: road }) };
}

test.beforeAll(async () => {
  db = await databaseClient();
  communeId = (await db.query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = 'thien-tin'`)).rows[0]!.id;
  road = (await db.query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Nâng cấp, mở rộng tuyến đường%'`)).rows[0]!.id;
});

test.afterAll(async () => {
  await db.end();
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `CSP of ${what}`).toContain("default-src");
  expect(csp, `CSP of ${what}`).not.toContain("*;");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // frame-ancestors 'none' on everything but downloads that forbid everything with a sandbox.
  if (!/sandbox/.test(csp)) expect(csp, `CSP of ${what}`).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

test("pages, API answers, downloads and the feed carry the security headers; HSTS only when enabled", async ({ request }) => {
  const attachment = (await db.query<{ id: string }>(`SELECT a.id FROM "Attachment" a JOIN "Consultation" c ON c.id = a."consultationId" WHERE c.status = 'PUBLISHED' LIMIT 1`)).rows[0]?.id;
  const urls = [
    "/",
    "/thien-tin",
    `/thien-tin/consultations/${road}`,
    "/sign-in",
    "/en/thien-tin",
    "/thien-tin/staff", // redirected to sign-in
    "/api/health",
    "/api/auth/session",
    "/api/open-data/consultations.csv?commune=thien-tin",
    "/api/open-data/consultations.geojson?commune=thien-tin",
    "/api/me/data-export?commune=thien-tin", // 401
    "/feed.xml?commune=thien-tin",
    ...(attachment ? [`/api/attachments/${attachment}`] : []),
  ];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeLessThan(500);
    const headers = res.headers();
    expectSecurityHeaders(headers, url);
    expect(headers["strict-transport-security"], `${url}: HSTS is off unless HSTS=true`).toBeUndefined();
  }
  const page = (await request.get("/thien-tin")).headers()["content-security-policy"]!;
  expect(page).toContain("object-src 'none'");
  expect(page).toContain("base-uri 'self'");
  expect(page).toContain("form-action 'self'");
  expect(page).not.toContain("unsafe-eval");
});

test("a server action posted from another site is refused and writes nothing", async () => {
  const visitor = await httpClient(null, "10.71.0.1");
  try {
    const id = actionId("requestPhoneCodeAction");
    const phone = "0909000111";
    const codes = () => count(`SELECT count(*) AS n FROM "OneTimeCode"`);
    const before = await codes();

    const foreign = await callAction(visitor, id, { communeId, phone }, { origin: "https://evil.example" });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.result?.data).toBeUndefined();
    expect(await codes()).toBe(before);
    // Same check for "null" origins (sandboxed frames, file: pages).
    const opaque = await callAction(visitor, id, { communeId, phone }, { origin: "null" });
    expect(opaque.status).toBeGreaterThanOrEqual(400);
    expect(await codes()).toBe(before);

    // The same call from the site itself goes through.
    const own = await callAction(visitor, id, { communeId, phone }, { origin: BASE_URL });
    expect(own.status).toBe(200);
    expect(own.result?.data).toMatchObject({ expiresAt: expect.any(String) });
    expect(await codes()).toBe(before + 1);
  } finally {
    await visitor.dispose();
  }
});

test("uploads posted from another site are refused before anything is read or stored", async () => {
  const staff = await httpClient("canbo@thientin.danban.local", "10.71.0.5");
  const resident = await httpClient("0901000001", "10.71.0.6");
  const pdf = { name: "to-trinh.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };
  try {
    const uploads: [APIRequestContext, string, Record<string, string | typeof pdf>][] = [
      [staff, `/api/consultations/${road}/attachments?commune=${communeId}`, { file: pdf }],
      [staff, "/api/participation/minutes", { communeId, consultationId: road, file: pdf }],
      [staff, "/api/communes/thien-tin/disclosure/photos", { file: pdf }],
      [resident, `/api/consultations/${road}/opinion-photos?commune=${communeId}`, { file: pdf }],
    ];
    for (const [ctx, url, multipart] of uploads) {
      const before = await count(`SELECT count(*) AS n FROM "Attachment"`);
      const res = await ctx.post(url, { multipart, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
      expect(res.status(), url).toBe(403);
      expect(((await res.json()) as { message?: string }).message, url).toBe("Yêu cầu không đến từ trang của Dân Bàn nên bị từ chối.");
      expect(await count(`SELECT count(*) AS n FROM "Attachment"`), url).toBe(before);
    }
  } finally {
    await staff.dispose();
    await resident.dispose();
  }
});

test("next-auth sign-in refuses a cross-site post without its CSRF token", async ({ playwright }) => {
  const form = { identifier: "0901000001", password: "danban2026", json: "true" };
  // Another site can make the browser post the form, but cannot read the token or set the cookie.
  const victim = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": "10.71.0.2", origin: "https://evil.example" } });
  const attacker = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": "10.71.0.3" } });
  try {
    const noToken = await victim.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(noToken.status()).toBeLessThan(500);
    expect(await (await victim.get("/api/auth/session")).json()).toEqual({});

    // A token that belongs to another browser (the attacker's own) does not match the victim's cookie.
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await victim.get("/api/auth/csrf"); // the victim has a cookie of their own
    const foreignToken = await victim.post("/api/auth/callback/credentials", { form: { ...form, csrfToken }, maxRedirects: 0 });
    expect(foreignToken.status()).toBeLessThan(500);
    expect(await (await victim.get("/api/auth/session")).json()).toEqual({});
    expect(foreignToken.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");

    // With its own token the same form signs in: the refusals above were the CSRF check.
    const own = await credentialsSignIn(attacker, "0901000001", "danban2026");
    expect(own.ok).toBe(true);
  } finally {
    await victim.dispose();
    await attacker.dispose();
  }
});

/** Fails on any dialog; checks that the payload is on the page as text and nowhere as markup. */
async function expectInert(page: Page, url: string, label: string, options: { visible?: boolean } = {}) {
  const dialogs: string[] = [];
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.on("dialog", onDialog);
  const response = await page.goto(url);
  expect(response?.status(), label).toBeLessThan(400);
  if (options.visible !== false) await expect(page.getByText("ý kiến thử").first(), label).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.locator('img[src="x"]').count(), `${label}: injected image`).toBe(0);
  // The payload may travel inside Next's serialized props (as a JSON string), never as a script of its own.
  const ownScripts = await page.locator("script").evaluateAll((els) => els.filter((e) => (e.textContent ?? "").trim() === "alert(2)").length);
  expect(ownScripts, `${label}: injected script`).toBe(0);
  expect(dialogs, `${label}: dialogs`).toEqual([]);
  page.off("dialog", onDialog);
  await expectAccessible(page, label);
}

test("an opinion with HTML and script renders as text on the public, staff and Front pages and in the feed", async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const resident = await httpClient("0901000001", "10.71.0.4");
  try {
    const posted = await callAction(
      resident,
      actionId("postOpinionAction"),
      { communeId, consultationId: road, body: PAYLOAD, stance: "OPPOSE", lat: null, lng: null, sectionId: null, parentId: null, photoId: null },
      { origin: BASE_URL },
    );
    expect(posted.result?.serverError, JSON.stringify(posted.result)).toBeUndefined();
    expect(posted.result?.data).toBeTruthy();
  } finally {
    await resident.dispose();
  }
  const [stored] = (await db.query<{ body: string }>(`SELECT body FROM "Opinion" WHERE "consultationId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [road])).rows;
  // Stored as typed: escaping is the renderer's job, so the text stays what the resident wrote.
  expect(stored!.body).toBe(PAYLOAD);

  await expectInert(page, `/thien-tin/consultations/${road}`, "public consultation page");
  await expectInert(page, `/thien-tin/consultations/${road}/opinions/1`, "paged opinion list");
  // Sign-ins of this spec come from an address of their own, not the one the other specs share.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.75.0.1" });
  await signIn(page, "canbo@thientin.danban.local");
  await expectInert(page, `/thien-tin/staff/consultations/${road}/opinions`, "staff opinions page");
  await page.context().clearCookies();
  await signIn(page, "mttq@thientin.danban.local");
  await expectInert(page, `/thien-tin/front/consultations/${road}`, "Front consultation page", { visible: false });

  // The feed is XML: the text is escaped character data, no element of its own.
  const feed = await page.request.get("/feed.xml?commune=thien-tin");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).not.toMatch(/<img src=x|<script>alert/);
});

test.describe("rate limits across two app instances on one database", () => {
  test.describe.configure({ mode: "serial" });
  const secondPort = Number(process.env.E2E_PORT ?? "3210") + 50;
  const second = `http://127.0.0.1:${secondPort}`;
  let server: ChildProcess;
  let storage: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    storage = mkdtempSync(path.join(os.tmpdir(), "danban_e2e_second_"));
    server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(secondPort)], {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: readFileSync(path.join(root, "test-results/e2e-database-url"), "utf8").trim(),
        NEXTAUTH_URL: second,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
        STORAGE_DRIVER: "disk",
        STORAGE_DIR: storage,
        SCHEDULER: "off",
        HSTS: "true",
        SERVER_ACTIONS_ALLOWED_ORIGINS: "partner.example",
        // Production refuses the SMS outbox unless the commune accepts it; codes are then masked.
        SMS_OUTBOX_ACCEPTED: "1",
      },
    });
    const deadline = Date.now() + 200_000;
    for (;;) {
      try {
        if ((await fetch(`${second}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("the second instance did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (storage) rmSync(storage, { recursive: true, force: true });
  });

  test("the second instance sends HSTS because its setting says so", async ({ playwright }) => {
    const ctx = await playwright.request.newContext({ baseURL: second });
    try {
      for (const url of ["/thien-tin", "/api/health"]) {
        expect((await ctx.get(url)).headers()["strict-transport-security"], url).toBe("max-age=63072000; includeSubDomains");
      }
    } finally {
      await ctx.dispose();
    }
  });

  test("another host is let call server actions only where the setting names it", async () => {
    const onFirst = await httpClient(null, "10.71.1.1");
    const onSecond = await httpClient(null, "10.71.1.2", second);
    try {
      const codes = () => count(`SELECT count(*) AS n FROM "OneTimeCode"`);
      const before = await codes();
      const refused = await callAction(onFirst, actionId("requestPhoneCodeAction"), { communeId, phone: "0909000333" }, { origin: "https://partner.example" });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await codes()).toBe(before);
      const allowed = await callAction(onSecond, actionId("requestPhoneCodeAction"), { communeId, phone: "0909000333" }, { origin: "https://partner.example" });
      expect(allowed.result?.data).toMatchObject({ expiresAt: expect.any(String) });
      expect(await codes()).toBe(before + 1);
    } finally {
      await onFirst.dispose();
      await onSecond.dispose();
    }
  });

  test("sign-in: wrong passwords spread over both instances slow the account down on both, without locking it", async ({ playwright, page }) => {
    test.setTimeout(120_000);
    const account = "0909999001"; // no such account: the delay works the same and spoils nobody's test
    const a = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": "10.72.0.1" } });
    const b = await playwright.request.newContext({ baseURL: second, extraHTTPHeaders: { "x-forwarded-for": "10.72.0.2" } });
    try {
      // Five failures cost nothing, whichever instance answers.
      for (let i = 0; i < 5; i++) {
        const r = await credentialsSignIn(i % 2 ? b : a, account, "wrong-password");
        expect(r.error, `attempt ${i + 1}`).toBe("invalidCredentials");
      }
      // Then each failure doubles the wait (1 s, 2 s, 4 s …): keep failing, waiting as told, until the
      // wait is 32 s, long enough for both instances and the form below to meet it.
      const waits: number[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await credentialsSignIn(i % 2 ? b : a, account, "wrong-password");
        const wait = /^rateLimited:(\d+)$/.exec(r.error ?? "");
        if (!wait) {
          expect(r.error).toBe("invalidCredentials");
          continue;
        }
        waits.push(Number(wait[1]));
        if (Number(wait[1]) >= 32) break;
        await new Promise((resolve) => setTimeout(resolve, Number(wait[1]) * 1000));
      }
      // The first wait is a second; it grew to 32 s (a refusal read late may repeat a step).
      expect(waits[0]).toBe(1);
      expect(waits.at(-1)).toBe(32);
      // Both instances now refuse at once, with the wait.
      for (const ctx of [a, b]) {
        const r = await credentialsSignIn(ctx, account, "wrong-password");
        expect(r.error).toMatch(/^rateLimited:\d+$/);
      }
    } finally {
      await a.dispose();
      await b.dispose();
    }
    // What the person reads on the sign-in form.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.75.0.2" });
    await page.goto("/sign-in");
    await page.getByLabel("Số điện thoại hoặc email").fill(account);
    await page.getByLabel("Mật khẩu").fill("wrong-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByText(/Bạn đã thử quá nhiều lần. Vui lòng thử lại sau \d+ phút./)).toBeVisible();
    await expectAccessible(page, "sign-in form asking to wait");
  });

  test("one-time codes, opinions and votes: the limit is shared by both instances, and the refusal is a 429 with a message", async () => {
    test.setTimeout(5 * 60_000);
    const a = await httpClient("0901000004", "10.73.0.1");
    const b = await httpClient("0901000004", "10.73.0.2", second);
    const code = actionId("requestPhoneCodeAction");
    const opinion = actionId("postOpinionAction");
    const vote = actionId("castVoteAction");
    // Earlier journeys post opinions and vote as this resident (the keyboard journey does): the count
    // starts from nothing here.
    const me = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE phone = '+84901000004'`)).rows[0]!.id;
    await db.query(`DELETE FROM "RateLimit" WHERE key = ANY($1)`, [[`opinion:${me}`, `vote:${me}`]]);
    try {
      // Three codes per number in ten minutes, asked alternately of each instance.
      const phone = "0909000222";
      for (let i = 0; i < 3; i++) {
        const r = await callAction(i % 2 ? b : a, code, { communeId, phone }, { origin: i % 2 ? second : BASE_URL });
        expect(r.result?.serverError, `code ${i + 1}`).toBeUndefined();
      }
      for (const [ctx, origin] of [[a, BASE_URL], [b, second]] as [APIRequestContext, string][]) {
        const r = await callAction(ctx, code, { communeId, phone }, { origin });
        expect(r.result?.serverError).toMatchObject({ code: "rateLimited", status: 429 });
      }

      // Ten opinions in ten minutes per person: each attempt counts, even one refused later on.
      const input = { communeId, consultationId: "no-such-consultation", body: "Một ý kiến để thử giới hạn.", stance: null, lat: null, lng: null, sectionId: null, parentId: null, photoId: null };
      for (let i = 0; i < 10; i++) {
        const r = await callAction(i % 2 ? b : a, opinion, input, { origin: i % 2 ? second : BASE_URL });
        expect(r.result?.serverError?.code, `opinion ${i + 1}`).not.toBe("rateLimited");
      }
      for (const [ctx, origin] of [[a, BASE_URL], [b, second]] as [APIRequestContext, string][]) {
        const r = await callAction(ctx, opinion, input, { origin });
        expect(r.result?.serverError).toMatchObject({ code: "rateLimited", status: 429 });
      }

      // Thirty votes a minute per person.
      const ballot = { communeId, questionId: "no-such-question", optionIds: ["no-such-option"] };
      for (let i = 0; i < 30; i++) {
        const r = await callAction(i % 2 ? b : a, vote, ballot, { origin: i % 2 ? second : BASE_URL });
        expect(r.result?.serverError?.code, `vote ${i + 1}`).not.toBe("rateLimited");
      }
      for (const [ctx, origin] of [[a, BASE_URL], [b, second]] as [APIRequestContext, string][]) {
        const r = await callAction(ctx, vote, ballot, { origin });
        expect(r.result?.serverError).toMatchObject({ code: "rateLimited", status: 429 });
      }
    } finally {
      await a.dispose();
      await b.dispose();
      // Leave the resident as found: later journeys post as this person (the works journey comments).
      await db.query(`DELETE FROM "RateLimit" WHERE key = ANY($1)`, [[`opinion:${me}`, `vote:${me}`]]);
    }
  });
});
