// The public list of cases, paged and filtered, its map pins and the Open311 request list: pages in
// order without overlap, filters combined (overdue AND a state), the short-lived caches dropped at
// once when a case changes, and GeoReport v2's default window (90 days) and limit (1,000).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getOpen311 } from "@/app/api/open311/v2/[resource]/route";
import { GET as getPins } from "@/app/api/communes/[slug]/cases/pins/route";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { jpegWithGps } from "@/lib/storage/testing/gps-photo";
import { DEFAULT_PAGE_SIZE } from "@/lib/open311/georeport";
import { accessAs, communeId, RESIDENT_PHONE, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { fileCase } from "./file-case";
import { listKey, listQuery, parseListKey, readListQuery } from "./list-key";
import { PAGE_SIZE, publicCasePage } from "./list-cases";
import { loadCasePhoto } from "./photo-routes";
import { expirePublicCases } from "./public-cache";
import { CASE_RESIDENT_ROLES, CASE_STAFF_ROLES } from "./roles";
import { moveCase } from "./workflow";

const DAY = 86_400_000;
const BULK_FIRST = 800_001;

let thienTin: string;
let nghiaHanh: string;
let resident: CommuneAccess;
let staff: CommuneAccess;
let centre: { lat: string; lng: string; categoryId: string };

/** `count` public feedback cases in a commune, numbered from `first`, received `ageDays(i)` days ago. */
async function insertCases(commune: string, first: number, count: number, ageDays: (i: number) => number, extra: { overdue?: (i: number) => boolean; state?: (i: number) => string } = {}) {
  const ages = Array.from({ length: count }, (_, i) => ageDays(i));
  const overdue = Array.from({ length: count }, (_, i) => extra.overdue?.(i) ?? false);
  const states = Array.from({ length: count }, (_, i) => extra.state?.(i) ?? "RECEIVED");
  await db.$executeRaw`
    INSERT INTO "Case" ("id", "communeId", "number", "kind", "state", "title", "body", "isPublic", "lat", "lng", "source", "receivedAt", "replyDueAt", "createdAt", "updatedAt")
    SELECT 'perf-' || ${commune} || '-' || (${first}::int + g - 1), ${commune}, ${first}::int + g - 1, 'FEEDBACK'::"CaseKind", (${states}::text[])[g]::"CaseState",
           'Phản ánh thử ' || g, 'Nội dung thử ' || g, true, 15.1 + g / 100000.0, 108.8 + g / 100000.0, 'WEB'::"CaseSource",
           now() - (${ages}::float8[])[g] * interval '1 day',
           CASE WHEN (${overdue}::boolean[])[g] THEN now() - interval '1 day' ELSE now() + interval '10 days' END,
           now(), now()
    FROM generate_series(1, ${count}::int) AS g`;
}

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  nghiaHanh = await communeId("nghia-hanh");
  resident = await accessAs(RESIDENT_PHONE, "thien-tin", CASE_RESIDENT_ROLES);
  staff = await accessAs(STAFF_EMAIL, "thien-tin", CASE_STAFF_ROLES);
  const c = await db.commune.findUniqueOrThrow({ where: { id: thienTin }, select: { centerLat: true, centerLng: true } });
  const category = await db.caseCategory.findFirstOrThrow({ where: { communeId: thienTin, active: true }, select: { id: true } });
  centre = { lat: String(c.centerLat), lng: String(c.centerLng), categoryId: category.id };
});

afterAll(async () => {
  delete process.env.PUBLIC_CASE_CACHE_MS;
  await db.case.deleteMany({ where: { id: { startsWith: "perf-" } } });
});

describe("the list's addresses", () => {
  it("one canonical key per view; the query and the key say the same", () => {
    const view = readListQuery((n) => ({ state: "RESOLVED", page: "3", overdue: "1", village: "v1", category: "c1" })[n] ?? null);
    expect(listKey(view)).toBe("c-c1~s-RESOLVED~v-v1~o-1~p-3");
    expect(parseListKey(listKey(view))).toEqual(view);
    expect(listQuery(view)).toBe("?category=c1&state=RESOLVED&village=v1&overdue=1&page=3");
    expect(listKey(readListQuery(() => null))).toBe("all");
    // Unknown values are ignored, not kept: they would make a cached page per spelling.
    expect(listKey(readListQuery((n) => ({ state: "NOPE", page: "0", overdue: "yes" })[n] ?? null))).toBe("all");
    expect(parseListKey("p-1")).toBeNull();
    expect(parseListKey("p-2~s-RESOLVED")).toBeNull();
    expect(parseListKey("s-RESOLVED~p-2")).not.toBeNull();
    expect(parseListKey("x-1")).toBeNull();
  });
});

