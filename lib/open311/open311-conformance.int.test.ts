// Open311 GeoReport v2 conformance, as a client written from the specification
// (wiki.open311.org/GeoReport_v2), not from our types: the field lists below are the spec's, the
// client calls the real route handlers with real Requests against real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as getCollectionRoute, POST as postCollectionRoute } from "@/app/api/open311/v2/[resource]/route";
import { GET as getOneRoute } from "@/app/api/open311/v2/requests/[id]/route";
import { fileCase } from "@/lib/cases/file-case";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { createOpen311Client, OPEN311_CLIENT_ROLES, revokeOpen311Client } from "./clients";

// ─── The spec's field lists ──────────────────────────────────────────────────────────────────────
const SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
const SERVICE_TYPES = ["realtime", "batch", "blackbox"];
const REQUEST_FIELDS = [
  "service_request_id",
  "status",
  "status_notes",
  "service_name",
  "service_code",
  "description",
  "agency_responsible",
  "service_notice",
  "requested_datetime",
  "updated_datetime",
  "expected_datetime",
  "address",
  "address_id",
  "zipcode",
  "lat",
  "long",
  "media_url",
];
const POST_RESPONSE_FIELDS = ["service_request_id", "service_notice", "account_id"];
const ERROR_FIELDS = ["code", "description"];
const STATUSES = ["open", "closed"];
// W3C datetime with an offset, as the spec's examples: 2010-04-14T06:37:38-08:00.
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

// ─── A small Open311 client ──────────────────────────────────────────────────────────────────────
const ENDPOINT = "http://localhost/api/open311/v2";
type Json = Record<string, unknown>;

