// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) over the commune's cases: the services are the
// commune's active case categories; the requests are its PUBLIC cases only (publicCaseWhere:
// petitions and feedback made public, never a complaint, a denunciation or a private case: Law
// 10/2022/QH15 Art. 9.2, Law on Denunciations 2018 Art. 9.1.b); a POST files a feedback case through
// fileCase, the same validation and clocks as every other way in (source OPEN311).
import { publicCaseWhere } from "@/lib/cases/classification";
import { fileCase } from "@/lib/cases/file-case";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { CaseState, Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { vnDate } from "@/lib/participation/record-vote";
import { consumeRateLimit } from "@/lib/rate-limit";
import { isAppError } from "@/lib/errors";

import { clientForKey } from "./clients";
import { isoVn, Open311Error, parseDateParam, translate } from "./format";

/** The spec's two statuses: what is still being worked on, and what is finished one way or another. */
export const OPEN_STATES: readonly CaseState[] = ["RECEIVED", "CLASSIFIED", "ACCEPTED", "IN_PROGRESS"];
export const CLOSED_STATES: readonly CaseState[] = ["RESOLVED", "REFUSED", "TRANSFERRED"];
export const open311Status = (state: CaseState) => (OPEN_STATES.includes(state) ? "open" : "closed");

/**
 * The spec's defaults: the last 90 days; "the server may limit the number of requests returned" (1000 in
 * its example). The answer is paged with the `page` and `page_size` parameters that Open311 servers
 * commonly add (Chicago's, SeeClickFix's): 100 a page by default, at most 1000 — a phone on slow data
 * and a cached answer both want a page, not 600 KB; a client that asks for 1000 still gets them.
 */
export const DEFAULT_DAYS = 90;
export const MAX_REQUESTS = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export type Jurisdiction = { id: string; slug: string; name: string };

/** The commune named by jurisdiction_id (its slug); DEFAULT_COMMUNE when the client names none. */
export async function jurisdiction(value: string | null): Promise<Jurisdiction> {
  const slug = value?.trim() || env.DEFAULT_COMMUNE || "";
  if (!slug) throw new Open311Error(400, "jurisdiction_id is required: the commune's slug (e.g. thien-tin) / Cần jurisdiction_id: mã xã (ví dụ thien-tin).");
  const commune = await db.commune.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!commune) throw new Open311Error(404, `jurisdiction_id "${slug}" is not a commune here / Không có xã "${slug}".`);
  return commune;
}

const committee = (j: Jurisdiction) => `Ủy ban nhân dân xã ${j.name}`;

/** GET services.{format}: the commune's active case categories. */
export async function listServices(j: Jurisdiction) {
  const categories = await db.caseCategory.findMany({
    where: { communeId: j.id, active: true },
    select: { code: true, name: true, nameEn: true, description: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return categories.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description ?? "",
    metadata: false,
    type: "realtime",
    keywords: c.nameEn ?? "",
    group: "Kiến nghị, phản ánh",
  }));
}

// A request list is read in three queries whatever its length (never one per case): the cases, with
// only the columns the spec's fields need; then, for all of them at once, the last public update of
// each (DISTINCT ON over CaseUpdate's (caseId, createdAt) index) and the first public photo of each.
const requestSelect = {
  id: true,
  number: true,
  state: true,
  title: true,
  body: true,
  address: true,
  lat: true,
  lng: true,
  receivedAt: true,
  expectedResolvedAt: true,
  transferredTo: true,
  category: { select: { code: true, name: true } },
} as const satisfies Prisma.CaseSelect;

type RequestRow = Prisma.CaseGetPayload<{ select: typeof requestSelect }>;
type LastUpdate = { caseId: string; body: string; createdAt: Date };

/** The last public update of each case, in one query. */
async function lastPublicUpdates(caseIds: string[]): Promise<Map<string, LastUpdate>> {
  if (!caseIds.length) return new Map();
  const rows = await db.$queryRaw<LastUpdate[]>`
    SELECT DISTINCT ON ("caseId") "caseId", "body", "createdAt"
    FROM "CaseUpdate"
    WHERE "caseId" = ANY(${caseIds}::text[]) AND "isPublic"
    ORDER BY "caseId", "createdAt" DESC`;
  return new Map(rows.map((r) => [r.caseId, r]));
}

/**
 * The first public photo of each case, in one query: a photo of the filing, or of a public update (the
 * rule of lib/cases/photo-routes.ts, which serves it to anyone for a public case), not removed.
 */
async function firstPublicPhotos(caseIds: string[]): Promise<Map<string, string>> {
  if (!caseIds.length) return new Map();
  const rows = await db.$queryRaw<{ caseId: string; attachmentId: string }[]>`
    SELECT DISTINCT ON (p."caseId") p."caseId", p."attachmentId"
    FROM "CasePhoto" p
    JOIN "Attachment" a ON a."id" = p."attachmentId" AND a."removedAt" IS NULL AND a."kind" = 'CASE_PHOTO'
    LEFT JOIN "CaseUpdate" u ON u."id" = p."updateId"
    WHERE p."caseId" = ANY(${caseIds}::text[]) AND (p."updateId" IS NULL OR u."isPublic")
    ORDER BY p."caseId", p."createdAt", p."id"`;
  return new Map(rows.map((r) => [r.caseId, r.attachmentId]));
}