describe("the public list, paged and filtered", () => {
  beforeAll(async () => {
    // 45 public cases in Nghĩa Hành: enough for three pages; every third overdue, every fifth accepted.
    await insertCases(nghiaHanh, BULK_FIRST, 45, (i) => i % 30, { overdue: (i) => i % 3 === 0, state: (i) => (i % 5 === 0 ? "ACCEPTED" : "RECEIVED") });
  });

  it("pages of PAGE_SIZE, newest first, in order and without overlap, with the count of pages", async () => {
    const first = await publicCasePage(nghiaHanh, {}, 1);
    expect(first.total).toBeGreaterThanOrEqual(45);
    expect(first.pages).toBe(Math.ceil(first.total / PAGE_SIZE));
    expect(first.cases).toHaveLength(PAGE_SIZE);
    const numbers = [];
    for (let p = 1; p <= first.pages; p++) numbers.push(...(await publicCasePage(nghiaHanh, {}, p)).cases.map((c) => c.number));
    expect(numbers).toHaveLength(first.total);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    // Past the last page: an empty page, never an error.
    expect((await publicCasePage(nghiaHanh, {}, first.pages + 1)).cases).toEqual([]);
  });

  it("overdue AND a state: both hold (overdue no longer replaces the state asked for)", async () => {
    const both = await publicCasePage(nghiaHanh, { overdue: true, state: "ACCEPTED" }, 1);
    expect(both.total).toBeGreaterThan(0);
    for (const c of both.cases) {
      expect(c.state).toBe("ACCEPTED");
      expect(c.late).not.toBeNull();
    }
    const overdue = await publicCasePage(nghiaHanh, { overdue: true }, 1);
    expect(overdue.total).toBeGreaterThan(both.total);
    expect((await publicCasePage(nghiaHanh, { overdue: true, state: "RESOLVED" }, 1)).total).toBe(0);
  });
});

describe("cached public reads are dropped at once when a case changes", () => {
  beforeAll(() => {
    // As in production: the bodies are kept (a minute) — the change must show anyway.
    process.env.PUBLIC_CASE_CACHE_MS = "60000";
    expirePublicCases();
  });
  afterAll(() => {
    delete process.env.PUBLIC_CASE_CACHE_MS;
  });

  const open311 = async (query: string, headers: Record<string, string> = {}) => {
    const response = await getOpen311(new Request(`http://localhost/api/open311/v2/requests.json?jurisdiction_id=thien-tin${query}`, { headers }), { params: Promise.resolve({ resource: "requests.json" }) });
    return { status: response.status, etag: response.headers.get("etag"), rows: response.status === 200 ? ((await response.json()) as Record<string, unknown>[]) : [] };
  };
  const pins = async () => {
    const response = await getPins(new Request("http://localhost/api/communes/thien-tin/cases/pins"), { params: Promise.resolve({ slug: "thien-tin" }) });
    const { states, pins } = (await response.json()) as { states: string[]; pins: [number, number, number, number, number, number, number][] };
    return pins.map(([number, lat, lng, state, ...rest]) => [number, lat, lng, states[state]!, ...rest] as const);
  };

  it("a new public case is in the Open311 list and on the map at once; its state change too", async () => {
    const before = await open311("");
    const pinsBefore = await pins();
    const filed = await fileCase({ communeId: thienTin, userId: resident.userId, actorRole: "RESIDENT", source: "WEB" }, { kind: "FEEDBACK", title: "Cống nghẹt trước chợ", body: "Nước tràn ra đường mỗi khi mưa.", isPublic: true, ...centre });
    const after = await open311("");
    expect(after.rows.length).toBe(Math.min(DEFAULT_PAGE_SIZE, before.rows.length + 1));
    expect(after.rows[0]).toMatchObject({ service_request_id: String(filed.number), status: "open" });
    expect((await pins()).some((p) => p[0] === filed.number)).toBe(true);
    expect(pinsBefore.some((p) => p[0] === filed.number)).toBe(false);

    await moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "Xã đã cử người khơi thông.", isPublic: true });
    const moved = (await open311("")).rows.find((r) => r.service_request_id === String(filed.number));
    expect(moved).toMatchObject({ status: "open", status_notes: "Xã đã cử người khơi thông." });
    expect((await pins()).find((p) => p[0] === filed.number)?.[3]).toBe("ACCEPTED");
  });

  it("the cache is real: a write that bypasses lib/cases shows only once the cache is dropped; a client holding the body gets a 304", async () => {
    const first = await open311("");
    const newest = first.rows[0]!;
    await db.case.updateMany({ where: { communeId: thienTin, number: Number(newest.service_request_id) }, data: { address: "Chợ Thiện Tín (sửa thẳng)" } });
    expect((await open311("")).rows[0]!.address).toBe(newest.address);
    expect((await open311("", { "if-none-match": first.etag! })).status).toBe(304);
    expirePublicCases();
    expect((await open311("")).rows[0]!.address).toBe("Chợ Thiện Tín (sửa thẳng)");
    expect((await open311("", { "if-none-match": first.etag! })).status).toBe(200);
  });

  it("media_url: the first public photo of a case, served to anyone", async () => {
    const filed = await fileCase(
      { communeId: thienTin, userId: resident.userId, actorRole: "RESIDENT", source: "WEB" },
      { kind: "FEEDBACK", title: "Ổ gà có ảnh", body: "Ổ gà sâu, xem ảnh.", isPublic: true, ...centre },
      { photos: [{ fileName: "o-ga.jpg", data: await jpegWithGps() }] },
    );
    const row = (await open311(`&service_request_id=${filed.number}`)).rows[0]!;
    const photo = await db.casePhoto.findFirstOrThrow({ where: { caseId: filed.id }, select: { attachmentId: true } });
    expect(row.media_url).toMatch(new RegExp(`/api/communes/thien-tin/cases/photos/${photo.attachmentId}$`));
    // What the photo route serves to a visitor who is not signed in.
    expect(await loadCasePhoto("thien-tin", photo.attachmentId, null)).toMatchObject({ isPublic: true });
    // Without a photo: null, as before.
    const plain = (await open311("")).rows.find((r) => r.media_url === null);
    expect(plain).toBeDefined();
  });
});

