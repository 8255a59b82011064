// Hostile input on every server action and API route, over HTTP against `next start`: malformed,
// oversized, wrong types, HTML and script, SQL-like strings, invalid GeoJSON, files whose content is
// not what their name says. The answer is a validation error or a 4xx with a Vietnamese sentence,
// never a 500, and nothing is written.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";

import { ACTIONS, EVERYONE, WHO, type Who } from "./access-matrix";
import { actionPage, manifestActions } from "./discover";
import { expect, test } from "./fixtures";
import { BASE_URL, callAction, databaseClient, httpClient, rowCounts } from "./security-http";

const root = path.resolve(import.meta.dirname, "..");
const BACKGROUND_TABLES = ["RateLimit"];
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const SQL = `' OR '1'='1'; DROP TABLE "User"; --`;
const HTML = `<img src=x onerror=alert(1)><script>alert(2)</script>=HYPERLINK("http://x")`;
const FIELDS = [
  "consultationId", "opinionId", "questionId", "optionIds", "residentId", "householdId", "villageId", "membershipId", "attachmentId", "postingId",
  "noteId", "appealId", "blockId", "requestId", "title", "summary", "body", "name", "displayName", "reason", "note", "details", "answer", "text",
  "phone", "code", "inviteCode", "email", "kind", "stance", "status", "decision", "geometry", "geojson", "lat", "lng", "startsAt", "endsAt",
  "publishAt", "commentStartsAt", "commentEndsAt", "yearOfBirth", "birthYear", "villageIds", "sections", "fileName", "choice", "opinionIds",
];

let db: pg.Client;
let communeId: string;
let consultationId: string;
const clients = {} as Partial<Record<Who, APIRequestContext>>;

async function client(who: Who) {
  clients[who] ??= await httpClient(WHO[who], `10.74.0.${EVERYONE.indexOf(who) + 1}`);
  return clients[who]!;
}

test.beforeAll(async () => {
  db = await databaseClient();
  communeId = (await db.query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = 'thien-tin'`)).rows[0]!.id;
  consultationId = (await db.query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title LIKE 'Nâng cấp, mở rộng tuyến đường%'`)).rows[0]!.id;
});

test.afterAll(async () => {
  for (const c of Object.values(clients)) await c?.dispose();
  await db.end();
});

const bag = (value: unknown) => Object.fromEntries(FIELDS.map((f) => [f, value]));
const deep = (n: number): unknown => (n === 0 ? "x" : [deep(n - 1)]);

/** Hostile inputs, each with the commune that passes the role check so that the action's own checks run. */
function hostileInputs(): [string, unknown][] {
  return [
    ["no input", null],
    ["a number", 42],
    ["a string", SQL],
    ["an array", [communeId]],
    ["a commune id that is SQL", { communeId: SQL }],
    ["a commune id that is an object", { communeId: { $ne: null } }],
    ["every field SQL", { communeId, ...bag(SQL) }],
    ["every field HTML and script", { communeId, ...bag(HTML) }],
    ["every field an object", { communeId, ...bag({ $gt: "", __proto__: { admin: true } }) }],
    ["every field a huge number", { communeId, ...bag(-1e308) }],
    ["every field 100 KB", { communeId, ...bag("ý".repeat(100_000)) }],
    ["nested 2,000 deep", { communeId, ...bag(deep(2000)) }],
    ["invalid GeoJSON", { communeId, consultationId, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 1]]] }, geojson: '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["a",1e999]}}]}' }],
  ];
}

/** Who tries an action: someone it lets in, so that the input (not the role check) is what is refused. */
function tryAs(key: string): Who {
  return ACTIONS[key]!.fuzzAs ?? ACTIONS[key]!.allowed[0] ?? "visitor";
}

test("every server action refuses hostile input with a validation error or a 4xx, never a 500, and writes nothing", async () => {
  test.setTimeout(15 * 60_000);
  // The "errors" namespace is split over messages/vi/errors.json and errors.<part>.json.
  const dir = path.join(root, "messages/vi");
  const errorsVi = Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => /^errors(\.[a-z-]+)?\.json$/i.test(f))
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<string, string>),
  ) as Record<string, string>;
  const problems: string[] = [];
  for (const action of manifestActions(root).filter((a) => a.key in ACTIONS)) {
    const who = tryAs(action.key);
    const ctx = await client(who);
    for (const [label, input] of hostileInputs()) {
      const before = await rowCounts(db, BACKGROUND_TABLES);
      // The page the action is posted from must be one the caller may open (the Front's own pages for the Front).
      const out = await callAction(ctx, { id: action.id, page: actionPage(action, { slug: "thien-tin", consultationId }, who === "front" ? "front" : "staff") }, input, { origin: BASE_URL });
      const error = out.result?.serverError;
      const after = await rowCounts(db, BACKGROUND_TABLES);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (out.status >= 500 || !out.result || error?.code === "unexpected") problems.push(`${action.key} (${who}) ${label}: HTTP ${out.status} ${out.body.slice(0, 160)}`);
      else if (error && (error.status < 400 || error.status >= 500)) problems.push(`${action.key} (${who}) ${label}: ${error.code} ${error.status}`);
      else if (error && !errorsVi[error.code]) problems.push(`${action.key} (${who}) ${label}: no Vietnamese message for "${error.code}"`);
      // An action may also accept such input as plain text or an id that matches nothing (marking
      // one's notifications read in no commune, checking a receipt that does not exist): harmless as
      // long as nothing is written, which is checked next.
      const accepted = out.result && !error && !out.result.validationErrors;
      if (changed.length && !(accepted && ACTIONS[action.key]!.fuzzMayWrite)) problems.push(`${action.key} (${who}) ${label}: wrote to ${changed.join(", ")}`);
    }
  }
  expect(problems).toEqual([]);
});