async function toServiceRequests(j: Jurisdiction, rows: RequestRow[], origin: string) {
  const ids = rows.map((r) => r.id);
  const [updates, photos] = await Promise.all([lastPublicUpdates(ids), firstPublicPhotos(ids)]);
  return rows.map((c) => {
    const last = updates.get(c.id);
    const photo = photos.get(c.id);
    return {
      service_request_id: String(c.number),
      status: open311Status(c.state),
      status_notes: last?.body || null,
      service_name: c.category?.name ?? null,
      service_code: c.category?.code ?? null,
      description: c.body.startsWith(c.title) ? c.body : `${c.title}\n${c.body}`,
      agency_responsible: c.state === "TRANSFERRED" && c.transferredTo ? c.transferredTo : committee(j),
      service_notice: null,
      requested_datetime: isoVn(c.receivedAt),
      updated_datetime: isoVn(last?.createdAt ?? c.receivedAt),
      expected_datetime: isoVn(c.expectedResolvedAt),
      address: c.address,
      address_id: null,
      zipcode: null,
      lat: c.lat,
      long: c.lng,
      media_url: photo ? `${origin}/api/communes/${j.slug}/cases/photos/${photo}` : null,
    };
  });
}

const list = (value: string | null) => (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);

/** A request list's query as the spec reads it, normalised: equal queries give equal keys (the cache's). */
export type RequestQuery =
  | { ids: number[] }
  | { states: CaseState[]; codes: string[]; start: Date; end: Date; endGiven: boolean; page: number; pageSize: number };

/** A whole number from `min` to `max` (the parameter's own message otherwise), or the default. */
function intParam(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = params.get(name)?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Open311Error(400, `${name} must be a whole number from ${min} to ${max} / ${name} phải là số nguyên từ ${min} đến ${max}.`);
  return n;
}

/**
 * Reads and checks GET requests' parameters. With service_request_id, every other filter is ignored
 * (the spec). Otherwise the window is start_date..end_date; without them, the last DEFAULT_DAYS (90)
 * days up to now (the spec's default).
 */
export function readRequestQuery(params: URLSearchParams, now = new Date()): RequestQuery {
  const ids = list(params.get("service_request_id"));
  if (ids.length) {
    const numbers = [...new Set(ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31))].sort((a, b) => a - b).slice(0, MAX_REQUESTS);
    return { ids: numbers };
  }
  const statuses = list(params.get("status")).map((s) => s.toLowerCase());
  for (const s of statuses) if (s !== "open" && s !== "closed") throw new Open311Error(400, `status must be open or closed, not "${s}" / status phải là open hoặc closed.`);
  const states = [...(statuses.includes("open") ? OPEN_STATES : []), ...(statuses.includes("closed") ? CLOSED_STATES : [])];
  const codes = [...new Set(list(params.get("service_code")))].sort();
  const givenEnd = parseDateParam(params.get("end_date"), "end_date");
  const end = givenEnd ?? now;
  const start = parseDateParam(params.get("start_date"), "start_date") ?? new Date(end.getTime() - DEFAULT_DAYS * 24 * 60 * 60 * 1000);
  if (start > end) throw new Open311Error(400, "start_date is after end_date / start_date sau end_date.");
  const pageSize = intParam(params, "page_size", 1, MAX_REQUESTS, DEFAULT_PAGE_SIZE);
  const page = intParam(params, "page", 1, 100_000, 1);
  return { states: states.length === OPEN_STATES.length + CLOSED_STATES.length ? [] : states, codes, start, end, endGiven: givenEnd !== null, page, pageSize };
}

/**
 * The cache key of a query: its normalised parts. A window that ends "now" is keyed by its length, so
 * every default query shares one entry while it lives (the cache keeps it a minute at most).
 */
export function requestQueryKey(q: RequestQuery): string {
  if ("ids" in q) return `ids:${q.ids.join(",")}`;
  const window = q.endGiven ? `${q.start.toISOString()}..${q.end.toISOString()}` : `last:${q.end.getTime() - q.start.getTime()}`;
  return `s:${q.states.join(",")}|c:${q.codes.join(",")}|w:${window}|p:${q.page}x${q.pageSize}`;
}

/** GET requests.{format}: public cases, filtered as the spec says; newest first, a page at a time. */
export async function listRequests(j: Jurisdiction, params: URLSearchParams | RequestQuery, now = new Date(), origin = "") {
  const q = params instanceof URLSearchParams ? readRequestQuery(params, now) : params;
  const where: Prisma.CaseWhereInput =
    "ids" in q
      ? { AND: [publicCaseWhere(j.id), { number: { in: q.ids } }] }
      : {
          AND: [
            publicCaseWhere(j.id),
            { receivedAt: { gte: q.start, lte: q.end } },
            q.states.length ? { state: { in: q.states } } : {},
            q.codes.length ? { category: { code: { in: q.codes } } } : {},
          ],
        };
  const page: { take: number; skip?: number } = "ids" in q ? { take: MAX_REQUESTS } : { take: q.pageSize, skip: (q.page - 1) * q.pageSize };
  const rows = await db.case.findMany({ where, select: requestSelect, orderBy: [{ receivedAt: "desc" }, { number: "desc" }], ...page });
  return toServiceRequests(j, rows, origin);
}