describe("Open311 GET requests: the spec's default window and limit", () => {
  const J = "nghia-hanh";
  const list = async (query = "") => {
    const response = await getOpen311(new Request(`http://localhost/api/open311/v2/requests.json?jurisdiction_id=${J}${query}`), { params: Promise.resolve({ resource: "requests.json" }) });
    expect(response.status).toBe(200);
    return (await response.json()) as { service_request_id: string; requested_datetime: string }[];
  };

  beforeAll(async () => {
    // 1,050 public cases received within the last 89 days, and one 91 days ago.
    await insertCases(nghiaHanh, BULK_FIRST + 1000, 1050, (i) => (i * 89) / 1050);
    await insertCases(nghiaHanh, BULK_FIRST + 5000, 1, () => 91);
  });

  it("without parameters: the last 90 days, newest first, the first page of 100", async () => {
    const rows = await list();
    expect(rows).toHaveLength(DEFAULT_PAGE_SIZE);
    const times = rows.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = await list("&page_size=1000");
    expect(all).toHaveLength(1000);
    const allTimes = all.map((r) => Date.parse(r.requested_datetime));
    expect(Date.now() - allTimes.at(-1)!).toBeLessThan(90 * DAY);
    expect(all.some((r) => r.service_request_id === String(BULK_FIRST + 5000))).toBe(false);
  });

  it("pages follow each other without a gap or a repeat; a bad page or page_size is a 400 naming it", async () => {
    const all = (await list("&page_size=1000")).map((r) => r.service_request_id);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await list(`&page_size=250&page=${page}`)).map((r) => r.service_request_id));
    expect(pages).toEqual(all.slice(0, 750));
    expect(await list(`&page_size=1000&page=99`)).toEqual([]);
    for (const bad of ["page_size=0", "page_size=1001", "page_size=abc", "page=0", "page=1.5"]) {
      const response = await getOpen311(new Request(`http://localhost/api/open311/v2/requests.json?jurisdiction_id=${J}&${bad}`), { params: Promise.resolve({ resource: "requests.json" }) });
      expect(response.status, bad).toBe(400);
      expect(JSON.stringify(await response.json()), bad).toContain(bad.split("=")[0]);
    }
  });

  it("a window given is kept (the 91-day-old case is there), still at most 1,000", async () => {
    const old = await list(`&start_date=${new Date(Date.now() - 92 * DAY).toISOString()}&end_date=${new Date(Date.now() - 90 * DAY).toISOString()}`);
    expect(old.map((r) => r.service_request_id)).toContain(String(BULK_FIRST + 5000));
    expect((await list("&start_date=2000-01-01&page_size=1000")).length).toBe(1000);
    expect((await list("&start_date=2000-01-01")).length).toBe(DEFAULT_PAGE_SIZE);
  });

  it("service_request_id ignores the window: an old case is found by its number", async () => {
    const rows = await list(`&service_request_id=${BULK_FIRST + 5000},${BULK_FIRST + 5000}`);
    expect(rows.map((r) => r.service_request_id)).toEqual([String(BULK_FIRST + 5000)]);
  });
});