test("a body over the server action limit is refused without a 500", async () => {
  const action = manifestActions(root).find((a) => a.key.endsWith("#postOpinionAction"))!;
  const res = await (await client("resident")).post(actionPage(action, { slug: "thien-tin", consultationId }), {
    headers: { "Next-Action": action.id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: BASE_URL },
    data: JSON.stringify([{ communeId, consultationId, body: "x".repeat(26 * 1024 * 1024) }]),
    maxRedirects: 0,
  });
  expect(res.status()).toBe(413);
  expect(((await res.json()) as { message: string }).message).toMatch(/lớn hơn giới hạn 25 MB/);
});

type Upload = { name: string; mimeType: string; buffer: Buffer };
const files: Record<string, Upload> = {
  "an executable named .pdf": { name: "bien-ban.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200, 0)]) },
  "a page named .jpg": { name: "anh.jpg", mimeType: "image/jpeg", buffer: Buffer.from(`<html><body>${HTML}</body></html>`) },
  "an SVG with script": { name: "anh.svg", mimeType: "image/svg+xml", buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`) },
  "a truncated PNG": { name: "anh.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) },
  "an empty file": { name: "trong.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
  "a name with a path and script": { name: `../../etc/${HTML}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("plain text, not a PDF") },
};

function storageFiles(): number {
  const dir = readFileSync(path.join(root, "test-results/e2e-storage-dir"), "utf8").trim();
  const walk = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? walk(path.join(d, e.name)) : 1), 0);
  return walk(dir);
}

test("every upload refuses files whose content is not what their name says, with a Vietnamese sentence, storing nothing", async () => {
  test.setTimeout(5 * 60_000);
  const uploads: { route: string; who: Who; url: string; fields?: Record<string, string> }[] = [
    { route: "attachments", who: "staff", url: `/api/consultations/${consultationId}/attachments?commune=${communeId}` },
    { route: "opinion photos", who: "resident", url: `/api/consultations/${consultationId}/opinion-photos?commune=${communeId}` },
    { route: "notice-board photos", who: "staff", url: `/api/communes/thien-tin/disclosure/photos` },
    { route: "meeting minutes", who: "staff", url: "/api/participation/minutes", fields: { communeId, consultationId } },
  ];
  const problems: string[] = [];
  for (const u of uploads) {
    const ctx = await client(u.who);
    const cases: [string, Parameters<APIRequestContext["post"]>[1]][] = [
      ...Object.entries(files).map(([label, file]) => [label, { multipart: { ...u.fields, file } }] as [string, Parameters<APIRequestContext["post"]>[1]]),
      ["no file", { multipart: { ...u.fields } }],
      ["a file field that is text", { multipart: { ...u.fields, file: SQL } }],
      ["a broken multipart body", { headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, data: "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nnever ends" }],
      ["JSON instead of a form", { headers: { "Content-Type": "application/json" }, data: JSON.stringify({ file: HTML }) }],
    ];
    for (const [label, options] of cases) {
      const rows = await rowCounts(db, BACKGROUND_TABLES);
      const stored = storageFiles();
      const res = await ctx.post(u.url, { ...options, maxRedirects: 0 });
      const body = (await res.json().catch(() => null)) as { message?: string } | null;
      const what = `${u.route} (${u.who}), ${label}`;
      if (res.status() < 400 || res.status() >= 500 || res.status() === 401 || res.status() === 403) problems.push(`${what}: HTTP ${res.status()}`);
      else if (!body?.message || !VIETNAMESE.test(body.message)) problems.push(`${what}: no Vietnamese message (${JSON.stringify(body)?.slice(0, 120)})`);
      const after = await rowCounts(db, BACKGROUND_TABLES);
      const changed = Object.keys(after).filter((t) => after[t] !== rows[t]);
      if (changed.length) problems.push(`${what}: wrote to ${changed.join(", ")}`);
      if (storageFiles() !== stored) problems.push(`${what}: left a file in storage`);
    }
  }
  expect(problems).toEqual([]);
});