async function get(path: string, query: Record<string, string> = {}): Promise<{ status: number; body: unknown; text: string; type: string | null }> {
  const url = new URL(`${ENDPOINT}/${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const segments = path.split("/");
  const response =
    segments[0] === "requests" && segments.length === 2
      ? await getOneRoute(new Request(url), { params: Promise.resolve({ id: segments[1]! }) })
      : await getCollectionRoute(new Request(url), { params: Promise.resolve({ resource: segments[0]! }) });
  const text = await response.text();
  const type = response.headers.get("content-type");
  return { status: response.status, body: type?.includes("json") ? JSON.parse(text) : null, text, type };
}

async function post(path: string, fields: Record<string, string>, media?: Blob) {
  const url = new URL(`${ENDPOINT}/${path}`);
  let body: BodyInit;
  if (media) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("media", media, "pothole.jpg");
    body = form;
  } else body = new URLSearchParams(fields);
  const response = await postCollectionRoute(new Request(url, { method: "POST", body }), { params: Promise.resolve({ resource: path }) });
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : null, text };
}

function expectErrors(body: unknown, code: number) {
  expect(Array.isArray(body)).toBe(true);
  const errors = body as Json[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual([...ERROR_FIELDS].sort());
    expect(typeof e.code).toBe("number");
    expect(typeof e.description).toBe("string");
  }
  expect(errors[0]!.code).toBe(code);
}

function expectServiceRequest(r: Json) {
  expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
  expect(typeof r.service_request_id).toBe("string");
  expect(STATUSES).toContain(r.status);
  expect(r.requested_datetime).toMatch(W3C);
  if (r.updated_datetime !== null) expect(r.updated_datetime).toMatch(W3C);
  if (r.expected_datetime !== null) expect(r.expected_datetime).toMatch(W3C);
}

const ids = (body: unknown) => (body as Json[]).map((r) => r.service_request_id as string);

// ─── The commune's data ──────────────────────────────────────────────────────────────────────────
const J = "thien-tin";
let thienTin: string;
let key: string;
let revokedKey: string;
let otherCommuneKey: string;
const numbers = {} as Record<"recent" | "old" | "resolved" | "transferred" | "privateFeedback" | "complaint" | "denunciation", string>;
const DAY = 24 * 60 * 60 * 1000;
let lat = 0;
let lng = 0;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId(J);
  const centre = await db.commune.findUniqueOrThrow({ where: { id: thienTin }, select: { centerLat: true, centerLng: true } });
  lat = centre.centerLat;
  lng = centre.centerLng;
  const roads = await db.caseCategory.upsert({
    where: { communeId_code: { communeId: thienTin, code: "o311-roads" } },
    create: { communeId: thienTin, code: "o311-roads", name: "Đường sá", nameEn: "Roads", description: "Ổ gà, đường hỏng", expectedResolutionDays: 20, sortOrder: -2 },
    update: {},
  });
  const lights = await db.caseCategory.upsert({
    where: { communeId_code: { communeId: thienTin, code: "o311-lights" } },
    create: { communeId: thienTin, code: "o311-lights", name: "Đèn đường", expectedResolutionDays: 10, sortOrder: -1 },
    update: {},
  });
  await db.caseCategory.upsert({
    where: { communeId_code: { communeId: thienTin, code: "o311-retired" } },
    create: { communeId: thienTin, code: "o311-retired", name: "Đã bỏ", expectedResolutionDays: 10, active: false },
    update: {},
  });
  const filer = { communeId: thienTin, userId: null, actorRole: "STAFF", source: "STAFF" as const };
  const staffFiler = { ...filer, userId: (await accessAs(STAFF_EMAIL, J, ["STAFF"])).userId };
  const base = { title: "Ổ gà trước nhà văn hoá", body: "Ổ gà lớn giữa đường, xe máy dễ ngã vào ban đêm.", senderName: "Bà Tư", lat, lng };
  const file = async (kind: "PETITION" | "FEEDBACK" | "COMPLAINT" | "DENUNCIATION", isPublic: boolean, categoryId: string | null, daysAgo: number) =>
    String((await fileCase(staffFiler, { ...base, kind, isPublic, categoryId }, { now: new Date(Date.now() - daysAgo * DAY) })).number);
  numbers.recent = await file("FEEDBACK", true, roads.id, 2);
  numbers.old = await file("PETITION", true, roads.id, 120);
  numbers.resolved = await file("FEEDBACK", true, lights.id, 5);
  numbers.transferred = await file("PETITION", true, roads.id, 6);
  numbers.privateFeedback = await file("FEEDBACK", false, roads.id, 1);
  numbers.complaint = await file("COMPLAINT", true, null, 1);
  numbers.denunciation = await file("DENUNCIATION", true, null, 1);
  const byNumber = (n: string) => db.case.findFirstOrThrow({ where: { communeId: thienTin, number: Number(n) } });
  const resolved = await byNumber(numbers.resolved);
  await db.case.update({ where: { id: resolved.id }, data: { state: "RESOLVED", resolvedAt: new Date() } });
  await db.caseUpdate.create({ data: { communeId: thienTin, caseId: resolved.id, isPublic: true, body: "Đã thay bóng đèn.", fromState: "RECEIVED", toState: "RESOLVED" } });
  await db.caseUpdate.create({ data: { communeId: thienTin, caseId: resolved.id, isPublic: false, body: "Ghi chú nội bộ", createdAt: new Date(Date.now() + 1000) } });
  const transferred = await byNumber(numbers.transferred);
  await db.case.update({ where: { id: transferred.id }, data: { state: "TRANSFERRED", transferredTo: "Sở Giao thông vận tải Quảng Ngãi" } });

  key = (await createOpen311Client(await accessAs(STAFF_EMAIL, J, ["STAFF"]), { name: "Ứng dụng thử", contact: null })).key;
  const revoked = await createOpen311Client(await accessAs(STAFF_EMAIL, J, ["STAFF"]), { name: "Ứng dụng cũ", contact: null });
  await revokeOpen311Client(await accessAs(STAFF_EMAIL, J, ["STAFF"]), revoked.id);
  revokedKey = revoked.key;
  otherCommuneKey = (await createOpen311Client(await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]), { name: "Ứng dụng xã khác", contact: null })).key;
});

describe("GET services", () => {
  it("lists the commune's active categories with the spec's fields; metadata false, type realtime", async () => {
    const { status, body } = await get("services.json", { jurisdiction_id: J });
    expect(status).toBe(200);
    const services = body as Json[];
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
      expect(s.metadata).toBe(false);
      expect(SERVICE_TYPES).toContain(s.type);
    }
    const codes = services.map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(["o311-roads", "o311-lights"]));
    expect(codes).not.toContain("o311-retired");
    expect(services.find((s) => s.service_code === "o311-roads")).toMatchObject({ service_name: "Đường sá", description: "Ổ gà, đường hỏng", type: "realtime" });
  });

  it("answers XML, the spec's default format, with the same services", async () => {
    const { status, text, type } = await get("services.xml", { jurisdiction_id: J });
    expect(status).toBe(200);
    expect(type).toContain("xml");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    expect(text).toContain("<service_code>o311-roads</service_code>");
    expect(text).toContain("<metadata>false</metadata>");
  });

  it("refuses other formats and unknown jurisdictions with the spec's error list", async () => {
    const csv = await get("services.csv", { jurisdiction_id: J });
    expect(csv.status).toBe(400);
    expectErrors(csv.body, 400);
    const nowhere = await get("services.json", { jurisdiction_id: "no-such-commune" });
    expect(nowhere.status).toBe(404);
    expectErrors(nowhere.body, 404);
  });
});

describe("GET requests", () => {
  it("by default: the last 90 days of public requests, each with the spec's fields", async () => {
    const { status, body } = await get("requests.json", { jurisdiction_id: J });
    expect(status).toBe(200);
    for (const r of body as Json[]) expectServiceRequest(r);
    const listed = ids(body);
    expect(listed).toEqual(expect.arrayContaining([numbers.recent, numbers.resolved, numbers.transferred]));
    expect(listed).not.toContain(numbers.old);
    expect((body as Json[]).length).toBeLessThanOrEqual(1000);
  });

  it("never lists a complaint, a denunciation or a private case, whatever the filter", async () => {
    const secret = [numbers.privateFeedback, numbers.complaint, numbers.denunciation];
    const all = await get("requests.json", { jurisdiction_id: J, start_date: "2000-01-01", end_date: "2100-01-01" });
    const asked = await get("requests.json", { jurisdiction_id: J, service_request_id: secret.join(",") });
    expect(ids(all.body).filter((id) => secret.includes(id))).toEqual([]);
    expect(asked.body).toEqual([]);
    for (const n of secret) {
      const one = await get(`requests/${n}.json`, { jurisdiction_id: J });
      expect(one.status).toBe(404);
      expectErrors(one.body, 404);
    }
  });

  it("filters by service_request_id (a comma list, other filters ignored), service_code, status and dates", async () => {
    const byIds = await get("requests.json", { jurisdiction_id: J, service_request_id: `${numbers.old},${numbers.recent}`, status: "closed" });
    expect(ids(byIds.body).sort()).toEqual([numbers.old, numbers.recent].sort());
    const lights = await get("requests.json", { jurisdiction_id: J, service_code: "o311-lights" });
    expect(ids(lights.body)).toContain(numbers.resolved);
    expect((lights.body as Json[]).every((r) => r.service_code === "o311-lights")).toBe(true);
    const closed = await get("requests.json", { jurisdiction_id: J, status: "closed" });
    expect(ids(closed.body)).toEqual(expect.arrayContaining([numbers.resolved, numbers.transferred]));
    expect(ids(closed.body)).not.toContain(numbers.recent);
    expect((closed.body as Json[]).every((r) => r.status === "closed")).toBe(true);
    const open = await get("requests.json", { jurisdiction_id: J, status: "open" });
    expect(ids(open.body)).toContain(numbers.recent);
    expect((open.body as Json[]).every((r) => r.status === "open")).toBe(true);
    const old = await get("requests.json", { jurisdiction_id: J, start_date: new Date(Date.now() - 130 * DAY).toISOString(), end_date: new Date(Date.now() - 100 * DAY).toISOString() });
    expect(ids(old.body)).toEqual([numbers.old]);
    const bad = await get("requests.json", { jurisdiction_id: J, start_date: "yesterday" });
    expect(bad.status).toBe(400);
    expectErrors(bad.body, 400);
    const badStatus = await get("requests.json", { jurisdiction_id: J, status: "pending" });
    expect(badStatus.status).toBe(400);
  });

  it("a single request: a list of one; status notes are the last public update; the agency a transfer went to", async () => {
    const resolved = await get(`requests/${numbers.resolved}.json`, { jurisdiction_id: J });
    expect(resolved.status).toBe(200);
    const [r] = resolved.body as Json[];
    expectServiceRequest(r!);
    expect(r).toMatchObject({ service_request_id: numbers.resolved, status: "closed", status_notes: "Đã thay bóng đèn.", service_code: "o311-lights", lat, long: lng });
    expect(r!.agency_responsible).toMatch(/Ủy ban nhân dân xã Thiện Tín/);
    expect(r!.requested_datetime).toMatch(/\+07:00$/);
    const [t] = (await get(`requests/${numbers.transferred}.json`, { jurisdiction_id: J })).body as Json[];
    expect(t).toMatchObject({ status: "closed", agency_responsible: "Sở Giao thông vận tải Quảng Ngãi" });
    const [o] = (await get(`requests/${numbers.recent}.json`, { jurisdiction_id: J })).body as Json[];
    expect(o).toMatchObject({ status: "open", status_notes: null });
    expect(o!.expected_datetime).toMatch(W3C);
    const xml = await get(`requests/${numbers.recent}.xml`, { jurisdiction_id: J });
    expect(xml.text).toContain(`<service_requests><request><service_request_id>${numbers.recent}</service_request_id>`);
    const missing = await get("requests/999999.json", { jurisdiction_id: J });
    expect(missing.status).toBe(404);
    expectErrors(missing.body, 404);
  });
});

describe("POST requests", () => {
  const fields = () => ({ jurisdiction_id: J, service_code: "o311-roads", lat: String(lat), long: String(lng), description: "Ổ gà sâu trên đường liên thôn, gần cầu.", first_name: "Văn", last_name: "Ba", phone: "0905 111 222" });

  it("files a public feedback case through the same intake (source OPEN311, clocks set) and answers the spec's shape", async () => {
    const { status, body } = await post("requests.json", { ...fields(), api_key: key, media_url: "http://example.org/p.jpg" });
    expect(status).toBe(200);
    const [r] = body as Json[];
    expect(Object.keys(r!).sort()).toEqual([...POST_RESPONSE_FIELDS].sort());
    expect(typeof r!.service_request_id).toBe("string");
    expect(r!.service_notice).toMatch(/media_url/);
    const row = await db.case.findFirstOrThrow({ where: { communeId: thienTin, number: Number(r!.service_request_id) } });
    expect(row).toMatchObject({ source: "OPEN311", kind: "FEEDBACK", isPublic: true, state: "RECEIVED", senderName: "Văn Ba", senderPhone: "+84905111222", lat, lng });
    expect(row.replyDueAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.expectedResolvedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "case.file", actorRole: "OPEN311" } })).toBe(1);
    // Readable at once as a public request.
    const [back] = (await get(`requests/${r!.service_request_id as string}.json`, { jurisdiction_id: J })).body as Json[];
    expect(back).toMatchObject({ status: "open", service_code: "o311-roads", description: fields().description });
  });

  it("answers XML too", async () => {
    const { status, text } = await post("requests.xml", { ...fields(), api_key: key });
    expect(status).toBe(200);
    expect(text).toMatch(/<service_requests><request><service_request_id>\d+<\/service_request_id><service_notice>/);
  });

  it("refuses a missing, unknown, revoked or other commune's key with 403 in the spec's shape, writing nothing", async () => {
    const before = await db.case.count();
    for (const api_key of [undefined, "o311_not-a-key", revokedKey, otherCommuneKey]) {
      const { status, body } = await post("requests.json", api_key ? { ...fields(), api_key } : fields());
      expect(status).toBe(403);
      expectErrors(body, 403);
    }
    expect(await db.case.count()).toBe(before);
  });

  it("refuses bad input with 400 and the spec's error list, writing nothing", async () => {
    const before = await db.case.count();
    const cases: Record<string, string>[] = [
      { ...fields(), service_code: "" },
      { ...fields(), service_code: "o311-retired" },
      { ...fields(), lat: "", long: "" },
      { ...fields(), description: "ngắn" },
      { ...fields(), lat: "48.85", long: "2.35" },
    ];
    for (const f of cases) {
      const { status, body } = await post("requests.json", { ...f, api_key: key });
      expect(status).toBe(400);
      expectErrors(body, 400);
    }
    const tooShort = await post("requests.json", { ...fields(), description: "ngắn", api_key: key });
    expect((tooShort.body as Json[]).some((e) => String(e.description).startsWith("description:"))).toBe(true);
    expect(await db.case.count()).toBe(before);
  });

  it("takes an address instead of a position", async () => {
    const { lat: _lat, long: _long, ...rest } = fields();
    const { status } = await post("requests.json", { ...rest, address_string: "Thôn Phú Khương, gần cầu", api_key: key });
    expect(status).toBe(200);
  });
});

describe("Open311 clients", () => {
  it("are managed by staff, leaders and administrators of the commune; nobody else", async () => {
    const roles = [...OPEN311_CLIENT_ROLES] as Role[];
    for (const who of [STAFF_EMAIL, "chutich@thientin.danban.local"]) await expect(accessAs(who, J, roles)).resolves.toBeTruthy();
    for (const who of [RESIDENT_PHONE, "truongthon.tanphu1@thientin.danban.local", "mttq@thientin.danban.local"]) await expect(accessAs(who, J, roles)).rejects.toMatchObject({ status: 403 });
    await expect(accessAs(OTHER_STAFF_EMAIL, J, roles)).rejects.toMatchObject({ status: 403 });
  });

  it("keep only the key's digest; another commune's staff cannot revoke them; creation and revocation are audited", async () => {
    const created = await createOpen311Client(await accessAs(STAFF_EMAIL, J, ["STAFF"]), { name: "Bảng điều khiển", contact: "it@example.org" });
    const row = await db.open311Client.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(revokeOpen311Client(await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]), created.id)).rejects.toMatchObject({ status: 404 });
    expect((await db.open311Client.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
    await revokeOpen311Client(await accessAs(STAFF_EMAIL, J, ["STAFF"]), created.id);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: { in: ["open311.client.create", "open311.client.revoke"] } } })).toBe(2);
  });
});