/** GET requests/{id}.{format}: one public case by its number, as a list of one. */
export async function getRequest(j: Jurisdiction, id: string, origin = "") {
  const number = Number(id);
  const row = Number.isInteger(number) && number > 0 && number < 2 ** 31 ? await db.case.findFirst({ where: { AND: [publicCaseWhere(j.id), { number }] }, select: requestSelect }) : null;
  if (!row) throw new Open311Error(404, `No public service request ${id} / Không có yêu cầu công khai số ${id}.`);
  return toServiceRequests(j, [row], origin);
}

/** Our field names (lib/cases/schemas.ts) as the spec's. */
const SPEC_FIELD: Record<string, string> = { title: "description", body: "description", categoryId: "service_code", lat: "lat", lng: "long", address: "address_string", senderName: "first_name", senderPhone: "phone", photoIds: "media", file: "media" };

/** An AppError from fileCase (or the rate limit, or the photo check) as the spec's error list. */
function specError(error: unknown, locale: Locale): unknown {
  if (!isAppError(error)) return error;
  const more = Object.entries(error.fields).map(([field, key]) => ({ code: 400, description: `${SPEC_FIELD[field] ?? field}: ${translate(locale, key, error.params)}` }));
  const status = error.status === 422 ? 400 : error.status;
  return new Open311Error(status, translate(locale, error.code, error.params), more);
}

type Media = { fileName: string; data: Buffer } | null;

/** POST requests.{format}: an Open311 client files a feedback case for a resident. */
export async function postRequest(j: Jurisdiction | null, form: FormData, media: Media, locale: Locale) {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const client = await clientForKey(text("api_key"));
  if (!client) throw new Open311Error(403, "api_key is missing, unknown or revoked / Khóa API không có, không đúng hoặc đã bị thu hồi.");
  if (j && j.id !== client.communeId) throw new Open311Error(403, "This api_key is not for this jurisdiction_id / Khóa API này không dành cho xã này.");
  const commune = j ?? (await db.commune.findUniqueOrThrow({ where: { id: client.communeId }, select: { id: true, slug: true, name: true } }));
  try {
    await consumeRateLimit("open311", client.id);
  } catch (error) {
    throw specError(error, locale);
  }

  const serviceCode = text("service_code");
  if (!serviceCode) throw new Open311Error(400, "service_code is required / Cần service_code.");
  const category = await db.caseCategory.findFirst({ where: { communeId: commune.id, code: serviceCode, active: true }, select: { id: true, name: true } });
  if (!category) throw new Open311Error(400, `service_code "${serviceCode}" is not a service of this jurisdiction / Không có loại yêu cầu "${serviceCode}".`);
  const lat = text("lat");
  const lng = text("long");
  const address = text("address_string") || text("address_id");
  if (!(lat && lng) && !address) throw new Open311Error(400, "A location is required: lat and long, or address_string / Cần vị trí: lat và long, hoặc address_string.");

  const description = text("description");
  const firstLine = description.split("\n")[0]!.trim();
  const title = firstLine.length >= 3 ? (firstLine.length > 100 ? `${firstLine.slice(0, 99)}…` : firstLine) : category.name;
  const senderName = [text("first_name"), text("last_name")].filter(Boolean).join(" ") || null;

  let filed;
  try {
    filed = await fileCase(
      { communeId: commune.id, userId: null, actorRole: "OPEN311", source: "OPEN311" },
      {
        kind: "FEEDBACK",
        categoryId: category.id,
        title,
        body: description,
        // Open311 requests are public by the standard's nature (anyone reads requests.json).
        isPublic: true,
        lat: lat || null,
        lng: lng || null,
        address: address || null,
        senderName,
        senderPhone: text("phone") || null,
        externalClientId: client.id,
      },
      { photos: media ? [media] : [] },
    );
  } catch (error) {
    throw specError(error, locale);
  }
  const notices = [`Ủy ban nhân dân xã ${commune.name} sẽ trả lời trước ngày ${vnDate(filed.replyDueAt)} (Điều 28 Luật Tiếp công dân năm 2013) / The commune will reply by ${vnDate(filed.replyDueAt)} (Law 42/2013 Art. 28).`];
  if (text("media_url")) notices.push("media_url was not fetched (the server makes no outside requests): upload the photo as `media` / media_url không được tải về: hãy gửi ảnh trong trường media.");
  if (text("email")) notices.push("email is not kept: give a phone number to be told of each step / Không lưu email.");
  return [{ service_request_id: String(filed.number), service_notice: notices.join(" "), account_id: null }];
}