test("the resident list import refuses what is not a list, with a Vietnamese sentence, writing nothing", async () => {
  const ctx = await client("staff");
  const problems: string[] = [];
  const cases: [string, string, Buffer | string, string][] = [
    ["an executable", "preview", files["an executable named .pdf"]!.buffer, "application/octet-stream"],
    ["HTML", "preview", Buffer.from(HTML), "application/octet-stream"],
    ["a form post", "preview", "a=b", "application/x-www-form-urlencoded"],
    ["an import without its preview", "import&sha256=" + "0".repeat(64), Buffer.from("Thôn,Mã hộ,Họ và tên,Năm sinh\nPhú Khương,X1,A,1990\n"), "application/octet-stream"],
    ["a bad hash", `import&sha256=${encodeURIComponent(SQL)}`, Buffer.from("x"), "application/octet-stream"],
    ["an unknown mode", "drop", Buffer.from("x"), "application/octet-stream"],
  ];
  for (const [label, mode, data, contentType] of cases) {
    const rows = await rowCounts(db, BACKGROUND_TABLES);
    const res = await ctx.post(`/api/communes/thien-tin/residents/import?mode=${mode}`, { headers: { "Content-Type": contentType, "X-File-Name": encodeURIComponent(`${HTML}.csv`) }, data, maxRedirects: 0 });
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    if (res.status() < 400 || res.status() >= 500) problems.push(`${label}: HTTP ${res.status()}`);
    else if (!body?.message || !VIETNAMESE.test(body.message)) problems.push(`${label}: no Vietnamese message (${JSON.stringify(body)?.slice(0, 120)})`);
    const after = await rowCounts(db, BACKGROUND_TABLES);
    const changed = Object.keys(after).filter((t) => after[t] !== rows[t]);
    if (changed.length) problems.push(`${label}: wrote to ${changed.join(", ")}`);
  }
  expect(problems).toEqual([]);
});

test("read routes answer malformed ids and parameters with a 4xx or an empty answer, never a 500", async () => {
  const ctx = await client("staff");
  const long = "a".repeat(5000);
  const q = encodeURIComponent;
  const urls = [
    "/api/audit/events/abc?commune=thien-tin",
    "/api/audit/events/-1?commune=thien-tin",
    "/api/audit/events/99999999999999999999999?commune=thien-tin",
    `/api/audit/events/1?commune=${q(SQL)}`,
    `/api/audit/head?commune=${q(HTML)}`,
    `/api/audit/head?commune=${long}`,
    `/api/open-data/consultations.csv?commune=${q(SQL)}`,
    `/api/open-data/consultations.geojson?commune=${q(HTML)}`,
    `/api/open-data/consultations.geojson?commune=${long}`,
    `/api/attachments/${q(SQL)}`,
    `/api/attachments/${long}`,
    `/api/participation/minutes/${q(SQL)}?communeId=${q(SQL)}`,
    `/api/participation/minutes/x?communeId=${long}`,
    `/api/communes/${q(HTML)}/consultations/x/me`,
    `/api/communes/thien-tin/consultations/${long}/me`,
    `/api/communes/thien-tin/disclosure/postings/${q(SQL)}/photo`,
    `/api/communes/${long}/residents/template?format=${q(HTML)}`,
    `/api/me/data-export?commune=${q(SQL)}`,
    `/feed.xml?commune=${q(SQL)}&lang=${q(HTML)}`,
    `/api/open311/v2/requests.json?jurisdiction_id=${q(SQL)}`,
    `/api/open311/v2/requests.xml?jurisdiction_id=thien-tin&start_date=${q(HTML)}&status=${q(SQL)}`,
    `/api/open311/v2/requests.json?jurisdiction_id=thien-tin&service_request_id=${q(SQL)},${long}`,
    `/api/open311/v2/requests/${q(SQL)}.json?jurisdiction_id=thien-tin`,
    `/api/open311/v2/${q(HTML)}?jurisdiction_id=${long}`,
    `/thien-tin/consultations/${q(SQL)}`,
    `/thien-tin/consultations/${consultationId}/opinions/${q(SQL)}`,
    `/thien-tin/consultations/${consultationId}/opinions/-5`,
    `/thien-tin/receipts?code=${q(HTML)}`,
    `/${q(HTML)}`,
  ];
  const problems: string[] = [];
  for (const url of urls) {
    const res = await ctx.get(url, { maxRedirects: 0 });
    if (res.status() >= 500) problems.push(`${url.slice(0, 100)}: HTTP ${res.status()}`);
    if (res.status() < 300 && (res.headers()["content-type"] ?? "").includes("html")) {
      const text = await res.text();
      if (text.includes("<img src=x onerror")) problems.push(`${url.slice(0, 100)}: reflected the markup`);
    }
  }
  expect(problems).toEqual([]);
});
